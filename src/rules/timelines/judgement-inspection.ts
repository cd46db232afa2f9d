/**
 * What standard and short inspections share (RULES.md S1–S4, M3): the two schedule tables after
 * 002#53 and 002#55 are the same from Monday's phone call to Friday's team conference, fieldwork
 * starts the Monday after with the same team arrangements (002#79, #84-94), and the action plan
 * follows the final report (002#219).
 */
import type { IsoDate } from '../calendar/dates.js'
import { notificationFor } from '../calendar/notification.js'
import { addWorkingDays, timelineDay } from '../calendar/working-days.js'
import type { Milestone } from '../types.js'
import { annexAMilestones } from './annex-a.js'
import { milestone, type Note, type ScheduleRow } from './common.js'

/** The notice week before a standard or short inspection whose fieldwork starts `onsite`. */
export function noticeWeek(
  onsite: IsoDate,
  citation: string,
): { notice: IsoDate; milestones: Milestone[]; rows: ScheduleRow[]; notes: Note[] } {
  const notification = notificationFor(onsite)
  const notice = notification.date
  const annexA = annexAMilestones('standard-or-short', notice)
  const milestones: Milestone[] = [
    milestone(
      'notice',
      'Lead inspector telephones the DCS to announce the inspection, then emails the Annex A request',
      notice,
      'S1',
      '002#73-74',
      { time: 'by 9.30am' },
    ),
    milestone('notice.set-up-call', 'Set-up telephone conference: lead inspector and DCS', notice, 'S2', citation, {
      time: 'afternoon',
    }),
    ...annexA,
    milestone(
      'team.off-site-evaluation',
      'Full team off-site evaluation of evidence',
      addWorkingDays(notice, 3),
      'S2',
      citation,
    ),
    milestone(
      'team.telephone-conference',
      'Telephone conference team meeting (including an Ofsted analytical officer)',
      addWorkingDays(notice, 4),
      'S2',
      citation,
    ),
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
    {
      rule: 'S1',
      citation: '002#75',
      message:
        'If the DCS is not available, the lead inspector speaks to or emails the most senior manager available, then the chief executive; this never delays the start',
    },
  ]
  if (notification.moved) notes.push({ rule: 'C2', citation: notification.citation, message: notification.explanation })
  return { notice, milestones, rows, notes }
}

/**
 * The first days of fieldwork of a standard or short inspection starting Monday `onsite` and
 * ending on fieldwork day `lastDay` (S2, S3): the lead inspector's afternoon set-up, the team's
 * arrival, the schools HMI's two days and the regulatory inspector's window.
 */
export function fieldworkTeamMilestones(onsite: IsoDate, lastDay: number, citation: string): Milestone[] {
  const day = (n: number): IsoDate => timelineDay(onsite, n)
  const paragraph = citation.startsWith('002#54') ? '002#54' : '002#52'
  return [
    milestone(
      'onsite.start',
      'Fieldwork starts: lead inspector on site in the afternoon to meet the DCS and set up the inspection; full team on site pm',
      day(1),
      'S2',
      citation,
    ),
    milestone('team.arrival', 'Lead inspector and three inspectors arrive on site', day(1), 'S3', '002#79', {
      time: 'afternoon',
    }),
    milestone(
      'schools-hmi.off-site',
      'Schools HMI works off site: data, information and lines of enquiry on the education of children in care',
      day(1),
      'S3',
      '002#92-93',
    ),
    milestone(
      'schools-hmi.on-site',
      'Schools HMI on site: interviews the virtual school head',
      day(2),
      'S3',
      '002#92, #94',
    ),
    milestone(
      'regulatory-inspector.on-site',
      'Social care regulatory inspector on site for up to two days (dates set by the lead inspector): up to four foster carer and four adopter households',
      day(1),
      'S3',
      `${paragraph}, #84-85`,
      { until: day(lastDay) },
    ),
  ]
}

/** The action plan due 70 working days after the final report is sent (M3, 002#216, #219). */
export function actionPlanMilestone(finalReportSent: IsoDate): Milestone {
  return milestone(
    'action-plan.due',
    'Action plan responding to the report due (70 working days after receiving the final report)',
    addWorkingDays(finalReportSent, 70),
    'M3',
    '002#219',
  )
}

/** Notes shared by standard and short inspections (S3, C4, M3). */
export function judgementInspectionNotes(citation: string): Note[] {
  return [
    {
      rule: 'S3',
      citation,
      message:
        'Usually four social care inspectors (fewer for some smaller authorities); an additional shadowing inspector gathers no evidence',
    },
    { rule: 'C4', citation: '002#83', message: 'On-site activity does not normally continue after 6pm' },
    {
      rule: 'M3',
      citation: '002#216, #219',
      message:
        'Decision: the action plan’s 70 working days run from the day the final report is sent (002#216), taken as the day it is received',
    },
  ]
}
