/**
 * The checklists an LA and the DfE answer about an authority (RULES.md G6, 004): the 13
 * signatures of risk, the questions for lead members and Ofsted's three reflective questions.
 */
import { formatDate, type IsoDate } from './calendar/dates.js'
import type { Cited } from './types.js'

const WHEN = "004#When does a council children's services department go into intervention and why?"
const QUESTIONS = '004#Re-inspection and the continuous journey (Questions to consider)'
const REFLECTIVE = '004#Ofsted inspection: reflective questions'

/** The 13 signatures of risk, for strategic reflection, not prediction (G6, 004#When does a council…). */
const SIGNATURES_OF_RISK = [
  'turnover and change in senior leadership',
  'service reorganisations combined with challenging budget reductions',
  'lack of political focus on safeguarding and care',
  'assuming performance standards are secure in an environment of service maintenance rather than development',
  'limited self-awareness and no external challenge',
  'inconsistent observation of practice',
  'professional weakness in supervision and audit',
  'lack of a learning organisational culture',
  'weak commitment from partners',
  'lack of focus on the child’s journey or voice of the child',
  'poor workforce development and/or capacity',
  'failing to listen to or accept front line feedback',
  'not developing a culture of anticipation and early warning of issues',
] as const

/** The questions a lead member for children's services considers (G6, 004 "Questions to consider"). */
const LEAD_MEMBER_QUESTIONS = [
  'Are you, as the lead member, able to articulate a clear vision for children in your community and do you have a clear mandate from your leader/mayor/cabinet?',
  'Do you have a clear and shared understanding with the leader/mayor/cabinet/chief executive and DCS of the corporate risk arising from inadequate children’s services and the current strengths and weaknesses of the service?',
  'Have you discussed the signatures of risk and identified any areas of concern?',
  'Are you an active champion for children, promoting the work around corporate parenting and have a good grasp of current issues around care?',
  'How much exposure do you have to front line practice, do you test assumptions and processes and participate in and encourage external sector validation? Have you been on visits with social workers?',
  'Do you ‘triangulate’ the information you have, do the reports you receive from senior officers chime with the information you see and hear from social workers and children and young people in front line visits?',
  'Do you work well with wider partnerships fostering a climate of trust and co-operation whilst being prepared to challenge and scrutinise in order to uphold the interest of children and the quality of services delivered?',
  'Who are your looked after children? What are their needs? How are they being supported?',
  'Are your care leavers being given the right amount of support to transition successfully into young adulthood?',
  'Are you committing sufficient financial resources to ensure the sustainable improvement of your children’s services?',
  'Have you looked at the outcomes of both your geographical and statistical neighbour authorities? Do they do things differently? Why? How? Can any learning be brought back to your council? Does benchmarking show performance in other councils being very different to yours?',
  'Are you aware of the key government policy areas and how your authority is performing, eg child sexual exploitation, domestic abuse, adoption, care leavers?',
  'Do you understand the issues affecting the performance and quality of your service provision?',
  'Do you have a peer mentor to support you in your learning and development?',
] as const

/** Ofsted's three reflective questions (G6, 004#Ofsted inspection: reflective questions; cf. 002#33). */
const REFLECTIVE_QUESTIONS = [
  'What do you know about the quality and impact of social work practice with children and families in your authority?',
  'How do you know it?',
  'What are your plans to maintain or improve practice?',
] as const

/**
 * How far a signature of risk is seen. Decision: 004 gives no scale, only that the signatures
 * appear "in whole or in part and in different degrees"; we ask "not seen", "in part" or "in
 * whole", and say so on the checklist page.
 */
export const RISK_DEGREES = {
  'not-seen': 'Not seen',
  'in-part': 'Seen in part',
  'in-whole': 'Seen in whole',
} as const
export type RiskDegree = keyof typeof RISK_DEGREES

/** The three checklists, each with its items and citation. */
export const CHECKLISTS = {
  'signatures-of-risk': {
    title: 'Signatures of risk',
    items: SIGNATURES_OF_RISK,
    rule: 'G6',
    citation: WHEN,
    hint: 'Not a prescriptive predictor but an aid for strategic reflection and informed dialogue (004)',
  },
  'lead-member': {
    title: 'Questions for the lead member',
    items: LEAD_MEMBER_QUESTIONS,
    rule: 'G6',
    citation: QUESTIONS,
    hint: 'The questions 004 asks the lead member for children’s services to consider',
  },
  reflective: {
    title: 'Reflective questions',
    items: REFLECTIVE_QUESTIONS,
    rule: 'G6',
    citation: REFLECTIVE,
    hint: 'Ofsted’s three questions for reviewing the quality and impact of services',
  },
} as const
export type ChecklistKey = keyof typeof CHECKLISTS

/** One answer as the standing reads it. */
export interface ChecklistAnswer {
  readonly item: number
  readonly answeredOn: IsoDate
  readonly degree?: RiskDegree | null
}

/** Where one checklist stands. */
export interface ChecklistStanding extends Cited {
  readonly answered: number
  readonly total: number
  /** The items with no answer yet, by their index. */
  readonly unanswered: number[]
  /** For the signatures of risk: those whose latest answer sees them, in whole or in part. */
  readonly seen: number[]
  readonly lastAnsweredOn: IsoDate | null
  readonly summary: string
}

/**
 * Where a checklist stands from its answers (G6): each item's latest answer counts (an item is
 * answered again as things change, the earlier answers kept); the items not yet answered; the
 * signatures of risk seen in whole or in part; the day it was last answered.
 */
export function checklistStanding(list: ChecklistKey, answers: readonly ChecklistAnswer[]): ChecklistStanding {
  const { items, rule, citation } = CHECKLISTS[list]
  const latest = new Map<number, ChecklistAnswer>()
  for (const answer of [...answers].sort((a, b) => a.answeredOn.localeCompare(b.answeredOn)))
    if (answer.item >= 0 && answer.item < items.length) latest.set(answer.item, answer)
  const unanswered = items.map((_, index) => index).filter((index) => !latest.has(index))
  const seen = [...latest.values()]
    .filter((answer) => answer.degree === 'in-part' || answer.degree === 'in-whole')
    .map((answer) => answer.item)
    .sort((a, b) => a - b)
  const lastAnsweredOn =
    [...latest.values()]
      .map((answer) => answer.answeredOn)
      .sort()
      .at(-1) ?? null
  const answered = items.length - unanswered.length
  const parts = [`${answered} of ${items.length} answered`]
  if (list === 'signatures-of-risk' && answered > 0) parts.push(`${seen.length} seen in whole or in part`)
  if (lastAnsweredOn) parts.push(`last answered ${formatDate(lastAnsweredOn)}`)
  return { rule, citation, answered, total: items.length, unanswered, seen, lastAnsweredOn, summary: parts.join(', ') }
}
