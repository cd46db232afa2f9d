import type { Activity } from '../activities/index.js'
import { isJudgedType, judgementAreas, judgementFrameworkFor } from './framework-judgements.js'
import { givesFindings } from './findings.service.js'
import { type JudgementsDeps, setCheck } from './records.js'
import {
  findFeedback,
  findingsOf,
  findOutcome,
  judgementsOf,
  outcomesOf,
  type StoredConfirmation,
} from './repository.js'
import type { Readiness } from './types.js'

/**
 * Where an activity's outcome stands, for the other areas: whether it may be marked "judgements
 * agreed" (the activities lifecycle), its task on the activity page, and its confirmation (the
 * home page's review items).
 */
export function outcomeService({ db }: JudgementsDeps) {
  return {
    /**
     * The activities service's hook (lifecycle `judgements-agreed`): ready only when every
     * judgement of the framework (or the focused visit's findings) is recorded and confirmed.
     */
    async outcomeReadiness(activity: Activity): Promise<Readiness> {
      const outcome = await findOutcome(db, activity.id)
      if (isJudgedType(activity.type)) {
        const choice = judgementFrameworkFor(activity.type, activity.onsiteStart)
        if (!choice.ok) return { ready: false, problem: choice.reason }
        const check = setCheck(choice.framework, await judgementsOf(db, activity.id))
        const count = judgementAreas(choice.framework).length
        if (check.missing.length > 0)
          return {
            ready: false,
            problem: `Record all ${count} judgements first (${count - check.missing.length} of ${count} recorded) (002#96)`,
          }
        if (!outcome?.confirmation)
          return { ready: false, problem: 'Check and confirm the judgements first (002#99-101, #241)' }
        return { ready: true }
      }
      if (givesFindings(activity.type)) {
        if (!outcome?.confirmation)
          return {
            ready: false,
            problem:
              activity.type === 'monitoring-visit'
                ? 'Record and confirm the monitoring visit findings first (001#37-38, 002#137-138)'
                : 'Record and confirm the focused visit findings first (002#108-110, #195)',
          }
        return { ready: true }
      }
      return { ready: false, problem: 'This service does not record the outcome of this type of activity yet' }
    },

    /** The state of an activity's outcome, for its task on the activity page. */
    async taskState(activity: Activity) {
      const [outcome, feedback] = await Promise.all([findOutcome(db, activity.id), findFeedback(db, activity.id)])
      if (isJudgedType(activity.type)) {
        const choice = judgementFrameworkFor(activity.type, activity.onsiteStart)
        const judgements = choice.ok ? await judgementsOf(db, activity.id) : []
        return {
          graded: true,
          framework: choice.ok ? choice.framework : null,
          recorded: judgements.length,
          total: choice.ok ? judgementAreas(choice.framework).length : 0,
          confirmed: Boolean(outcome?.confirmation),
          feedback: Boolean(feedback),
        }
      }
      const findings = await findingsOf(db, activity.id)
      return {
        graded: false,
        framework: null,
        recorded: findings.length,
        total: 0,
        confirmed: Boolean(outcome?.confirmation),
        feedback: Boolean(feedback),
      }
    },

    /** The confirmation of an activity's judgements or findings, if any, with what the checks flagged. */
    async confirmation(activityId: string): Promise<StoredConfirmation | null> {
      return (await findOutcome(db, activityId))?.confirmation ?? null
    },

    /** `confirmation` for many activities at once (home pages): one query, by activity id. */
    async confirmations(activityIds: readonly string[]): Promise<Map<string, StoredConfirmation | null>> {
      const outcomes = await outcomesOf(db, activityIds)
      return new Map(activityIds.map((id) => [id, outcomes.get(id)?.confirmation ?? null]))
    },
  }
}
