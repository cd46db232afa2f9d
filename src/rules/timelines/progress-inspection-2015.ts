/**
 * The 2015 progress inspection timeline (RULES.md I5, I6; 000#42, #47-49, #51 and the Annex H
 * exemplar): notice to the DCS five working days before arriving on site (day 1), data on day 2
 * (four working days before), on site days 6–10, draft by day 25 and comments by day 30 (three
 * and four working weeks after day 10, 000#47-48), final report by day 32, published within 35
 * days of notification.
 *
 * `onsite` is the first on-site day, day 6; day 1 is five working days before it. The team is
 * on site "for five consecutive days" (000#42), Monday to Friday in the example programme
 * (000#Annex H/A), so day 6 must be a Monday.
 *
 * Conflict (RULES.md I6): "published by day 35" (000#42) against "within 35 working days of the
 * notification" (000#49), which counted from day 1 (not counted) is day 36. We give day 35 and
 * show day 36 as the other reading.
 */
import type { IsoDate } from '../calendar/dates.js'
import { addWorkingDays, timelineDay } from '../calendar/working-days.js'
import type { Outcome } from '../types.js'
import { checkFirstOnsiteDay, inDateOrder, milestone, weekdayColumnFlags, type Note, type Timeline } from './common.js'

const CITATION = '000#42'

/**
 * What counts from the day the progress inspection letter is actually published (I5, I6): HMCI
 * tells the other inspectorates within five working days (000#42), the LA's written statement of
 * action is due within 70 working days (000#51). The timeline gives them from day 35 until then.
 */
export function afterProgressLetter(published: IsoDate) {
  return {
    otherInspectoratesBy: addWorkingDays(published, 5),
    statementOfActionBy: addWorkingDays(published, 70),
  }
}

/** The day 1 to day 35 milestones of a 2015 progress inspection whose first on-site day (day 6) is `onsite` (I6). */
export function progressInspection2015Timeline(onsite: IsoDate): Outcome<{ timeline: Timeline }> {
  const refusal = checkFirstOnsiteDay(
    onsite,
    1,
    "a progress inspection's five consecutive days on site (day 6)",
    '000#42, #Annex H/A',
  )
  if (refusal) return refusal
  const day1 = addWorkingDays(onsite, -5)
  const day = (n: number): IsoDate => timelineDay(day1, n)
  const published = day(35)
  const after = afterProgressLetter(published)
  const milestones = [
    milestone(
      'briefing.pre-inspection',
      'Lead inspector receives the pre-inspection briefing (at least 10 working days before the on-site inspection)',
      addWorkingDays(onsite, -10),
      'I6',
      '000#Annex H/A',
    ),
    milestone(
      'notice',
      'Day 1: lead inspector notifies the DCS, five working days before arriving on site',
      day(1),
      'I6',
      CITATION,
    ),
    milestone(
      'notice.dfe-and-improvement-board',
      'Day 1: Ofsted notifies the DfE link person and the chair of the improvement board',
      day(1),
      'I6',
      CITATION,
    ),
    milestone(
      'annex-a.request',
      'Day 1: lead inspector asks for the case lists (Excel) at the point of initial contact',
      day(1),
      'I6',
      '000#Annex H',
    ),
    milestone(
      'annex-a.child-level-data',
      'Day 2: local authority provides child-level data and documentation on the improvement period (four working days before on site)',
      day(2),
      'I6',
      CITATION,
      { time: 'by midday (000#Annex H)' },
    ),
    milestone(
      'cases.selected',
      'Day 2: lead inspector selects the 30 cases to track and the 6 to audit',
      day(2),
      'I6',
      '000#42, #Annex H',
      {
        time: 'by the end of day 2, or within half a day of receiving the case lists',
        alternatives: [
          {
            reading: 'by midday on day 2 (000#Annex H/A example programme)',
            date: day(2),
            rule: 'I6',
            citation: '000#Annex H/A',
          },
        ],
      },
    ),
    milestone(
      'onsite.start',
      'Day 6: on site; extended set-up meeting at which the DCS briefs the lead inspector; audits of the six cases available',
      day(6),
      'I6',
      CITATION,
    ),
    milestone('onsite.end', 'Day 10: last of five consecutive days on site', day(10), 'I6', CITATION),
    milestone('feedback', 'Day 10: provisional findings given to the DCS', day(10), 'I6', CITATION),
    milestone(
      'report.to-la-for-factual-accuracy',
      'Draft report letter and judgement sent to the local authority (by day 25, three working weeks after day 10)',
      day(25),
      'I6',
      '000#42, #47',
    ),
    milestone(
      'report.factual-accuracy-due',
      'Local authority responds on factual accuracy (by day 30, four working weeks after day 10)',
      day(30),
      'I6',
      '000#42, #48',
    ),
    milestone(
      'report.final-to-la',
      'Response to the factual accuracy comments and final report for publication sent (by day 32)',
      day(32),
      'I6',
      CITATION,
    ),
    milestone('report.published', 'Progress inspection letter published (by day 35)', published, 'I6', CITATION, {
      alternatives: [
        {
          reading: 'within 35 working days of the notification (000#49): day 1 not counted, so day 36',
          date: day(36),
          rule: 'I6',
          citation: '000#49',
        },
      ],
    }),
    milestone(
      'other-inspectorates.notified',
      'HMCI notifies other inspectorates of concerns or strengths (within five working days of publication)',
      after.otherInspectoratesBy,
      'I6',
      CITATION,
    ),
    milestone(
      'statement-of-action.due',
      'Written statement of proposed action due (within 70 working days of publication)',
      after.statementOfActionBy,
      'I5',
      '000#51',
    ),
  ]
  const flags = weekdayColumnFlags(
    [6, 7, 8, 9, 10].map((n, index) => ({ label: `Day ${n} (on site)`, date: day(n), weekday: index + 1 })),
    'I6',
    CITATION,
  )
  const notes: Note[] = [
    {
      rule: 'I5',
      citation: '000#41',
      message:
        'Team: a lead inspector and two HMI, one more where both help and protection and looked after children are in scope; not the HMI who did the improvement work',
    },
    {
      rule: 'I6',
      citation: '000#42, #41',
      message:
        'Conflict: 000#42 says “two or three” social care HMI with the lead; 000#41 says two, plus one where both areas are in scope',
    },
    {
      rule: 'I5',
      citation: '000#Annex H',
      message:
        '30 cases including 2 with a child sexual exploitation dimension, 4 offered by the authority (2 child protection, 2 child in need), 6 audited by the authority',
    },
    { rule: 'I5', citation: '000#45', message: 'Judgement: satisfactory progress or unsatisfactory progress' },
    {
      rule: 'C3',
      citation: '002#14',
      message: 'The ILACS restrictions on Christmas and August (002#14) post-date the 2015 offer and are not applied',
    },
  ]
  return {
    ok: true,
    timeline: {
      type: 'progress-inspection-2015',
      onsite,
      variant: null,
      milestones: inDateOrder(milestones),
      flags,
      notes,
    },
  }
}
