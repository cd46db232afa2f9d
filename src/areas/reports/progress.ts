/**
 * Each step of the publication timeline with its statutory date beside the day it happened
 * (issue 11: Ofsted now publishes a median 30 working days after fieldwork, not 21, so every step
 * records both). The statutory dates are the rules core's (`publicationMilestones`, E7, 002#216);
 * the actual days come from the report's history.
 */
import { londonIsoDate } from '../../clock.js'
import { stepTimeliness, type StepTimeliness } from '../../rules/timelines/publication.js'
import type { Milestone } from '../../rules/types.js'
import type { Report, StepRecord } from './types.js'
import type { ReportEvent } from './workflow.js'

/** The milestones of 002#216, in order, as `publicationMilestones` keys them. */
export const PUBLICATION_MILESTONE_KEYS = [
  'report.to-la-for-factual-accuracy',
  'report.factual-accuracy-due',
  'report.final-to-la',
  'report.published',
] as const
export type PublicationMilestoneKey = (typeof PUBLICATION_MILESTONE_KEYS)[number]

/** The event that meets each milestone. */
export const MILESTONE_EVENTS: Readonly<Record<PublicationMilestoneKey, ReportEvent>> = {
  'report.to-la-for-factual-accuracy': 'sent-for-factual-accuracy',
  'report.factual-accuracy-due': 'comments-submitted',
  'report.final-to-la': 'final-sent',
  'report.published': 'published',
}

/** Who answers for each milestone: the lead inspector, or the LA for its comments (002#216). */
export const MILESTONE_OWNERS: Readonly<Record<PublicationMilestoneKey, 'lead' | 'la'>> = {
  'report.to-la-for-factual-accuracy': 'lead',
  'report.factual-accuracy-due': 'la',
  'report.final-to-la': 'lead',
  'report.published': 'lead',
}

export interface MilestoneProgress {
  readonly key: PublicationMilestoneKey
  readonly label: string
  readonly rule: string
  readonly citation: string
  /** The rules core's date for the step (002#216). */
  readonly statutory: string
  /** The date the step is judged against: for the LA's comments, 3 (or 2) working days after the draft was actually sent. */
  readonly deadline: string
  /** The day in England the step happened, if it has. */
  readonly actual: string | undefined
  readonly timeliness: StepTimeliness
  /** Nothing more will happen: the LA sent no comments before the final copy went out. */
  readonly skipped: boolean
}

/** Where each 002#216 step of a report stands on `today`. */
export function milestoneProgress(
  milestones: readonly Milestone[],
  report: Pick<Report, 'faDue' | 'step'> | undefined,
  steps: readonly StepRecord[],
  today: string,
): MilestoneProgress[] {
  return PUBLICATION_MILESTONE_KEYS.flatMap((key) => {
    const milestone = milestones.find((m) => m.key === key)
    if (!milestone) return []
    const event = steps.find((step) => step.event === MILESTONE_EVENTS[key])
    const actual = event ? londonIsoDate(event.occurredAt) : undefined
    const deadline = key === 'report.factual-accuracy-due' && report?.faDue ? report.faDue : milestone.date
    // The LA may send no comments at all: once the final copy is out, its step is over.
    const skipped =
      !actual && key === 'report.factual-accuracy-due' && steps.some((step) => step.event === 'final-sent')
    return [
      {
        key,
        label: milestone.label,
        rule: milestone.rule,
        citation: milestone.citation,
        statutory: milestone.date,
        deadline,
        actual,
        timeliness: skipped ? 'on-time' : stepTimeliness(deadline, actual, today),
        skipped,
      },
    ]
  })
}

/** The steps late against their date: overdue and not done, or done late (002#216). */
export function lateSteps(progress: readonly MilestoneProgress[]): MilestoneProgress[] {
  return progress.filter((step) => step.timeliness === 'overdue' || step.timeliness === 'late')
}
