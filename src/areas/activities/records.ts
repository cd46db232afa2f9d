import type { Principal, PolicyTarget } from '../../auth/policy.js'
import type { PeopleDirectory, Person } from '../../auth/people.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { NotFoundError } from '../../errors.js'
import type { ServiceDeps } from '../deps.js'
import type { RegisterService } from '../register/index.js'
import { type LifecycleFacts, noticesOfCurrentPlan } from './lifecycle.js'
import { activityReads } from './reads.js'
import type { ActivityRecord } from './repository.js'
import type { Activity, ActivityDetails, ActivityFilter, ActivitySummary, TeamMember } from './types.js'

/** Another area's answer on whether an activity's outcome is ready (the judgements area). */
export type OutcomeReadiness = (activity: Activity) => Promise<{ ready: boolean; problem?: string }>

/** What the activities area is built from: the register knows the LAs, auth knows the people. */
export interface ActivitiesDeps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'localAuthorities'>
  readonly people: PeopleDirectory
  /** "Judgements agreed" waits for the judgements area; called only once both exist. */
  readonly outcomeReadiness?: OutcomeReadiness
}

/** Statuses an LA's users see (with notice given, 002#73). */
const LA_VISIBLE_STATUSES = ['notified', 'on-site', 'judgements-agreed', 'report-stage', 'published'] as const

/**
 * Reading activities: each comes with its LA's name and region (from the register) and its
 * team with their names (from auth), read in batches, never one query per row.
 */
export function activityRecords({ db, clock, register, people, outcomeReadiness }: ActivitiesDeps) {
  const {
    dateChangesOf,
    findActivity,
    flagsOf,
    listActivities,
    milestonesOf,
    noticedActivityIds,
    noticesOf,
    statusChangesOf,
    teamPlacesOf,
    contactsOf,
  } = activityReads(db)
  async function laIndex() {
    return new Map((await register.localAuthorities()).map((la) => [la.laCode, la]))
  }

  async function withLas(records: readonly ActivityRecord[]): Promise<Activity[]> {
    const las = await laIndex()
    return records.map((record) => {
      const la = las.get(record.laCode)
      return { ...record, laName: la?.name ?? record.laCode, regionCode: la?.regionCode ?? '' }
    })
  }

  /** The teams of these activities with everyone's name, email and role. */
  async function teamsOf(activityIds: readonly string[]): Promise<Map<string, TeamMember[]>> {
    const places = await teamPlacesOf(activityIds)
    const names = await people.byIds(places.map((place) => place.userId))
    const teams = new Map<string, TeamMember[]>()
    for (const place of places) {
      const person = names.get(place.userId)
      const member: TeamMember = {
        userId: place.userId,
        displayName: person?.displayName ?? 'Unknown account',
        email: person?.email ?? '',
        role: person?.role ?? '',
        teamRole: place.teamRole,
        days: place.days,
      }
      teams.set(place.activityId, [...(teams.get(place.activityId) ?? []), member])
    }
    return teams
  }

  async function find(id: string): Promise<Activity | undefined> {
    const record = await findActivity(id)
    return record ? (await withLas([record]))[0] : undefined
  }

  async function load(id: string): Promise<Activity> {
    const activity = await find(id)
    if (!activity) throw new NotFoundError()
    return activity
  }

  /** The notice calls of the activity as it is planned now (a re-planned one needs a new call, 002#73). */
  async function currentNotices(id: string) {
    const [notices, statusChanges] = await Promise.all([noticesOf(id), statusChangesOf(id)])
    return noticesOfCurrentPlan(notices, statusChanges)
  }

  async function facts(activity: Activity): Promise<LifecycleFacts> {
    const [milestones, team, notices] = await Promise.all([
      milestonesOf([activity.id]),
      teamPlacesOf([activity.id]),
      currentNotices(activity.id),
    ])
    const outcome = outcomeReadiness
      ? await outcomeReadiness(activity)
      : { ready: false, problem: 'Record the judgements first' }
    return {
      status: activity.status,
      today: clock.today(),
      onsiteStart: activity.onsiteStart,
      onsiteEnd: milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart,
      noticeRecorded: notices.length > 0,
      hasLeadInspector: team.some((member) => member.teamRole === 'lead-inspector'),
      outcomeReady: outcome.ready,
      outcomeProblem: outcome.problem,
    }
  }

  /** The activities with their milestones and teams, by first day on site and LA. */
  async function summaries(records: readonly ActivityRecord[]): Promise<ActivitySummary[]> {
    const activities = (await withLas(records)).sort(
      (a, b) => a.onsiteStart.localeCompare(b.onsiteStart) || a.laName.localeCompare(b.laName),
    )
    const ids = activities.map((activity) => activity.id)
    const [milestones, teams] = await Promise.all([milestonesOf(ids), teamsOf(ids)])
    return activities.map((activity) => ({
      activity,
      milestones: milestones.filter((m) => m.activityId === activity.id),
      team: teams.get(activity.id) ?? [],
    }))
  }

  const nameOf = (names: Map<string, Person>, id: string | null) => (id ? (names.get(id)?.displayName ?? null) : null)

  return {
    find,
    load,
    facts,
    currentNotices,
    teamsOf,
    withLas,

    /** Every LA, for forms that choose one. */
    async localAuthorities(): Promise<Array<{ laCode: string; name: string; regionCode: string }>> {
      return (await register.localAuthorities()).map((la) => ({
        laCode: la.laCode,
        name: la.name,
        regionCode: la.regionCode,
      }))
    },

    /** The policy target of an activity: its LA, team, lead and whether the LA may know of it yet. */
    async target(id: string): Promise<PolicyTarget | null> {
      const activity = await find(id)
      if (!activity) return null
      const [places, notices] = await Promise.all([teamPlacesOf([id]), noticesOf(id)])
      return {
        laCode: activity.laCode,
        regionCode: activity.regionCode,
        teamUserIds: places.map((place) => place.userId),
        leadUserIds: places.filter((place) => place.teamRole === 'lead-inspector').map((place) => place.userId),
        // 002#73: unannounced until the notice call.
        laVisible: notices.length > 0,
      }
    },

    /** Activities the principal may see, with their milestones and teams, by first day on site and LA. */
    async list(principal: Principal, filter: ActivityFilter = {}): Promise<ActivitySummary[]> {
      const kind = ROLE_INFO[principal.role].kind
      const { regionCode, ...query } = filter
      let laCodes =
        kind === 'la' ? (principal.laCode ? [principal.laCode] : []) : kind === 'ofsted' ? filter.laCodes : []
      if (kind === 'ofsted' && regionCode) {
        const inRegion = (await register.localAuthorities()).filter((la) => la.regionCode === regionCode)
        laCodes = inRegion.map((la) => la.laCode).filter((code) => !filter.laCodes || filter.laCodes.includes(code))
      }
      const statuses = kind === 'la' ? (filter.statuses ?? LA_VISIBLE_STATUSES) : filter.statuses
      let records = await listActivities({
        ...query,
        ...(laCodes ? { laCodes } : {}),
        ...(statuses ? { statuses } : {}),
      })
      if (kind === 'la') {
        // Only activities whose notice has been given (002#73), whatever their status says.
        const noticed = await noticedActivityIds(records.map((record) => record.id))
        records = records.filter((record) => noticed.has(record.id))
      }
      return summaries(records)
    },

    /**
     * Every activity of these statuses, whoever may see it, for a job acting for the service (the
     * reminder job, issue 13): read in batches, as `list` does.
     */
    async listAll(filter: Pick<ActivityFilter, 'statuses' | 'type' | 'laCodes'>): Promise<ActivitySummary[]> {
      return summaries(await listActivities(filter))
    },

    /** The activity and its timeline only: for summaries that need no more than its dates. */
    async withMilestones(id: string): Promise<Pick<ActivityDetails, 'activity' | 'milestones'>> {
      const [activity, milestones] = await Promise.all([load(id), milestonesOf([id])])
      return { activity, milestones }
    },

    /** Everything the activity's pages show. */
    async details(id: string): Promise<ActivityDetails> {
      const activity = await load(id)
      const [milestones, flags, teams, contacts, notices, dateChanges, statusChanges, lifecycle] = await Promise.all([
        milestonesOf([id]),
        flagsOf(id),
        teamsOf([id]),
        contactsOf(id),
        noticesOf(id),
        dateChangesOf(id),
        statusChangesOf(id),
        facts(activity),
      ])
      const names = await people.byIds([
        ...dateChanges.map((change) => change.changedById),
        ...statusChanges.map((change) => change.changedById),
      ])
      return {
        activity,
        milestones,
        flags,
        team: teams.get(id) ?? [],
        contacts,
        notices,
        currentNotice: noticesOfCurrentPlan(notices, statusChanges).at(-1),
        dateChanges: dateChanges.map(({ changedById, ...change }) => ({
          ...change,
          changedBy: nameOf(names, changedById),
        })),
        statusChanges: statusChanges.map(({ changedById, ...change }) => ({
          ...change,
          changedBy: nameOf(names, changedById),
        })),
        lifecycle,
      }
    },
  }
}

export type ActivityRecords = ReturnType<typeof activityRecords>
