import type { Transaction } from 'kysely'
import type { PeopleDirectory } from '../../auth/people.js'
import type { Database } from '../../db/tables.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { ActivitiesService, Activity } from '../activities/index.js'
import type { ServiceDeps } from '../deps.js'
import type { Framework, Grade } from '../register/index.js'
import type { FindingsSummary } from './focused-visit-findings.js'
import { checkFrameworkJudgements, judgementFrameworkFor, type SetCheck } from './framework-judgements.js'
import {
  findFeedback,
  findingsOf,
  findOutcome,
  judgementsOf,
  lockOutcome,
  type StoredFeedback,
  type StoredJudgement,
  type StoredOutcome,
} from './repository.js'
import type { FeedbackMeeting, Finding, Outcome, RecordedJudgement } from './types.js'

/**
 * What the judgements area is built from: the activities it records the outcome of (through
 * their service) and the people directory, which names who recorded and confirmed them.
 */
export interface JudgementsDeps extends ServiceDeps {
  readonly activities: Pick<ActivitiesService, 'details' | 'load'>
  readonly people: Pick<PeopleDirectory, 'byIds'>
}

/** While fieldwork is under way: judgements are agreed at its end (002#144, #193). */
export const EDITABLE_STATUS = 'on-site'
/** Feedback is given on the last day on site (002#197), after the judgements are agreed; it may be recorded later. */
export const FEEDBACK_STATUSES: readonly string[] = ['on-site', 'judgements-agreed', 'report-stage']
export const AGREED_STATUSES: readonly string[] = ['judgements-agreed', 'report-stage', 'published']

export const stale = () =>
  new ConflictError(
    'Someone else changed these judgements or findings after you opened the page. Check the page again and repeat your change if it is still needed.',
  )

/** Why the activity's judgements or findings cannot change now ('' while they can). */
export function editableProblem(activity: Activity): string {
  if (activity.status === EDITABLE_STATUS) return ''
  if (AGREED_STATUSES.includes(activity.status))
    return 'The judgements or findings are agreed: they can no longer change here'
  return 'Judgements and findings are recorded while the team is on site (002#144, #193)'
}

/** The framework whose judgements the activity gives; a type that gives none has no such page. */
export function frameworkOf(activity: Activity): Framework {
  const choice = judgementFrameworkFor(activity.type, activity.onsiteStart)
  if (!choice.ok) throw new NotFoundError()
  return choice.framework
}

type Graded = Pick<RecordedJudgement, 'area' | 'grade' | 'leadersUnderstandFailure'>

export function gradesOf(judgements: readonly Graded[]): Partial<Record<string, Grade>> {
  return Object.fromEntries(judgements.map((judgement) => [judgement.area, judgement.grade]))
}

/** The S6 checks of a set of judgements under its framework. */
export function setCheck(framework: Framework, judgements: readonly Graded[]): SetCheck {
  const leaders = judgements.find((judgement) => judgement.area === 'leaders')
  return checkFrameworkJudgements(framework, gradesOf(judgements), leaders?.leadersUnderstandFailure ?? undefined)
}

export function summarise(findings: ReadonlyArray<{ kind: string }>): FindingsSummary {
  return {
    strengths: findings.filter((finding) => finding.kind === 'strength').length,
    areasForImprovement: findings.filter((finding) => finding.kind === 'area-for-improvement').length,
    priorityActions: findings.filter((finding) => finding.kind === 'priority-action').length,
  }
}

/** "The impact of leaders" as "the impact of leaders", for a judgement's name inside a sentence. */
export function lowerFirst(text: string): string {
  return text.startsWith('The ') ? `the ${text.slice(4)}` : text.charAt(0).toLowerCase() + text.slice(1)
}

/** Lock the outcome row (creating it) and check the version the user's page was built from. */
export async function lockFor(
  trx: Transaction<Database>,
  activity: Activity,
  kind: Outcome['kind'],
  expectedVersion: number | undefined,
) {
  const framework = kind === 'judgements' ? frameworkOf(activity) : null
  const locked = await lockOutcome(trx, activity.id, kind, framework)
  if (expectedVersion !== undefined && locked.version !== expectedVersion) throw stale()
  return locked
}

/** An activity's outcome, judgements or findings, and feedback meeting, as its pages show them. */
export interface OutcomeRecords {
  readonly outcome: Outcome | undefined
  readonly judgements: RecordedJudgement[]
  readonly findings: Finding[]
  readonly feedback: FeedbackMeeting | undefined
}

/**
 * Reading an activity's outcome for its pages: the records of this area, with the names of who
 * recorded and confirmed them from the people directory in one batch.
 */
export function outcomeRecords({ db, people }: JudgementsDeps) {
  return {
    async read(activityId: string, read: { judgements: boolean; findings: boolean }): Promise<OutcomeRecords> {
      const [outcome, judgements, findings, feedback] = await Promise.all([
        findOutcome(db, activityId),
        read.judgements ? judgementsOf(db, activityId) : ([] as StoredJudgement[]),
        read.findings ? findingsOf(db, activityId) : [],
        findFeedback(db, activityId),
      ])
      const names = await people.byIds([
        outcome?.confirmation?.by,
        feedback?.recordedBy,
        ...judgements.map((judgement) => judgement.recordedBy),
      ])
      const nameOf = (id: string | null | undefined) => (id ? (names.get(id)?.displayName ?? null) : null)
      return {
        outcome: outcome && named(outcome, nameOf),
        judgements: judgements.map(({ recordedBy, ...judgement }) => ({
          ...judgement,
          recordedByName: nameOf(recordedBy),
        })),
        findings,
        feedback: feedback && namedFeedback(feedback, nameOf),
      }
    },
  }
}

export type OutcomeReader = ReturnType<typeof outcomeRecords>

function named(outcome: StoredOutcome, nameOf: (id: string | null) => string | null): Outcome {
  if (!outcome.confirmation) return { ...outcome, confirmation: null }
  const { by, ...confirmation } = outcome.confirmation
  return { ...outcome, confirmation: { ...confirmation, byName: nameOf(by) } }
}

function namedFeedback(feedback: StoredFeedback, nameOf: (id: string | null) => string | null): FeedbackMeeting {
  const { recordedBy, ...meeting } = feedback
  return { ...meeting, recordedByName: nameOf(recordedBy) }
}
