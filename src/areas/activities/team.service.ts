import { recordAudit } from '../../auth/audit.js'
import type { Person } from '../../auth/people.js'
import type { Principal } from '../../auth/policy.js'
import { ROLE_INFO, type Role } from '../../auth/roles.js'
import { ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import { TEAM_ROLE_LABELS, type TeamRole } from './activity-types.js'
import type { ActivitiesDeps, ActivityRecords } from './records.js'
import { deleteTeamPlace, insertTeamPlace, teamPlacesOf, upsertContact } from './team.repository.js'
import type { ContactRole } from './types.js'

/** Roles offered when choosing a team: inspectors and their managers. */
const TEAM_CANDIDATE_ROLES: readonly Role[] = [
  'hmi',
  'senior-hmi',
  'qa-manager',
  'regional-director',
  'national-director',
]

export interface TeamMemberInput {
  readonly userId: string
  readonly teamRole: TeamRole
  readonly days: readonly string[]
}

export interface ContactInput {
  readonly contactRole: ContactRole
  readonly name: string
  readonly email: string
  readonly phone: string
}

/** The inspection team (002#52-55, #84-95) and the LA's contacts for the activity (002#73, #76). */
export function teamService({ db, people }: ActivitiesDeps, records: ActivityRecords) {
  return {
    /** Ofsted accounts that can join a team, by name. */
    inspectors: (): Promise<Person[]> => people.withRoles(TEAM_CANDIDATE_ROLES),

    /** Add someone to the team in a team role. */
    async addTeamMember(
      principal: Principal,
      id: string,
      input: TeamMemberInput,
      context: RequestContext,
    ): Promise<void> {
      const activity = await records.load(id)
      const errors: Record<string, string> = {}
      const user = await people.find(input.userId)
      if (!user || !user.active || ROLE_INFO[user.role]?.kind !== 'ofsted')
        errors.userId = 'Select an Ofsted inspector or manager'
      const team = await teamPlacesOf(db, [id])
      if (user && team.some((member) => member.userId === user.id))
        errors.userId = `${user.displayName} is already on the team`
      if (input.teamRole === 'lead-inspector' && team.some((member) => member.teamRole === 'lead-inspector'))
        errors.teamRole = 'The team already has a lead inspector; remove them first to change the lead'
      if (Object.keys(errors).length > 0 || !user) throw new ValidationError(errors)
      await db.transaction().execute(async (trx) => {
        await insertTeamPlace(trx, { activityId: id, userId: user.id, teamRole: input.teamRole, days: input.days })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.team-add',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Added ${user.email} to ${activity.reference} as ${TEAM_ROLE_LABELS[input.teamRole].toLowerCase()}`,
          changes: { userId: user.id, teamRole: input.teamRole, days: input.days },
          requestId: context.requestId,
        })
      })
    },

    /** Take someone off the team. */
    async removeTeamMember(principal: Principal, id: string, userId: string, context: RequestContext): Promise<void> {
      const activity = await records.load(id)
      await db.transaction().execute(async (trx) => {
        const teamRole = await deleteTeamPlace(trx, id, userId)
        if (!teamRole) throw new ValidationError({ userId: 'That person is not on the team' })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.team-remove',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Removed a ${teamRole} from ${activity.reference}`,
          changes: { userId, teamRole },
          requestId: context.requestId,
        })
      })
    },

    /** Set the LA's DCS or link person for the activity (002#73, #76). */
    async setContact(principal: Principal, id: string, input: ContactInput, context: RequestContext): Promise<void> {
      const activity = await records.load(id)
      const email = input.email.toLowerCase()
      await db.transaction().execute(async (trx) => {
        await upsertContact(trx, id, {
          contactRole: input.contactRole,
          name: input.name,
          email,
          phone: input.phone || null,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.contact',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Set the ${input.contactRole === 'dcs' ? 'DCS' : 'link person'} for ${activity.reference}`,
          changes: { contactRole: input.contactRole, email },
          requestId: context.requestId,
        })
      })
    },
  }
}
