/**
 * The monitoring programme's own questions (RULES.md M2, M3, M6), on top of `afterInadequate`:
 * which of the three dates the deadlines count from, whether a chosen action planning visit date
 * falls in its window, and whether the latest re-inspection date is near.
 *
 * The documents count the 70 working days (and the action planning visit) from different days:
 * - the pre-publication copy: "within 70 working days of receiving that report" (001#7) and
 *   "70 working days of receiving its pre-publication inspection report" (001#49);
 * - the final report: "within 70 working days of receiving the final inspection report" (002#219);
 * - publication: "within 70 days of the publication of the inspection report" (000#10) and
 *   "within 70 working days of publication of your report" (004#Key messages).
 */
import { addDays, formatDate, type IsoDate } from './calendar/dates.js'
import { isWorkingDay, workingDaysBetween } from './calendar/working-days.js'
import { ACTION_PLANNING_VISIT_WINDOW, afterInadequate, type AfterInadequate } from './after-inadequate.js'
import { type Cited, type Outcome, refuse } from './types.js'

/** The three days the documents count from, in the order the service prefers them. */
export const PROGRAMME_ANCHORS = {
  'pre-publication': {
    label: 'the local authority received the pre-publication copy of the report',
    citation: '001#7, #49',
  },
  'final-report': { label: 'the local authority received the final report', citation: '002#219' },
  publication: { label: 'the report was published', citation: '000#10; 004#Key messages' },
} as const
export type ProgrammeAnchor = keyof typeof PROGRAMME_ANCHORS

/** The three dates as recorded on a programme; any may still be unknown. */
export type ProgrammeDates = Partial<Record<ProgrammeAnchor, IsoDate | null>>

/** The day the deadlines count from, which of the three it is, and why. */
export interface AnchorChoice extends Cited {
  anchor: ProgrammeAnchor
  date: IsoDate
  /** True when a preferred date is still unknown and a later one stands in. */
  provisional: boolean
  why: string
}

/**
 * The day the programme's deadlines count from (M3). Decision: the pre-publication copy. 001 is
 * the handbook for this programme and names it twice (001#7, #49), and the letter with that copy
 * confirms the deadline (001#7); under ILACS the copy the LA receives before publication is the
 * final report under embargo (002#216), so 002#219's "final report" names the same document when
 * it is sent that way. The publication reading (000#10, 004) is the 2015 offer's and the LGA's
 * and gives later dates, so it is shown beside as the other reading, never used to relax a
 * deadline. Until the date of receipt is recorded the final report, then publication, stand in
 * and the choice says so.
 */
export function programmeAnchor(dates: ProgrammeDates): AnchorChoice | undefined {
  const order: ProgrammeAnchor[] = ['pre-publication', 'final-report', 'publication']
  const anchor = order.find((key) => dates[key])
  if (!anchor) return undefined
  const provisional = anchor !== 'pre-publication'
  const why = provisional
    ? `Counted from the day ${PROGRAMME_ANCHORS[anchor].label} until the day the local authority received the pre-publication copy is recorded (001#7, #49)`
    : 'The 2017 handbook for this programme counts from the pre-publication copy and its covering letter confirms the deadline (001#7, #49); under ILACS that copy is the final report sent under embargo (002#216, #219)'
  return {
    rule: 'M3',
    citation: PROGRAMME_ANCHORS[anchor].citation,
    anchor,
    date: dates[anchor]!,
    provisional,
    why,
  }
}

/** One deadline of the programme, under the chosen reading and the others. */
export interface ProgrammeDeadline extends Cited {
  key: 'action-planning-visit.earliest' | 'action-planning-visit.latest' | 'action-plan.due' | 'reinspection.latest'
  label: string
  date: IsoDate
  countsFrom: ProgrammeAnchor
  /** The same deadline counted from each other recorded date. */
  otherReadings: { anchor: ProgrammeAnchor; date: IsoDate; citation: string }[]
}

/** The programme's deadlines from its dates (M2, M3, M6), each naming the day it counts from. */
export interface ProgrammeDeadlines {
  anchor: AnchorChoice
  timeline: AfterInadequate
  deadlines: ProgrammeDeadline[]
}

/**
 * The deadlines of a programme: the action planning visit window (001#10), the action plan
 * (001#19) and the latest re-inspection (001#49; 003), counted from the chosen day and shown
 * under each other recorded day. Undefined until one of the three dates is known.
 */
export function programmeDeadlines(
  dates: ProgrammeDates,
  options: { actionPlanSubmitted?: IsoDate } = {},
): ProgrammeDeadlines | undefined {
  const anchor = programmeAnchor(dates)
  if (!anchor) return undefined
  const timeline = afterInadequate(anchor.date, options)
  const others = (Object.keys(PROGRAMME_ANCHORS) as ProgrammeAnchor[])
    .filter((key) => key !== anchor.anchor && dates[key])
    .map((key) => ({ anchor: key, timeline: afterInadequate(dates[key]!) }))
  const deadline = (
    key: ProgrammeDeadline['key'],
    label: string,
    pick: (value: AfterInadequate) => IsoDate,
    rule: Cited['rule'],
    citation: string,
  ): ProgrammeDeadline => ({
    key,
    label,
    rule,
    citation,
    date: pick(timeline),
    countsFrom: anchor.anchor,
    otherReadings: others.map((other) => ({
      anchor: other.anchor,
      date: pick(other.timeline),
      citation: PROGRAMME_ANCHORS[other.anchor].citation,
    })),
  })
  return {
    anchor,
    timeline,
    deadlines: [
      deadline(
        'action-planning-visit.earliest',
        'Action planning visit: earliest',
        (t) => t.actionPlanningVisit.earliest,
        'M2',
        '001#10',
      ),
      deadline(
        'action-planning-visit.latest',
        'Action planning visit: latest',
        (t) => t.actionPlanningVisit.latest,
        'M2',
        '001#10',
      ),
      deadline('action-plan.due', 'Action plan due', (t) => t.actionPlanDue, 'M3', '001#6, #19; 002#219'),
      deadline(
        'reinspection.latest',
        'Re-inspection: usually by (24 months from the action plan deadline)',
        (t) => t.reinspection.latest,
        'M6',
        '001#49; 003#The timing of the re-inspection',
      ),
    ],
  }
}

/**
 * Refuse an action planning visit date outside 25–35 working days after the report was received
 * (M2, 001#10), or one that is not a working day. "About 30" (002#116) is inside the window.
 */
export function checkActionPlanningVisitDate(
  reportReceived: IsoDate,
  visitOn: IsoDate,
): Outcome<{ workingDaysAfter: number }> {
  if (!isWorkingDay(visitOn))
    return refuse('M2', '001#10', `${formatDate(visitOn)} is not a working day: choose a working day for the visit`)
  // workingDaysBetween counts the working days after `from` up to and including `to`.
  const after = workingDaysBetween(reportReceived, visitOn)
  const { from, to } = ACTION_PLANNING_VISIT_WINDOW
  if (after < from || after > to)
    return refuse(
      'M2',
      '001#10',
      `${formatDate(visitOn)} is ${after} working days after the report was received on ${formatDate(reportReceived)}: the visit takes place between ${from} and ${to} working days after`,
    )
  return { ok: true, workingDaysAfter: after }
}

/** How near the latest re-inspection date is (M6): flagged from three months before. */
export type ReinspectionUrgency = 'not-yet' | 'near' | 'passed'

/**
 * Whether the latest re-inspection date (001#49) is near. Decision: "near" is from 91 days (about
 * three months, one quarterly monitoring visit's interval, 001#23) before it, so there is still
 * time to decide and plan the re-inspection; "passed" once the day has gone.
 */
export function reinspectionUrgency(latest: IsoDate, today: IsoDate): ReinspectionUrgency {
  if (today > latest) return 'passed'
  return today >= addDays(latest, -91) ? 'near' : 'not-yet'
}
