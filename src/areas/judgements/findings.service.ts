import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import type { Activity } from '../activities/index.js'
import type { RequestContext } from '../deps.js'
import { checkFinding, type FindingInput, findingsProblems } from './focused-visit-findings.js'
import {
  EDITABLE_STATUS,
  editableProblem,
  type JudgementsDeps,
  lockFor,
  type OutcomeReader,
  summarise,
} from './records.js'
import { bumpOutcome, confirmOutcome, deleteFinding, findingsOf, insertFinding } from './repository.js'
import type { ConfirmFindingsInput, RemoveFindingInput } from './types.js'

const NOT_A_FOCUSED_VISIT = 'Only focused and monitoring visits record findings instead of grades (002#108, #138)'

/**
 * The visits whose outcome is findings without grades: focused visits (002#108) and monitoring
 * visits, whose letter reports progress, never a grade (001#40, 002#138, #208).
 */
export function givesFindings(type: Activity['type']): boolean {
  return type === 'focused-visit' || type === 'monitoring-visit'
}

/** Why the activity's findings cannot change now, under the field the form shows it against. */
function findingsClosed(activity: Activity, field: string): Record<string, string> | undefined {
  if (!givesFindings(activity.type)) return { [field]: NOT_A_FOCUSED_VISIT }
  if (activity.status !== EDITABLE_STATUS) return { [field]: editableProblem(activity) }
  return undefined
}

/**
 * A focused visit's findings (S7, 002#108-110): strengths, areas for improvement and areas for
 * priority action, recorded while the team is on site and confirmed with the team's answer on
 * priority actions (002#195).
 */
export function findingsService({ db, clock, activities }: JudgementsDeps, records: OutcomeReader) {
  return {
    /** Everything the findings page shows for a focused visit. */
    async findingsPage(activityId: string) {
      const details = await activities.details(activityId)
      const { activity } = details
      if (!givesFindings(activity.type)) return { kind: 'judgements' as const, activity }
      const { outcome, findings, feedback } = await records.read(activityId, { judgements: false, findings: true })
      return {
        kind: 'findings' as const,
        activity,
        findings,
        outcome,
        version: outcome?.version ?? 0,
        editable: activity.status === EDITABLE_STATUS,
        editableProblem: editableProblem(activity),
        problems: findingsProblems(summarise(findings), outcome?.noPriorityActions ?? false),
        feedback,
        milestones: details.milestones,
      }
    },

    /** Add a focused visit finding (002#108-109). */
    async addFinding(
      principal: Principal,
      activityId: string,
      input: FindingInput & { version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const closed = findingsClosed(activity, 'kind')
      if (closed) throw new ValidationError(closed)
      const finding = checkFinding(input)
      await db.transaction().execute(async (trx) => {
        const locked = await lockFor(trx, activity, 'findings', input.version)
        const now = clock.now()
        const id = await insertFinding(trx, activityId, { ...finding, recordedBy: principal.id, at: now })
        // Recording a priority action answers the team's question (002#195) for them.
        await bumpOutcome(trx, activityId, now, finding.kind === 'priority-action' ? { noPriorityActions: false } : {})
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.finding-add',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Added a finding (${finding.kind}) to ${activity.reference}${locked.confirmed ? '; the confirmation is withdrawn' : ''}`,
          changes: {
            findingId: id,
            kind: finding.kind,
            ground: finding.ground,
            length: finding.text.length,
            confirmationWithdrawn: locked.confirmed,
          },
          requestId: context.requestId,
        })
      })
    },

    async removeFinding(
      principal: Principal,
      activityId: string,
      input: RemoveFindingInput,
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const closed = findingsClosed(activity, 'findings')
      if (closed) throw new ValidationError(closed)
      await db.transaction().execute(async (trx) => {
        const locked = await lockFor(trx, activity, 'findings', input.version)
        const removed = await deleteFinding(trx, activityId, input.findingId)
        if (!removed) throw new ValidationError({ findings: 'That finding is no longer recorded' })
        await bumpOutcome(trx, activityId, clock.now())
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.finding-remove',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Removed a finding (${removed.kind}) from ${activity.reference}${locked.confirmed ? '; the confirmation is withdrawn' : ''}`,
          changes: {
            findingId: removed.id,
            kind: removed.kind,
            ground: removed.ground,
            confirmationWithdrawn: locked.confirmed,
          },
          requestId: context.requestId,
        })
      })
    },

    /** Confirm the findings the team agreed (002#195), including whether there are priority actions. */
    async confirmFindings(
      principal: Principal,
      activityId: string,
      input: ConfirmFindingsInput,
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      if (!givesFindings(activity.type)) throw new ValidationError({ findings: NOT_A_FOCUSED_VISIT })
      const findings = await findingsOf(db, activityId)
      const errors: Record<string, string> = { ...findingsClosed(activity, 'findings') }
      for (const problem of findingsProblems(summarise(findings), input.noPriorityActions))
        errors[problem.startsWith('Record at least') ? 'findings' : 'noPriorityActions'] = problem
      if (input.version === undefined) errors.version = 'Check the findings again before you confirm them'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      await db.transaction().execute(async (trx) => {
        await lockFor(trx, activity, 'findings', input.version)
        await confirmOutcome(trx, activityId, {
          by: principal.id,
          at: clock.now(),
          reason: null,
          checks: { problems: [], warnings: [] },
          noPriorityActions: input.noPriorityActions,
        })
        const summary = summarise(findings)
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.findings-confirm',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Confirmed the focused visit findings for ${activity.reference}: ${summary.strengths} strengths, ${summary.areasForImprovement} areas for improvement, ${summary.priorityActions} areas for priority action`,
          changes: { ...summary, noPriorityActions: input.noPriorityActions },
          requestId: context.requestId,
        })
      })
    },
  }
}
