import type { Transaction } from 'kysely'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import type { Database } from '../../db/tables.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { FieldErrors } from '../../web/legacy-forms.js'
import type { ActivitiesService } from '../activities/index.js'
import type { Activity } from '../activities/index.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import { FRAMEWORK_INFO, type Framework, type Grade, isGrade } from '../register/index.js'
import type { RegisterJudgementInput } from '../register/index.js'
import { ATTENDEE_ROLES, type AttendeeRole, type FeedbackRecord, SET_OUT_ITEMS, type SetOutKey } from './feedback.js'
import { checkFinding, type FindingInput, findingsProblems, type FindingsSummary } from './focused-visit-findings.js'
import {
  checkFrameworkJudgements,
  evidenceHeadingsFor,
  isJudgedType,
  isJudgementArea,
  type JudgedType,
  judgementAreas,
  judgementFrameworkFor,
  type SetCheck,
} from './framework-judgements.js'
import {
  bumpOutcome,
  confirmOutcome,
  deleteFinding,
  findFeedback,
  findingsOf,
  findOutcome,
  insertFinding,
  judgementsOf,
  lockOutcome,
  type Outcome,
  type RecordedJudgement,
  upsertFeedback,
  upsertJudgement,
} from './repository.js'

/**
 * Judgements and focused-visit findings (issue 6): recorded by the lead inspector or a senior
 * HMI on the team while the team is on site, checked against S6 before confirmation, then the
 * activity may be marked "judgements agreed". Nothing reaches the register here: it records
 * published judgements only, so the reports stage calls `publishedJudgementFor` at publication.
 */

/** While fieldwork is under way: judgements are agreed at its end (002#144, #193). */
const EDITABLE_STATUS = 'on-site'
/** Feedback is given on the last day on site (002#197), after the judgements are agreed; it may be recorded later. */
const FEEDBACK_STATUSES: readonly string[] = ['on-site', 'judgements-agreed', 'report-stage']
const AGREED_STATUSES: readonly string[] = ['judgements-agreed', 'report-stage', 'published']
const MAX_RATIONALE = 10_000

export interface JudgementInput {
  readonly grade: string
  readonly rationale: string
  readonly evidenceHeadings: readonly string[]
  /** 'yes', 'no' or '' (not answered), for the leaders judgement (002#101, #241). */
  readonly leadersUnderstandFailure: string
  readonly version: number | undefined
}

export interface FeedbackInput {
  readonly heldOn: string | undefined
  readonly durationMinutes: string
  readonly attendees: readonly string[]
  readonly otherAttendees: string
  readonly dcsToldBefore: string
  readonly judgementsGiven: readonly string[]
  readonly setOut: readonly string[]
  readonly notes: string
}

/** What the register needs to record the judgement once its report is published (issue 3). */
export interface PublishedJudgement {
  readonly laCode: string
  readonly framework: Framework
  readonly activityType: JudgedType
  /** The first day on site: the date whose framework applies (see framework-judgements.ts). */
  readonly inspectionStart: string
  /** The last day of fieldwork (the timeline's `onsite.end`). */
  readonly inspectionEnd: string
  readonly grades: Readonly<Record<string, Grade>>
}

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

const stale = () =>
  new ConflictError(
    'Someone else changed these judgements or findings after you opened the page. Check the page again and repeat your change if it is still needed.',
  )

export function createJudgementsService({ db, clock }: ServiceDeps, activities: ActivitiesService) {
  function frameworkOf(activity: Activity): Framework {
    const choice = judgementFrameworkFor(activity.type, activity.onsiteStart)
    if (!choice.ok) throw new NotFoundError()
    return choice.framework
  }

  function gradesOf(judgements: readonly RecordedJudgement[]): Partial<Record<string, Grade>> {
    return Object.fromEntries(judgements.map((judgement) => [judgement.area, judgement.grade]))
  }

  function setCheck(framework: Framework, judgements: readonly RecordedJudgement[]): SetCheck {
    const leaders = judgements.find((judgement) => judgement.area === 'leaders')
    return checkFrameworkJudgements(framework, gradesOf(judgements), leaders?.leadersUnderstandFailure ?? undefined)
  }

  /** Lock the outcome row (creating it) and check the version the user's page was built from. */
  async function lockFor(
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

  function requireEditable(activity: Activity, errors: FieldErrors, field = 'status'): void {
    if (activity.status !== EDITABLE_STATUS) errors[field] = editableProblem(activity)
  }

  const service = {
    /** Everything the judgements pages show for a standard or short inspection. */
    async judgementsPage(activityId: string) {
      const details = await activities.details(activityId)
      const { activity } = details
      if (!isJudgedType(activity.type)) return { kind: 'findings' as const, activity }
      const framework = frameworkOf(activity)
      const [outcome, judgements, feedback] = await Promise.all([
        findOutcome(db, activityId),
        judgementsOf(db, activityId),
        findFeedback(db, activityId),
      ])
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

    /** Everything the findings page shows for a focused visit. */
    async findingsPage(activityId: string) {
      const details = await activities.details(activityId)
      const { activity } = details
      if (activity.type !== 'focused-visit') return { kind: 'judgements' as const, activity }
      const [outcome, findings, feedback] = await Promise.all([
        findOutcome(db, activityId),
        findingsOf(db, activityId),
        findFeedback(db, activityId),
      ])
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
      const errors: FieldErrors = {}
      requireEditable(activity, errors)
      if (!isGrade(input.grade)) errors.grade = `Select the grade for ${lowerFirst(area.label)} (002#97)`
      if (!input.rationale) errors.rationale = 'Enter the rationale for the judgement'
      else if (input.rationale.length > MAX_RATIONALE)
        errors.rationale = `The rationale must be ${MAX_RATIONALE.toLocaleString('en-GB')} characters or fewer`
      const allowed = evidenceHeadingsFor(framework, areaKey).map((heading) => heading.id)
      if (input.evidenceHeadings.some((id) => !allowed.includes(id)))
        errors.evidenceHeadings = 'Select evaluation criteria headings from the list'
      const understands =
        areaKey === 'leaders'
          ? input.leadersUnderstandFailure === 'yes'
            ? true
            : input.leadersUnderstandFailure === 'no'
              ? false
              : null
          : null
      if (Object.keys(errors).length > 0 || !isGrade(input.grade)) throw new ValidationError(errors)
      const grade = input.grade
      await db.transaction().execute(async (trx) => {
        const locked = await lockFor(trx, activity, 'judgements', input.version)
        const before = (await judgementsOf(trx, activityId)).find((judgement) => judgement.area === areaKey)
        const now = clock.now()
        await upsertJudgement(trx, activityId, {
          area: areaKey,
          grade,
          rationale: input.rationale,
          evidenceHeadings: input.evidenceHeadings,
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
            after: { grade, evidenceHeadings: input.evidenceHeadings, leadersUnderstandFailure: understands },
            rationaleChanged: before ? before.rationale !== input.rationale : true,
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
      input: { reason: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const framework = frameworkOf(activity)
      const judgements = await judgementsOf(db, activityId)
      const check = setCheck(framework, judgements)
      const errors: FieldErrors = {}
      requireEditable(activity, errors)
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

    /** Add a focused visit finding (002#108-109). */
    async addFinding(
      principal: Principal,
      activityId: string,
      input: FindingInput & { version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const errors: FieldErrors = {}
      if (activity.type !== 'focused-visit')
        errors.kind = 'Only focused visits record findings instead of grades (002#108)'
      else requireEditable(activity, errors, 'kind')
      const finding = checkFinding(input, errors)
      if (Object.keys(errors).length > 0 || !finding) throw new ValidationError(errors)
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
      input: { findingId: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const errors: FieldErrors = {}
      if (activity.type !== 'focused-visit')
        errors.findings = 'Only focused visits record findings instead of grades (002#108)'
      else requireEditable(activity, errors, 'findings')
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
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
      input: { noPriorityActions: boolean; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      if (activity.type !== 'focused-visit')
        throw new ValidationError({ findings: 'Only focused visits record findings instead of grades (002#108)' })
      const findings = await findingsOf(db, activityId)
      const errors: FieldErrors = {}
      requireEditable(activity, errors, 'findings')
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

    /**
     * Record the feedback meeting (E5, 002#196-201) once the judgements or findings are confirmed.
     * The provisional judgements given are kept as they stood, so what the LA was told stays on
     * record whatever QA and moderation later change.
     */
    async recordFeedback(
      principal: Principal,
      activityId: string,
      input: FeedbackInput,
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<void> {
      const details = await activities.details(activityId)
      const { activity } = details
      const outcome = await findOutcome(db, activityId)
      const graded = isJudgedType(activity.type)
      const judgements = graded ? await judgementsOf(db, activityId) : []
      const errors: FieldErrors = { ...dateErrors }
      if (!FEEDBACK_STATUSES.includes(activity.status))
        errors.status =
          'Feedback is recorded from the last day on site, once the team has agreed its judgements or findings (002#193, #197)'
      else if (!outcome?.confirmation)
        errors.status = graded
          ? 'Confirm the judgements before recording the feedback: they are the provisional judgements given (002#197)'
          : 'Confirm the findings before recording the feedback (002#195, #197)'
      if (input.heldOn && input.heldOn > clock.today())
        errors.heldOn = 'The date of the meeting must be today or in the past'
      else if (input.heldOn && input.heldOn < activity.onsiteStart)
        errors.heldOn = 'The meeting must be on or after the first day on site'
      const minutes = /^\d{1,3}$/.test(input.durationMinutes) ? Number(input.durationMinutes) : NaN
      if (!input.durationMinutes) errors.durationMinutes = 'Enter how long the meeting lasted, in minutes'
      else if (!Number.isInteger(minutes) || minutes < 1 || minutes > 600)
        errors.durationMinutes = 'Enter how long the meeting lasted as a whole number of minutes, for example 55'
      const attendees = input.attendees.filter((role): role is AttendeeRole =>
        ATTENDEE_ROLES.some((candidate) => candidate.key === role),
      )
      if (!attendees.some((role) => ATTENDEE_ROLES.find((candidate) => candidate.key === role)?.side === 'la'))
        errors.attendees = 'Select who attended from the local authority'
      else if (!attendees.some((role) => ATTENDEE_ROLES.find((candidate) => candidate.key === role)?.side === 'ofsted'))
        errors.attendees = 'Select who attended from Ofsted'
      if (graded && input.dcsToldBefore !== 'yes' && input.dcsToldBefore !== 'no')
        errors.dcsToldBefore = 'Select whether the DCS heard the provisional judgements before the meeting'
      const given = Object.fromEntries(
        judgements
          .filter((judgement) => input.judgementsGiven.includes(judgement.area))
          .map((judgement) => [judgement.area, judgement.grade]),
      )
      if (Object.keys(errors).length > 0 || !input.heldOn) throw new ValidationError(errors)
      const record: FeedbackRecord = {
        heldOn: input.heldOn,
        durationMinutes: minutes,
        attendees,
        otherAttendees: input.otherAttendees || null,
        dcsToldBefore: graded ? input.dcsToldBefore === 'yes' : null,
        judgementsGiven: given,
        setOut: input.setOut.filter((key): key is SetOutKey => SET_OUT_ITEMS.some((item) => item.key === key)),
        notes: input.notes || null,
      }
      await db.transaction().execute(async (trx) => {
        const before = await findFeedback(trx, activityId)
        await upsertFeedback(trx, activityId, record, principal.id, clock.now())
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.feedback',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `${before ? 'Changed the record of' : 'Recorded'} the feedback meeting for ${activity.reference} on ${record.heldOn} (${record.durationMinutes} minutes)`,
          // Free text (other attendees, notes) stays out of the append-only log (002#191).
          changes: {
            before: before
              ? {
                  heldOn: before.heldOn,
                  durationMinutes: before.durationMinutes,
                  attendees: before.attendees,
                  dcsToldBefore: before.dcsToldBefore,
                  judgementsGiven: before.judgementsGiven,
                  setOut: before.setOut,
                }
              : null,
            after: {
              heldOn: record.heldOn,
              durationMinutes: record.durationMinutes,
              attendees: record.attendees,
              dcsToldBefore: record.dcsToldBefore,
              judgementsGiven: record.judgementsGiven,
              setOut: record.setOut,
            },
          },
          requestId: context.requestId,
        })
      })
    },

    /** The feedback meeting and the framework, for the feedback pages (Ofsted and the DCS). */
    async feedbackPage(activityId: string) {
      const details = await activities.details(activityId)
      const { activity } = details
      const graded = isJudgedType(activity.type)
      const framework = graded ? frameworkOf(activity) : null
      const [outcome, feedback, judgements, findings] = await Promise.all([
        findOutcome(db, activityId),
        findFeedback(db, activityId),
        graded ? judgementsOf(db, activityId) : [],
        graded ? [] : findingsOf(db, activityId),
      ])
      const monitoringMayFollow = graded
        ? judgements.some((judgement) => judgement.grade === 'inadequate')
        : findings.some((finding) => finding.kind === 'priority-action')
      return {
        activity,
        graded,
        framework,
        areas: framework ? judgementAreas(framework) : [],
        judgements,
        outcome,
        feedback,
        feedbackDue: details.milestones.find((m) => m.key === 'feedback'),
        // E7 (002#216): factual accuracy, the final copy under embargo, publication.
        reportMilestones: details.milestones.filter((m) => m.key.startsWith('report.')),
        monitoringMayFollow,
        canRecord: FEEDBACK_STATUSES.includes(activity.status) && Boolean(outcome?.confirmation),
      }
    },

    /** Whether the feedback meeting is on record (the LA's DCS sees it only then, 002#197). */
    async hasFeedback(activityId: string): Promise<boolean> {
      return (await findFeedback(db, activityId)) !== undefined
    },

    /**
     * The activities service's hook (lifecycle `judgements-agreed`): ready only when every
     * judgement of the framework (or the focused visit's findings) is recorded and confirmed.
     */
    async outcomeReadiness(activity: Activity): Promise<{ ready: boolean; problem?: string }> {
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
      if (activity.type === 'focused-visit') {
        if (!outcome?.confirmation)
          return { ready: false, problem: 'Record and confirm the focused visit findings first (002#108-110, #195)' }
        return { ready: true }
      }
      return { ready: false, problem: 'This service does not record the outcome of this type of activity yet' }
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
    async confirmation(activityId: string) {
      return (await findOutcome(db, activityId))?.confirmation ?? null
    },

    isJudgementArea,
  }
  return service
}

export type JudgementsService = ReturnType<typeof createJudgementsService>

function summarise(findings: ReadonlyArray<{ kind: string }>): FindingsSummary {
  return {
    strengths: findings.filter((finding) => finding.kind === 'strength').length,
    areasForImprovement: findings.filter((finding) => finding.kind === 'area-for-improvement').length,
    priorityActions: findings.filter((finding) => finding.kind === 'priority-action').length,
  }
}

function editableProblem(activity: Activity): string {
  if (activity.status === EDITABLE_STATUS) return ''
  if (AGREED_STATUSES.includes(activity.status))
    return 'The judgements or findings are agreed: they can no longer change here'
  return 'Judgements and findings are recorded while the team is on site (002#144, #193)'
}

function lowerFirst(text: string): string {
  return text.startsWith('The ') ? `the ${text.slice(4)}` : text.charAt(0).toLowerCase() + text.slice(1)
}
