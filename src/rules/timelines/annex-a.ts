/**
 * Annex A milestones (RULES.md S4): when the local authority shares each kind of information,
 * counted from the notification / request for Annex A (002#242 table).
 *
 * Decision (C5): the bare "days" of the 002#242 table are working days. When planning, counting
 * them from the request day is the same as counting back from fieldwork, so a notice moved by a
 * bank holiday (002#73 fn18) moves every deadline with it; the table's weekday words ("by the
 * end of Tuesday") describe the usual week and are shown as times only. Once the call is made,
 * a late call moves the deadlines to count from it and an early one does not bring them
 * forward (`annexAMilestonesFromNotice`, 002#242, #75).
 */
import { formatLongDate, type IsoDate } from '../calendar/dates.js'
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js'
import type { ActivityType, Flag, Milestone } from '../types.js'
import { inDateOrder, milestone } from './common.js'

/** The three columns of the 002#242 table. */
export type AnnexAColumn = 'standard-or-short' | 'focused' | 'monitoring'

/**
 * The 002#242 column of an activity type, or undefined for the types whose Annex A dates come
 * from their own schedules (the post-monitoring inspection, 001#60-62; the 2015 progress
 * inspection, 000#42).
 */
function annexAColumnOf(type: ActivityType): AnnexAColumn | undefined {
  switch (type) {
    case 'standard-inspection':
    case 'short-inspection':
      return 'standard-or-short'
    case 'focused-visit':
      return 'focused'
    case 'monitoring-visit':
      return 'monitoring'
    default:
      return undefined
  }
}

interface Row {
  key: string
  label: string
  after: Record<AnnexAColumn, number>
  time: Record<AnnexAColumn, string>
}

// 002#242: working days after the notification / request, and the usual time of day.
const ROWS: Row[] = [
  {
    key: 'annex-a.child-level-data',
    label: 'Local authority shares the child-level data lists (Annex A lists 1–11)',
    after: { 'standard-or-short': 1, focused: 1, monitoring: 1 },
    time: { 'standard-or-short': 'by the end of the day', focused: 'usually by midday', monitoring: 'usually' },
  },
  {
    key: 'annex-a.audits',
    label: 'Local authority shares information about the audits it completed in the six months before the inspection',
    after: { 'standard-or-short': 1, focused: 1, monitoring: 1 },
    time: { 'standard-or-short': 'by the end of the day', focused: 'usually by midday', monitoring: 'usually' },
  },
  {
    key: 'annex-a.management-information',
    label: 'Local authority shares the information it uses to manage services for children and young people',
    after: { 'standard-or-short': 2, focused: 1, monitoring: 7 },
    time: {
      'standard-or-short': 'by the end of the day',
      focused: 'usually by the end of the day',
      monitoring: 'usually the Wednesday before inspectors are on site',
    },
  },
  {
    key: 'annex-a.case-information',
    label: 'Local authority shares information about specific children’s cases',
    after: { 'standard-or-short': 3, focused: 2, monitoring: 7 },
    time: {
      'standard-or-short': 'by the end of the day',
      focused: 'usually by the end of the day',
      monitoring: 'usually the Wednesday before inspectors are on site',
    },
  },
]

/** The Annex A milestones of one column of 002#242, counted from `requestDay` (S4). */
export function annexAMilestones(column: AnnexAColumn, requestDay: IsoDate): Milestone[] {
  const request = milestone(
    'annex-a.request',
    'Notification and request for Annex A information',
    requestDay,
    'S4',
    '002#242',
  )
  return [
    request,
    ...ROWS.map((row) =>
      milestone(row.key, row.label, addWorkingDays(requestDay, row.after[column]), 'S4', '002#242', {
        time: row.time[column],
      }),
    ),
  ]
}

/** The Annex A dates once the notice call is made: the request on the day of the call, and why the deadlines moved. */
interface AnnexAFromNotice {
  /** On the day it was due, after it (late) or before it (early). */
  readonly timing: 'on-time' | 'late' | 'early'
  /** The request (on the day of the call) and the deadlines of the column. */
  readonly milestones: Milestone[]
  /** What the timeline and notice pages say about it; undefined when the call was made on the day. */
  readonly flag: Flag | undefined
}

const NOTICE_CITATION = '002#242, #75'

/**
 * The Annex A milestones of one column of 002#242 once the notice call has been made on
 * `noticeDay`, when it was due on `dueDay` (S4, with S1's 002#75).
 *
 * The table counts each deadline "1 day after notification" etc., so a late call moves every
 * deadline with it: they count, in working days, from the day of the call. A late notice never
 * delays the start (002#75): only the Annex A dates move, never fieldwork.
 *
 * Decision (an early call, which the seeds do not address): the request is dated the day it
 * was made, but the deadlines still count from the day the notice was due. The table sets the
 * deadlines against fieldwork ("5 days before fieldwork", then "1 day after"), and an authority
 * told early is given more warning, not less time: no deadline falls earlier than the table
 * allows.
 */
function annexAMilestonesFromNotice(column: AnnexAColumn, dueDay: IsoDate, noticeDay: IsoDate): AnnexAFromNotice {
  const countFrom = noticeDay > dueDay ? noticeDay : dueDay
  const [, ...deadlines] = annexAMilestones(column, countFrom)
  const request = annexAMilestones(column, noticeDay)[0]!
  const milestones = [request, ...deadlines]
  if (noticeDay === dueDay) return { timing: 'on-time', milestones, flag: undefined }
  const given = formatLongDate(noticeDay)
  const due = formatLongDate(dueDay)
  if (noticeDay < dueDay) {
    return {
      timing: 'early',
      milestones,
      flag: {
        rule: 'S4',
        citation: NOTICE_CITATION,
        message: `The notice was given on ${given}, before it was due on ${due}, so the Annex A deadlines still count from ${due}: never earlier than the table allows (002#242)`,
      },
    }
  }
  const late = workingDaysBetween(dueDay, noticeDay)
  const howLate =
    late === 1 ? 'a day late' : late === 0 ? 'late, on a day that is not a working day' : `${late} working days late`
  return {
    timing: 'late',
    milestones,
    flag: {
      rule: 'S4',
      citation: NOTICE_CITATION,
      message: `The notice was given on ${given} (${howLate}: it was due on ${due}), so the Annex A deadlines count from that day (002#242); the first day on site does not change (002#75)`,
    },
  }
}

/** Whether a stored flag is the one `annexAMilestonesFromNotice` raised (S4): the pages show it beside the deadlines. */
export function isAnnexANoticeFlag(flag: Pick<Flag, 'rule' | 'citation'>): boolean {
  return flag.rule === 'S4' && flag.citation === NOTICE_CITATION
}

/**
 * A planned timeline once its notice call has been made on `noticeDay` (S4): its Annex A
 * milestones replaced by those of `annexAMilestonesFromNotice`, counted against the planned
 * request day, in date order; every other milestone, fieldwork included, unchanged (002#75).
 * A type outside the 002#242 table, or a timeline without an Annex A request, is returned as it is.
 */
export function timelineAfterNotice(
  type: ActivityType,
  milestones: readonly Milestone[],
  noticeDay: IsoDate,
): { milestones: Milestone[]; flag: Flag | undefined } {
  const column = annexAColumnOf(type)
  const due = milestones.find((item) => item.key === 'annex-a.request')?.date
  if (!column || !due) return { milestones: [...milestones], flag: undefined }
  const annexA = annexAMilestonesFromNotice(column, due, noticeDay)
  const moved = new Map(annexA.milestones.map((item) => [item.key, item]))
  return {
    milestones: inDateOrder(milestones.map((item) => moved.get(item.key) ?? item)),
    flag: annexA.flag,
  }
}
