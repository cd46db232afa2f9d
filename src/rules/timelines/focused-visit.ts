/**
 * The focused visit timeline (RULES.md S2, from the table after 002#103): usually five working
 * days' notice by a phone call on the Tuesday, two inspectors on site Tuesday and Wednesday with
 * feedback on the Wednesday, then the letter timeline of 002#216.
 *
 * Footnote 20: "Some focused visits may take place on Wednesday and Thursday. All other
 * milestones will be adjusted by one day to reflect this." With variant `wed-thu` the first
 * on-site day must be a Wednesday; every milestone is counted in working days from it, which is
 * the one-day shift the footnote describes.
 */
import { dayOfWeek, type IsoDate } from '../calendar/dates.js'
import { notificationFor } from '../calendar/notification.js'
import { seasonalChecks } from '../calendar/seasonal-checks.js'
import { addWorkingDays } from '../calendar/working-days.js'
import type { Outcome } from '../types.js'
import { annexAMilestones } from './annex-a.js'
import { checkFirstOnsiteDay, inDateOrder, milestone, weekdayColumnFlags, type Note, type Timeline } from './common.js'
import { publicationMilestones } from './publication.js'

/** On site Tuesday–Wednesday (the table) or Wednesday–Thursday (002 fn20). */
export type VisitVariant = 'tue-wed' | 'wed-thu'

/**
 * The variant of a focused visit whose variant was not named: a Wednesday start is the
 * Wednesday–Thursday variant (002#103 fn 20), anything else the usual Tuesday–Wednesday.
 * Reading (issue 14): a Wednesday start without a named variant had been refused; 002 fn 20 makes
 * Wednesday the variant's first day, and Ofsted's published visits start on Wednesdays (Barking and
 * Dagenham, Wednesday 26 March 2025), so the day says which variant it is.
 */
function focusedVisitVariant(onsite: IsoDate): VisitVariant {
  return dayOfWeek(onsite) === 3 ? 'wed-thu' : 'tue-wed'
}

/** The dated milestones of a focused visit whose first on-site day is `onsite` (S1, S2, S4, S7, E7). */
export function focusedVisitTimeline(onsite: IsoDate, named?: VisitVariant): Outcome<{ timeline: Timeline }> {
  const variant = named ?? focusedVisitVariant(onsite)
  const shift = variant === 'wed-thu' ? 1 : 0
  const citation = variant === 'wed-thu' ? '002#103 fn20' : '002#103'
  const what =
    variant === 'wed-thu'
      ? "a Wednesday–Thursday focused visit's first on-site day"
      : "a focused visit's first on-site day (Wednesday only for the Wednesday–Thursday variant, 002 fn20)"
  const refusal = checkFirstOnsiteDay(onsite, 2 + shift, what, citation)
  if (refusal) return refusal
  const notification = notificationFor(onsite)
  const notice = notification.date
  const last = addWorkingDays(onsite, 1)
  const annexA = annexAMilestones('focused', notice)
  const milestones = [
    milestone(
      'preparation.lead-inspector',
      'Lead inspector off-site evaluation of evidence',
      addWorkingDays(notice, -1),
      'S2',
      citation,
    ),
    milestone(
      'notice',
      'Lead inspector telephones the DCS to announce the focused visit, then emails the Annex A request',
      notice,
      'S1',
      '002#73-74, #103',
    ),
    milestone('notice.set-up-call', 'Set-up telephone conference: lead inspector and DCS', notice, 'S2', citation, {
      time: 'afternoon',
    }),
    ...annexA,
    milestone(
      'team.off-site-evaluation',
      'Full team off-site evaluation of evidence',
      addWorkingDays(notice, 2),
      'S2',
      citation,
    ),
    milestone(
      'team.telephone-conference',
      'Telephone conference team meeting',
      addWorkingDays(notice, 3),
      'S2',
      citation,
    ),
    milestone(
      'preparation.off-site-evaluation',
      'Off-site evaluation of evidence',
      addWorkingDays(onsite, -1),
      'S2',
      citation,
    ),
    milestone('onsite.start', 'Full team (usually two inspectors) on site gathering evidence', onsite, 'S2', citation),
    milestone('onsite.end', 'Last day on site: gathering evidence and providing feedback', last, 'S2', citation),
    milestone(
      'feedback',
      'Feedback of the findings to the DCS (usually no longer than 60 minutes)',
      last,
      'E5',
      '002#103, #197-199',
    ),
    ...publicationMilestones('visit', last),
  ]
  const at = (key: string): IsoDate => annexA.find((item) => item.key === key)!.date
  const flags = [
    ...weekdayColumnFlags(
      [
        { label: 'Lead inspector off-site evaluation', date: addWorkingDays(notice, -1), weekday: 1 + shift },
        { label: 'Notice', date: notice, weekday: 2 + shift },
        {
          label: 'Child-level data, audits and management information',
          date: at('annex-a.management-information'),
          weekday: 3 + shift,
        },
        { label: 'Full team off-site evaluation', date: addWorkingDays(notice, 2), weekday: 4 + shift },
        { label: 'Off-site evaluation before the visit', date: addWorkingDays(onsite, -1), weekday: 1 + shift },
        { label: 'Last day on site', date: last, weekday: 3 + shift },
      ],
      'S2',
      citation,
    ),
    ...seasonalChecks('focused-visit', onsite, last, notice),
  ]
  const notes: Note[] = [
    {
      rule: 'S7',
      citation: '002#108-110',
      message:
        'No graded judgements: findings on strengths and areas for improvement, and areas for priority action where inspectors find serious weaknesses, in a published letter',
    },
    {
      rule: 'S4',
      citation: '002#242',
      message: 'The authority provides only the Annex A information relevant to the practice evaluated at this visit',
    },
    {
      rule: 'M10',
      citation: '002#220',
      message:
        'After a focused visit the authority updates its existing action plan and sends it with its self-evaluation',
    },
  ]
  if (notification.moved) notes.push({ rule: 'C2', citation: notification.citation, message: notification.explanation })
  return {
    ok: true,
    timeline: { type: 'focused-visit', onsite, variant, milestones: inDateOrder(milestones), flags, notes },
  }
}
