/**
 * Evidence, requests for further information, cases of concern and feedback (RULES.md E1, E3,
 * E4, E5).
 *
 * - E1 evidence record entries (002#181-191): evaluative, a three-part structure, linked to an
 *   evaluation heading, source, date and time recorded, no names of children or family members
 *   (case references or initials), staff by job title or role; the QA manager adds a note when
 *   they have reviewed the record (002#190).
 * - E3 the record of requests for further information (002#167, Annex B), with its eight fields.
 * - E4 the record of cases of concern (000#Annex H/C; 001#36; 002#136).
 * - E5 keeping the DCS informed daily, no surprises at feedback, feedback usually no longer than
 *   60 minutes (002#173-175, #197-201).
 */
import type { Cited } from './types.js'
import { isEvaluationHeading } from './evaluation-criteria.js'

/** The three-part structure of an evidence record entry (E1, 002#188). */
export const EVIDENCE_ENTRY_PARTS = [
  'an overall evaluative statement about the aspect of practice being considered',
  'a brief summary of the evidence underpinning this statement',
  'a comment on the consequences for children and young people – the impact',
] as const

/** An evidence record entry as the service holds it (E1). */
export interface EvidenceEntry {
  /** One of the 17 evaluation headings (see `EVALUATION_HEADINGS`). */
  headingId: string
  statement: string
  evidence: string
  impact: string
  source: string
  date: string
  time: string
}

/** A problem with an evidence entry, with its rule. */
export interface EvidenceProblem extends Cited {
  field: keyof EvidenceEntry
  message: string
}

/**
 * Check an evidence record entry against 002#182, #188 and #191 (E1). `namesToAvoid` are the
 * names of the children and family members in the cases looked at: none may appear, only case
 * references or initials.
 */
export function checkEvidenceEntry(entry: EvidenceEntry, namesToAvoid: readonly string[] = []): EvidenceProblem[] {
  const problems: EvidenceProblem[] = []
  if (!isEvaluationHeading(entry.headingId))
    problems.push({
      rule: 'E1',
      citation: '002#182',
      field: 'headingId',
      message: 'Link the entry to one of the 17 evaluation criteria headings',
    })
  for (const field of ['source', 'date', 'time'] as const) {
    if (!entry[field].trim())
      problems.push({ rule: 'E1', citation: '002#182', field, message: `Record the ${field} of the evidence` })
  }
  const parts = [
    ['statement', 0],
    ['evidence', 1],
    ['impact', 2],
  ] as const
  for (const [field, index] of parts) {
    if (!entry[field].trim())
      problems.push({ rule: 'E1', citation: '002#188', field, message: `Add ${EVIDENCE_ENTRY_PARTS[index]}` })
  }
  const text = `${entry.statement}\n${entry.evidence}\n${entry.impact}`.toLowerCase()
  for (const name of namesToAvoid) {
    const word = name.trim().toLowerCase()
    if (
      word.length > 1 &&
      new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text)
    ) {
      problems.push({
        rule: 'E1',
        citation: '002#191',
        field: 'evidence',
        message: 'Use case reference numbers or initials, not the names of children, young people or family members',
      })
      break
    }
  }
  return problems
}

/** The eight fields of the record of requests for further information (E3, 002 Annex B, #167). */
export const FURTHER_INFORMATION_REQUEST_FIELDS = [
  { key: 'requestedBy', label: 'Requested by' },
  { key: 'dateRequested', label: 'Date requested' },
  { key: 'dateResponseRequired', label: 'Date response required' },
  { key: 'dateReceived', label: 'Date received from local authority' },
  { key: 'type', label: 'Type of request (document or information)' },
  { key: 'caseId', label: 'Case ID (if applicable)' },
  { key: 'reason', label: 'Reason for request' },
  { key: 'response', label: 'Response from the local authority' },
] as const

/** Who does what with the record of requests (E3, 002#167, #245). */
export const FURTHER_INFORMATION_RECORD = {
  setUpBy: 'the lead inspector, at the start of the inspection, shared with the DCS (002#167)',
  responsesBy: 'the DCS enters responses on the record (002#167)',
  maintainedBy: 'the lead inspector (002#245)',
} as const

/** The record of a case of concern (E4, 000#Annex H/C; 001#36; 002#136). */
export const CASE_OF_CONCERN_RECORD = {
  inspectorProvides: [
    'case identification (team/location)',
    'issues of concern and their view of the significance of these concerns',
  ],
  leadInspector: [
    'give the local authority a formal written note of the concerns, seeking a written response within a specified period',
    'retain a copy, incorporating any response from the local authority',
    'establish findings, individually and overall, by the end of the inspection period',
    'communicate the findings to the local authority',
  ],
  escalation:
    'a concern not satisfactorily resolved between the inspector and the practitioner or manager goes to the lead inspector; on monitoring visits it is brought to the attention of the DCS (001#36, 002#136)',
} as const

/** Feedback and keeping in touch (E5, 002#173-175, #197-201). */
export const FEEDBACK_RULES = {
  keepingInTouch:
    'the lead inspector tells the DCS or another senior member of staff of emerging findings, usually daily in a brief meeting (002#173-174)',
  dcsMayDecline: 'the DCS may choose not to engage; that does not itself influence judgements (002#175)',
  noSurprises:
    'strengths and areas for development should have been discussed in the daily meetings: no surprises on the final day (002#197)',
  provisionalJudgements:
    'in short and standard inspections the DCS hears the provisional judgements before the meeting (002#197)',
  maxMinutes: 60,
  notScripted: 'not a scripted presentation; the report or letter has not been written yet (002#199)',
  procedures:
    'the lead inspector sets out how the draft is shared for factual accuracy, how it is published and how to complain (002#201)',
} as const

/** True when a feedback meeting of `minutes` keeps to the usual limit (E5, 002#199: "usually no longer than 60 minutes"). */
export function feedbackWithinLimit(minutes: number): boolean {
  return minutes <= FEEDBACK_RULES.maxMinutes
}
