import { laFilter, type Principal } from '../../auth/policy.js'
import { addDays, type IsoDate } from '../../rules/calendar/dates.js'
import type { RegisterQuery } from '../register/index.js'
import { weekOf } from './fieldwork.js'
import { plannedActivityChecks } from './proposal-checks.js'
import { isCapacityRole, type ProgrammeDeps, type ProgrammeRecords } from './records.js'
import type { PlanActivity, PlanLa } from './types.js'

/** The plan month by month, its charts and export, and each inspector's load by week. */
export function planService({ clock, register }: ProgrammeDeps, records: ProgrammeRecords) {
  return {
    regions: () => register.regions(),

    /** The national distribution of lateness the overdue LAs are shown beside (issue 14). */
    nationalDrift: () => register.drift(),

    /**
     * Everything the plan, the charts and the export read: the LAs in the principal's programme
     * scope that match the register's filters, and every activity with its checks.
     */
    async programme(principal: Principal, query: RegisterQuery) {
      const scope = laFilter(principal, 'programme.view')
      const [entries, allPathways, programme, leave, limit, people] = await Promise.all([
        register.list(principal, query),
        records.pathways(principal),
        records.booked(principal),
        records.leave(),
        records.weeklyLimit(),
        records.inspectors(),
      ])
      const las: PlanLa[] = entries
        .filter((entry) =>
          scope.kind === 'all' ? true : scope.kind === 'region' ? entry.la.regionCode === scope.regionCode : false,
        )
        .map((entry) => ({
          laCode: entry.la.laCode,
          name: entry.la.name,
          regionCode: entry.la.regionCode,
          regionName: entry.la.regionName,
          pathway: entry.pathway,
        }))
      const today = clock.today()
      const inScope = new Set(las.map((la) => la.laCode))
      // Checks run for the coming activities of the LAs shown (against the whole programme).
      const withChecks: PlanActivity[] = programme.map((activity) => ({
        ...activity,
        checks:
          inScope.has(activity.laCode) &&
          (activity.status === 'planned' || activity.status === 'notified') &&
          activity.fieldwork.onsiteStart >= today
            ? plannedActivityChecks(activity, {
                pathway: allPathways.get(activity.laCode),
                activities: programme,
                leave,
                weeklyLimit: limit,
              })
            : [],
      }))
      const capacityIds = people.filter(isCapacityRole).map((person) => person.id)
      return { las, activities: withChecks, leave, weeklyLimit: limit, capacityIds, people }
    },

    /**
     * The planner's checks of coming activities (planned or notified, fieldwork not started),
     * keyed by activity id: for the activity page and an LA's register page, so that a plan that
     * breaks a rule says so where people look, not only on the programme (issue 10).
     */
    async checksOf(principal: Principal, ids: readonly string[]): Promise<Map<string, PlanActivity['checks']>> {
      const wanted = new Set(ids)
      const found = new Map<string, PlanActivity['checks']>()
      if (wanted.size === 0) return found
      const [allPathways, programme, leave, limit] = await Promise.all([
        records.pathways(principal),
        records.booked(principal),
        records.leave(),
        records.weeklyLimit(),
      ])
      const today = clock.today()
      for (const activity of programme) {
        if (!wanted.has(activity.id)) continue
        const coming =
          (activity.status === 'planned' || activity.status === 'notified') && activity.fieldwork.onsiteStart >= today
        found.set(
          activity.id,
          coming
            ? plannedActivityChecks(activity, {
                pathway: allPathways.get(activity.laCode),
                activities: programme,
                leave,
                weeklyLimit: limit,
              })
            : [],
        )
      }
      return found
    },

    /** Each inspector's load by week from the Monday of `from`, for `weeks` weeks, with their leave. */
    async capacity(principal: Principal, from: IsoDate, weeks: number) {
      const [programme, leave, limit, people] = await Promise.all([
        records.booked(principal),
        records.leave(),
        records.weeklyLimit(),
        records.inspectors(),
      ])
      const start = weekOf(from)
      const mondays = Array.from({ length: weeks }, (_, index) => addDays(start, index * 7))
      const onTeams = new Set(programme.flatMap((activity) => activity.onsite.map((member) => member.userId)))
      const shown = people.filter((person) => isCapacityRole(person) || onTeams.has(person.id))
      return { mondays, programme, leave, weeklyLimit: limit, people: shown }
    },
  }
}
