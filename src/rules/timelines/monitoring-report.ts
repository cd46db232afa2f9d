/**
 * The monitoring visit process of the 2017 handbook (001#42 timeline): data requested two weeks
 * before the visit, inspectors on site days 1 and 2, draft to the authority on day 11 (by 4pm),
 * comments by 9.30am on day 15, pre-publication report on day 21, published on day 23; "day 1"
 * is the first on-site day and the days are working days (the table's heading says so).
 *
 * Decision (RULES.md E7): this timeline is used only for monitoring under the 2017 handbook
 * (authorities judged inadequate under the SIF, 002#22 fn4); ILACS monitoring visits follow
 * 002#216. "Two weeks before" is read as ten working days (RULES.md M5), and "by the end of that
 * week" as the last working day of the calendar week of the request.
 */
import { addDays, dayOfWeek, type IsoDate } from '../calendar/dates.js'
import { addWorkingDays, timelineDay, workingDayOnOrBefore } from '../calendar/working-days.js'
import type { Milestone } from '../types.js'
import { milestone } from './common.js'

const CITATION = '001#42'

/** The preparation milestones before a 2017-handbook monitoring visit whose day 1 is `day1` (M5). */
export function monitoringPreparation2017(day1: IsoDate): Milestone[] {
  const request = addWorkingDays(day1, -10)
  const endOfWeek = workingDayOnOrBefore(addDays(request, 5 - dayOfWeek(request)))
  return [
    milestone(
      'notice',
      'Lead inspector requests the latest child-level data (two weeks before the visit)',
      request,
      'M5',
      '001#26, #42',
    ),
    milestone(
      'annex-a.request',
      'Request for child-level data, an extract of the single inspection’s Annex A',
      request,
      'M5',
      '001#26, #29, #42',
    ),
    milestone(
      'annex-a.child-level-data',
      'Local authority provides the data, indicating which cases it has audited since the last visit',
      endOfWeek,
      'M5',
      '001#26, #42',
      { time: 'by the end of that week' },
    ),
    milestone(
      'audited-cases.named',
      'Lead inspector notifies the local authority of the audited cases to submit (up to six)',
      addWorkingDays(day1, -8),
      'M5',
      '001#27, #42',
    ),
    milestone(
      'annex-a.audits',
      'Local authority submits the audited case files (at least three working days before the visit)',
      addWorkingDays(day1, -3),
      'M5',
      '001#27, #42',
    ),
    milestone('preparation.inspectors', 'Preparation by inspectors', addWorkingDays(day1, -2), 'M5', CITATION, {
      until: addWorkingDays(day1, -1),
    }),
  ]
}

/** The report milestones of a 2017-handbook monitoring visit whose day 1 is `day1` (E7, 001#42). */
export function monitoringReport2017(day1: IsoDate): Milestone[] {
  const day = (n: number): IsoDate => timelineDay(day1, n)
  return [
    milestone('report.written', 'Inspection team writes the report', day(3), 'E7', CITATION),
    milestone(
      'report.quality-assured',
      'Lead inspector and QA manager quality assure the report',
      day(4),
      'E7',
      CITATION,
    ),
    milestone('report.regional-director-review', 'Regional director reviews the report', day(5), 'E7', CITATION, {
      until: day(6),
      time: 'to the morning of day 6',
    }),
    milestone(
      'report.national-director-review',
      'National Director, Social Care (or Deputy Director) reviews the report',
      day(6),
      'E7',
      CITATION,
      { until: day(7), time: 'from the afternoon of day 6' },
    ),
    milestone('report.revised', 'Lead inspector/QA manager revises the report', day(8), 'E7', CITATION),
    milestone('report.support-review', 'Inspection support team reviews the report', day(9), 'E7', CITATION),
    milestone('report.revised-again', 'Lead inspector/QA manager revises the report', day(10), 'E7', CITATION),
    milestone(
      'report.to-la-for-factual-accuracy',
      'Inspection support sends the draft report to the local authority for a factual accuracy check',
      day(11),
      'E7',
      CITATION,
      { time: 'by 4pm' },
    ),
    milestone(
      'report.factual-accuracy-due',
      'DCS provides factual accuracy comments on the report',
      day(15),
      'E7',
      CITATION,
      { time: 'by 9.30am' },
    ),
    milestone(
      'report.factual-accuracy-reviewed',
      'Lead inspector and QA manager review the factual accuracy comments and report',
      day(15),
      'E7',
      CITATION,
    ),
    milestone('report.cleared', 'QA manager/regional director clears the report', day(16), 'E7', CITATION, {
      until: day(17),
      time: 'to the morning of day 17',
    }),
    milestone('report.proof-read', 'Inspection support team proof reads the report', day(18), 'E7', CITATION),
    milestone('report.final-cleared', 'QA manager/regional director clears the final report', day(19), 'E7', CITATION, {
      until: day(20),
    }),
    milestone(
      'report.final-to-la',
      'Inspection support sends the pre-publication report to the DCS',
      day(21),
      'E7',
      CITATION,
    ),
    milestone('report.published', 'Report published', day(23), 'E7', CITATION),
  ]
}
