import { recordAudit } from '../../auth/audit.js'
import type { PolicyTarget, Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { enqueueEmail } from '../../notify/outbox.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import type { RequestContext } from '../deps.js'
import { RFI_LA_VISIBLE } from './fieldwork.js'
import type { ActivityDetails, EvidenceDeps, EvidenceRecords } from './records.js'
import { nextNumber } from './repository.js'
import { findRfi, insertRfi, rfisOf, type StoredRequest, updateRfi } from './requests.repository.js'
import type { FurtherInformationRequest, NameConfirmation } from './types.js'

export interface RequestInput {
  readonly requestType: 'document' | 'information'
  /** A Child Unique ID, or '' when the request is not about one child. */
  readonly caseId: string
  readonly reason: string
  /** `YYYY-MM-DD`, today or later. */
  readonly dateResponseRequired: string
  readonly names: NameConfirmation
}

export interface AgreeRequestInput {
  /** True to make the request of the LA; false to decline it. */
  readonly agree: boolean
  /** When agreeing: the date required, if the lead changes it. */
  readonly dateResponseRequired: string | undefined
  /** Why it is declined (or any note on agreeing it). */
  readonly note: string
  readonly version: number | undefined
}

export interface AnswerRequestInput {
  readonly response: string
  readonly version: number | undefined
}

export interface DecideRequestInput {
  readonly decision: 'accepted' | 'not-accepted'
  readonly note: string
  readonly version: number | undefined
}

const CHANGED = 'Someone else changed this request after you opened the page. Check it again.'

/** Requests for further information (002 Annex B, #70, #165-167, #243-245, E3). */
export function requestService({ db, clock, config, activities }: EvidenceDeps, records: EvidenceRecords) {
  async function withNames(stored: readonly StoredRequest[]): Promise<FurtherInformationRequest[]> {
    const nameOf = await records.namesOf(
      stored.flatMap((rfi) => [rfi.requestedById, rfi.answeredById, rfi.decidedById]),
    )
    return stored.map(({ answeredById, decidedById, ...rfi }) => ({
      ...rfi,
      requestedByName: nameOf(rfi.requestedById),
      answeredByName: answeredById ? nameOf(answeredById) : null,
      decidedByName: decidedById ? nameOf(decidedById) : null,
    }))
  }

  async function loadRfi(activityId: string, rfiId: string) {
    const [details, rfi] = await Promise.all([activities.details(activityId), findRfi(db, rfiId)])
    if (!rfi || rfi.activityId !== activityId) throw new NotFoundError()
    return { details, rfi }
  }

  /** Tell the DCS the request is on the record for them (002#167). */
  async function requestedEmail(
    trx: Parameters<typeof enqueueEmail>[0],
    details: ActivityDetails,
    rfiId: string,
    number: number,
    dateResponseRequired: string,
  ) {
    const { activity } = details
    await records.emailDcs(trx, details, {
      kind: 'further-information-request',
      dedupeKey: `rfi:${rfiId}:requested`,
      subject: `Request for further information ${number}: ${activity.reference}`,
      lines: [
        `The lead inspector has added request ${number} to the record of requests for further information (${activity.reference}).`,
        `The response is required by ${formatLongDate(dateResponseRequired)}. Please enter it on the record (002#167).`,
        `Sign in to read it and respond: ${config.baseUrl}/activities/${activity.id}/further-information/${rfiId}`,
      ],
    })
  }

  return {
    /** The target of one request, or null when it is not this activity's or not yet the LA's to see. */
    async rfiTarget(principal: Principal | undefined, activityId: string, rfiId: string): Promise<PolicyTarget | null> {
      const rfi = await findRfi(db, rfiId)
      if (!rfi || rfi.activityId !== activityId) return null
      if (principal && records.isLa(principal) && !RFI_LA_VISIBLE.includes(rfi.status)) return null
      return records.target(activityId)
    },

    /** The record of requests: the team sees all; the LA sees those the lead has agreed (002#70, #244). */
    async requests(principal: Principal, activityId: string, context: RequestContext) {
      const details = await activities.details(activityId)
      const all = await rfisOf(db, activityId)
      const shown = records.isLa(principal) ? all.filter((rfi) => RFI_LA_VISIBLE.includes(rfi.status)) : all
      await records.auditCaseRead(
        principal,
        {
          action: 'rfi.read',
          recordType: 'further-information-record',
          recordId: activityId,
          ids: shown.filter((rfi) => rfi.caseId).map((rfi) => rfi.id),
        },
        details.activity,
        context,
      )
      return { details, requests: await withNames(shown), today: clock.today() }
    },

    /** One request, its read audited when it names a case. */
    async request(principal: Principal, activityId: string, rfiId: string, context: RequestContext) {
      const { details, rfi } = await loadRfi(activityId, rfiId)
      if (rfi.caseId)
        await records.auditCaseRead(
          principal,
          { action: 'rfi.read', recordType: 'further-information-request', recordId: rfi.id, ids: [rfi.id] },
          details.activity,
          context,
        )
      const [named] = await withNames([rfi])
      return { details, rfi: named!, today: clock.today() }
    },

    /**
     * Raise a request (002#165-167). A team inspector's request waits for the lead inspector to
     * agree it (002#70: "kept to an absolute minimum and agreed by the lead inspector"); the
     * lead's own request is agreed as it is raised.
     */
    async raiseRequest(
      principal: Principal,
      activityId: string,
      input: RequestInput,
      context: RequestContext,
    ): Promise<string> {
      const details = await records.openActivity(activityId)
      const { activity } = details
      const lead = details.team.some((member) => member.teamRole === 'lead-inspector' && member.userId === principal.id)
      if (input.dateResponseRequired < clock.today())
        throw new ValidationError({ dateResponseRequired: 'The date the response is required must be today or later' })
      await records.guardNames({ reason: input.reason }, input.names)
      const today = clock.today()
      const { dateResponseRequired } = input
      return db.transaction().execute(async (trx) => {
        const number = await nextNumber(trx, activityId, 'further_information_requests')
        const id = await insertRfi(trx, {
          activityId,
          number,
          status: lead ? 'requested' : 'awaiting-lead',
          requestedBy: principal.id,
          requestType: input.requestType,
          caseId: input.caseId || null,
          reason: input.reason,
          dateRequested: lead ? today : null,
          dateResponseRequired,
          agreedBy: lead ? principal.id : null,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'rfi.raise',
          recordType: 'further-information-request',
          recordId: id,
          laCode: activity.laCode,
          summary: `Raised request ${number} for ${activity.reference}${lead ? ' (agreed by the lead inspector)' : '; awaiting the lead inspector'}`,
          changes: {
            activityId,
            number,
            requestType: input.requestType,
            hasCaseId: Boolean(input.caseId),
            dateResponseRequired,
          },
          requestId: context.requestId,
        })
        if (lead) await requestedEmail(trx, details, id, number, dateResponseRequired)
        return id
      })
    },

    /** The lead agrees or declines a team inspector's request (002#70, #244), and may change the date required. */
    async agreeRequest(
      principal: Principal,
      activityId: string,
      rfiId: string,
      input: AgreeRequestInput,
      context: RequestContext,
    ): Promise<void> {
      const { rfi, details } = await loadRfi(activityId, rfiId)
      if (rfi.status !== 'awaiting-lead')
        throw new ConflictError(
          `Request ${rfi.number} has already been ${rfi.status === 'declined' ? 'declined' : 'agreed'}`,
        )
      const agreed = input.agree
      if (agreed && input.dateResponseRequired && input.dateResponseRequired < clock.today())
        throw new ValidationError({ dateResponseRequired: 'The date the response is required must be today or later' })
      const today = clock.today()
      const dateResponseRequired = input.dateResponseRequired ?? rfi.dateResponseRequired
      await db.transaction().execute(async (trx) => {
        const changed = await updateRfi(
          trx,
          rfi.id,
          { version: input.version ?? rfi.version, status: 'awaiting-lead' },
          agreed
            ? {
                status: 'requested',
                date_requested: today,
                date_response_required: dateResponseRequired,
                agreed_by: principal.id,
                decision_note: input.note || null,
              }
            : { status: 'declined', decision_note: input.note, decided_by: principal.id, decided_at: clock.now() },
        )
        if (!changed) throw new ConflictError(CHANGED)
        await recordAudit(trx, {
          actor: principal,
          action: agreed ? 'rfi.agree' : 'rfi.decline',
          recordType: 'further-information-request',
          recordId: rfi.id,
          laCode: details.activity.laCode,
          summary: `${agreed ? 'Agreed' : 'Declined'} request ${rfi.number} for ${details.activity.reference}`,
          changes: {
            before: { status: rfi.status },
            after: { status: agreed ? 'requested' : 'declined', dateResponseRequired },
          },
          requestId: context.requestId,
        })
        if (agreed && dateResponseRequired) await requestedEmail(trx, details, rfi.id, rfi.number, dateResponseRequired)
      })
    },

    /** The LA answers (002#167: the DCS enters responses on the record). */
    async answerRequest(
      principal: Principal,
      activityId: string,
      rfiId: string,
      input: AnswerRequestInput,
      context: RequestContext,
    ): Promise<void> {
      const { rfi, details } = await loadRfi(activityId, rfiId)
      if (rfi.status !== 'requested') throw new ConflictError(`Request ${rfi.number} has already been answered`)
      await db.transaction().execute(async (trx) => {
        const changed = await updateRfi(
          trx,
          rfi.id,
          { version: input.version ?? rfi.version, status: 'requested' },
          { status: 'answered', response: input.response, answered_by: principal.id, date_received: clock.today() },
        )
        if (!changed) throw new ConflictError(CHANGED)
        await recordAudit(trx, {
          actor: principal,
          action: 'rfi.answer',
          recordType: 'further-information-request',
          recordId: rfi.id,
          laCode: details.activity.laCode,
          summary: `Answered request ${rfi.number} for ${details.activity.reference}`,
          changes: { before: { status: 'requested' }, after: { status: 'answered', dateReceived: clock.today() } },
          requestId: context.requestId,
        })
      })
    },

    /** The lead decides whether to accept the response as evidence (002#244). */
    async decideRequest(
      principal: Principal,
      activityId: string,
      rfiId: string,
      input: DecideRequestInput,
      context: RequestContext,
    ): Promise<void> {
      const { rfi, details } = await loadRfi(activityId, rfiId)
      if (rfi.status !== 'answered')
        throw new ConflictError(
          rfi.status === 'accepted' || rfi.status === 'not-accepted'
            ? `Request ${rfi.number} has already been decided`
            : `Request ${rfi.number} has not been answered yet`,
        )
      const { decision } = input
      await db.transaction().execute(async (trx) => {
        const changed = await updateRfi(
          trx,
          rfi.id,
          { version: input.version ?? rfi.version, status: 'answered' },
          {
            status: decision,
            decision_note: input.note || rfi.decisionNote,
            decided_by: principal.id,
            decided_at: clock.now(),
          },
        )
        if (!changed) throw new ConflictError(CHANGED)
        await recordAudit(trx, {
          actor: principal,
          action: 'rfi.decide',
          recordType: 'further-information-request',
          recordId: rfi.id,
          laCode: details.activity.laCode,
          summary: `${decision === 'accepted' ? 'Accepted' : 'Did not accept'} the response to request ${rfi.number} for ${details.activity.reference}`,
          changes: { before: { status: 'answered' }, after: { status: decision } },
          requestId: context.requestId,
        })
      })
    },
  }
}
