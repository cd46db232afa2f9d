/**
 * The inspectors' picture of a return: per-list counts, age bands, gender, ethnicity groups and
 * disability; the timeliness measures the lists allow; and the per-child summaries for case
 * selection (002#150-153). Everything is plain JSON so the web layer can store it.
 *
 * While rows stream, counts are kept in typed arrays indexed by code (no string keys per row);
 * labels are attached once, in `finish`.
 */
import { addMonths, addYears, type IsoDate } from '../rules/calendar/dates.js'
import {
  AGE_BANDS,
  CASE_SELECTION_FACTORS,
  FACTORS_NOT_IN_ANNEX_A,
  THRESHOLDS,
  ageBandIndex,
  type CaseSelectionFactor,
} from './case-selection.js'
import { buildChildrenTable, type ChildrenTable } from './children-table.js'
import {
  DELAY_ADOPTION,
  DELAY_ASSESSMENT,
  DELAY_CP_TWO_YEARS,
  DELAY_EARLY_HELP,
  DELAY_ICPC,
  DELAY_PLACEMENTS,
  type ChildRegistry,
} from './child-registry.js'
import { CODE_SETS, type CodeSetName } from './code-sets.js'
import { dayNumber, type AgeTable } from './day-numbers.js'
import type { WorkingDayCount } from './working-day-count.js'
import type { FieldIndex, RowView } from './row-view.js'
import { LISTS, type ListNumber } from './spec.js'

/** England-and-Wales working days after `from` up to and including `to` (src/rules/calendar/working-days.ts). */
export type WorkingDaysBetween = (from: IsoDate, to: IsoDate) => number

export interface Measure {
  readonly id: string
  readonly label: string
  /** Rows or children meeting the measure. */
  readonly count: number | null
  /** Out of how many. */
  readonly of: number | null
  readonly percent: number | null
  /** Median of a duration, where the measure is one. */
  readonly median?: number | null
  readonly unit?: 'days' | 'working days'
  readonly note?: string
  readonly citation?: string
}

export interface ListProfile {
  readonly list: number
  readonly title: string
  readonly rows: number
  /** Distinct Child Unique IDs (adopters for List 11). */
  readonly children: number
  /** Counts over rows (lists 1 and 2 may have several rows per child). */
  readonly ageBands: Record<string, number>
  readonly genders: Record<string, number>
  readonly ethnicityGroups: Record<string, number>
  readonly disability: Record<string, number> | null
  /** Other breakdowns the list allows: source, case status, category of abuse, placement type … */
  readonly breakdowns: Record<string, Record<string, number>>
  readonly measures: Measure[]
}

export interface AnnexAProfile {
  readonly asOf: IsoDate
  readonly lists: ListProfile[]
  readonly acrossLists: {
    /** Distinct children on lists 1–10. */
    readonly children: number
    /** How many children are on 1, 2, 3 … lists (002#250). */
    readonly childrenByNumberOfLists: Record<string, number>
  }
  readonly caseSelection: {
    readonly factors: (CaseSelectionFactor & { children: number })[]
    readonly notInAnnexA: readonly CaseSelectionFactor[]
    readonly thresholds: { id: string; label: string; children: number }[]
  }
  /** Every child, by Child Unique ID only, in order of first appearance (`childSummary` gives one as an object). */
  readonly children: ChildrenTable
}

/** Counts by code index of one column; the last slot counts blanks and unreadable values. */
interface Tally {
  readonly label: string
  readonly set: CodeSetName | null
  /** Labels of a tally that is not over a code set (stages). */
  readonly labels?: readonly string[]
  readonly counts: Float64Array
  /** Report by Ofsted's group rather than by code. */
  readonly grouped: boolean
}

class Accumulator {
  rows = 0
  readonly ageBands = new Float64Array(AGE_BANDS.length)
  readonly genders: Tally
  readonly ethnicity: Tally
  disability: Tally | undefined
  readonly tallies: Tally[] = []
  /** Named counters, one slot per name (see `counter`). */
  readonly counters: Float64Array
  private readonly counterNames: string[] = []
  readonly durations = new Map<string, number[]>()

  constructor(list: ListNumber) {
    this.genders = makeTally('Gender', list === 11 ? 'GENDER_ADOPTER' : 'GENDER', false)
    this.ethnicity = makeTally('Ethnicity', 'ETHNICITY', true)
    this.counters = new Float64Array(32)
  }

  /** The slot of a counter (resolved once per sheet, not per row). */
  counter(name: string): number {
    let index = this.counterNames.indexOf(name)
    if (index < 0) {
      index = this.counterNames.length
      this.counterNames.push(name)
    }
    return index
  }

  n(name: string): number {
    const index = this.counterNames.indexOf(name)
    return index < 0 ? 0 : this.counters[index]!
  }

  tally(label: string, set: CodeSetName, grouped: boolean): Float64Array {
    let found = this.tallies.find((t) => t.label === label)
    if (!found) this.tallies.push((found = makeTally(label, set, grouped)))
    return found.counts
  }

  tallyOf(label: string, labels: readonly string[]): Float64Array {
    const tally: Tally = { label, set: null, labels, grouped: false, counts: new Float64Array(labels.length) }
    this.tallies.push(tally)
    return tally.counts
  }

  duration(name: string): number[] {
    let list = this.durations.get(name)
    if (!list) this.durations.set(name, (list = []))
    return list
  }

  median(name: string): number | null {
    const values = this.durations.get(name)
    if (!values || values.length === 0) return null
    // A typed array sorts numbers natively, several times faster than sort() with a comparator.
    const sorted = new Float64Array(values).sort()
    const mid = values.length >> 1
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
  }
}

function makeTally(label: string, set: CodeSetName, grouped: boolean): Tally {
  return { label, set, grouped, counts: new Float64Array(CODE_SETS[set].codes.length + 1) }
}

/** A tally as `{ label: count }`, by code or by group, "Not known" for blanks. */
function tallyRecord(tally: Tally, includeUnknown: boolean): Record<string, number> {
  const out: Record<string, number> = {}
  if (tally.labels) {
    tally.labels.forEach((label, i) => {
      if (tally.counts[i]! > 0) out[label] = tally.counts[i]!
    })
    return out
  }
  const set = CODE_SETS[tally.set!]
  set.codes.forEach((code, i) => {
    const n = tally.counts[i]!
    if (n === 0) return
    const key = tally.grouped ? code.group : set.codeIsLabel ? code.label : `${code.code} ${code.label}`
    out[key] = (out[key] ?? 0) + n
  })
  const unknown = tally.counts[set.codes.length]!
  if (includeUnknown && unknown > 0) out['Not known'] = unknown
  return out
}

type RowHook = (v: RowView, slot: number, acc: Accumulator) => void

function measure(id: string, label: string, count: number, of: number, extra: Partial<Measure> = {}): Measure {
  return { id, label, count, of, percent: of > 0 ? Math.round((count / of) * 1000) / 10 : null, ...extra }
}

function indexOfCode(set: CodeSetName, code: string): number {
  return CODE_SETS[set].codes.findIndex((c) => c.code === code)
}

/** Collects the profile while the lists stream; `finish` turns it into `AnnexAProfile`. */
export class ProfileBuilder {
  private readonly accumulators = new Map<number, Accumulator>()
  private readonly asOfDay: number
  private readonly days: { sixMonths: number; twelveMonths: number; twoYears: number }

  constructor(
    private readonly asOf: IsoDate,
    /** Working days between two day numbers; undefined leaves the working-day measures empty. */
    private readonly workingDaysBetween: WorkingDayCount | undefined,
    private readonly registry: ChildRegistry,
    private readonly ages: AgeTable,
  ) {
    this.asOfDay = dayNumber(asOf)
    this.days = {
      sixMonths: dayNumber(addMonths(asOf, -6)),
      twelveMonths: dayNumber(addMonths(asOf, -12)),
      twoYears: dayNumber(addYears(asOf, -2)),
    }
  }

  /** Age on the inspection date of a child born on `dob` (-1 when unborn). */
  ageOn(dob: number): number {
    return this.ages.age(dob)
  }

  /** Prepare for a list sheet (field indices are resolved once here); returns the function to call for each row. */
  startList(list: ListNumber, f: FieldIndex, known: (field: number) => boolean): (v: RowView, slot: number) => void {
    let acc = this.accumulators.get(list)
    if (!acc) this.accumulators.set(list, (acc = new Accumulator(list)))
    const a = acc
    const person = this.personHook(list, f, known, a)
    const specific = this.listHook(list, f, a)
    return (v, slot) => {
      person(v, slot, a)
      specific(v, slot, a)
    }
  }

  private workingDays(from: number, to: number): number | undefined {
    return this.workingDaysBetween ? this.workingDaysBetween(from, to) : undefined
  }

  private personHook(list: ListNumber, f: FieldIndex, known: (field: number) => boolean, acc: Accumulator): RowHook {
    const spec = LISTS[list - 1]!
    const has = (key: string) => spec.columns.some((c) => c.key === key)
    const dob = has('dateOfBirth') ? f('dateOfBirth') : -1
    const age = has('age') ? f('age') : -1
    const gender = f('gender')
    const ethnicity = f('ethnicity')
    const disability = has('disability') ? f('disability') : -1
    const genders = acc.genders.counts
    const ethnicities = acc.ethnicity.counts
    const unknownGender = genders.length - 1
    const unknownEthnicity = ethnicities.length - 1
    let disabilities: Float64Array | undefined
    if (disability >= 0 && known(disability)) {
      acc.disability ??= makeTally('Disability', list === 11 ? 'YN' : 'YNU', false)
      disabilities = acc.disability.counts
    }
    const bands = acc.ageBands
    return (v) => {
      acc.rows++
      if (list !== 11) {
        const years = dob >= 0 && v.has(dob) ? this.ageOn(v.day(dob)) : age >= 0 && v.has(age) ? v.int(age) : NaN
        bands[ageBandIndex(years)]!++
      }
      const g = v.codeIndex(gender)
      genders[g >= 0 ? g : unknownGender]!++
      const e = v.codeIndex(ethnicity)
      ethnicities[e >= 0 ? e : unknownEthnicity]!++
      if (disabilities) {
        const d = v.codeIndex(disability)
        disabilities[d >= 0 ? d : disabilities.length - 1]!++
      }
    }
  }

  private listHook(list: ListNumber, f: FieldIndex, acc: Accumulator): RowHook {
    const days = this.days
    const asOf = this.asOfDay
    const reg = this.registry
    const c = (name: string) => acc.counter(name)
    const n = acc.counters
    const yes = indexOfCode('YNU', 'Yes')
    const yesYN = indexOfCode('YN', 'Yes')
    const countIf = (counts: Float64Array, index: number) => {
      counts[index >= 0 ? index : counts.length - 1]!++
    }
    switch (list) {
      case 1: {
        const source = f('contactSource')
        const sources = acc.tally('Contact source', 'SOURCE', true)
        return (v) => countIf(sources, v.codeIndex(source))
      }
      case 2: {
        const [start, end] = [f('earlyHelpStart'), f('earlyHelpEnd')]
        const [completed, open] = [c('completed'), c('open')]
        const toComplete = acc.duration('days to complete')
        return (v, slot) => {
          if (v.has(end)) {
            n[completed]!++
            if (v.has(start) && v.day(end) >= v.day(start)) toComplete.push(v.day(end) - v.day(start))
          } else if (v.blank(end)) {
            n[open]!++
            if (slot >= 0 && v.has(start) && v.day(start) < days.sixMonths) reg.delay[slot]! |= DELAY_EARLY_HELP
          }
        }
      }
      case 3: {
        const [source, nfa, count] = [f('referralSource'), f('referralNfa'), f('referralsLast12Months')]
        const sources = acc.tally('Referral source', 'SOURCE', true)
        const [nfaKnown, nfaYes, countKnown, repeat] = [c('nfa known'), c('nfa'), c('count known'), c('repeat')]
        return (v) => {
          countIf(sources, v.codeIndex(source))
          if (v.has(nfa)) {
            n[nfaKnown]!++
            if (v.codeIndex(nfa) === yes) n[nfaYes]!++
          }
          if (v.has(count)) {
            n[countKnown]!++
            // Decision A4: the template count includes the latest referral, so 2 or more is a repeat referral.
            if (v.int(count) >= 2) n[repeat]!++
          }
        }
      }
      case 4: {
        const [start, authorised, seen, outcome] = [
          f('assessmentStart'),
          f('assessmentAuthorised'),
          f('childSeen'),
          f('assessmentOutcome'),
        ]
        const outcomes = acc.tally('Assessed as requiring social care support', 'YNU', false)
        const [seenKnown, seenYes, completed, within, open] = [
          c('seen known'),
          c('seen'),
          c('completed'),
          c('within 45'),
          c('open'),
        ]
        const calendarDays = acc.duration('days to complete')
        const working = acc.duration('working days to complete')
        return (v, slot) => {
          if (v.has(seen)) {
            n[seenKnown]!++
            if (v.codeIndex(seen) === yes) n[seenYes]!++
          }
          if (v.has(outcome)) outcomes[v.codeIndex(outcome)]!++
          if (!v.has(start)) return
          const end = v.has(authorised) ? v.day(authorised) : v.blank(authorised) ? asOf : NaN
          if (Number.isNaN(end) || end < v.day(start)) return
          const wd = this.workingDays(v.day(start), end)
          if (v.has(authorised)) {
            n[completed]!++
            calendarDays.push(end - v.day(start))
            if (wd !== undefined) {
              working.push(wd)
              if (wd <= 45) n[within]!++
            }
          } else n[open]!++
          if (wd !== undefined && wd > 45 && slot >= 0) reg.delay[slot]! |= DELAY_ASSESSMENT
        }
      }
      case 5: {
        const [start, icpc, plan, unnecessary] = [f('s47Start'), f('icpcDate'), f('icpcPlan'), f('icpcUnnecessary')]
        const [unnecessaryYes, planKnown, planYes, held, timed, within] = [
          c('icpc unnecessary'),
          c('plan known'),
          c('plan'),
          c('icpc held'),
          c('icpc timed'),
          c('icpc within 15'),
        ]
        const toIcpc = acc.duration('working days to ICPC')
        return (v, slot) => {
          if (v.codeIndex(unnecessary) === yesYN) n[unnecessaryYes]!++
          if (v.has(plan)) {
            n[planKnown]!++
            if (v.codeIndex(plan) === yesYN) n[planYes]!++
          }
          if (!v.has(icpc)) return
          n[held]!++
          if (!v.has(start) || v.day(icpc) < v.day(start)) return
          const wd = this.workingDays(v.day(start), v.day(icpc))
          if (wd === undefined) return
          n[timed]!++
          toIcpc.push(wd)
          if (wd <= 15) n[within]!++
          else if (slot >= 0) reg.delay[slot]! |= DELAY_ICPC
        }
      }
      case 6: {
        const [status, need, closure] = [f('caseStatus'), f('primaryNeed'), f('cinClosure')]
        const statuses = acc.tally('Case status', 'CASESTATUS', false)
        const needs = acc.tally('Primary need', 'NEED', false)
        const open = c('open')
        return (v, slot) => {
          countIf(statuses, v.codeIndex(status))
          countIf(needs, v.codeIndex(need))
          if (v.blank(closure)) n[open]!++
          if (slot >= 0) {
            if (v.has(status)) reg.caseStatus[slot] = v.codeIndex(status)
            if (v.has(need)) reg.primaryNeed[slot] = v.codeIndex(need)
          }
        }
      }
      case 7: {
        const [start, end, latest, initial, previous, seenAlone, epo] = [
          f('cpStart'),
          f('cpEnd'),
          f('latestCategory'),
          f('initialCategory'),
          f('previousPlans'),
          f('seenAlone'),
          f('epo'),
        ]
        const latestTally = acc.tally('Latest category of abuse', 'ABUSE', false)
        const initialTally = acc.tally('Initial category of abuse', 'ABUSE', false)
        const [open, twoYears, previousKnown, repeat, aloneKnown, alone, epoYes] = [
          c('open'),
          c('two years'),
          c('previous known'),
          c('repeat'),
          c('seen alone known'),
          c('seen alone'),
          c('epo'),
        ]
        return (v, slot) => {
          countIf(latestTally, v.codeIndex(latest))
          countIf(initialTally, v.codeIndex(initial))
          const isOpen = v.blank(end)
          if (isOpen) n[open]!++
          const long = isOpen && v.has(start) && v.day(start) <= days.twoYears
          if (long) n[twoYears]!++
          if (v.has(previous)) {
            n[previousKnown]!++
            if (v.int(previous) >= 1) n[repeat]!++
          }
          if (v.has(seenAlone)) {
            n[aloneKnown]!++
            if (v.codeIndex(seenAlone) === yes) n[alone]!++
          }
          if (v.codeIndex(epo) === yesYN) n[epoYes]!++
          if (slot >= 0) {
            reg.abuseCategory[slot] = v.has(latest) ? v.codeIndex(latest) : v.codeIndex(initial)
            reg.cpPlanOpen[slot] = isOpen ? 1 : 0
            if (long) reg.delay[slot]! |= DELAY_CP_TWO_YEARS
          }
        }
      }
      case 8:
        return this.childrenInCareHook(f, acc)
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

  private childrenInCareHook(f: FieldIndex, acc: Accumulator): RowHook {
    const days = this.days
    const reg = this.registry
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

  private measures(list: number, acc: Accumulator): Measure[] {
    const wdNote = this.workingDaysBetween ? undefined : 'Needs a working-day calendar (none was given).'
    const wd = (m: Measure): Measure =>
      wdNote ? { ...m, count: null, of: null, percent: null, median: null, note: wdNote } : m
    switch (list) {
      case 2:
        return [
          measure('early-help-open', 'Early help assessments still open', acc.n('open'), acc.rows),
          {
            ...measure('early-help-completed', 'Early help assessments completed', acc.n('completed'), acc.rows),
            median: acc.median('days to complete'),
            unit: 'days',
          },
        ]
      case 3:
        return [
          measure('referral-nfa', 'Referrals with no further action', acc.n('nfa'), acc.n('nfa known')),
          measure(
            'repeat-referrals',
            'Repeat referrals (2 or more referrals in the 12 months, counting the latest)',
            acc.n('repeat'),
            acc.n('count known'),
            { note: 'Decision A4: the template count includes the latest referral.' },
          ),
        ]
      case 4:
        return [
          wd({
            ...measure(
              'assessment-45-days',
              'Completed assessments authorised within 45 working days',
              acc.n('within 45'),
              acc.n('completed'),
            ),
            median: acc.median('working days to complete'),
            unit: 'working days',
            citation: 'Working Together to Safeguard Children: 45 working days',
          }),
          measure('assessment-open', 'Assessments still open', acc.n('open'), acc.rows),
          measure('assessment-child-seen', 'Child seen during the assessment', acc.n('seen'), acc.n('seen known')),
        ]
      case 5:
        return [
          measure(
            'icpc-held',
            'Section 47 enquiries leading to an initial child protection conference',
            acc.n('icpc held'),
            acc.rows,
          ),
          wd({
            ...measure(
              'icpc-15-days',
              'ICPCs within 15 working days of the strategy discussion',
              acc.n('icpc within 15'),
              acc.n('icpc timed'),
            ),
            median: acc.median('working days to ICPC'),
            unit: 'working days',
            citation: 'Working Together to Safeguard Children: 15 working days',
          }),
          measure(
            'icpc-to-plan',
            'Conferences resulting in a child protection plan',
            acc.n('plan'),
            acc.n('plan known'),
          ),
        ]
      case 6:
        return [measure('cin-open', 'Children in need with an open episode', acc.n('open'), acc.rows)]
      case 7:
        return [
          measure('cp-open', 'Children on a plan at the inspection date', acc.n('open'), acc.rows),
          measure('cp-two-years', 'Open plans lasting 2 years or more', acc.n('two years'), acc.n('open')),
          measure(
            'cp-repeat',
            'Children with a previous child protection plan (repeat plans)',
            acc.n('repeat'),
            acc.n('previous known'),
          ),
          measure(
            'cp-seen-alone',
            'Child seen alone at the last statutory visit',
            acc.n('seen alone'),
            acc.n('seen alone known'),
          ),
          measure('cp-epo', 'Subject to an EPO or police protection in the last six months', acc.n('epo'), acc.rows),
        ]
      case 8:
        return [
          measure('cla-open', 'Children in care at the inspection date', acc.n('open'), acc.rows),
          measure(
            'cla-three-placements',
            'Children with 3 or more placements in the last 12 months (placement stability)',
            acc.n('three placements'),
            acc.n('placements known'),
          ),
          measure('cla-out-of-area', 'Children placed out of area', acc.n('out of area'), acc.n('location known')),
          {
            ...measure(
              'cla-missing',
              'Children missing from placement in the last 12 months',
              acc.n('missing'),
              acc.n('missing known'),
            ),
            note: `${acc.n('missing episodes')} missing episodes in all`,
          },
          measure(
            'cla-absent',
            'Children absent from placement in the last 12 months',
            acc.n('absent'),
            acc.n('absent known'),
          ),
          measure(
            'cla-return-interview-offered',
            'Children missing who were offered a return interview after their last missing episode',
            acc.n('offered'),
            acc.n('missing'),
          ),
          measure(
            'cla-return-interview-accepted',
            'Return interviews accepted, of those offered',
            acc.n('accepted'),
            acc.n('offered'),
          ),
          measure(
            'cla-health-assessment',
            'Children in care with a health assessment in the last 12 months',
            acc.n('health in 12 months'),
            acc.n('open for health'),
          ),
          measure('cla-uasc', 'Unaccompanied asylum-seeking children', acc.n('uasc'), acc.rows),
          measure(
            'cla-large-sibling-group',
            'Children from a large sibling group (3 or more brothers and sisters, 002#253)',
            acc.n('large sibling group'),
            acc.n('siblings known'),
            { citation: '002#253' },
          ),
        ]
      case 9:
        return [
          measure(
            'care-leavers-in-touch',
            'Care leavers the LA is in touch with',
            acc.n('in touch'),
            acc.n('in touch known'),
          ),
          measure(
            'care-leavers-suitable',
            'Care leavers in suitable accommodation',
            acc.n('suitable'),
            acc.n('suitability known'),
          ),
          measure(
            'care-leavers-neet',
            'Care leavers not in education, employment or training',
            acc.n('neet'),
            acc.n('activity known'),
          ),
        ]
      case 10:
        return [
          {
            ...measure(
              'adoption-a1',
              'Placed for adoption within 14 months (426 days) of entering care',
              acc.n('within 426'),
              acc.n('placed timed'),
            ),
            median: acc.median('days from entering care to placement for adoption'),
            unit: 'days',
            citation: 'DfE adoption scorecard A1 threshold',
          },
          {
            id: 'adoption-decision-to-match',
            label: 'Days from the decision to place for adoption to matching',
            count: null,
            of: null,
            percent: null,
            median: acc.median('days from decision to match'),
            unit: 'days',
          },
        ]
      case 11:
        return [
          measure('adopters-ffa', 'Adopters fostering for adoption', acc.n('ffa'), acc.rows),
          {
            id: 'adopters-enquiry-to-approval',
            label: 'Days from enquiry to approval',
            count: null,
            of: null,
            percent: null,
            median: acc.median('days from enquiry to approval'),
            unit: 'days',
          },
        ]
      default:
        return []
    }
  }

  /** The profile, once every list has been read. `adopters` is List 11's distinct adopter count. */
  finish(adopters: number): AnnexAProfile {
    const reg = this.registry
    const children = buildChildrenTable(reg, this.asOfDay, this.days.sixMonths, (dob) => this.ageOn(dob))
    const distinct = new Float64Array(12)
    const byNumber: Record<string, number> = {}
    const factorCounts = new Float64Array(CASE_SELECTION_FACTORS.length)
    const thresholdCounts = new Float64Array(THRESHOLDS.length)
    for (let i = 0; i < children.count; i++) {
      const onLists = children.lists[i]! & LISTS_1_TO_10
      countBits(onLists, distinct)
      const lists = bitCount(onLists)
      byNumber[lists] = (byNumber[lists] ?? 0) + 1
      countBits(children.factors[i]!, factorCounts)
      countBits(children.thresholds[i]!, thresholdCounts)
    }
    distinct[11] = adopters
    const lists: ListProfile[] = []
    for (const [list, acc] of [...this.accumulators].sort((a, b) => a[0] - b[0])) {
      const ageBands: Record<string, number> = {}
      if (list !== 11) AGE_BANDS.forEach((band, i) => (ageBands[band] = acc.ageBands[i]!))
      const breakdowns: Record<string, Record<string, number>> = {}
      for (const tally of acc.tallies) breakdowns[tally.label] = tallyRecord(tally, true)
      lists.push({
        list,
        title: LISTS[list - 1]!.title,
        rows: acc.rows,
        children: distinct[list]!,
        ageBands,
        genders: tallyRecord(acc.genders, true),
        ethnicityGroups: tallyRecord(acc.ethnicity, true),
        disability: acc.disability ? tallyRecord(acc.disability, true) : null,
        breakdowns,
        measures: this.measures(list, acc),
      })
    }
    return {
      asOf: this.asOf,
      lists,
      acrossLists: { children: reg.size, childrenByNumberOfLists: byNumber },
      caseSelection: {
        factors: CASE_SELECTION_FACTORS.map((factor, i) => ({ ...factor, children: factorCounts[i]! })),
        notInAnnexA: FACTORS_NOT_IN_ANNEX_A,
        thresholds: THRESHOLDS.map((t, i) => ({ id: t.id, label: t.label, children: thresholdCounts[i]! })),
      },
      children,
    }
  }
}

/** Bits 1–10 of a child's `lists`: the child lists (List 11 is adopters). */
const LISTS_1_TO_10 = 0b111_1111_1110

function bitCount(bits: number): number {
  let n = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) n++
  return n
}

/** Add one to `counts[b]` for each bit b set in `bits` (visiting only the set bits). */
function countBits(bits: number, counts: Float64Array): void {
  for (let rest = bits; rest !== 0; rest &= rest - 1) counts[31 - Math.clz32(rest & -rest)]!++
}

const ADOPTION_STAGES = ['adopted', 'decision reversed', 'placed', 'matched', 'waiting'] as const
const ADOPTER_STAGES = ['adopted', 'left the process', 'child placed', 'matched', 'approved', 'in assessment'] as const
