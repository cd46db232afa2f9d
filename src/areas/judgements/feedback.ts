/**
 * The feedback meeting at the end of fieldwork (RULES.md E5; 002#196-201): who came (by role,
 * never by name, 002#191), how long it took (usually no longer than 60 minutes, 002#199), which
 * provisional judgements were given, and what the lead inspector set out.
 *
 * Read against the seeds: 002#197 says the findings and judgements are provisional and that in
 * standard and short inspections the DCS hears them before the meeting; 002#201 that the lead
 * sets out the procedures for factual accuracy, publication and complaints. That provisional
 * judgements are confirmed "through the quality assurance, moderation and factual accuracy
 * checking processes" is 000#6 (the 2015 handbook, still Ofsted's process); that the report stays
 * under embargo until publication is 002#216 and #224. 002#197-201 themselves say neither, so
 * the service records them as things the lead inspector set out, citing where each comes from.
 */
import { FEEDBACK_RULES, feedbackWithinLimit } from '../../rules/evidence.js'
import type { Check } from './framework-judgements.js'
import { formatDate } from '../../rules/calendar/dates.js'

/** Who attended, by role (002#197: the DCS and senior leaders; 002#196, #200: the team and QA manager). */
export const ATTENDEE_ROLES = [
  { key: 'dcs', label: 'Director of children’s services (DCS)', side: 'la' },
  { key: 'la-senior-leaders', label: 'Senior leaders of the local authority', side: 'la' },
  { key: 'lead-inspector', label: 'Lead inspector', side: 'ofsted' },
  { key: 'team-inspectors', label: 'Members of the inspection team', side: 'ofsted' },
  { key: 'qa-manager', label: 'Quality assurance manager', side: 'ofsted' },
] as const
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number]['key']

/** What the lead inspector set out at the meeting, with where each comes from. */
export const SET_OUT_ITEMS = [
  {
    key: 'provisional',
    label:
      'The judgements and findings are provisional: they are confirmed through quality assurance, moderation and factual accuracy checks, and are not to be shared publicly before the report or letter is published',
    citation: '002#197, #216, #224; 000#6',
  },
  {
    key: 'no-surprises',
    label: 'Everything fed back had been discussed at the keeping-in-touch meetings (no surprises)',
    citation: '002#173-174, #197',
  },
  {
    key: 'factual-accuracy',
    label: 'How the draft report or letter is shared for factual accuracy checks',
    citation: '002#201',
  },
  { key: 'publication', label: 'How the report or letter is published', citation: '002#201' },
  { key: 'complaints', label: 'How to make a complaint', citation: '002#201' },
  {
    key: 'monitoring',
    label: 'The monitoring programme that follows an inadequate judgement or areas for priority action',
    citation: '002#112, #114; 001#5',
  },
] as const
export type SetOutKey = (typeof SET_OUT_ITEMS)[number]['key']

export interface FeedbackRecord {
  readonly heldOn: string
  readonly durationMinutes: number
  readonly attendees: readonly AttendeeRole[]
  readonly otherAttendees: string | null
  /** Standard and short inspections: the DCS heard the provisional judgements before the meeting (002#197). */
  readonly dcsToldBefore: boolean | null
  /** The provisional judgements given, by area key, as they stood when given. */
  readonly judgementsGiven: Readonly<Record<string, string>>
  readonly setOut: readonly SetOutKey[]
  readonly notes: string | null
}

export interface FeedbackContext {
  readonly graded: boolean
  /** The feedback milestone of the timeline (E5). */
  readonly feedbackDue: string | undefined
  /** Area keys and labels of the confirmed judgements (standard and short inspections). */
  readonly judgements: ReadonlyArray<{ key: string; label: string }>
  /** An inadequate provisional judgement, or a focused visit's areas for priority action (002#112, #114). */
  readonly monitoringMayFollow: boolean
}

/**
 * Warnings about a feedback record: the seeds' "usually" and "should" are recorded, not refused,
 * so the lead can record what happened and the page says where it departed from the guidance.
 */
export function feedbackWarnings(record: FeedbackRecord, context: FeedbackContext): Check[] {
  const warnings: Check[] = []
  if (!feedbackWithinLimit(record.durationMinutes)) {
    warnings.push({
      rule: 'E5',
      citation: '002#199',
      message: `The meeting lasted ${record.durationMinutes} minutes; it should usually last no longer than ${FEEDBACK_RULES.maxMinutes}`,
    })
  }
  if (context.feedbackDue && record.heldOn !== context.feedbackDue) {
    warnings.push({
      rule: 'E5',
      citation: '002#197',
      message: `Feedback is given on the final day on site (${formatDate(context.feedbackDue)}); this meeting was on ${formatDate(record.heldOn)}`,
    })
  }
  if (!record.attendees.includes('dcs'))
    warnings.push({
      rule: 'E5',
      citation: '002#197',
      message: 'The DCS is invited to hear the provisional findings and judgements',
    })
  if (context.graded && record.dcsToldBefore === false)
    warnings.push({
      rule: 'E5',
      citation: '002#197',
      message:
        'In standard and short inspections the lead inspector tells the DCS the provisional judgements before the meeting',
    })
  const notGiven = context.judgements.filter((judgement) => !(judgement.key in record.judgementsGiven))
  if (context.graded && notGiven.length > 0) {
    warnings.push({
      rule: 'E5',
      citation: '002#197, #200',
      message: `Not given at feedback: ${notGiven.map((judgement) => judgement.label.toLowerCase()).join('; ')}`,
    })
  }
  for (const item of SET_OUT_ITEMS) {
    if (item.key === 'monitoring' && !context.monitoringMayFollow) continue
    if (!record.setOut.includes(item.key))
      warnings.push({ rule: 'E5', citation: item.citation, message: `Not recorded: ${lowerFirst(item.label)}` })
  }
  return warnings
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
