/**
 * Annex A milestones (RULES.md S4): when the local authority shares each kind of information,
 * counted from the notification / request for Annex A (002#242 table).
 *
 * Decision (C5): the bare "days" of the 002#242 table are working days. Counting them from the
 * actual request day is the same as counting back from fieldwork, so a notice moved by a bank
 * holiday (002#73 fn18) moves every deadline with it; the table's weekday words ("by the end of
 * Tuesday") describe the usual week and are shown as times only.
 */
import type { IsoDate } from '../calendar/dates.js'
import { addWorkingDays } from '../calendar/working-days.js'
import type { Milestone } from '../types.js'
import { milestone } from './common.js'

/** The three columns of the 002#242 table. */
export type AnnexAColumn = 'standard-or-short' | 'focused' | 'monitoring'

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

/** Working days between the request and fieldwork in each column of 002#242. */
export const ANNEX_A_REQUEST_BEFORE_FIELDWORK: Record<AnnexAColumn, number> = {
  'standard-or-short': 5,
  focused: 5,
  monitoring: 10,
}

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
