/**
 * The findings of a focused visit (RULES.md S7; 002#108-110, #195): no grades, nor any hint of
 * what the grade might have been (002#108); strengths and areas for improvement; and areas for
 * priority action where inspectors find serious weaknesses (002#109).
 *
 * 002#109 gives the only two grounds for an area for priority action; 002#110 says they may come
 * from particular or localised failings as well as systemic ones, with examples (shown as hint
 * text). A priority action must name one of the two grounds.
 */
import { ValidationError } from '../../errors.js'
import { FOCUSED_VISIT_FINDINGS } from '../../rules/inspection-arrangements.js'

export const FINDING_KINDS = ['strength', 'area-for-improvement', 'priority-action'] as const
export type FindingKind = (typeof FINDING_KINDS)[number]

export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = {
  strength: 'Strength',
  'area-for-improvement': 'Area for improvement',
  'priority-action': 'Area for priority action',
}

export function isFindingKind(value: string): value is FindingKind {
  return (FINDING_KINDS as readonly string[]).includes(value)
}

/** The two grounds of 002#109, in the seed's words (FOCUSED_VISIT_FINDINGS.priorityAction). */
export const PRIORITY_ACTION_GROUNDS = [
  { key: 'serious-weakness', label: FOCUSED_VISIT_FINDINGS.priorityAction[0] },
  { key: 'permanence-delay', label: FOCUSED_VISIT_FINDINGS.priorityAction[1] },
] as const
export type PriorityActionGround = (typeof PRIORITY_ACTION_GROUNDS)[number]['key']

export function isPriorityActionGround(value: string): value is PriorityActionGround {
  return PRIORITY_ACTION_GROUNDS.some((ground) => ground.key === value)
}

/** 002#110's examples of areas for priority action, for hint text. */
export const PRIORITY_ACTION_EXAMPLES = [
  'unrecognised or unallocated children’s cases, or significant delays in addressing child protection concerns or safeguarding the welfare of a child in care',
  'systemic failure or significant weakness in practice that exposes children to significant risk of harm or fails to safeguard and promote their welfare',
  'a significant shortfall in capacity, or a deficit in management oversight and supervision, that affects the help, protection or care children receive',
  'significant delays in allocating or assessing a large number of children in need cases, exposing them to potential and unquantified risk of harm',
] as const

/** A finding as its form gives it: the kind and text are checked there, the ground here. */
export interface FindingInput {
  readonly kind: FindingKind
  readonly text: string
  /** One of the two grounds of 002#109, or null when none was chosen. */
  readonly ground: PriorityActionGround | null
}

export interface ValidFinding {
  readonly kind: FindingKind
  readonly text: string
  readonly ground: PriorityActionGround | null
}

/** The longest finding the form takes. */
export const MAX_FINDING_TEXT = 4000

/**
 * Check one finding against 002#109: a priority action needs one of its two grounds (refused with
 * a ValidationError), and only a priority action keeps a ground.
 */
export function checkFinding(input: FindingInput): ValidFinding {
  if (input.kind === 'priority-action' && !input.ground)
    throw new ValidationError({
      ground: 'Select why this is an area for priority action: only the two grounds of 002#109 apply',
    })
  return { kind: input.kind, text: input.text, ground: input.kind === 'priority-action' ? input.ground : null }
}

export interface FindingsSummary {
  readonly strengths: number
  readonly areasForImprovement: number
  readonly priorityActions: number
}

/**
 * What stops the findings being confirmed. Decision: at least one strength or area for
 * improvement (002#108: "findings about strengths and areas for improvement"), and the team's
 * answer on priority actions (002#195: "whether there are any priority actions") — either one or
 * more recorded, or a statement that there are none.
 */
export function findingsProblems(summary: FindingsSummary, noPriorityActions: boolean): string[] {
  const problems: string[] = []
  if (summary.strengths + summary.areasForImprovement === 0)
    problems.push('Record at least one strength or area for improvement (002#108)')
  if (summary.priorityActions === 0 && !noPriorityActions)
    problems.push('Confirm that the team agreed there are no areas for priority action, or record them (002#195)')
  if (summary.priorityActions > 0 && noPriorityActions)
    problems.push('Areas for priority action are recorded: remove them, or do not say there are none')
  return problems
}
