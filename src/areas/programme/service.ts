import { createHash } from 'node:crypto'
import { recordAudit } from '../../auth/audit.js'
import { canOn, laFilter, type Principal } from '../../auth/policy.js'
import { addDays, type IsoDate } from '../../rules/calendar/dates.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { FieldErrors } from '../../web/legacy-forms.js'
import type { ActivitiesService } from '../activities/index.js'
import { isPlannableType, TYPE_LABELS, type TeamRole } from '../activities/index.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import type { RegisterQuery, RegisterService } from '../register/index.js'
import { type Fieldwork, fieldworkFromMilestones, weekOf } from './fieldwork.js'
import { type PlanActivity, type PlanLa } from './plan-model.js'
import {
  type BookedActivity,
  type Proposal,
  type ProposalCheck,
  plannedActivityChecks,
  proposalChecks,
} from './proposal-checks.js'
import { deleteLeave, insertLeave, listLeave, readSetting, writeSetting } from './repository.js'

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
const WEEKLY_LIMIT_KEY = 'onsite-activities-per-week'

export interface ProposalInput {
  readonly laCode: string
  readonly type: string
  readonly variant: string
  readonly onsiteStart: string | undefined
  readonly topics: readonly string[]
  readonly leadUserId: string
  readonly teamUserIds: readonly string[]
}

export interface CheckedProposal {
  readonly proposal: Proposal
  readonly topics: readonly string[]
  readonly fieldwork: Fieldwork | undefined
  readonly checks: readonly ProposalCheck[]
  readonly errors: readonly ProposalCheck[]
  readonly warnings: readonly ProposalCheck[]
  /** A digest of the warnings shown, so a commit confirms the warnings the director actually read. */
  readonly fingerprint: string
}

export type CommitOutcome =
  | { readonly committed: true; readonly activityId: string }
  | { readonly committed: false; readonly checked: CheckedProposal; readonly problem: string }

/** A digest of the warnings (rule and message), stable for the same warnings in the same order. */
export function warningsFingerprint(warnings: readonly ProposalCheck[]): string {
  return createHash('sha256')
    .update(JSON.stringify(warnings.map((check) => [check.rule, check.message])))
    .digest('hex')
    .slice(0, 16)
}

export function createProgrammeService(
  { db, clock }: ServiceDeps,
  { register, activities }: { register: RegisterService; activities: ActivitiesService },
) {
  async function weeklyLimit(): Promise<number> {
    return (await readSetting(db, WEEKLY_LIMIT_KEY)) ?? DEFAULT_WEEKLY_LIMIT
  }

  /** Every LA with its pathway today, for checks (unfiltered: checks need the LA's own pathway). */
  async function pathways(principal: Principal) {
    return new Map((await register.list(principal)).map((entry) => [entry.la.laCode, entry.pathway]))
  }

  /** Every activity in the programme with its fieldwork and on-site team (all regions: inspectors cross them). */
  async function booked(principal: Principal): Promise<
    Array<
      BookedActivity & {
        regionCode: string
        variant: 'wed-thu' | null
        lead: { userId: string; name: string } | undefined
        leadUserIds: string[]
      }
    >
  > {
    const items = await activities.list(principal)
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
  }

  async function leaveOf(from?: IsoDate) {
    return listLeave(db, from ? { from } : {})
  }

  async function inspectors() {
    return (await activities.inspectors()).map((user) => ({
      id: user.id,
      name: user.displayName,
      email: user.email,
      role: user.role,
    }))
  }

  /** The LA a director may propose for, or 404 (a regional director outside their region). */
  async function proposableLa(principal: Principal, laCode: string) {
    const la = await register.findLocalAuthority(laCode)
    if (!la) return undefined
    if (!canOn(principal, 'programme.propose', la)) throw new NotFoundError()
    return la
  }

  async function check(principal: Principal, input: ProposalInput, dateErrors: FieldErrors): Promise<CheckedProposal> {
    const errors: FieldErrors = { ...dateErrors }
    const la = input.laCode ? await proposableLa(principal, input.laCode) : undefined
    if (!la) errors.laCode = 'Select the local authority'
    if (!isPlannableType(input.type)) errors.type = 'Select the type of inspection or visit'
    if (input.onsiteStart && input.onsiteStart < clock.today())
      errors.onsiteStart = 'The first day on site must be today or in the future'
    const topics = input.topics.filter((topic) => (FOCUSED_VISIT_TOPICS.topics as readonly string[]).includes(topic))
    if (input.type === 'focused-visit' && topics.length === 0)
      errors.topics = 'Select at least one topic for the focused visit (002#106)'
    const people = new Map((await inspectors()).map((person) => [person.id, person]))
    const lead = input.leadUserId ? people.get(input.leadUserId) : undefined
    if (input.leadUserId && !lead) errors.leadUserId = 'Select an inspector from the list'
    const team = input.teamUserIds.map((id) => people.get(id))
    if (team.some((person) => !person)) errors.teamUserIds = 'Select inspectors from the list'
    else if (lead && input.teamUserIds.includes(lead.id))
      errors.teamUserIds = `${lead.name} is the lead inspector; do not select them as a team inspector too`
    if (Object.keys(errors).length > 0 || !la || !isPlannableType(input.type) || !input.onsiteStart)
      throw new ValidationError(errors)
    const proposal: Proposal = {
      laCode: la.laCode,
      laName: la.name,
      type: input.type,
      variant: input.type === 'focused-visit' && input.variant === 'wed-thu' ? 'wed-thu' : null,
      onsiteStart: input.onsiteStart,
      inspectors: [
        ...(lead ? [{ userId: lead.id, name: lead.name, lead: true }] : []),
        ...team.map((person) => ({ userId: person!.id, name: person!.name, lead: false })),
      ],
    }
    const [pathwayByLa, programme, leave, limit] = await Promise.all([
      pathways(principal),
      booked(principal),
      leaveOf(),
      weeklyLimit(),
    ])
    const { fieldwork, checks } = proposalChecks(proposal, {
      pathway: pathwayByLa.get(la.laCode),
      activities: programme,
      leave,
      weeklyLimit: limit,
    })
    const warnings = checks.filter((item) => item.severity === 'warning')
    return {
      proposal,
      topics,
      fieldwork,
      checks,
      errors: checks.filter((item) => item.severity === 'error'),
      warnings,
      fingerprint: warningsFingerprint(warnings),
    }
  }

  return {
    weeklyLimit,
    inspectors,
    check,
    regions: () => register.regions(),

    /** LAs the principal may propose activities for, for the form. */
    async proposableLas(principal: Principal) {
      return (await activities.localAuthorities()).filter((la) => canOn(principal, 'programme.propose', la))
    },

    /** Throws NotFoundError when the principal may not propose for this LA (for pre-filled forms). */
    async assertProposable(principal: Principal, laCode: string): Promise<void> {
      if (!(await proposableLa(principal, laCode))) throw new NotFoundError()
    },

    /**
     * Commit a proposal (issue 6): the checks run again on the programme as it is now; errors
     * refuse it; warnings must have been confirmed as shown (same fingerprint). The activity is
     * planned through the activities service, its inspectors added to the team, and the
     * confirmed warnings audited.
     */
    async commit(
      principal: Principal,
      input: ProposalInput,
      dateErrors: FieldErrors,
      confirmation: { confirmed: boolean; fingerprint: string },
      context: RequestContext,
    ): Promise<CommitOutcome> {
      const checked = await check(principal, input, dateErrors)
      if (checked.errors.length > 0) return { committed: false, checked, problem: 'errors' }
      if (checked.warnings.length > 0 && confirmation.fingerprint !== checked.fingerprint)
        return { committed: false, checked, problem: 'changed' }
      if (checked.warnings.length > 0 && !confirmation.confirmed)
        return { committed: false, checked, problem: 'confirm' }
      const { proposal } = checked
      const activityId = await activities.plan(
        principal,
        {
          laCode: proposal.laCode,
          type: proposal.type,
          variant: proposal.variant ?? null,
          onsiteStart: proposal.onsiteStart,
          topics: checked.topics,
        },
        context,
      )
      for (const inspector of proposal.inspectors) {
        await activities.addTeamMember(
          principal,
          activityId,
          { userId: inspector.userId, teamRole: inspector.lead ? 'lead-inspector' : 'team-inspector', days: [] },
          context,
        )
      }
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          actor: principal,
          action: 'programme.commit',
          recordType: 'activity',
          recordId: activityId,
          laCode: proposal.laCode,
          summary: `Planned a ${TYPE_LABELS[proposal.type].toLowerCase()} of ${proposal.laName} from ${proposal.onsiteStart} in the programme planner, ${checked.warnings.length} ${checked.warnings.length === 1 ? 'warning' : 'warnings'} confirmed`,
          changes: {
            warningsConfirmed: checked.warnings.map(({ rule, citation, message }) => ({ rule, citation, message })),
            inspectors: proposal.inspectors.map(({ userId, lead }) => ({ userId, lead })),
          },
          requestId: context.requestId,
        })
      })
      return { committed: true, activityId }
    },

    /**
     * Everything the plan, the charts and the export read: the LAs in the principal's programme
     * scope that match the register's filters, and every activity with its checks.
     */
    async programme(principal: Principal, query: RegisterQuery) {
      const scope = laFilter(principal, 'programme.view')
      const [entries, allPathways, programme, leave, limit, people] = await Promise.all([
        register.list(principal, query),
        pathways(principal),
        booked(principal),
        leaveOf(),
        weeklyLimit(),
        inspectors(),
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
      const capacityIds = people
        .filter((person) => (CAPACITY_ROLES as readonly string[]).includes(person.role))
        .map((person) => person.id)
      return { las, activities: withChecks, leave, weeklyLimit: limit, capacityIds, people }
    },

    /** Each inspector's load by week from the Monday of `from`, for `weeks` weeks, with their leave. */
    async capacity(principal: Principal, from: IsoDate, weeks: number) {
      const [programme, leave, limit, people] = await Promise.all([
        booked(principal),
        leaveOf(),
        weeklyLimit(),
        inspectors(),
      ])
      const start = weekOf(from)
      const mondays = Array.from({ length: weeks }, (_, index) => addDays(start, index * 7))
      const onTeams = new Set(programme.flatMap((activity) => activity.onsite.map((member) => member.userId)))
      const shown = people.filter(
        (person) => (CAPACITY_ROLES as readonly string[]).includes(person.role) || onTeams.has(person.id),
      )
      return { mondays, programme, leave, weeklyLimit: limit, people: shown }
    },

    /** Leave from today on (or all of it), with names. */
    leave: (from?: IsoDate) => leaveOf(from),

    /** Record an inspector's leave (dates only). Audited. */
    async addLeave(
      principal: Principal,
      input: { userId: string; startsOn: string | undefined; endsOn: string | undefined },
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      const errors: FieldErrors = { ...dateErrors }
      const person = (await inspectors()).find((candidate) => candidate.id === input.userId)
      if (!person) errors.userId = 'Select the inspector'
      if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
        errors.endsOn = 'The last day of leave must be the same as or after the first day'
      if (Object.keys(errors).length > 0 || !person || !input.startsOn || !input.endsOn)
        throw new ValidationError(errors)
      const { startsOn, endsOn } = input
      return db.transaction().execute(async (trx) => {
        const id = await insertLeave(trx, { userId: person.id, startsOn, endsOn, createdBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'leave.add',
          recordType: 'inspector-leave',
          recordId: id,
          summary: `Recorded leave for ${person.email} from ${startsOn} to ${endsOn}`,
          changes: { after: { userId: person.id, startsOn, endsOn } },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Remove a leave record. Audited; NotFoundError when there is no such record. */
    async removeLeave(principal: Principal, leaveId: string, context: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const removed = await deleteLeave(trx, leaveId)
        if (!removed) throw new NotFoundError()
        await recordAudit(trx, {
          actor: principal,
          action: 'leave.remove',
          recordType: 'inspector-leave',
          recordId: leaveId,
          summary: `Removed leave from ${removed.startsOn} to ${removed.endsOn}`,
          changes: { before: removed },
          requestId: context.requestId,
        })
      })
    },

    /** PC2: set the limit of on-site activities per inspector per week. Audited. */
    async setWeeklyLimit(principal: Principal, value: string, context: RequestContext): Promise<void> {
      const limit = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN
      if (!(limit >= 1 && limit <= 5))
        throw new ValidationError({ weeklyLimit: 'Enter a whole number of activities from 1 to 5' })
      await db.transaction().execute(async (trx) => {
        const before = await writeSetting(trx, WEEKLY_LIMIT_KEY, limit, principal.id, clock.now())
        await recordAudit(trx, {
          actor: principal,
          action: 'programme.configure',
          recordType: 'programme-setting',
          recordId: WEEKLY_LIMIT_KEY,
          summary: `Set the limit of on-site activities per inspector per week to ${limit}`,
          changes: { before: before ?? DEFAULT_WEEKLY_LIMIT, after: limit },
          requestId: context.requestId,
        })
      })
    },
  }
}

export type ProgrammeService = ReturnType<typeof createProgrammeService>
