/**
 * Activity outside inspection (RULES.md O1, O2): the annual self-evaluation (002#27-38) and the
 * annual engagement meeting (002#39-48).
 */
import { addMonths, type IsoDate } from './calendar/dates.js'
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
