import type { Principal } from '../../auth/policy.js'
import { monitoringLetterPublished } from '../../rules/timelines/monitoring-visit.js'
import { MONITORING_TYPES } from './activity-types.js'
import type { ActivityStatus } from './lifecycle.js'
import type { ActivityRecords } from './records.js'
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
 * What the monitoring area needs of the activities area: an LA's monitoring visits and
 * post-monitoring inspections with their status and dates, oldest first, as the principal may
 * see them (an LA user only after notice, 002#73). Cancelled and deferred ones are included with
 * their status: the caller decides what counts.
 */
export function monitoringService(records: ActivityRecords) {
  return {
    async monitoringOf(principal: Principal, laCode: string): Promise<MonitoringActivity[]> {
      const items = await records.list(principal, { laCodes: [laCode] })
      return items.flatMap(({ activity, milestones }) => {
        const type = activity.type
        if (type !== 'monitoring-visit' && type !== 'post-monitoring-inspection') return []
        return [
          {
            id: activity.id,
            reference: activity.reference,
            type,
            status: activity.status,
            onsiteStart: activity.onsiteStart,
            onsiteEnd: milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart,
            monitoring: activity.monitoring,
            letterPublished: activity.monitoring
              ? monitoringLetterPublished(activity.monitoring.visitNumber, activity.monitoring.secondSet).published
              : null,
            milestones: milestones.map(({ key, label, date }) => ({ key, label, date })),
          },
        ]
      })
    },
  }
}
