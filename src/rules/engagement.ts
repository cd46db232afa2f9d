/**
 * Activity outside inspection (RULES.md O1, O2): the annual self-evaluation (002#27-38) and the
 * annual engagement meeting (002#39-48).
 */
import { addMonths, type IsoDate } from './calendar/dates.js'
import { afterInadequate } from './after-inadequate.js'
import type { Cited } from './types.js'

/** The three questions a self-evaluation answers (O1, 002#33). */
export const SELF_EVALUATION_QUESTIONS = [
  'What do you know about the quality and impact of social work practice in your local authority?',
  'How do you know it?',
  'What are your plans for the next 12 months to maintain or improve practice?',
] as const

/** The principles a self-evaluation follows (O1, 002#36). */
export const SELF_EVALUATION_PRINCIPLES = [
  'should answer the three questions',
  'should set out the main themes and learning',
  'should make sense as a standalone document (appendices kept to a minimum)',
  'may be an existing document or combination of documents',
  'should be succinct, focused and evaluative',
] as const

/**
 * Whether Ofsted asks an authority for a self-evaluation (O1): sharing it is voluntary (002#27),
 * and an inadequate authority is not asked until the monitoring visits of the first 12 months are
 * complete (002#30).
 */
export function selfEvaluationRequested(
  inadequate: boolean,
  firstYearMonitoringComplete = false,
): Cited & { requested: boolean; voluntary: true; message: string } {
  if (inadequate && !firstYearMonitoringComplete) {
    return {
      rule: 'O1',
      citation: '002#30',
      requested: false,
      voluntary: true,
      message:
        'Not asked until the monitoring visits in the first 12 months are complete; engagement focuses on action planning',
    }
  }
  return {
    rule: 'O1',
    citation: '002#27, #29',
    requested: true,
    voluntary: true,
    message: 'Asked each year to share a self-evaluation; this part of the framework is voluntary',
  }
}

/** What the annual engagement meeting covers (O2, 002#42). */
export const ENGAGEMENT_MEETING_AGENDA = [
  'the content of the self-evaluation: what leaders know about practice and outcomes, and the evidence that supports this',
  'the impact of the self-evaluation: what leaders are doing to address weaknesses and maintain or improve good practice, with evidence of the effectiveness of their actions',
  'actions taken in response to previous inspections',
  "the local authority's current financial, political and professional practice context",
  "the broader issues that affect delivery of children's social care services, for example schools and early years provision",
  'the possible scope of a focused visit',
  'the approximate timing of the next self-evaluation and annual engagement meeting',
] as const

/** Who attends (O2, 002#45-47). */
export const ENGAGEMENT_MEETING_ATTENDEES = {
  required: ['the DCS', "Ofsted's regional director and/or social care senior HMI or HMI"],
  chair: 'a regional representative from Ofsted (002#45)',
  others: 'for the DCS to decide, e.g. the assistant director for social care or the practice leader (002#46)',
  agenda: 'agreed in advance by the regional senior HMI and the DCS (002#47)',
} as const

/** What the letter to the DCS after the meeting sets out (O2, 002#48); it is not published and contains no judgements. */
export const ENGAGEMENT_LETTER_CONTENTS = [
  'the date of the meeting and who attended',
  'a factual summary of the agenda items discussed',
  'the possible scope of a future focused visit',
  "the approximate timing of the following year's self-evaluation and annual engagement meeting",
  'any next steps agreed by either the local authority or us',
] as const

/** The latest day for the letter to the DCS after an engagement meeting on `meeting`: within a month (O2, 002#48). */
export function engagementLetterDue(meeting: IsoDate): Cited & { date: IsoDate; published: false } {
  return { rule: 'O2', citation: '002#48', date: addMonths(meeting, 1), published: false }
}

/**
 * How long before the engagement meeting a self-evaluation may be shared before a refresh is
 * advised (O1, 002#35). Decision: the source says only "a significant gap"; we take more than
 * three months, a quarter's data, and say so where the advice is shown.
 */
const SELF_EVALUATION_REFRESH_MONTHS = 3

/** Whether the LA is advised to refresh its self-evaluation before a meeting on `meetingOn` (O1, 002#35). */
export function selfEvaluationRefresh(
  sharedOn: IsoDate,
  meetingOn: IsoDate,
): Cited & { refreshAdvised: boolean; message: string } {
  const refreshAdvised = addMonths(sharedOn, SELF_EVALUATION_REFRESH_MONTHS) < meetingOn
  return {
    rule: 'O1',
    citation: '002#35',
    refreshAdvised,
    message: refreshAdvised
      ? `Shared more than ${SELF_EVALUATION_REFRESH_MONTHS} months before the meeting: refresh it with the most up-to-date data and information`
      : 'Shared close enough to the meeting to be up to date',
  }
}

/**
 * When the next annual engagement meeting is about due (O2): each year (002#27), though not at
 * exactly the same point every year (002#43). Decision: 12 months after the last meeting.
 */
export function nextEngagementAbout(lastMeetingOn: IsoDate): Cited & { date: IsoDate } {
  return { rule: 'O2', citation: '002#27, #43', date: addMonths(lastMeetingOn, 12) }
}

/**
 * The first day an authority judged inadequate is asked for a self-evaluation (O1). 002#30: not
 * until the monitoring visits of the first 12 months are complete; the 002#24 table lists a shared
 * self-evaluation and an annual engagement meeting for inadequate authorities without that
 * condition. Decision: 002#30 is the specific rule and governs; the first 12 months of monitoring
 * run from the latest day of the first monitoring visit (M4), counted from the report's
 * publication, so the authority is asked 12 months after that day.
 */
export function selfEvaluationAskedFrom(inadequatePublished: IsoDate): Cited & { date: IsoDate; reading: string } {
  const firstVisitBy = afterInadequate(inadequatePublished).firstMonitoringVisitBy
  return {
    rule: 'O1',
    citation: '002#30; 002#24',
    date: addMonths(firstVisitBy, 12),
    reading:
      'Not asked until the monitoring visits of the first 12 months are complete (002#30), read as 12 months after the first monitoring visit is due; the 002#24 table lists a self-evaluation for inadequate authorities without this condition, and 002#30 governs',
  }
}
