import { recordAudit, SYSTEM_ACTOR } from '../../auth/audit.js'
import { londonIsoDate } from '../../clock.js'
import { canOn, type Principal } from '../../auth/policy.js'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { seasonalChecks } from '../../rules/calendar/seasonal-checks.js'
import { deferralAllowed, type DeferralReason } from '../../rules/pathways.js'
import { timelineAfterNotice } from '../../rules/timelines/annex-a.js'
import { timelineFor } from '../../rules/timelines/index.js'
import type { Flag, Milestone } from '../../rules/types.js'
import type { RequestContext } from '../deps.js'
import { activityReference, hasVariant, type PlannableType, TYPE_LABELS } from './activity-types.js'
import { type ActivityStatus, checkStep, DEFERRAL_REASON_LABELS, STATUS_LABELS } from './lifecycle.js'
import type { ActivitiesDeps, ActivityRecords } from './records.js'
import { insertDateChange, insertStatusChange } from './history.repository.js'
import { activityIdByReference, bumpActivity, insertActivity, lockActivity } from './repository.js'
import { replaceTimeline } from './timeline.repository.js'
import type { Activity, MonitoringFacts } from './types.js'

export interface PlanInput {
  readonly laCode: string
  readonly type: PlannableType
  /** Focused visits only: Wednesday and Thursday on site instead of Tuesday and Wednesday (002 fn 20). */
  readonly variant?: 'tue-wed' | 'wed-thu' | null
  readonly onsiteStart: string
  /** Focused visits only: the topics of 002#106. */
  readonly topics: readonly string[]
  /** Monitoring visits only: the arrangements, the visit's number in its set, its focus (issue 12). */
  readonly monitoring?: MonitoringFacts | null
}

export interface StatusInput {
  readonly to: ActivityStatus
  readonly note: string
  readonly deferralReason?: DeferralReason | undefined
  readonly version: number | undefined
}

export interface ReplanInput {
  readonly onsiteStart: string
  readonly reason: string
  readonly version: number | undefined
}

type Timeline = { ok: true; milestones: Milestone[]; flags: Flag[] } | { ok: false; message: string }

/**
 * The timeline of an activity from the rules core with the seasonal checks (C3), or the refusal
 * with its rule. Once the notice call has been made (`noticeDay`, the day in England), the
 * Annex A deadlines count from it when it was late (S4, 002#242); fieldwork never moves (002#75).
 */
export function computeTimeline(
  type: Activity['type'],
  onsiteStart: string,
  variant: 'wed-thu' | null,
  noticeDay?: string,
  monitoring?: MonitoringFacts | null,
): Timeline {
  const outcome = timelineFor(type, onsiteStart, {
    ...(variant ? { variant } : {}),
    ...(monitoring
      ? { handbook: monitoring.handbook, visitNumber: monitoring.visitNumber, secondSet: monitoring.secondSet }
      : {}),
  })
  if (!outcome.ok) return { ok: false, message: `${outcome.reason} (${outcome.rule}, ${outcome.citation})` }
  const { flags } = outcome.timeline
  const afterNotice = noticeDay ? timelineAfterNotice(type, outcome.timeline.milestones, noticeDay) : undefined
  const milestones = afterNotice?.milestones ?? outcome.timeline.milestones
  const lastOnsite = milestones.find((m) => m.key === 'onsite.end')?.date ?? onsiteStart
  const notice = milestones.find((m) => m.key === 'notice')?.date
  return {
    ok: true,
    milestones,
    flags: [
      ...flags,
      ...seasonalChecks(type, onsiteStart, lastOnsite, notice),
      ...(afterNotice?.flag ? [afterNotice.flag] : []),
    ],
  }
}

/** Check, under a row lock, that the activity is still the version the user's form was built from. */
export async function lockedAt(
  trx: Parameters<typeof lockActivity>[0],
  id: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const row = await lockActivity(trx, id)
  if (!row) throw new NotFoundError()
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new ConflictError(
      'Someone else changed this activity after you opened the page. Check the page again and repeat your change if it is still needed.',
    )
  }
}

/** Planning an activity, moving its dates and taking it through its lifecycle (issue 6). */
export function activityService({ db, clock, register }: ActivitiesDeps, records: ActivityRecords) {
  return {
    /**
     * Plan an activity: the timeline comes from the rules core and a first on-site day on the
     * wrong weekday is refused with its reason and citation (C5). Returns its id.
     */
    async plan(principal: Principal, input: PlanInput, context: RequestContext): Promise<string> {
      const la = (await register.localAuthorities()).find((candidate) => candidate.laCode === input.laCode)
      if (!la) throw new ValidationError({ laCode: 'Select the local authority' })
      if (!canOn(principal, 'activity.plan', la)) throw new NotFoundError()
      const { type, onsiteStart } = input
      const variant = hasVariant(type) && input.variant === 'wed-thu' ? 'wed-thu' : null
      const topics = type === 'focused-visit' ? input.topics : []
      const monitoring = type === 'monitoring-visit' ? (input.monitoring ?? null) : null
      if (type === 'monitoring-visit' && !monitoring?.focus.trim())
        throw new ValidationError({ focus: 'Enter the focus of the monitoring visit (001#8, #39)' })
      if (onsiteStart < clock.today())
        throw new ValidationError({ onsiteStart: 'The first day on site must be today or in the future' })
      const timeline = computeTimeline(type, onsiteStart, variant, undefined, monitoring)
      if (!timeline.ok) throw new ValidationError({ onsiteStart: timeline.message })
      const reference = activityReference(la.laCode, type, onsiteStart)
      return db.transaction().execute(async (trx) => {
        if (await activityIdByReference(trx, reference))
          throw new ValidationError({
            onsiteStart: `A ${TYPE_LABELS[type].toLowerCase()} of ${la.name} starting on ${formatDate(onsiteStart)} is already planned (${reference})`,
          })
        const id = await insertActivity(trx, {
          reference,
          laCode: la.laCode,
          type,
          variant,
          onsiteStart,
          topics,
          monitoring,
          createdBy: principal.id,
        })
        await replaceTimeline(trx, id, timeline.milestones, timeline.flags)
        const at = clock.now()
        const change = { activityId: id, changedBy: principal.id, at }
        await insertDateChange(trx, { ...change, fromDate: null, toDate: onsiteStart, reason: 'Planned' })
        await insertStatusChange(trx, { ...change, fromStatus: null, toStatus: 'planned', note: null })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.plan',
          recordType: 'activity',
          recordId: id,
          laCode: la.laCode,
          summary: `Planned ${TYPE_LABELS[type].toLowerCase()} ${reference} of ${la.name}`,
          changes: { after: { type, variant, onsiteStart, topics, ...(monitoring ? { monitoring } : {}) } },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Move the first on-site day: the milestones are worked out again and the reason kept (issue 6). */
    async changeOnsite(
      principal: Principal,
      id: string,
      input: { onsiteStart: string; reason: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await records.load(id)
      if (activity.status === 'deferred')
        throw new ValidationError({ onsiteStart: 'Re-plan a deferred activity from its page to give it new dates' })
      if (activity.status !== 'planned' && activity.status !== 'notified') {
        throw new ValidationError({
          onsiteStart: `The date cannot change once the activity is ${STATUS_LABELS[activity.status].toLowerCase()}`,
        })
      }
      const { onsiteStart, reason } = input
      if (onsiteStart === activity.onsiteStart)
        throw new ValidationError({ onsiteStart: 'Enter a different date from the current first day on site' })
      // Notice already given: the Annex A deadlines still count from the call (S4, 002#242).
      const notice = activity.status === 'notified' ? (await records.currentNotices(id)).at(-1) : undefined
      const noticeDay = notice ? londonIsoDate(notice.calledAt) : undefined
      const timeline = computeTimeline(activity.type, onsiteStart, activity.variant, noticeDay, activity.monitoring)
      if (!timeline.ok) throw new ValidationError({ onsiteStart: timeline.message })
      await db.transaction().execute(async (trx) => {
        await lockedAt(trx, id, input.version)
        await bumpActivity(trx, id, { onsite_start: onsiteStart }, clock.now())
        await replaceTimeline(trx, id, timeline.milestones, timeline.flags)
        await insertDateChange(trx, {
          activityId: id,
          fromDate: activity.onsiteStart,
          toDate: onsiteStart,
          reason,
          changedBy: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.change-date',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Moved ${activity.reference} from ${activity.onsiteStart} to ${onsiteStart}: ${reason}`,
          changes: { before: { onsiteStart: activity.onsiteStart }, after: { onsiteStart }, reason },
          requestId: context.requestId,
        })
      })
    },

    /**
     * Re-plan a deferred activity with a new first day on site and the reason (or move a planned
     * one's): the first day is checked as when planning (C5, today or later), the timeline is
     * worked out again and a deferred activity is planned again, so notice is given anew (002#73).
     */
    async replan(principal: Principal, id: string, input: ReplanInput, context: RequestContext): Promise<void> {
      const activity = await records.load(id)
      const { onsiteStart, reason } = input
      if (activity.status !== 'planned') {
        const check = checkStep(await records.facts(activity), 'planned')
        if (!check.ok)
          throw new ValidationError({ onsiteStart: 'Only a deferred or planned activity can be re-planned' })
      } else if (onsiteStart === activity.onsiteStart)
        throw new ValidationError({ onsiteStart: 'Enter a different date from the current first day on site' })
      if (onsiteStart < clock.today())
        throw new ValidationError({ onsiteStart: 'The first day on site must be today or in the future' })
      const timeline = computeTimeline(activity.type, onsiteStart, activity.variant, undefined, activity.monitoring)
      if (!timeline.ok) throw new ValidationError({ onsiteStart: timeline.message })
      const at = clock.now()
      const change = { activityId: id, changedBy: principal.id, at }
      await db.transaction().execute(async (trx) => {
        await lockedAt(trx, id, input.version)
        await bumpActivity(
          trx,
          id,
          activity.status === 'deferred'
            ? { onsite_start: onsiteStart, status: 'planned', status_reason: `Re-planned: ${reason}` }
            : { onsite_start: onsiteStart },
          at,
        )
        await replaceTimeline(trx, id, timeline.milestones, timeline.flags)
        if (onsiteStart !== activity.onsiteStart)
          await insertDateChange(trx, { ...change, fromDate: activity.onsiteStart, toDate: onsiteStart, reason })
        if (activity.status === 'deferred')
          await insertStatusChange(trx, { ...change, fromStatus: 'deferred', toStatus: 'planned', note: reason })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.replan',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Re-planned ${activity.reference} (${STATUS_LABELS[activity.status]} → Planned) from ${activity.onsiteStart} to ${onsiteStart}: ${reason}`,
          changes: {
            before: { status: activity.status, onsiteStart: activity.onsiteStart },
            after: { status: 'planned', onsiteStart },
            reason,
          },
          requestId: context.requestId,
        })
      })
    },

    /**
     * The activity's report or letter has been published (issue 11): the reports area's publication
     * job calls this, never a request, so "published" is reached only through the report workflow.
     */
    async recordPublication(id: string, at: Date, context: RequestContext): Promise<void> {
      const activity = await records.load(id)
      if (activity.status !== 'report-stage')
        throw new ConflictError(`${activity.reference} is not at report stage, so it cannot be published`)
      const note = 'Its report or letter was published'
      await db.transaction().execute(async (trx) => {
        await lockedAt(trx, id, undefined)
        await bumpActivity(trx, id, { status: 'published', status_reason: null }, at)
        await insertStatusChange(trx, {
          activityId: id,
          fromStatus: 'report-stage',
          toStatus: 'published',
          note,
          changedBy: null,
          at,
        })
        await recordAudit(trx, {
          actor: SYSTEM_ACTOR,
          action: 'activity.status',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `${activity.reference}: Report stage → Published (${note})`,
          changes: { before: { status: 'report-stage' }, after: { status: 'published' } },
          requestId: context.requestId,
          at,
        })
      })
    },

    /** Move the activity on in its lifecycle, or defer or cancel it, with the checks of lifecycle.ts. */
    async changeStatus(principal: Principal, id: string, input: StatusInput, context: RequestContext): Promise<void> {
      const activity = await records.load(id)
      // Deferring and cancelling are the planners' (activity.plan), not the team's.
      if ((input.to === 'deferred' || input.to === 'cancelled') && !canOn(principal, 'activity.plan', activity))
        throw new ForbiddenError()
      const errors: Record<string, string> = {}
      const check = checkStep(await records.facts(activity), input.to)
      if (!check.ok) errors.status = check.reason
      if (input.to === 'deferred') {
        const allowed = input.deferralReason ? deferralAllowed(input.deferralReason) : undefined
        if (!allowed) errors.deferralReason = 'Select why the activity is being deferred'
        else if (!allowed.allowed) errors.deferralReason = `${allowed.message} (${allowed.rule}, ${allowed.citation})`
      }
      if ((input.to === 'deferred' || input.to === 'cancelled') && !input.note) errors.note = 'Enter the details of why'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      // A deferral's reason in the words of 002#16, then the details: the activity page shows it while deferred.
      const why = input.to === 'deferred' && input.deferralReason ? DEFERRAL_REASON_LABELS[input.deferralReason] : ''
      const reason = [why, input.note].filter(Boolean).join(': ') || null
      await db.transaction().execute(async (trx) => {
        await lockedAt(trx, id, input.version)
        await bumpActivity(trx, id, { status: input.to, status_reason: reason }, clock.now())
        await insertStatusChange(trx, {
          activityId: id,
          fromStatus: activity.status,
          toStatus: input.to,
          note: reason,
          changedBy: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.status',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `${activity.reference}: ${STATUS_LABELS[activity.status]} → ${STATUS_LABELS[input.to]}${input.note ? ` (${input.note})` : ''}`,
          changes: {
            before: { status: activity.status },
            after: { status: input.to },
            deferralReason: input.deferralReason ?? null,
          },
          requestId: context.requestId,
        })
      })
    },
  }
}
