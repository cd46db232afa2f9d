/**
 * The inspectors' picture of a return: per-list counts, age bands, gender, ethnicity groups and
 * disability; the timeliness measures the lists allow; and the per-child summaries for case
 * selection (002#150-153). Everything is plain JSON so the web layer can store it.
 */
import { addMonths, addYears, type IsoDate } from '../rules/calendar/dates.js'
import { AGE_BANDS, CASE_SELECTION_FACTORS, FACTORS_NOT_IN_ANNEX_A, THRESHOLDS, ageBand, summariseChild, type CaseSelectionFactor, type ChildSummary } from './case-selection.js'
import type { ChildRecord, ChildRegistry } from './child-registry.js'
import { CODE_SETS, type CodeSetName } from './code-sets.js'
import { dayNumber, isoDate, wholeYears } from './day-numbers.js'
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
  /** One summary per child, by Child Unique ID only. */
  readonly children: ChildSummary[]
}

const GROUPS = new Map<CodeSetName, Map<string, string>>(Object.values(CODE_SETS).map((set) => [set.name, new Map(set.codes.map((c) => [c.code, c.group]))]))
function groupOf(set: CodeSetName, code: string): string {
  return GROUPS.get(set)!.get(code) ?? code
}

class Accumulator {
  rows = 0
  readonly ageBands: Record<string, number> = Object.fromEntries(AGE_BANDS.map((b) => [b, 0]))
  readonly genders: Record<string, number> = {}
  readonly ethnicityGroups: Record<string, number> = {}
  disability: Record<string, number> | null = null
  readonly breakdowns: Record<string, Record<string, number>> = {}
  readonly counters = new Map<string, number>()
  readonly durations = new Map<string, number[]>()

  add(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by)
  }
  n(name: string): number {
    return this.counters.get(name) ?? 0
  }
  tally(breakdown: string, value: string): void {
    if (!value) return
    const counts = (this.breakdowns[breakdown] ??= {})
    counts[value] = (counts[value] ?? 0) + 1
  }
  duration(name: string, value: number): void {
    let list = this.durations.get(name)
    if (!list) this.durations.set(name, (list = []))
    list.push(value)
  }
  median(name: string): number | null {
    const values = this.durations.get(name)
    if (!values || values.length === 0) return null
    values.sort((a, b) => a - b)
    const mid = values.length >> 1
    return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
  }
}

type RowHook = (v: RowView, child: ChildRecord | undefined, acc: Accumulator) => void

function measure(id: string, label: string, count: number, of: number, extra: Partial<Measure> = {}): Measure {
  return { id, label, count, of, percent: of > 0 ? Math.round((count / of) * 1000) / 10 : null, ...extra }
}

/** Collects the profile while the lists stream; `finish` turns it into `AnnexAProfile`. */
export class ProfileBuilder {
  private readonly accumulators = new Map<number, Accumulator>()
  private readonly hooks = new Map<number, RowHook>()
  private readonly asOfDay: number
  private readonly days: { sixMonths: number; twelveMonths: number; twoYears: number }

  constructor(
    private readonly asOf: IsoDate,
    private readonly workingDaysBetween: WorkingDaysBetween | undefined,
  ) {
    this.asOfDay = dayNumber(asOf)
    this.days = { sixMonths: dayNumber(addMonths(asOf, -6)), twelveMonths: dayNumber(addMonths(asOf, -12)), twoYears: dayNumber(addYears(asOf, -2)) }
  }

  /** Prepare for a list sheet (field indices are resolved once here). */
  startList(list: ListNumber, f: FieldIndex, known: (field: number) => boolean): void {
    if (!this.accumulators.has(list)) this.accumulators.set(list, new Accumulator())
    const person = this.personHook(list, f, known)
    const specific = this.listHook(list, f)
    this.hooks.set(list, (v, child, acc) => {
      person(v, child, acc)
      specific(v, child, acc)
    })
  }

  row(list: ListNumber, v: RowView, child: ChildRecord | undefined): void {
    this.hooks.get(list)!(v, child, this.accumulators.get(list)!)
  }

  private workingDays(from: number, to: number): number | undefined {
    return this.workingDaysBetween ? this.workingDaysBetween(isoDate(from), isoDate(to)) : undefined
  }

  private personHook(list: ListNumber, f: FieldIndex, known: (field: number) => boolean): RowHook {
    const spec = LISTS[list - 1]!
    const has = (key: string) => spec.columns.some((c) => c.key === key)
    const dob = has('dateOfBirth') ? f('dateOfBirth') : -1
    const age = has('age') ? f('age') : -1
    const gender = f('gender')
    const ethnicity = f('ethnicity')
    const disability = has('disability') ? f('disability') : -1
    const asOf = this.asOfDay
    return (v, _child, acc) => {
      acc.rows++
      let years: number | null = null
      if (dob >= 0 && v.has(dob)) years = v.day(dob) > asOf ? -1 : wholeYears(v.day(dob), asOf)
      else if (age >= 0 && v.has(age)) years = v.int(age)
      if (list !== 11) acc.ageBands[ageBand(years)]!++
      const g = v.has(gender) ? v.code(gender) : 'Not known'
      acc.genders[g] = (acc.genders[g] ?? 0) + 1
      const e = v.has(ethnicity) ? groupOf('ETHNICITY', v.code(ethnicity)) : 'Not known'
      acc.ethnicityGroups[e] = (acc.ethnicityGroups[e] ?? 0) + 1
      if (disability >= 0 && known(disability)) {
        const d = v.has(disability) ? v.code(disability) : 'Not known'
        acc.disability ??= {}
        acc.disability[d] = (acc.disability[d] ?? 0) + 1
      }
    }
  }

  private listHook(list: ListNumber, f: FieldIndex): RowHook {
    const days = this.days
    const asOf = this.asOfDay
    switch (list) {
      case 1: {
        const source = f('contactSource')
        return (v, _c, acc) => acc.tally('Contact source', v.has(source) ? groupOf('SOURCE', v.code(source)) : '')
      }
      case 2: {
        const [start, end] = [f('earlyHelpStart'), f('earlyHelpEnd')]
        return (v, child, acc) => {
          if (v.has(end)) {
            acc.add('completed')
            if (v.has(start) && v.day(end) >= v.day(start)) acc.duration('days to complete', v.day(end) - v.day(start))
          } else if (v.blank(end)) {
            acc.add('open')
            if (v.has(start) && v.day(start) < days.sixMonths && child) child.delay |= 1 << 5
          }
        }
      }
      case 3: {
        const [source, nfa, count] = [f('referralSource'), f('referralNfa'), f('referralsLast12Months')]
        return (v, _c, acc) => {
          acc.tally('Referral source', v.has(source) ? groupOf('SOURCE', v.code(source)) : '')
          if (v.has(nfa)) {
            acc.add('nfa known')
            if (v.code(nfa) === 'Yes') acc.add('nfa')
          }
          if (v.has(count)) {
            acc.add('count known')
            // Decision A4: the count includes the latest referral, so 2 or more is a repeat referral.
            if (v.int(count) >= 2) acc.add('repeat')
          }
        }
      }
      case 4: {
        const [start, authorised, seen, outcome] = [f('assessmentStart'), f('assessmentAuthorised'), f('childSeen'), f('assessmentOutcome')]
        return (v, child, acc) => {
          if (v.has(seen)) {
            acc.add('seen known')
            if (v.code(seen) === 'Yes') acc.add('seen')
          }
          if (v.has(outcome)) acc.tally('Assessed as requiring social care support', v.code(outcome))
          if (!v.has(start)) return
          const end = v.has(authorised) ? v.day(authorised) : v.blank(authorised) ? asOf : NaN
          if (Number.isNaN(end) || end < v.day(start)) return
          const wd = this.workingDays(v.day(start), end)
          if (v.has(authorised)) {
            acc.add('completed')
            acc.duration('days to complete', end - v.day(start))
            if (wd !== undefined) {
              acc.duration('working days to complete', wd)
              if (wd <= 45) acc.add('within 45')
            }
          } else acc.add('open')
          if (wd !== undefined && wd > 45 && child) child.delay |= 1 << 0
        }
      }
      case 5: {
        const [start, icpc, plan, unnecessary] = [f('s47Start'), f('icpcDate'), f('icpcPlan'), f('icpcUnnecessary')]
        return (v, child, acc) => {
          if (v.code(unnecessary) === 'Yes') acc.add('icpc unnecessary')
          if (v.has(plan)) {
            acc.add('plan known')
            if (v.code(plan) === 'Yes') acc.add('plan')
          }
          if (!v.has(icpc)) return
          acc.add('icpc held')
          if (!v.has(start) || v.day(icpc) < v.day(start)) return
          const wd = this.workingDays(v.day(start), v.day(icpc))
          if (wd === undefined) return
          acc.add('icpc timed')
          acc.duration('working days to ICPC', wd)
          if (wd <= 15) acc.add('icpc within 15')
          else if (child) child.delay |= 1 << 1
        }
      }
      case 6: {
        const [status, need, closure] = [f('caseStatus'), f('primaryNeed'), f('cinClosure')]
        return (v, child, acc) => {
          acc.tally('Case status', v.code(status))
          acc.tally('Primary need', v.has(need) ? `${v.code(need)} ${groupOf('NEED', v.code(need))}` : '')
          if (v.blank(closure)) acc.add('open')
          if (child) {
            if (v.has(status)) {
              child.caseStatus = v.code(status)
              child.caseStatusRef = v.rowNumber
            }
            if (v.has(need)) child.primaryNeed = v.code(need)
          }
        }
      }
      case 7: {
        const [start, end, latest, initial, previous, seenAlone, epo] = [f('cpStart'), f('cpEnd'), f('latestCategory'), f('initialCategory'), f('previousPlans'), f('seenAlone'), f('epo')]
        return (v, child, acc) => {
          acc.tally('Latest category of abuse', v.code(latest))
          acc.tally('Initial category of abuse', v.code(initial))
          const open = v.blank(end)
          if (open) acc.add('open')
          if (open && v.has(start) && v.day(start) <= days.twoYears) {
            acc.add('two years')
            if (child) child.delay |= 1 << 2
          }
          if (v.has(previous)) {
            acc.add('previous known')
            if (v.int(previous) >= 1) acc.add('repeat')
          }
          if (v.has(seenAlone)) {
            acc.add('seen alone known')
            if (v.code(seenAlone) === 'Yes') acc.add('seen alone')
          }
          if (v.code(epo) === 'Yes') acc.add('epo')
          if (child) {
            child.abuseCategory = v.code(latest) || v.code(initial)
            child.cpPlanOpen = open
            child.cpPlanStart = v.day(start)
            child.previousCpPlans = v.int(previous)
          }
        }
      }
      case 8:
        return this.childrenInCareHook(f)
      case 9: {
        const [inTouch, suitability, activity, eligibility, accommodation] = [f('inTouch'), f('accommodationSuitability'), f('activity'), f('eligibility'), f('accommodation')]
        return (v, child, acc) => {
          acc.tally('In touch', v.code(inTouch))
          acc.tally('Eligibility', v.code(eligibility))
          acc.tally('Accommodation', v.has(accommodation) ? groupOf('ACCOM', v.code(accommodation)) : '')
          if (v.has(inTouch)) {
            acc.add('in touch known')
            if (v.code(inTouch) === 'Yes') acc.add('in touch')
          }
          if (v.has(suitability)) {
            acc.add('suitability known')
            if (v.code(suitability) === 'Suitable') acc.add('suitable')
          }
          const activityGroup = v.has(activity) ? groupOf('ACTIVITY', v.code(activity)) : ''
          if (activityGroup) {
            acc.add('activity known')
            if (activityGroup === 'NEET') acc.add('neet')
          }
          if (child) {
            child.careLeaverInTouch = v.code(inTouch)
            child.careLeaverActivity = activityGroup
            child.careLeaverAccommodationSuitable = v.code(suitability)
          }
        }
      }
      case 10: {
        const [entered, decision, matched, placed, order, reversed] = [f('enteredCare'), f('adoptionDecision'), f('matched'), f('placedForAdoption'), f('adoptionOrder'), f('decisionReversed')]
        return (v, child, acc) => {
          const stage = v.has(order) ? 'adopted' : v.has(reversed) ? 'decision reversed' : v.has(placed) ? 'placed' : v.has(matched) ? 'matched' : 'waiting'
          acc.tally('Stage', stage)
          if (v.has(entered) && v.has(placed) && v.day(placed) >= v.day(entered)) {
            const daysToPlace = v.day(placed) - v.day(entered)
            acc.add('placed timed')
            acc.duration('days from entering care to placement for adoption', daysToPlace)
            // DfE adoption scorecard A1 threshold: 14 months (426 days) from entering care to moving in with the adoptive family.
            if (daysToPlace <= 426) acc.add('within 426')
            else if (child) child.delay |= 1 << 4
          } else if (v.has(entered) && !v.has(placed) && !v.has(reversed) && asOf - v.day(entered) > 426 && child) child.delay |= 1 << 4
          if (v.has(decision) && v.has(matched) && v.day(matched) >= v.day(decision)) acc.duration('days from decision to match', v.day(matched) - v.day(decision))
          if (child) child.adoptionStage = stage
        }
      }
      case 11: {
        const [approved, matched, placed, order, left, reason, ffa, enquiry] = [f('applicationApproved'), f('adopterMatched'), f('childrenPlaced'), f('adoptionOrder'), f('leftProcess'), f('leavingReason'), f('fosteringForAdoption'), f('enquiryReceived')]
        return (v, _c, acc) => {
          const stage = v.has(order) ? 'adopted' : v.has(left) ? 'left the process' : v.has(placed) ? 'child placed' : v.has(matched) ? 'matched' : v.has(approved) ? 'approved' : 'in assessment'
          acc.tally('Stage', stage)
          if (v.has(left)) acc.tally('Reason for leaving', v.has(reason) ? groupOf('LEAVE', v.code(reason)) : 'Not given')
          if (v.code(ffa) === 'Yes') acc.add('ffa')
          if (v.has(enquiry) && v.has(approved) && v.day(approved) >= v.day(enquiry)) acc.duration('days from enquiry to approval', v.day(approved) - v.day(enquiry))
        }
      }
    }
  }

  private childrenInCareHook(f: FieldIndex): RowHook {
    const days = this.days
    const [ceased, legal, type, provider, location, permanence, placements, missing, absent, offered, accepted, uasc, health, reason, laStart, siblings] = [
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
    ].map(f) as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number]
    return (v, child, acc) => {
      const open = v.blank(ceased)
      if (open) acc.add('open')
      acc.tally('Legal status', v.has(legal) ? groupOf('LEGAL', v.code(legal)) : '')
      acc.tally('Placement type', v.has(type) ? groupOf('PLACETYPE', v.code(type)) : '')
      acc.tally('Placement provider', v.has(provider) ? `${v.code(provider)} ${groupOf('PROVIDER', v.code(provider))}` : '')
      acc.tally('Permanence plan', v.code(permanence))
      if (v.has(reason)) acc.tally('Reason ceased', groupOf('CEASED', v.code(reason)))
      if (v.has(location)) {
        acc.add('location known')
        if (v.code(location) === 'Out') acc.add('out of area')
      }
      if (v.has(placements)) {
        acc.add('placements known')
        if (v.int(placements) >= 3) acc.add('three placements')
      }
      if (v.has(missing)) {
        acc.add('missing known')
        acc.add('missing episodes', v.int(missing))
        if (v.int(missing) >= 1) acc.add('missing')
      }
      if (v.has(absent)) {
        acc.add('absent known')
        if (v.int(absent) >= 1) acc.add('absent')
      }
      if (v.code(offered) === 'Yes') {
        acc.add('offered')
        if (v.code(accepted) === 'Yes') acc.add('accepted')
      }
      if (v.code(uasc) === 'Yes') acc.add('uasc')
      if (open) {
        acc.add('open for health')
        if (v.has(health) && v.day(health) >= days.twelveMonths) acc.add('health in 12 months')
      }
      if (v.has(siblings)) {
        acc.add('siblings known')
        if (v.int(siblings) >= 3) acc.add('large sibling group')
      }
      if (!child) return
      child.inCareOpen = open
      child.careStart = v.day(laStart)
      child.legalStatus = v.code(legal)
      child.placementType = v.code(type)
      child.placementGroup = v.has(type) ? groupOf('PLACETYPE', v.code(type)) : ''
      child.placementProvider = v.code(provider)
      child.placementLocation = v.code(location)
      child.permanencePlan = v.code(permanence)
      child.placementsLast12Months = v.int(placements)
      child.missingEpisodes = v.int(missing)
      child.absentEpisodes = v.int(absent)
      child.uasc = v.code(uasc) === 'Yes'
      if (v.has(siblings)) child.siblings = v.int(siblings)
      if (v.int(placements) >= 3) child.delay |= 1 << 3
    }
  }

  /** Count a child from 002#253's separate siblings sheet. */
  siblingsFromSheet(child: ChildRecord, count: number): void {
    child.siblings = count
  }

  private measures(list: number, acc: Accumulator): Measure[] {
    const wdNote = this.workingDaysBetween ? undefined : 'Needs the England-and-Wales working-day calendar (src/rules/calendar/working-days.ts), not yet wired in.'
    const wd = (m: Measure): Measure => (wdNote ? { ...m, count: null, of: null, percent: null, median: null, note: wdNote } : m)
    switch (list) {
      case 2:
        return [measure('early-help-open', 'Early help assessments still open', acc.n('open'), acc.rows), { ...measure('early-help-completed', 'Early help assessments completed', acc.n('completed'), acc.rows), median: acc.median('days to complete'), unit: 'days' }]
      case 3:
        return [
          measure('referral-nfa', 'Referrals with no further action', acc.n('nfa'), acc.n('nfa known')),
          measure('repeat-referrals', 'Repeat referrals (2 or more referrals in the 12 months, counting the latest)', acc.n('repeat'), acc.n('count known'), { note: 'Decision A4: the template count includes the latest referral.' }),
        ]
      case 4:
        return [
          wd({ ...measure('assessment-45-days', 'Completed assessments authorised within 45 working days', acc.n('within 45'), acc.n('completed')), median: acc.median('working days to complete'), unit: 'working days', citation: 'Working Together to Safeguard Children: 45 working days' }),
          measure('assessment-open', 'Assessments still open', acc.n('open'), acc.rows),
          measure('assessment-child-seen', 'Child seen during the assessment', acc.n('seen'), acc.n('seen known')),
        ]
      case 5:
        return [
          measure('icpc-held', 'Section 47 enquiries leading to an initial child protection conference', acc.n('icpc held'), acc.rows),
          wd({ ...measure('icpc-15-days', 'ICPCs within 15 working days of the strategy discussion', acc.n('icpc within 15'), acc.n('icpc timed')), median: acc.median('working days to ICPC'), unit: 'working days', citation: 'Working Together to Safeguard Children: 15 working days' }),
          measure('icpc-to-plan', 'Conferences resulting in a child protection plan', acc.n('plan'), acc.n('plan known')),
        ]
      case 6:
        return [measure('cin-open', 'Children in need with an open episode', acc.n('open'), acc.rows)]
      case 7:
        return [
          measure('cp-open', 'Children on a plan at the inspection date', acc.n('open'), acc.rows),
          measure('cp-two-years', 'Open plans lasting 2 years or more', acc.n('two years'), acc.n('open')),
          measure('cp-repeat', 'Children with a previous child protection plan (repeat plans)', acc.n('repeat'), acc.n('previous known')),
          measure('cp-seen-alone', 'Child seen alone at the last statutory visit', acc.n('seen alone'), acc.n('seen alone known')),
          measure('cp-epo', 'Subject to an EPO or police protection in the last six months', acc.n('epo'), acc.rows),
        ]
      case 8:
        return [
          measure('cla-open', 'Children in care at the inspection date', acc.n('open'), acc.rows),
          measure('cla-three-placements', 'Children with 3 or more placements in the last 12 months (placement stability)', acc.n('three placements'), acc.n('placements known')),
          measure('cla-out-of-area', 'Children placed out of area', acc.n('out of area'), acc.n('location known')),
          { ...measure('cla-missing', 'Children missing from placement in the last 12 months', acc.n('missing'), acc.n('missing known')), note: `${acc.n('missing episodes')} missing episodes in all` },
          measure('cla-absent', 'Children absent from placement in the last 12 months', acc.n('absent'), acc.n('absent known')),
          measure('cla-return-interview-offered', 'Children missing who were offered a return interview after their last missing episode', acc.n('offered'), acc.n('missing')),
          measure('cla-return-interview-accepted', 'Return interviews accepted, of those offered', acc.n('accepted'), acc.n('offered')),
          measure('cla-health-assessment', 'Children in care with a health assessment in the last 12 months', acc.n('health in 12 months'), acc.n('open for health')),
          measure('cla-uasc', 'Unaccompanied asylum-seeking children', acc.n('uasc'), acc.rows),
          measure('cla-large-sibling-group', 'Children from a large sibling group (3 or more brothers and sisters, 002#253)', acc.n('large sibling group'), acc.n('siblings known'), { citation: '002#253' }),
        ]
      case 9:
        return [
          measure('care-leavers-in-touch', 'Care leavers the LA is in touch with', acc.n('in touch'), acc.n('in touch known')),
          measure('care-leavers-suitable', 'Care leavers in suitable accommodation', acc.n('suitable'), acc.n('suitability known')),
          measure('care-leavers-neet', 'Care leavers not in education, employment or training', acc.n('neet'), acc.n('activity known')),
        ]
      case 10:
        return [
          {
            ...measure('adoption-a1', 'Placed for adoption within 14 months (426 days) of entering care', acc.n('within 426'), acc.n('placed timed')),
            median: acc.median('days from entering care to placement for adoption'),
            unit: 'days',
            citation: 'DfE adoption scorecard A1 threshold',
          },
          { id: 'adoption-decision-to-match', label: 'Days from the decision to place for adoption to matching', count: null, of: null, percent: null, median: acc.median('days from decision to match'), unit: 'days' },
        ]
      case 11:
        return [measure('adopters-ffa', 'Adopters fostering for adoption', acc.n('ffa'), acc.rows), { id: 'adopters-enquiry-to-approval', label: 'Days from enquiry to approval', count: null, of: null, percent: null, median: acc.median('days from enquiry to approval'), unit: 'days' }]
      default:
        return []
    }
  }

  /** The profile, once every list has been read. */
  finish(registry: ChildRegistry, distinctIds: (list: number) => number): AnnexAProfile {
    const lists: ListProfile[] = []
    for (const [list, acc] of [...this.accumulators].sort((a, b) => a[0] - b[0])) {
      lists.push({
        list,
        title: LISTS[list - 1]!.title,
        rows: acc.rows,
        children: distinctIds(list),
        ageBands: list === 11 ? {} : acc.ageBands,
        genders: acc.genders,
        ethnicityGroups: acc.ethnicityGroups,
        disability: acc.disability,
        breakdowns: acc.breakdowns,
        measures: this.measures(list, acc),
      })
    }
    const children: ChildSummary[] = []
    const byNumber: Record<string, number> = {}
    for (const [id, record] of registry.entries()) {
      const summary = summariseChild(id, record, this.asOfDay, this.days.sixMonths)
      children.push(summary)
      const n = String(summary.lists.length)
      byNumber[n] = (byNumber[n] ?? 0) + 1
    }
    children.sort((a, b) => (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0))
    const factorCounts = new Map<string, number>()
    const thresholdCounts = new Map<string, number>()
    for (const child of children) {
      for (const factor of child.factors) factorCounts.set(factor, (factorCounts.get(factor) ?? 0) + 1)
      for (const threshold of child.thresholds) thresholdCounts.set(threshold, (thresholdCounts.get(threshold) ?? 0) + 1)
    }
    return {
      asOf: this.asOf,
      lists,
      acrossLists: { children: registry.size, childrenByNumberOfLists: byNumber },
      caseSelection: {
        factors: CASE_SELECTION_FACTORS.map((factor) => ({ ...factor, children: factorCounts.get(factor.id) ?? 0 })),
        notInAnnexA: FACTORS_NOT_IN_ANNEX_A,
        thresholds: THRESHOLDS.map((t) => ({ id: t.id, label: t.label, children: thresholdCounts.get(t.id) ?? 0 })),
      },
      children,
    }
  }
}
