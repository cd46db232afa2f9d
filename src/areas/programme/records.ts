import type { PeopleDirectory, Person } from '../../auth/people.js'
import { canOn, type Principal } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import type { IsoDate } from '../../rules/calendar/dates.js'
import type { ActivitiesService, TeamRole } from '../activities/index.js'
import type { ServiceDeps } from '../deps.js'
import type { RegisterService } from '../register/index.js'
import { fieldworkFromMilestones } from './fieldwork.js'
import { listLeave, readSetting } from './repository.js'
import type { LeaveRecord, ProgrammeActivity } from './types.js'

/**
 * What the programme is built from: the register knows the LAs and their pathways, the
 * activities service the programme itself and who can join a team, auth the people's names.
 */
export interface ProgrammeDeps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'list' | 'findLocalAuthority' | 'regions' | 'visitActivityIds' | 'drift'>
  readonly activities: Pick<ActivitiesService, 'list' | 'plan' | 'addTeamMember' | 'inspectors' | 'localAuthorities'>
  readonly people: Pick<PeopleDirectory, 'byIds'>
}

/** Team roles on site during fieldwork (PC2-PC4); QA managers and overseeing senior HMI are not. */
const ONSITE_ROLES: readonly TeamRole[] = [
  'lead-inspector',
  'team-inspector',
  'regulatory-inspector',
  'schools-hmi',
  'shadowing-inspector',
]

/** Roles whose weeks make the planner's capacity (the inspectors who go on site). */
export const CAPACITY_ROLES = ['hmi', 'senior-hmi'] as const

/** PC2: the default limit of on-site activities per inspector per week (decision, changeable by the national director). */
export const DEFAULT_WEEKLY_LIMIT = 1
export const WEEKLY_LIMIT_KEY = 'onsite-activities-per-week'

/** Is this person one whose weeks make the planner's capacity? */
export function isCapacityRole(person: Pick<Person, 'role'>): boolean {
  return (CAPACITY_ROLES as readonly string[]).includes(person.role)
}

/**
 * Reading the programme: every activity with its fieldwork and on-site team (from the
 * activities service), leave with the inspectors' names (from auth, in one batch), the weekly
 * limit and the LAs' pathways (from the register).
 */
export function programmeRecords({ db, register, activities, people }: ProgrammeDeps) {
  return {
    async weeklyLimit(): Promise<number> {
      return (await readSetting(db, WEEKLY_LIMIT_KEY)) ?? DEFAULT_WEEKLY_LIMIT
    },

    /** Every LA with its pathway today, for checks (unfiltered: checks need the LA's own pathway). */
    async pathways(principal: Principal) {
      return new Map((await register.list(principal)).map((entry) => [entry.la.laCode, entry.pathway]))
    },

    /** Every activity in the programme with its fieldwork and on-site team (all regions: inspectors cross them). */
    async booked(principal: Principal): Promise<ProgrammeActivity[]> {
      const [items, inHistory] = await Promise.all([activities.list(principal), register.visitActivityIds()])
      return items.map(({ activity, milestones, team }) => {
        const fieldwork = fieldworkFromMilestones(activity.onsiteStart, milestones)
        const lead = team.find((member) => member.teamRole === 'lead-inspector')
        return {
          id: activity.id,
          reference: activity.reference,
          laCode: activity.laCode,
          laName: activity.laName,
          regionCode: activity.regionCode,
          type: activity.type,
          variant: activity.variant,
          status: activity.status,
          countedInHistory: inHistory.has(activity.id),
          monitoring: activity.monitoring,
          fieldwork,
          onsite: team
            .filter((member) => ONSITE_ROLES.includes(member.teamRole))
            .map((member) => ({
              userId: member.userId,
              name: member.displayName,
              days: member.days.length > 0 ? [...member.days] : fieldwork.onsiteDays,
            })),
          lead: lead ? { userId: lead.userId, name: lead.displayName } : undefined,
          leadUserIds: lead ? [lead.userId] : [],
        }
      })
    },

    /** Leave that ends on or after `from` (all of it when undefined), earliest first, with names. */
    async leave(from?: IsoDate): Promise<LeaveRecord[]> {
      const stored = await listLeave(db, from ? { from } : {})
      const names = await people.byIds(stored.map((item) => item.userId))
      return stored
        .map((item) => ({ ...item, name: names.get(item.userId)?.displayName ?? 'Unknown account' }))
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name))
    },

    /** Ofsted accounts that can be on a team, by name. */
    inspectors: (): Promise<Person[]> => activities.inspectors(),

    /** The LA a director may propose for (undefined: no such LA), or 404 (a regional director outside their region). */
    async proposableLa(principal: Principal, laCode: string) {
      const la = await register.findLocalAuthority(laCode)
      if (!la) return undefined
      if (!canOn(principal, 'programme.propose', la)) throw new NotFoundError()
      return la
    },
  }
}

export type ProgrammeRecords = ReturnType<typeof programmeRecords>
