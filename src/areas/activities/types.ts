import type { ActivityType, Flag } from '../../rules/types.js'
import type { TeamRole } from './activity-types.js'
import type { ActivityStatus, LifecycleFacts } from './lifecycle.js'

/** An inspection or visit, with the LA it concerns. */
export interface Activity {
  readonly id: string
  readonly reference: string
  readonly laCode: string
  readonly laName: string
  readonly regionCode: string
  readonly type: ActivityType
  readonly variant: 'wed-thu' | null
  readonly onsiteStart: string
  readonly status: ActivityStatus
  readonly statusReason: string | null
  readonly topics: readonly string[]
  /** Monitoring visits only (issue 12): which arrangements, which visit of which set, its focus. */
  readonly monitoring: MonitoringFacts | null
  /** Bumped by every change: a form built from an older version is refused (optimistic locking). */
  readonly version: number
  readonly createdAt: Date
}

/**
 * What a monitoring visit keeps besides its dates: the arrangements it follows (ILACS 002#129 or
 * the 2017 handbook 001#42, by the framework that judged the LA inadequate, 002#22 fn4), its
 * number in its set and whether the set is a second one (E8, 001#41, 002 fn28), and its focus
 * (001#8, #39).
 */
export interface MonitoringFacts {
  readonly handbook: 'ilacs' | '2017'
  readonly visitNumber: number
  readonly secondSet: boolean
  readonly focus: string
}

/** A stored milestone of an activity's timeline, with the rule that dates it. */
export interface StoredMilestone {
  readonly activityId: string
  readonly key: string
  readonly label: string
  readonly date: string
  readonly until: string | null
  readonly time: string | null
  readonly rule: string
  readonly citation: string
}

export interface TeamMember {
  readonly userId: string
  readonly displayName: string
  readonly email: string
  readonly role: string
  readonly teamRole: TeamRole
  /** Days on site; empty for the whole fieldwork. */
  readonly days: readonly string[]
}

export type ContactRole = 'dcs' | 'link-person'

/** The LA's people for the inspection: the DCS and the link person (002#73, #76). */
export interface Contact {
  readonly contactRole: ContactRole
  readonly name: string
  readonly email: string
  readonly phone: string | null
}

export interface NoticeRecord {
  readonly id: string
  readonly calledAt: Date
  readonly spokeToRole: string
  readonly spokeToName: string
  readonly notes: string | null
  readonly recordedBy: string | null
  readonly recordedAt: Date
}

/** A change of the first day on site, and who made it. */
export interface DateChange {
  readonly fromDate: string | null
  readonly toDate: string
  readonly reason: string
  readonly changedAt: Date
  readonly changedBy: string | null
}

/** A step in the activity's lifecycle, and who took it. */
export interface StatusChange {
  readonly fromStatus: string | null
  readonly toStatus: string
  readonly note: string | null
  readonly changedAt: Date
  readonly changedBy: string | null
}

export interface ActivityFilter {
  readonly laCodes?: readonly string[]
  readonly regionCode?: string
  readonly teamUserId?: string
  readonly statuses?: readonly ActivityStatus[]
  readonly from?: string
  readonly to?: string
  readonly type?: ActivityType
}

/** An activity with what lists of activities show: its milestones and team. */
export interface ActivitySummary {
  readonly activity: Activity
  readonly milestones: readonly StoredMilestone[]
  readonly team: readonly TeamMember[]
}

/** Everything the activity's pages show. */
export interface ActivityDetails extends ActivitySummary {
  readonly flags: readonly Flag[]
  readonly contacts: readonly Contact[]
  /** Every notice call, including any made before the activity was deferred and re-planned. */
  readonly notices: readonly NoticeRecord[]
  /** The notice call for the activity as it is planned now; none yet after a re-plan (002#73). */
  readonly currentNotice: NoticeRecord | undefined
  readonly dateChanges: readonly DateChange[]
  readonly statusChanges: readonly StatusChange[]
  readonly lifecycle: LifecycleFacts
}

/**
 * What another area knows of a milestone having happened: its actual day and whether it was on
 * time against its date (the reports area's steps of 002#216). A milestone with an entry is
 * shown done only once it has an actual day, however far its date is behind.
 */
export interface MilestoneActual {
  readonly actual: string | undefined
  readonly deadline: string
  readonly timeliness: 'on-time' | 'late' | 'overdue' | 'due'
  readonly skipped?: boolean
}

/** The actual days of an activity's milestones by key, from the areas that record them. */
export type MilestoneActuals = (activity: Activity) => Promise<ReadonlyMap<string, MilestoneActual>>
