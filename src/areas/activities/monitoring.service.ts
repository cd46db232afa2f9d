import { recordAudit } from '../../auth/audit.js'
import { canOn, type Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import { monitoringLetterPublished } from '../../rules/timelines/monitoring-visit.js'
import { type MONITORING_TYPES } from './activity-types.js'
import type { ActivityStatus } from './lifecycle.js'
import { childRecorded, childrenOf, earlierSightings, insertChild } from './monitoring-children.repository.js'
import type { ActivitiesDeps, ActivityRecords } from './records.js'
import type { MonitoringFacts } from './types.js'

/** A monitoring visit or post-monitoring inspection of an LA, as the monitoring area reads it (issue 12). */
export interface MonitoringActivity {
  readonly id: string
  readonly reference: string
  readonly type: (typeof MONITORING_TYPES)[number]
  readonly status: ActivityStatus
  readonly onsiteStart: string
  /** The last day on site (the timeline's `onsite.end`). */
  readonly onsiteEnd: string
  /** Monitoring visits: arrangements, number, set and focus; null for a post-monitoring inspection. */
  readonly monitoring: MonitoringFacts | null
  /** Monitoring visits: whether the letter is published (E8: not the first of a first set, 001#41). */
  readonly letterPublished: boolean | null
  /** Every dated milestone, including the preparation dates of 002#129-131. */
  readonly milestones: ReadonlyArray<{ key: string; label: string; date: string }>
}

/**
 * A monitoring visit or post-monitoring inspection as those who see the LA's monitoring programme
 * but not its activities read it (the DfE case lead, issue 12): its type, status and dates only.
 * No team, no focus, no children, no reference to open it by.
 */
export interface MonitoringDates {
  readonly id: string
  readonly type: (typeof MONITORING_TYPES)[number]
  readonly status: ActivityStatus
  readonly onsiteStart: string
  readonly onsiteEnd: string
}

const isMonitoringType = (type: string): type is (typeof MONITORING_TYPES)[number] =>
  type === 'monitoring-visit' || type === 'post-monitoring-inspection'

const lastDayOnSite = (onsiteStart: string, milestones: ReadonlyArray<{ key: string; date: string }>) =>
  milestones.find((m) => m.key === 'onsite.end')?.date ?? onsiteStart

/**
 * What the monitoring area needs of the activities area: an LA's monitoring visits and
 * post-monitoring inspections with their status and dates, oldest first, as the principal may
 * see them (an LA user only after notice, 002#73). Cancelled and deferred ones are included with
 * their status: the caller decides what counts.
 */
export function monitoringService({ db }: ActivitiesDeps, records: ActivityRecords) {
  return {
    /**
     * The children looked at on a monitoring visit, each marked where an earlier visit to the LA
     * looked at them too (001#37, 002#137: case numbers recorded to cross-refer across visits).
     * Child-level data: the read is audited with the rows shown.
     */
    async monitoringChildren(principal: Principal, activityId: string, context: RequestContext) {
      const activity = await records.load(activityId)
      const children = await childrenOf(db, activityId)
      const earlier = await earlierSightings(
        db,
        activity.laCode,
        children.map((child) => child.childId),
        activity.onsiteStart,
      )
      if (children.length > 0)
        await recordAudit(db, {
          actor: principal,
          action: 'activity.monitoring-children-read',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `Read ${children.length} child record(s) of ${activity.reference}`,
          changes: { ids: children.map((child) => child.id) },
          requestId: context.requestId,
        })
      return children.map((child) => ({ ...child, earlier: earlier.get(child.childId) ?? [] }))
    },

    /** Record a child looked at on the visit, with any cause for concern and who was told (001#36, 002#136). */
    async addMonitoringChild(
      principal: Principal,
      activityId: string,
      input: { childId: string; method: 'tracked' | 'sampled'; concern: string; concernTold: string },
      context: RequestContext,
    ): Promise<void> {
      const activity = await records.load(activityId)
      if (activity.type !== 'monitoring-visit')
        throw new ValidationError({ childId: 'Children are recorded here on monitoring visits only' })
      const childId = input.childId.trim()
      if (await childRecorded(db, activityId, childId))
        throw new ValidationError({ childId: `Child ${childId} is already recorded on this visit` })
      await db.transaction().execute(async (trx) => {
        const id = await insertChild(trx, {
          activityId,
          laCode: activity.laCode,
          childId,
          method: input.method,
          concern: input.concern || null,
          concernTold: input.concern ? input.concernTold || null : null,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.monitoring-child',
          recordType: 'monitoring-child',
          recordId: id,
          laCode: activity.laCode,
          summary: `${activity.reference}: child ${childId} ${input.method}${input.concern ? ', with a cause for concern' : ''}`,
          changes: { after: { childId, method: input.method, concern: Boolean(input.concern) } },
          requestId: context.requestId,
        })
      })
    },

    async monitoringOf(principal: Principal, laCode: string): Promise<MonitoringActivity[]> {
      const items = await records.list(principal, { laCodes: [laCode] })
      return items.flatMap(({ activity, milestones }) => {
        const type = activity.type
        if (!isMonitoringType(type)) return []
        return [
          {
            id: activity.id,
            reference: activity.reference,
            type,
            status: activity.status,
            onsiteStart: activity.onsiteStart,
            onsiteEnd: lastDayOnSite(activity.onsiteStart, milestones),
            monitoring: activity.monitoring,
            letterPublished: activity.monitoring
              ? monitoringLetterPublished(activity.monitoring.visitNumber, activity.monitoring.secondSet).published
              : null,
            milestones: milestones.map(({ key, label, date }) => ({ key, label, date })),
          },
        ]
      })
    },

    /**
     * The dates, type and status of an LA's monitoring visits and post-monitoring inspections for
     * whoever may see the LA's monitoring programme (`monitoring.view`), planned ones too: the DfE
     * case lead sees when the next visits are before any letter exists, though the activities
     * themselves are Ofsted's and the LA's (issue 12). Nothing else of the activity is given.
     */
    async monitoringDatesOf(principal: Principal, laCode: string): Promise<MonitoringDates[]> {
      const la = (await records.localAuthorities()).find((candidate) => candidate.laCode === laCode)
      if (!la || !canOn(principal, 'monitoring.view', { laCode, regionCode: la.regionCode })) return []
      const items = await records.listAll({ laCodes: [laCode] })
      return items.flatMap(({ activity, milestones }) =>
        isMonitoringType(activity.type)
          ? [
              {
                id: activity.id,
                type: activity.type,
                status: activity.status,
                onsiteStart: activity.onsiteStart,
                onsiteEnd: lastDayOnSite(activity.onsiteStart, milestones),
              },
            ]
          : [],
      )
    },
  }
}
