/**
 * The post-monitoring single inspection (PMSIF) timeline (RULES.md M8, 001#55-63): the lead
 * inspector's two planning days up to three weeks before fieldwork, two days' notice on the
 * Thursday before (day −2), then day 1 (Monday) to day 10 (the second Friday) with a
 * keeping-in-touch meeting every day and feedback on day 10.
 *
 * `onsite` is day 1, the Monday the lead inspector arrives on site in the afternoon. Decisions:
 * the table has no day 0 or −1, so day −2 is two working days before day 1 (the Thursday before,
 * 001#60); days 1–10 are working days from day 1, and a bank holiday inside the fortnight breaks
 * the weekday column — it is flagged, not relabelled (RULES.md M8); "up to three weeks" is 21
 * calendar days. The report's sign-off and factual accuracy check "mirror the single inspection
 * handbook" (001#66), which is not among the seeds, so no report dates are computed.
 */
import { addDays, type IsoDate } from '../calendar/dates.js'
import { seasonalChecks } from '../calendar/seasonal-checks.js'
import { addWorkingDays, timelineDay } from '../calendar/working-days.js'
import type { Outcome } from '../types.js'
import {
  checkFirstOnsiteDay,
  inDateOrder,
  milestone,
  weekdayColumnFlags,
  type Note,
  type ScheduleRow,
  type Timeline,
} from './common.js'

const CITATION = '001#62'

/** The day −2 to day 10 milestones of a post-monitoring single inspection whose day 1 is Monday `onsite` (M8). */
export function postMonitoringInspectionTimeline(onsite: IsoDate): Outcome<{ timeline: Timeline }> {
  const refusal = checkFirstOnsiteDay(onsite, 1, "a post-monitoring single inspection's day 1", '001#60-62')
  if (refusal) return refusal
  const day = (n: number): IsoDate => timelineDay(onsite, n)
  const milestones = [
    milestone(
      'planning.lead-inspector',
      'Lead inspector’s two planning days (up to three weeks before fieldwork)',
      addDays(onsite, -21),
      'M8',
      '001#57, #62',
      { until: addWorkingDays(day(-2), -1) },
    ),
    milestone('notice', 'Day −2: local authority notified of the inspection (am)', day(-2), 'M8', '001#60, #62', {
      time: 'morning',
    }),
    milestone(
      'annex-a.request',
      'Day −2: lead inspector requests information, including a list of cases audited in the past three months (no audit request)',
      day(-2),
      'M8',
      '001#59, #61-62',
    ),
    milestone(
      'onsite.start',
      'Day 1: all inspectors travel (pm); lead inspector on site pm to set up the inspection',
      day(1),
      'M8',
      CITATION,
      { time: 'afternoon' },
    ),
    milestone('onsite.evidence-gathering', 'Days 2–4: on-site evidence gathering', day(2), 'M8', CITATION, {
      until: day(4),
    }),
    milestone(
      'team.case-tracking-meeting',
      'Day 5: case tracking meeting (am); QA manager on site; travel (pm)',
      day(5),
      'M8',
      CITATION,
    ),
    milestone('team.travel-week-2', 'Day 6: travel (pm)', day(6), 'M8', CITATION),
    milestone('onsite.week-2', 'Days 7–8: on-site evidence gathering', day(7), 'M8', CITATION, { until: day(8) }),
    milestone(
      'team.provisional-judgement-meeting',
      'Day 9: mop-up activity (am), provisional judgement meeting (pm); QA manager on site',
      day(9),
      'M8',
      CITATION,
    ),
    milestone('onsite.end', 'Day 10: confirm judgements; travel (pm); QA manager on site', day(10), 'M8', CITATION),
    milestone(
      'feedback',
      'Day 10: feedback (late morning), as for a full single inspection',
      day(10),
      'M8',
      '001#62-63',
      { time: 'late morning' },
    ),
  ]
  const WEEKDAY_OF_DAY: [number, number][] = [
    [-2, 4],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 1],
    [7, 2],
    [8, 3],
    [9, 4],
    [10, 5],
  ]
  const rows: ScheduleRow[] = WEEKDAY_OF_DAY.map(([n, weekday]) => ({ label: `Day ${n}`, date: day(n), weekday }))
  const flags = [
    ...weekdayColumnFlags(rows, 'M8', CITATION),
    ...seasonalChecks('post-monitoring-inspection', day(1), day(10), day(-2)),
  ]
  const notes: Note[] = [
    {
      rule: 'M8',
      citation: '001#55',
      message: 'Usually four social care HMI, including the HMI who led the monitoring visits',
    },
    {
      rule: 'M8',
      citation: '001#56',
      message: 'A senior analytical officer may be on site for up to two days in week one and one day in week two',
    },
    {
      rule: 'M8',
      citation: '001#58',
      message:
        'Pre-inspection briefing: local data, national trends, data from monitoring visits, other intelligence, significant published documents',
    },
    {
      rule: 'M8',
      citation: '001#63',
      message:
        'One keeping-in-touch meeting a day, including the final day of week one; no further feedback at the end of week one',
    },
    {
      rule: 'E6',
      citation: '001#64-65',
      message:
        'Report: one-page executive summary, up to two pages per key judgement, a one-page summary of judgements, recommendations; usually no more than 12 pages',
    },
    {
      rule: 'M8',
      citation: '001#66',
      message:
        'Report sign-off and factual accuracy mirror the single inspection handbook, which is not among the seeds: no report dates are computed',
    },
  ]
  return {
    ok: true,
    timeline: {
      type: 'post-monitoring-inspection',
      onsite,
      variant: null,
      milestones: inDateOrder(milestones),
      flags,
      notes,
    },
  }
}
