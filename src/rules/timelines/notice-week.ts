/**
 * The notice week shared by standard and short inspections (RULES.md S1, S2, S4): the two
 * schedule tables after 002#53 and 002#55 are the same from Monday's phone call to Friday's team
 * conference, and fieldwork starts the Monday after.
 */
import type { IsoDate } from '../calendar/dates.js'
import { notificationFor } from '../calendar/notification.js'
import { addWorkingDays } from '../calendar/working-days.js'
import type { Milestone } from '../types.js'
import { annexAMilestones } from './annex-a.js'
import { milestone, type Note, type ScheduleRow } from './common.js'

/** The notice week before a standard or short inspection whose fieldwork starts `onsite`. */
export function noticeWeek(onsite: IsoDate, citation: string): { notice: IsoDate; milestones: Milestone[]; rows: ScheduleRow[]; notes: Note[] } {
  const notification = notificationFor(onsite)
  const notice = notification.date
  const annexA = annexAMilestones('standard-or-short', notice)
  const milestones: Milestone[] = [
    milestone('notice', 'Lead inspector telephones the DCS to announce the inspection, then emails the Annex A request', notice, 'S1', '002#73-74', { time: 'by 9.30am' }),
    milestone('notice.set-up-call', 'Set-up telephone conference: lead inspector and DCS', notice, 'S2', citation, { time: 'afternoon' }),
    ...annexA,
    milestone('team.off-site-evaluation', 'Full team off-site evaluation of evidence', addWorkingDays(notice, 3), 'S2', citation),
    milestone('team.telephone-conference', 'Telephone conference team meeting (including an Ofsted analytical officer)', addWorkingDays(notice, 4), 'S2', citation),
  ]
  const at = (key: string): IsoDate => annexA.find((item) => item.key === key)!.date
  const rows: ScheduleRow[] = [
    { label: 'Notice', date: notice, weekday: 1 },
    { label: 'Child-level data and audits', date: at('annex-a.child-level-data'), weekday: 2 },
    { label: 'Performance and management information', date: at('annex-a.management-information'), weekday: 3 },
    { label: 'Specific case information', date: at('annex-a.case-information'), weekday: 4 },
    { label: 'Telephone conference team meeting', date: addWorkingDays(notice, 4), weekday: 5 },
  ]
  const notes: Note[] = [
    { rule: 'S1', citation: '002#75', message: 'If the DCS is not available, the lead inspector speaks to or emails the most senior manager available, then the chief executive; this never delays the start' },
  ]
  if (notification.moved) notes.push({ rule: 'C2', citation: notification.citation, message: notification.explanation })
  return { notice, milestones, rows, notes }
}
