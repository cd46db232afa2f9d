/**
 * The standard inspection timeline (RULES.md S2, from the table after 002#53): five working
 * days' notice (002#52, #73), two weeks on site from the first Monday, feedback on the second
 * Friday, then the report timeline of 002#216 and the action plan of 002#219.
 *
 * `onsite` is the first day of fieldwork, Week 1 Monday (lead inspector on site in the
 * afternoon). Fieldwork days are counted in working days from it ("day N" = day 1 + (N − 1)
 * WD): day 5 is the Friday off site, day 6 the second Monday, day 10 the feedback Friday; a bank
 * holiday inside the fortnight is flagged, not relabelled (decision, as M8).
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

const CITATION = '002#52-53'

/** The dated milestones of a standard inspection whose fieldwork starts on Monday `onsite` (S1–S4, E5, E7). */
export function standardInspectionTimeline(onsite: IsoDate): Outcome<{ timeline: Timeline }> {
  const refusal = checkFirstOnsiteDay(onsite, 1, "a standard inspection's fieldwork", CITATION)
  if (refusal) return refusal
  const day = (n: number): IsoDate => timelineDay(onsite, n)
  const week = noticeWeek(onsite, CITATION)
  const publication = publicationMilestones('inspection', day(10))
  const final = publication.find((item) => item.key === 'report.final-to-la')!.date
  const milestones = [
    ...week.milestones,
    ...fieldworkTeamMilestones(onsite, 10, CITATION),
    milestone('onsite.evidence-gathering', 'Full team on site gathering evidence', day(2), 'S2', CITATION, {
      until: day(4),
    }),
    milestone('team.off-site-evaluation-week-1', 'Full team off-site evaluation of evidence', day(5), 'S2', CITATION),
    milestone('onsite.week-2', 'Full team on site from lunchtime gathering evidence', day(6), 'S2', CITATION, {
      until: day(9),
    }),
    milestone(
      'team.judgement-meeting',
      'Extended team meeting on the penultimate day on site: findings and provisional judgements',
      day(9),
      'S2',
      '002#144',
    ),
    milestone('onsite.end', 'Last day of fieldwork: team off site by early afternoon', day(10), 'S2', CITATION),
    milestone(
      'feedback',
      'Feedback of the inspection findings and provisional judgements to the DCS (usually no longer than 60 minutes)',
      day(10),
      'E5',
      '002#53, #197-199',
    ),
    ...publication,
    actionPlanMilestone(final),
  ]
  const flags = [
    ...weekdayColumnFlags(
      [
        ...week.rows,
        { label: 'Fieldwork week 1 Friday (off site)', date: day(5), weekday: 5 },
        { label: 'Fieldwork week 2 Monday', date: day(6), weekday: 1 },
        { label: 'Feedback', date: day(10), weekday: 5 },
      ],
      'S2',
      CITATION,
    ),
    ...seasonalChecks('standard-inspection', day(1), day(10), week.notice),
  ]
  const notes: Note[] = [
    ...week.notes,
    ...judgementInspectionNotes(CITATION),
    {
      rule: 'E5',
      citation: '002#173-174',
      message: 'The lead inspector keeps the DCS informed of emerging findings, usually at a brief daily meeting',
    },
  ]
  return {
    ok: true,
    timeline: { type: 'standard-inspection', onsite, variant: null, milestones: inDateOrder(milestones), flags, notes },
  }
}
