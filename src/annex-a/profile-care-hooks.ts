/**
 * The profile's row hooks of lists 8 to 11 (children in care, care leavers, adoption, adopters):
 * the counts, tallies and durations each row adds, and what it records of the child (002#150-153).
 */
import { DELAY_ADOPTION, DELAY_PLACEMENTS } from './child-registry.js'
import { CODE_SETS } from './code-sets.js'
import { type Accumulator, type HookContext, hookTools, indexOfCode, type RowHook } from './profile-accumulator.js'
import type { FieldIndex } from './row-view.js'

const ADOPTION_STAGES = ['adopted', 'decision reversed', 'placed', 'matched', 'waiting'] as const
const ADOPTER_STAGES = ['adopted', 'left the process', 'child placed', 'matched', 'approved', 'in assessment'] as const

/** The hook of one of lists 8 to 11, its fields resolved once. */
export function careHook(list: 8 | 9 | 10 | 11, f: FieldIndex, acc: Accumulator, ctx: HookContext): RowHook {
  const { asOf, reg } = ctx
  const { c, n, yesYN, countIf } = hookTools(acc)
  switch (list) {
    case 8:
      return childrenInCareHook(f, acc, ctx)
    case 9: {
      const [inTouch, suitability, activity, eligibility, accommodation] = [
        f('inTouch'),
        f('accommodationSuitability'),
        f('activity'),
        f('eligibility'),
        f('accommodation'),
      ]
      const inTouchTally = acc.tally('In touch', 'INTOUCH', false)
      const eligibilityTally = acc.tally('Eligibility', 'ELIG', false)
      const accommodationTally = acc.tally('Accommodation', 'ACCOM', true)
      const [touchKnown, touching, suitKnown, suitable, activityKnown, neet] = [
        c('in touch known'),
        c('in touch'),
        c('suitability known'),
        c('suitable'),
        c('activity known'),
        c('neet'),
      ]
      const touchYes = indexOfCode('INTOUCH', 'Yes')
      const suitableIndex = indexOfCode('SUIT', 'Suitable')
      const isNeet = CODE_SETS.ACTIVITY.codes.map((code) => code.group === 'NEET')
      return (v, slot) => {
        countIf(inTouchTally, v.codeIndex(inTouch))
        countIf(eligibilityTally, v.codeIndex(eligibility))
        if (v.has(accommodation)) accommodationTally[v.codeIndex(accommodation)]!++
        if (v.has(inTouch)) {
          n[touchKnown]!++
          if (v.codeIndex(inTouch) === touchYes) n[touching]!++
        }
        if (v.has(suitability)) {
          n[suitKnown]!++
          if (v.codeIndex(suitability) === suitableIndex) n[suitable]!++
        }
        if (v.has(activity)) {
          n[activityKnown]!++
          if (isNeet[v.codeIndex(activity)]) n[neet]!++
        }
        if (slot >= 0) {
          reg.inTouch[slot] = v.codeIndex(inTouch)
          reg.activity[slot] = v.codeIndex(activity)
          reg.suitability[slot] = v.codeIndex(suitability)
        }
      }
    }
    case 10: {
      const [entered, decision, matched, placed, order, reversed] = [
        f('enteredCare'),
        f('adoptionDecision'),
        f('matched'),
        f('placedForAdoption'),
        f('adoptionOrder'),
        f('decisionReversed'),
      ]
      const stages = acc.tallyOf('Stage', ADOPTION_STAGES)
      const [timed, within] = [c('placed timed'), c('within 426')]
      const toPlace = acc.duration('days from entering care to placement for adoption')
      const toMatch = acc.duration('days from decision to match')
      return (v, slot) => {
        const stage = v.has(order) ? 0 : v.has(reversed) ? 1 : v.has(placed) ? 2 : v.has(matched) ? 3 : 4
        stages[stage]!++
        if (v.has(entered) && v.has(placed) && v.day(placed) >= v.day(entered)) {
          const daysToPlace = v.day(placed) - v.day(entered)
          n[timed]!++
          toPlace.push(daysToPlace)
          // DfE adoption scorecard A1 threshold: 14 months (426 days) from entering care to moving in with the adoptive family.
          if (daysToPlace <= 426) n[within]!++
          else if (slot >= 0) reg.delay[slot]! |= DELAY_ADOPTION
        } else if (v.has(entered) && !v.has(placed) && !v.has(reversed) && asOf - v.day(entered) > 426 && slot >= 0)
          reg.delay[slot]! |= DELAY_ADOPTION
        if (v.has(decision) && v.has(matched) && v.day(matched) >= v.day(decision))
          toMatch.push(v.day(matched) - v.day(decision))
        if (slot >= 0) reg.adoptionStage[slot] = stage
      }
    }
    case 11: {
      const [approved, matched, placed, order, left, reason, ffa, enquiry] = [
        f('applicationApproved'),
        f('adopterMatched'),
        f('childrenPlaced'),
        f('adoptionOrder'),
        f('leftProcess'),
        f('leavingReason'),
        f('fosteringForAdoption'),
        f('enquiryReceived'),
      ]
      const stages = acc.tallyOf('Stage', ADOPTER_STAGES)
      const reasons = acc.tally('Reason for leaving', 'LEAVE', true)
      const ffaYes = c('ffa')
      const toApproval = acc.duration('days from enquiry to approval')
      return (v) => {
        const stage = v.has(order)
          ? 0
          : v.has(left)
            ? 1
            : v.has(placed)
              ? 2
              : v.has(matched)
                ? 3
                : v.has(approved)
                  ? 4
                  : 5
        stages[stage]!++
        if (v.has(left)) countIf(reasons, v.codeIndex(reason))
        if (v.codeIndex(ffa) === yesYN) n[ffaYes]!++
        if (v.has(enquiry) && v.has(approved) && v.day(approved) >= v.day(enquiry))
          toApproval.push(v.day(approved) - v.day(enquiry))
      }
    }
  }
}

function childrenInCareHook(f: FieldIndex, acc: Accumulator, ctx: HookContext): RowHook {
  const { days, reg } = ctx
  const n = acc.counters
  const c = (name: string) => acc.counter(name)
  const [
    ceased,
    legal,
    type,
    provider,
    location,
    permanence,
    placements,
    missing,
    absent,
    offered,
    accepted,
    uasc,
    health,
    reason,
    laStart,
    siblings,
  ] = [
    'ceasedDate',
    'legalStatus',
    'placementType',
    'placementProvider',
    'placementLocation',
    'permanencePlan',
    'placementsLast12Months',
    'missingEpisodes',
    'absentEpisodes',
    'returnInterviewOffered',
    'returnInterviewAccepted',
    'uasc',
    'lastHealthAssessment',
    'ceasedReason',
    'laStart',
    'siblings',
  ].map(f) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const legalTally = acc.tally('Legal status', 'LEGAL', true)
  const typeTally = acc.tally('Placement type', 'PLACETYPE', true)
  const providerTally = acc.tally('Placement provider', 'PROVIDER', false)
  const permanenceTally = acc.tally('Permanence plan', 'PERMANENCE', false)
  const reasonTally = acc.tally('Reason ceased', 'CEASED', true)
  const [
    open,
    locationKnown,
    outOfArea,
    placementsKnown,
    three,
    missingKnown,
    missingEpisodes,
    missingAny,
    absentKnown,
    absentAny,
    offeredYes,
    acceptedYes,
    uascYes,
    openForHealth,
    healthRecent,
    siblingsKnown,
    largeGroup,
  ] = [
    'open',
    'location known',
    'out of area',
    'placements known',
    'three placements',
    'missing known',
    'missing episodes',
    'missing',
    'absent known',
    'absent',
    'offered',
    'accepted',
    'uasc',
    'open for health',
    'health in 12 months',
    'siblings known',
    'large sibling group',
  ].map(c) as number[]
  const out = indexOfCode('INOUT', 'Out')
  const yes = indexOfCode('YNU', 'Yes')
  const yesYN = indexOfCode('YN', 'Yes')
  return (v, slot) => {
    const isOpen = v.blank(ceased)
    if (isOpen) n[open!]!++
    if (v.has(legal)) legalTally[v.codeIndex(legal)]!++
    if (v.has(type)) typeTally[v.codeIndex(type)]!++
    if (v.has(provider)) providerTally[v.codeIndex(provider)]!++
    if (v.has(permanence)) permanenceTally[v.codeIndex(permanence)]!++
    if (v.has(reason)) reasonTally[v.codeIndex(reason)]!++
    if (v.has(location)) {
      n[locationKnown!]!++
      if (v.codeIndex(location) === out) n[outOfArea!]!++
    }
    if (v.has(placements)) {
      n[placementsKnown!]!++
      if (v.int(placements) >= 3) n[three!]!++
    }
    if (v.has(missing)) {
      n[missingKnown!]!++
      n[missingEpisodes!]! += v.int(missing)
      if (v.int(missing) >= 1) n[missingAny!]!++
    }
    if (v.has(absent)) {
      n[absentKnown!]!++
      if (v.int(absent) >= 1) n[absentAny!]!++
    }
    if (v.codeIndex(offered) === yes) {
      n[offeredYes!]!++
      if (v.codeIndex(accepted) === yes) n[acceptedYes!]!++
    }
    const isUasc = v.codeIndex(uasc) === yesYN
    if (isUasc) n[uascYes!]!++
    if (isOpen) {
      n[openForHealth!]!++
      if (v.has(health) && v.day(health) >= days.twelveMonths) n[healthRecent!]!++
    }
    if (v.has(siblings)) {
      n[siblingsKnown!]!++
      if (v.int(siblings) >= 3) n[largeGroup!]!++
    }
    if (slot < 0) return
    reg.inCareOpen[slot] = isOpen ? 1 : 0
    reg.careStart[slot] = v.day(laStart)
    reg.legalStatus[slot] = v.codeIndex(legal)
    reg.placementType[slot] = v.codeIndex(type)
    reg.placementProvider[slot] = v.codeIndex(provider)
    reg.placementLocation[slot] = v.codeIndex(location)
    reg.permanencePlan[slot] = v.codeIndex(permanence)
    reg.placements[slot] = v.int(placements)
    reg.missingEpisodes[slot] = v.int(missing)
    reg.absentEpisodes[slot] = v.int(absent)
    reg.uasc[slot] = isUasc ? 1 : 0
    if (v.has(siblings)) reg.siblings[slot] = v.int(siblings)
    if (v.int(placements) >= 3) reg.delay[slot]! |= DELAY_PLACEMENTS
  }
}
