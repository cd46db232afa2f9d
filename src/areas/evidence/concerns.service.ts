import type { AuditAction } from '../../auth/audit-actions.js'
import { recordAudit } from '../../auth/audit.js'
import type { PolicyTarget, Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import type { RequestContext } from '../deps.js'
import { concernsOf, findConcern, insertConcern, type StoredConcern, updateConcern } from './concerns.repository.js'
import { CONCERN_LA_VISIBLE } from './fieldwork.js'
import type { EvidenceDeps, EvidenceRecords } from './records.js'
import { nextNumber } from './repository.js'
import type { CaseOfConcern, NameConfirmation } from './types.js'

export interface ConcernInput {
  /** The child's Child Unique ID (never a name, 002#191). */
  readonly caseId: string
  readonly teamLocation: string
  readonly issues: string
  readonly significance: string
  readonly discussedWith: string
  readonly names: NameConfirmation
}

export interface EscalateConcernInput {
  readonly formalNote: string
  /** `YYYY-MM-DD`, today or later. */
  readonly responseDue: string
  readonly version: number | undefined
  readonly names: NameConfirmation
}

export interface ConcernResponseInput {
  readonly response: string
  readonly version: number | undefined
}

export interface ConcernFindingsInput {
  readonly findings: string
  readonly version: number | undefined
  readonly names: NameConfirmation
}

const CHANGED = 'Someone else changed this case of concern after you opened the page. Check it again.'

/** Cases of concern (000 Annex C, 001#36, 002#136, E4): from the inspector to the lead, the LA and back. */
export function concernService({ db, clock, config, activities }: EvidenceDeps, records: EvidenceRecords) {
  async function withNames(stored: readonly StoredConcern[]): Promise<CaseOfConcern[]> {
    const nameOf = await records.namesOf(stored.flatMap((concern) => [concern.raisedById, concern.respondedById]))
    return stored.map(({ raisedById, respondedById, ...concern }) => ({
      ...concern,
      raisedByName: nameOf(raisedById),
      respondedByName: respondedById ? nameOf(respondedById) : null,
    }))
  }

  async function loadConcern(activityId: string, concernId: string) {
    const [details, concern] = await Promise.all([activities.details(activityId), findConcern(db, concernId)])
    if (!concern || concern.activityId !== activityId) throw new NotFoundError()
    return { details, concern }
  }

  /** Make a change from the status the page showed; refused if someone else moved it on first. */
  async function change(
    principal: Principal,
    concern: StoredConcern,
    from: { version: number | undefined; status: StoredConcern['status'] },
    changes: Parameters<typeof updateConcern>[3],
    audit: { action: AuditAction; laCode: string; summary: string; changes: Record<string, unknown> },
    context: RequestContext,
    then?: (trx: Parameters<typeof updateConcern>[0]) => Promise<void>,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const changed = await updateConcern(
        trx,
        concern.id,
        { version: from.version ?? concern.version, status: from.status },
        changes,
      )
      if (!changed) throw new ConflictError(CHANGED)
      await recordAudit(trx, {
        actor: principal,
        action: audit.action,
        recordType: 'case-of-concern',
        recordId: concern.id,
        laCode: audit.laCode,
        summary: audit.summary,
        changes: audit.changes,
        requestId: context.requestId,
      })
      await then?.(trx)
    })
  }

  return {
    /** The target of one case, or null when it is not this activity's or not yet the LA's to see. */
    async concernTarget(
      principal: Principal | undefined,
      activityId: string,
      concernId: string,
    ): Promise<PolicyTarget | null> {
      const concern = await findConcern(db, concernId)
      if (!concern || concern.activityId !== activityId) return null
      if (principal && records.isLa(principal) && !CONCERN_LA_VISIBLE.includes(concern.status)) return null
      return records.target(activityId)
    },

    /** The record of cases: the team sees all; the LA those referred to it. Every read is audited. */
    async concerns(principal: Principal, activityId: string, context: RequestContext) {
      const details = await activities.details(activityId)
      const all = await concernsOf(db, activityId)
      const shown = records.isLa(principal) ? all.filter((concern) => CONCERN_LA_VISIBLE.includes(concern.status)) : all
      await records.auditCaseRead(
        principal,
        {
          action: 'concern.read',
          recordType: 'cases-of-concern',
          recordId: activityId,
          ids: shown.map((concern) => concern.id),
        },
        details.activity,
        context,
      )
      return { details, concerns: await withNames(shown), today: clock.today() }
    },

    /** One case of concern; the read is audited. */
    async concern(principal: Principal, activityId: string, concernId: string, context: RequestContext) {
      const { details, concern } = await loadConcern(activityId, concernId)
      await records.auditCaseRead(
        principal,
        { action: 'concern.read', recordType: 'case-of-concern', recordId: concern.id, ids: [concern.id] },
        details.activity,
        context,
      )
      const [named] = await withNames([concern])
      return { details, concern: named!, today: clock.today() }
    },

    /**
     * An inspector brings a concern not resolved with the practitioner or manager to the lead
     * (000 Annex C): the case identification (team/location) and the issues with their view of
     * the significance. The child is named by Child Unique ID only.
     */
    async raiseConcern(
      principal: Principal,
      activityId: string,
      input: ConcernInput,
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await records.openActivity(activityId)
      await records.guardNames(
        {
          teamLocation: input.teamLocation,
          issues: input.issues,
          significance: input.significance,
          discussedWith: input.discussedWith,
        },
        input.names,
      )
      return db.transaction().execute(async (trx) => {
        const number = await nextNumber(trx, activityId, 'cases_of_concern')
        const id = await insertConcern(trx, {
          activityId,
          number,
          caseId: input.caseId,
          teamLocation: input.teamLocation,
          issues: input.issues,
          significance: input.significance,
          discussedWith: input.discussedWith,
          raisedBy: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'concern.raise',
          recordType: 'case-of-concern',
          recordId: id,
          laCode: activity.laCode,
          summary: `Raised case of concern ${number} for ${activity.reference} with the lead inspector`,
          changes: { activityId, number },
          requestId: context.requestId,
        })
        return id
      })
    },

    /**
     * The lead gives the LA a formal written note of the concerns, seeking a written response
     * within a specified period (000 Annex C; 002#136: brought to the DCS's attention). The LA
     * sees the case reference, the team and this note, never the inspector's working notes.
     */
    async escalateConcern(
      principal: Principal,
      activityId: string,
      concernId: string,
      input: EscalateConcernInput,
      context: RequestContext,
    ): Promise<void> {
      const { concern, details } = await loadConcern(activityId, concernId)
      const { activity } = details
      if (concern.status !== 'with-lead')
        throw new ConflictError(`Case of concern ${concern.number} has already been referred to the local authority`)
      const { responseDue } = input
      if (responseDue < clock.today())
        throw new ValidationError({ responseDue: 'The date for the written response must be today or later' })
      await records.guardNames({ formalNote: input.formalNote }, input.names)
      await change(
        principal,
        concern,
        { version: input.version, status: 'with-lead' },
        {
          status: 'escalated',
          formal_note: input.formalNote,
          response_due: responseDue,
          escalated_by: principal.id,
          escalated_at: clock.now(),
        },
        {
          action: 'concern.escalate',
          laCode: activity.laCode,
          summary: `Referred case of concern ${concern.number} for ${activity.reference} to the local authority; written response by ${responseDue}`,
          changes: { before: { status: 'with-lead' }, after: { status: 'escalated', responseDue } },
        },
        context,
        (trx) =>
          records.emailDcs(trx, details, {
            kind: 'case-of-concern',
            dedupeKey: `concern:${concern.id}:escalated`,
            subject: `Case of concern ${concern.number}: ${activity.reference}`,
            lines: [
              `The lead inspector has referred case of concern ${concern.number} to you (${activity.reference}).`,
              `Please give a written response by ${formatLongDate(responseDue)}.`,
              `Sign in to read it and respond: ${config.baseUrl}/activities/${activityId}/concerns/${concern.id}`,
            ],
          }),
      )
    },

    /** The LA's written response (000 Annex C: the lead retains a copy incorporating it). */
    async respondToConcern(
      principal: Principal,
      activityId: string,
      concernId: string,
      input: ConcernResponseInput,
      context: RequestContext,
    ): Promise<void> {
      const { concern, details } = await loadConcern(activityId, concernId)
      if (concern.status !== 'escalated')
        throw new ConflictError(`The local authority has already responded to case of concern ${concern.number}`)
      await change(
        principal,
        concern,
        { version: input.version, status: 'escalated' },
        { status: 'responded', la_response: input.response, responded_by: principal.id, responded_at: clock.now() },
        {
          action: 'concern.respond',
          laCode: details.activity.laCode,
          summary: `The local authority responded to case of concern ${concern.number} for ${details.activity.reference}`,
          changes: { before: { status: 'escalated' }, after: { status: 'responded' } },
        },
        context,
      )
    },

    /** The lead's findings, communicated to the LA (000 Annex C: by the end of the inspection period). */
    async concludeConcern(
      principal: Principal,
      activityId: string,
      concernId: string,
      input: ConcernFindingsInput,
      context: RequestContext,
    ): Promise<void> {
      const { concern, details } = await loadConcern(activityId, concernId)
      if (concern.status !== 'responded')
        throw new ConflictError(
          concern.status === 'concluded'
            ? `Findings for case of concern ${concern.number} are already recorded`
            : `Wait for the local authority’s response to case of concern ${concern.number}`,
        )
      await records.guardNames({ findings: input.findings }, input.names)
      await change(
        principal,
        concern,
        { version: input.version, status: 'responded' },
        { status: 'concluded', findings: input.findings, findings_by: principal.id, findings_at: clock.now() },
        {
          action: 'concern.conclude',
          laCode: details.activity.laCode,
          summary: `Recorded and communicated the findings on case of concern ${concern.number} for ${details.activity.reference}`,
          changes: { before: { status: 'responded' }, after: { status: 'concluded' } },
        },
        context,
      )
    },
  }
}
