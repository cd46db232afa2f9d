import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import { FRAMEWORK_INFO, type Grade, type RegisterJudgementInput } from '../register/index.js'
import { evidenceHeadingsFor, isJudgedType, judgementAreas } from './framework-judgements.js'
import {
  AGREED_STATUSES,
  EDITABLE_STATUS,
  editableProblem,
  frameworkOf,
  gradesOf,
  type JudgementsDeps,
  lockFor,
  lowerFirst,
  type OutcomeReader,
  setCheck,
} from './records.js'
import { bumpOutcome, confirmOutcome, findOutcome, judgementsOf, upsertJudgement } from './repository.js'
import type { ConfirmJudgementsInput, JudgementInput, PublishedJudgement } from './types.js'

/** The register's form for a published judgement, for the reports stage to pass to `register.record`. */
export function registerForm(judgement: PublishedJudgement, publishedOn: string): RegisterJudgementInput {
  return {
    framework: judgement.framework,
    activityType: judgement.activityType,
    inspectionStart: judgement.inspectionStart,
    inspectionEnd: judgement.inspectionEnd,
    publishedOn,
    grades: { ...judgement.grades },
  }
}

/**
 * The graded judgements of a standard or short inspection (002#96-101): recorded by the lead
 * inspector or a senior HMI on the team while the team is on site, checked against S6 before
 * confirmation. Nothing reaches the register here: it records published judgements only, so the
 * reports stage calls `publishedJudgementFor` at publication.
 */
export function judgementService({ db, clock, activities }: JudgementsDeps, records: OutcomeReader) {
  return {
    /** Everything the judgements pages show for a standard or short inspection. */
    async judgementsPage(activityId: string) {
      const details = await activities.details(activityId)
      const { activity } = details
      if (!isJudgedType(activity.type)) return { kind: 'findings' as const, activity }
      const framework = frameworkOf(activity)
      const { outcome, judgements, feedback } = await records.read(activityId, { judgements: true, findings: false })
      return {
        kind: 'judgements' as const,
        activity,
        framework,
        areas: judgementAreas(framework),
        judgements,
        check: setCheck(framework, judgements),
        outcome,
        version: outcome?.version ?? 0,
        editable: activity.status === EDITABLE_STATUS,
        editableProblem: editableProblem(activity),
        feedback,
        milestones: details.milestones,
        lifecycle: details.lifecycle,
      }
    },

    /** One judgement of the activity's framework with its evaluation-criteria headings (for its form). */
    async judgementArea(activityId: string, areaKey: string) {
      const framework = frameworkOf(await activities.load(activityId))
      const area = judgementAreas(framework).find((candidate) => candidate.key === areaKey)
      if (!area) throw new NotFoundError()
      return { framework, area, headings: evidenceHeadingsFor(framework, areaKey) }
    },

    /**
     * Record or change one judgement with its rationale (002#96-98). A change withdraws any
     * confirmation: the set must be checked and confirmed again. The audit entry holds the grades,
     * not the rationale text: the log is append-only, so a child's name typed in error (002#191)
     * could never be removed from it.
     */
    async recordJudgement(
      principal: Principal,
      activityId: string,
      areaKey: string,
      input: JudgementInput,
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const framework = frameworkOf(activity)
      const area = judgementAreas(framework).find((candidate) => candidate.key === areaKey)
      if (!area) throw new NotFoundError()
      if (activity.status !== EDITABLE_STATUS) throw new ValidationError({ status: editableProblem(activity) })
      const { grade, rationale, evidenceHeadings } = input
      // The question of 002#101, #241 belongs to the leaders judgement alone.
      const understands = areaKey === 'leaders' ? input.leadersUnderstandFailure : null
      await db.transaction().execute(async (trx) => {
        const locked = await lockFor(trx, activity, 'judgements', input.version)
        const before = (await judgementsOf(trx, activityId)).find((judgement) => judgement.area === areaKey)
        const now = clock.now()
        await upsertJudgement(trx, activityId, {
          area: areaKey,
          grade,
          rationale,
          evidenceHeadings,
          leadersUnderstandFailure: understands,
          recordedBy: principal.id,
          at: now,
        })
        await bumpOutcome(trx, activityId, now)
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.record',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `${before ? 'Changed' : 'Recorded'} the ${lowerFirst(area.label)} judgement for ${activity.reference}: ${grade}${locked.confirmed ? '; the confirmation is withdrawn' : ''}`,
          changes: {
            area: areaKey,
            framework,
            before: before
              ? {
                  grade: before.grade,
                  evidenceHeadings: before.evidenceHeadings,
                  leadersUnderstandFailure: before.leadersUnderstandFailure,
                }
              : null,
            after: { grade, evidenceHeadings, leadersUnderstandFailure: understands },
            rationaleChanged: before ? before.rationale !== rationale : true,
            confirmationWithdrawn: locked.confirmed,
          },
          requestId: context.requestId,
        })
      })
    },

    /**
     * Confirm the judgements after the check page (S6). The problems the page showed are kept
     * with the confirmation; confirming with any needs a reason ("flag, never accept silently").
     */
    async confirmJudgements(
      principal: Principal,
      activityId: string,
      input: ConfirmJudgementsInput,
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const framework = frameworkOf(activity)
      const judgements = await judgementsOf(db, activityId)
      const check = setCheck(framework, judgements)
      const errors: Record<string, string> = {}
      if (activity.status !== EDITABLE_STATUS) errors.status = editableProblem(activity)
      if (check.missing.length > 0)
        errors.judgements = `Record every judgement first: ${check.missing.map(lowerFirst).join('; ')}`
      if (check.problems.length > 0 && !input.reason)
        errors.reason = 'Enter why you are confirming these judgements despite the problems the checks found'
      if (input.version === undefined) errors.version = 'Check the judgements again before you confirm them'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      await db.transaction().execute(async (trx) => {
        await lockFor(trx, activity, 'judgements', input.version)
        const checks = { problems: [...check.problems], warnings: [...check.warnings] }
        const reason = check.problems.length > 0 ? input.reason : input.reason || null
        await confirmOutcome(trx, activityId, { by: principal.id, at: clock.now(), reason, checks })
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.confirm',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Confirmed the judgements for ${activity.reference}${check.problems.length > 0 ? ` with ${check.problems.length} flagged problem${check.problems.length === 1 ? '' : 's'}: ${input.reason}` : ''}`,
          changes: {
            framework,
            grades: gradesOf(judgements),
            problems: checks.problems,
            warnings: checks.warnings,
            reason,
          },
          requestId: context.requestId,
        })
      })
    },

    /**
     * The judgement the reports stage appends to the register when the report is published
     * (issue 3: the register holds published judgements only). Throws ConflictError until the
     * judgements are agreed.
     */
    async publishedJudgementFor(activityId: string): Promise<PublishedJudgement> {
      const details = await activities.details(activityId)
      const { activity } = details
      if (!isJudgedType(activity.type))
        throw new ConflictError('Only standard and short inspections give judgements for the register (002#96, #108)')
      if (!AGREED_STATUSES.includes(activity.status))
        throw new ConflictError('The judgements of this inspection are not agreed yet')
      const framework = frameworkOf(activity)
      const [outcome, judgements] = await Promise.all([findOutcome(db, activityId), judgementsOf(db, activityId)])
      const check = setCheck(framework, judgements)
      if (!outcome?.confirmation || check.missing.length > 0)
        throw new ConflictError('The judgements of this inspection are not confirmed')
      const grades: Record<string, Grade> = {}
      for (const area of FRAMEWORK_INFO[framework].areas)
        grades[area.key] = judgements.find((judgement) => judgement.area === area.key)!.grade
      return {
        laCode: activity.laCode,
        framework,
        activityType: activity.type,
        inspectionStart: activity.onsiteStart,
        inspectionEnd: details.milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart,
        grades,
      }
    },
  }
}
