/**
 * The short inspection timeline (RULES.md S2, from the table after 002#55): five working days'
 * notice (002#54, #73), one week on site from Monday, feedback on Friday, then the report
 * timeline of 002#216. `onsite` is the first day of fieldwork, the Monday.
 */
import type { IsoDate } from '../calendar/dates.js'
import { seasonalChecks } from '../calendar/seasonal-checks.js'
import { timelineDay } from '../calendar/working-days.js'
import type { Outcome } from '../types.js'
import { checkFirstOnsiteDay, inDateOrder, milestone, weekdayColumnFlags, type Note, type Timeline } from './common.js'
import {
  actionPlanMilestone,
  fieldworkTeamMilestones,
  judgementInspectionNotes,
  noticeWeek,
} from './judgement-inspection.js'
import { publicationMilestones } from './publication.js'

const CITATION = '002#54-55'

/** The dated milestones of a short inspection whose fieldwork starts on Monday `onsite` (S1–S4, S8, E5, E7). */
export function shortInspectionTimeline(onsite: IsoDate): Outcome<{ timeline: Timeline }> {
  const refusal = checkFirstOnsiteDay(onsite, 1, "a short inspection's fieldwork", CITATION)
  if (refusal) return refusal
  const day = (n: number): IsoDate => timelineDay(onsite, n)
  const week = noticeWeek(onsite, CITATION)
  const publication = publicationMilestones('inspection', day(5))
  const final = publication.find((item) => item.key === 'report.final-to-la')!.date
  const milestones = [
    ...week.milestones,
    ...fieldworkTeamMilestones(onsite, 5, CITATION),
    milestone('onsite.evidence-gathering', 'Full team on site gathering evidence', day(2), 'S2', CITATION, {
      until: day(4),
    }),
    milestone(
      'team.judgement-meeting',
      'Extended team meeting on the penultimate day on site: findings and provisional judgements',
      day(4),
      'S2',
      '002#144',
    ),
    milestone('onsite.end', 'Last day of fieldwork: team off site by early afternoon', day(5), 'S2', CITATION),
    milestone(
      'feedback',
      'Feedback of the inspection findings and provisional judgements to the DCS (usually no longer than 60 minutes)',
      day(5),
      'E5',
      '002#55, #197-199',
    ),
    ...publication,
    actionPlanMilestone(final),
  ]
  const flags = [
    ...weekdayColumnFlags([...week.rows, { label: 'Feedback', date: day(5), weekday: 5 }], 'S2', CITATION),
    ...seasonalChecks('short-inspection', day(1), day(5), week.notice),
  ]
  const notes: Note[] = [
    ...week.notes,
    {
      rule: 'S8',
      citation: '002#57',
      message:
        'The short inspection asks whether the quality and impact of practice has been maintained, where it has improved and where it has deteriorated',
    },
    ...judgementInspectionNotes(CITATION),
  ]
  return {
    ok: true,
    timeline: { type: 'short-inspection', onsite, variant: null, milestones: inDateOrder(milestones), flags, notes },
  }
}
