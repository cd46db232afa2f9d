import { recordAudit } from '../../auth/audit.js'
import { canOn, type Principal, type PolicyTarget } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { seasonalChecks } from '../../rules/calendar/seasonal-checks.js'
import { deferralAllowed, type DeferralReason } from '../../rules/pathways.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { timelineFor } from '../../rules/timelines/index.js'
import type { Flag, Milestone } from '../../rules/types.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { FieldErrors } from '../../web/legacy-forms.js'
import { enqueueEmail } from '../../notify/outbox.js'
import { hasCalendarToken, issueCalendarToken, userForCalendarToken } from '../../notify/calendar-feeds.js'
import type { CalendarItem } from '../../notify/ical.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import {
  activityReference,
  isPlannableType,
  isTeamRole,
  TEAM_ROLE_LABELS,
  type TeamRole,
  TYPE_LABELS,
} from './activity-types.js'
import { type ActivityStatus, checkStep, type LifecycleFacts, STATUS_LABELS } from './lifecycle.js'
import { noticeEmail } from './notice-email.js'
import {
  type Activity,
  bumpActivity,
  contactsOf,
  dateChangesOf,
  findActivity,
  flagsOf,
  insertActivity,
  listActivities,
  lockActivity,
  milestonesOf,
  noticesOf,
  replaceTimeline,
  statusChangesOf,
  teamOf,
  type ActivityFilter,
} from './repository.js'

export interface PlanInput {
  readonly laCode: string
  readonly type: string
  readonly variant: string
  readonly onsiteStart: string | undefined
  readonly topics: readonly string[]
}

/** Answers another area may give about an activity's outcome (judgements area). */
export interface OutcomeReadiness {
  (activity: Activity): Promise<{ ready: boolean; problem?: string }>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const NOTICE_ROLES = ['dcs', 'senior-manager', 'chief-executive'] as const
export type NoticeRole = (typeof NOTICE_ROLES)[number]
export const NOTICE_ROLE_LABELS: Readonly<Record<NoticeRole, string>> = {
  dcs: 'Director of children’s services (DCS)',
  'senior-manager': 'Most senior manager available (002#75)',
  'chief-executive': 'Chief executive (002#75)',
}

/** The timeline of an activity from the rules core, with the seasonal checks (C3), or the refusal. */
export function computeTimeline(
  type: Activity['type'],
  onsiteStart: string,
  variant: 'wed-thu' | null,
):
  { ok: true; milestones: Milestone[]; flags: Flag[] } | { ok: false; reason: string; rule: string; citation: string } {
  const outcome = timelineFor(type, onsiteStart, variant ? { variant } : {})
  if (!outcome.ok) return outcome
  const { milestones, flags } = outcome.timeline
  const lastOnsite = milestones.find((m) => m.key === 'onsite.end')?.date ?? onsiteStart
  const notice = milestones.find((m) => m.key === 'notice')?.date
  return { ok: true, milestones, flags: [...flags, ...seasonalChecks(type, onsiteStart, lastOnsite, notice)] }
}

export function createActivitiesService(
  { db, clock, config }: ServiceDeps,
  options: { outcomeReadiness?: OutcomeReadiness } = {},
) {
  async function load(id: string): Promise<Activity> {
    const activity = await findActivity(db, id)
    if (!activity) throw new NotFoundError()
    return activity
  }

  /** Check the version the user's form was built from, under a row lock. */
  async function locked(trx: Parameters<typeof lockActivity>[0], id: string, expectedVersion: number | undefined) {
    const row = await lockActivity(trx, id)
    if (!row) throw new NotFoundError()
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new ConflictError(
        'Someone else changed this activity after you opened the page. Check the page again and repeat your change if it is still needed.',
      )
    }
    return row
  }

  async function facts(activity: Activity): Promise<LifecycleFacts> {
    const [milestones, team, notices] = await Promise.all([
      milestonesOf(db, [activity.id]),
      teamOf(db, [activity.id]),
      noticesOf(db, activity.id),
    ])
    const outcome = options.outcomeReadiness
      ? await options.outcomeReadiness(activity)
      : { ready: false, problem: 'Record the judgements first' }
    return {
      status: activity.status,
      today: clock.today(),
      onsiteStart: activity.onsiteStart,
      onsiteEnd: milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart,
      noticeRecorded: notices.length > 0,
      hasLeadInspector: (team.get(activity.id) ?? []).some((member) => member.teamRole === 'lead-inspector'),
      outcomeReady: outcome.ready,
      outcomeProblem: outcome.problem,
    }
  }

  const service = {
    load,
    facts,

    /** The policy target of an activity: its LA, team, lead and whether the LA may know of it yet. */
    async target(id: string): Promise<PolicyTarget | null> {
      const activity = await findActivity(db, id)
      if (!activity) return null
      const [team, notices] = await Promise.all([teamOf(db, [id]), noticesOf(db, id)])
      const members = team.get(id) ?? []
      return {
        laCode: activity.laCode,
        regionCode: activity.regionCode,
        teamUserIds: members.map((member) => member.userId),
        leadUserIds: members.filter((member) => member.teamRole === 'lead-inspector').map((member) => member.userId),
        // 002#73: unannounced until the notice call.
        laVisible: notices.length > 0,
      }
    },

    /** Activities the principal may see, with their milestones and teams. */
    async list(principal: Principal, filter: ActivityFilter = {}) {
      const info = ROLE_INFO[principal.role]
      const scoped: ActivityFilter =
        info.kind === 'la'
          ? {
              ...filter,
              laCodes: principal.laCode ? [principal.laCode] : [],
              statuses: filter.statuses ?? ['notified', 'on-site', 'judgements-agreed', 'report-stage', 'published'],
            }
          : info.kind === 'ofsted'
            ? filter
            : { ...filter, laCodes: [] }
      let activities = await listActivities(db, scoped)
      if (info.kind === 'la') {
        // Only activities whose notice has been given (002#73), whatever their status says.
        const visible = await Promise.all(
          activities.map(async (activity) => (await noticesOf(db, activity.id)).length > 0),
        )
        activities = activities.filter((_, index) => visible[index])
      }
      const ids = activities.map((activity) => activity.id)
      const [milestones, teams] = await Promise.all([milestonesOf(db, ids), teamOf(db, ids)])
      return activities.map((activity) => ({
        activity,
        milestones: milestones.filter((m) => m.activityId === activity.id),
        team: teams.get(activity.id) ?? [],
      }))
    },

    /** Everything the activity page shows. */
    async details(id: string) {
      const activity = await load(id)
      const [milestones, flags, teams, contacts, notices, dateChanges, statusChanges, lifecycle] = await Promise.all([
        milestonesOf(db, [id]),
        flagsOf(db, id),
        teamOf(db, [id]),
        contactsOf(db, id),
        noticesOf(db, id),
        dateChangesOf(db, id),
        statusChangesOf(db, id),
        facts(activity),
      ])
      return {
        activity,
        milestones,
        flags,
        team: teams.get(id) ?? [],
        contacts,
        notices,
        dateChanges,
        statusChanges,
        lifecycle,
      }
    },

    /**
     * Plan an activity (issue 6): the timeline comes from the rules core and a first on-site
     * day on the wrong weekday is refused with its reason and citation (C5). Returns its id.
     */
    async plan(
      principal: Principal,
      input: PlanInput,
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      const errors: FieldErrors = { ...dateErrors }
      const la = await db
        .selectFrom('local_authorities')
        .select(['la_code', 'name', 'region_code'])
        .where('la_code', '=', input.laCode)
        .executeTakeFirst()
      if (!la) errors.laCode = 'Select the local authority'
      else if (!canOn(principal, 'activity.plan', { laCode: la.la_code, regionCode: la.region_code }))
        throw new NotFoundError()
      if (!isPlannableType(input.type)) errors.type = 'Select the type of inspection or visit'
      const variant = input.type === 'focused-visit' && input.variant === 'wed-thu' ? 'wed-thu' : null
      const topics = input.topics.filter((topic) => (FOCUSED_VISIT_TOPICS.topics as readonly string[]).includes(topic))
      if (input.type === 'focused-visit' && topics.length === 0)
        errors.topics = 'Select at least one topic for the focused visit (002#106)'
      let timeline: ReturnType<typeof computeTimeline> | undefined
      if (input.onsiteStart && isPlannableType(input.type)) {
        timeline = computeTimeline(input.type, input.onsiteStart, variant)
        if (!timeline.ok) errors.onsiteStart = `${timeline.reason} (${timeline.rule}, ${timeline.citation})`
      }
      if (input.onsiteStart && input.onsiteStart < clock.today())
        errors.onsiteStart = 'The first day on site must be today or in the future'
      if (Object.keys(errors).length > 0 || !la || !timeline?.ok || !isPlannableType(input.type) || !input.onsiteStart)
        throw new ValidationError(errors)
      const type = input.type
      const onsiteStart = input.onsiteStart
      const reference = activityReference(la.la_code, type, onsiteStart)
      const milestones = timeline.milestones
      const flags = timeline.flags
      return db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('activities')
          .select('id')
          .where('reference', '=', reference)
          .executeTakeFirst()
        if (existing)
          throw new ValidationError({
            onsiteStart: `A ${TYPE_LABELS[type].toLowerCase()} of ${la.name} starting on ${onsiteStart} is already planned (${reference})`,
          })
        const id = await insertActivity(trx, {
          reference,
          laCode: la.la_code,
          type,
          variant,
          onsiteStart,
          topics,
          createdBy: principal.id,
        })
        await replaceTimeline(trx, id, milestones, flags)
        await trx
          .insertInto('activity_date_changes')
          .values({
            activity_id: id,
            from_date: null,
            to_date: onsiteStart,
            reason: 'Planned',
            changed_by: principal.id,
            changed_at: clock.now(),
          })
          .execute()
        await trx
          .insertInto('activity_status_changes')
          .values({
            activity_id: id,
            from_status: null,
            to_status: 'planned',
            changed_by: principal.id,
            changed_at: clock.now(),
          })
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.plan',
          recordType: 'activity',
          recordId: id,
          laCode: la.la_code,
          summary: `Planned ${TYPE_LABELS[type].toLowerCase()} ${reference} of ${la.name}`,
          changes: { after: { type, variant, onsiteStart, topics } },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Move the first on-site day: the milestones are recomputed and the reason kept (issue 6). */
    async changeOnsite(
      principal: Principal,
      id: string,
      input: { onsiteStart: string | undefined; reason: string; version: number | undefined },
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<void> {
      const activity = await load(id)
      const errors: FieldErrors = { ...dateErrors }
      if (!input.reason) errors.reason = 'Enter why the date is changing'
      if (activity.status !== 'planned' && activity.status !== 'notified' && activity.status !== 'deferred') {
        errors.onsiteStart = `The date cannot change once the activity is ${STATUS_LABELS[activity.status].toLowerCase()}`
      }
      let timeline: ReturnType<typeof computeTimeline> | undefined
      if (input.onsiteStart && !errors.onsiteStart) {
        if (input.onsiteStart === activity.onsiteStart)
          errors.onsiteStart = 'Enter a different date from the current first day on site'
        else {
          timeline = computeTimeline(activity.type, input.onsiteStart, activity.variant)
          if (!timeline.ok) errors.onsiteStart = `${timeline.reason} (${timeline.rule}, ${timeline.citation})`
        }
      }
      if (Object.keys(errors).length > 0 || !timeline?.ok || !input.onsiteStart) throw new ValidationError(errors)
      const onsiteStart = input.onsiteStart
      const { milestones, flags } = timeline
      await db.transaction().execute(async (trx) => {
        await locked(trx, id, input.version)
        await bumpActivity(trx, id, { onsite_start: onsiteStart }, clock.now())
        await replaceTimeline(trx, id, milestones, flags)
        await trx
          .insertInto('activity_date_changes')
          .values({
            activity_id: id,
            from_date: activity.onsiteStart,
            to_date: onsiteStart,
            reason: input.reason,
            changed_by: principal.id,
            changed_at: clock.now(),
          })
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.change-date',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Moved ${activity.reference} from ${activity.onsiteStart} to ${onsiteStart}: ${input.reason}`,
          changes: { before: { onsiteStart: activity.onsiteStart }, after: { onsiteStart }, reason: input.reason },
          requestId: context.requestId,
        })
      })
    },

    /** Add someone to the team in a team role (002#52-55, #84-95). */
    async addTeamMember(
      principal: Principal,
      id: string,
      input: { userId: string; teamRole: string; days: readonly string[] },
      context: RequestContext,
    ): Promise<void> {
      const activity = await load(id)
      const errors: FieldErrors = {}
      if (!isTeamRole(input.teamRole)) errors.teamRole = 'Select a role on the team'
      const user = UUID.test(input.userId)
        ? await db
            .selectFrom('users')
            .select(['id', 'email', 'display_name', 'role', 'disabled_at'])
            .where('id', '=', input.userId)
            .executeTakeFirst()
        : undefined
      if (!user || user.disabled_at || ROLE_INFO[user.role].kind !== 'ofsted')
        errors.userId = 'Select an Ofsted inspector or manager'
      const existingTeam = (await teamOf(db, [id])).get(id) ?? []
      if (user && existingTeam.some((member) => member.userId === user.id))
        errors.userId = `${user.display_name} is already on the team`
      if (input.teamRole === 'lead-inspector' && existingTeam.some((member) => member.teamRole === 'lead-inspector'))
        errors.teamRole = 'The team already has a lead inspector; remove them first to change the lead'
      if (Object.keys(errors).length > 0 || !user || !isTeamRole(input.teamRole)) throw new ValidationError(errors)
      const teamRole: TeamRole = input.teamRole
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('activity_team')
          .values({
            activity_id: id,
            user_id: user.id,
            team_role: teamRole,
            days: JSON.stringify([...input.days].sort()),
          })
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.team-add',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Added ${user.email} to ${activity.reference} as ${TEAM_ROLE_LABELS[teamRole].toLowerCase()}`,
          changes: { userId: user.id, teamRole, days: input.days },
          requestId: context.requestId,
        })
      })
    },

    async removeTeamMember(principal: Principal, id: string, userId: string, context: RequestContext): Promise<void> {
      const activity = await load(id)
      if (!UUID.test(userId)) throw new NotFoundError()
      await db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom('activity_team')
          .where('activity_id', '=', id)
          .where('user_id', '=', userId)
          .returning(['team_role'])
          .executeTakeFirst()
        if (!removed) throw new NotFoundError()
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.team-remove',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Removed a ${removed.team_role} from ${activity.reference}`,
          changes: { userId, teamRole: removed.team_role },
          requestId: context.requestId,
        })
      })
    },

    /** The LA's DCS and link person for the inspection (002#73, #76). */
    async setContact(
      principal: Principal,
      id: string,
      input: { contactRole: string; name: string; email: string; phone: string },
      context: RequestContext,
    ): Promise<void> {
      const activity = await load(id)
      const errors: FieldErrors = {}
      const contactRole =
        input.contactRole === 'dcs' || input.contactRole === 'link-person' ? input.contactRole : undefined
      if (!contactRole) errors.contactRole = 'Select who this is'
      if (!input.name) errors.name = 'Enter their name'
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email))
        errors.email = 'Enter an email address in the correct format, like name@example.gov.uk'
      if (Object.keys(errors).length > 0 || !contactRole) throw new ValidationError(errors)
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('activity_contacts')
          .values({
            activity_id: id,
            contact_role: contactRole,
            name: input.name,
            email: input.email.toLowerCase(),
            phone: input.phone || null,
          })
          .onConflict((oc) =>
            oc
              .columns(['activity_id', 'contact_role'])
              .doUpdateSet({ name: input.name, email: input.email.toLowerCase(), phone: input.phone || null }),
          )
          .execute()
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.contact',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Set the ${input.contactRole === 'dcs' ? 'DCS' : 'link person'} for ${activity.reference}`,
          changes: { contactRole: input.contactRole, email: input.email.toLowerCase() },
          requestId: context.requestId,
        })
      })
    },

    /**
     * Record the notice telephone call (002#73-75): the activity becomes notified, the LA's users
     * can see it, and the confirmation with the Annex A request goes to the DCS (002#74) through
     * the outbox, in the same transaction. A late call is recorded with a warning: it never
     * delays the start (002#75).
     */
    async recordNotice(
      principal: Principal,
      id: string,
      input: {
        calledAt: Date | undefined
        spokeToRole: string
        spokeToName: string
        notes: string
        version: number | undefined
      },
      context: RequestContext,
    ): Promise<{ warnings: string[] }> {
      const details = await service.details(id)
      const { activity, milestones, team, contacts } = details
      const errors: FieldErrors = {}
      if (!input.calledAt) errors.calledAt = 'Enter the date and time of the call, for example 27 3 2026 at 9:15'
      // Recording the call sends the confirmation to the DCS at once (002#74): only a call made.
      else if (input.calledAt.getTime() > clock.now().getTime())
        errors.calledAt = 'The call must be today or in the past: record it once you have made it'
      const spokeToRole = NOTICE_ROLES.find((role) => role === input.spokeToRole)
      if (!spokeToRole) errors.spokeToRole = 'Select who you spoke to'
      if (!input.spokeToName) errors.spokeToName = 'Enter the name of the person you spoke to'
      const dcs = contacts.find((contact) => contact.contactRole === 'dcs')
      if (!dcs)
        errors.contacts = 'Add the DCS’s name and email address first: the confirmation is emailed to them (002#74)'
      const lead = team.find((member) => member.teamRole === 'lead-inspector')
      const check = checkStep({ ...details.lifecycle, noticeRecorded: true }, 'notified')
      if (!check.ok) errors.status = check.reason
      if (Object.keys(errors).length > 0 || !input.calledAt || !dcs || !spokeToRole) throw new ValidationError(errors)
      const calledAt = input.calledAt
      const warnings: string[] = []
      const noticeDue = milestones.find((m) => m.key === 'notice')
      const calledOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(calledAt)
      const calledTime = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(calledAt)
      if (noticeDue && calledOn !== noticeDue.date)
        warnings.push(
          `Notice was due on ${noticeDue.date} (${noticeDue.rule}, ${noticeDue.citation}); the call was on ${calledOn}. The start date does not change (002#75).`,
        )
      else if (calledTime > '09:30') warnings.push(`The call was at ${calledTime}, after 9.30am (002#73).`)
      const email = noticeEmail({
        activity,
        milestones,
        leadInspector: lead ? { name: lead.displayName, email: lead.email } : undefined,
        recipientName: dcs.name,
        serviceUrl: config.baseUrl,
      })
      await db.transaction().execute(async (trx) => {
        await locked(trx, id, input.version)
        await trx
          .insertInto('activity_notices')
          .values({
            activity_id: id,
            called_at: calledAt,
            spoke_to_role: spokeToRole,
            spoke_to_name: input.spokeToName,
            notes: input.notes || null,
            recorded_by: principal.id,
          })
          .execute()
        await bumpActivity(trx, id, { status: 'notified', status_reason: warnings.join(' ') || null }, clock.now())
        await trx
          .insertInto('activity_status_changes')
          .values({
            activity_id: id,
            from_status: activity.status,
            to_status: 'notified',
            note: warnings.join(' ') || null,
            changed_by: principal.id,
            changed_at: clock.now(),
          })
          .execute()
        await enqueueEmail(trx, {
          kind: 'notice',
          recipient: dcs.email,
          subject: email.subject,
          bodyText: email.body,
          dedupeKey: `notice:${id}`,
          activityId: id,
          availableAt: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.notice',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Recorded the notice call for ${activity.reference} (spoke to the ${input.spokeToRole}); confirmation and Annex A request queued to ${dcs.email}`,
          changes: { calledAt: calledAt.toISOString(), spokeToRole: input.spokeToRole, warnings },
          requestId: context.requestId,
        })
      })
      return { warnings }
    },

    /** Move the activity on in its lifecycle, or defer or cancel it, with the checks of lifecycle.ts. */
    async changeStatus(
      principal: Principal,
      id: string,
      input: { to: ActivityStatus; note: string; deferralReason?: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const activity = await load(id)
      const errors: FieldErrors = {}
      const check = checkStep(await facts(activity), input.to)
      if (!check.ok) errors.status = check.reason
      if (input.to === 'deferred') {
        const reason = input.deferralReason as DeferralReason | undefined
        const allowed = reason ? deferralAllowed(reason) : undefined
        if (!allowed) errors.deferralReason = 'Select why the activity is being deferred'
        else if (!allowed.allowed) errors.deferralReason = `${allowed.message} (${allowed.rule}, ${allowed.citation})`
      }
      if ((input.to === 'deferred' || input.to === 'cancelled') && !input.note) errors.note = 'Enter the details of why'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      await db.transaction().execute(async (trx) => {
        await locked(trx, id, input.version)
        await bumpActivity(trx, id, { status: input.to, status_reason: input.note || null }, clock.now())
        await trx
          .insertInto('activity_status_changes')
          .values({
            activity_id: id,
            from_status: activity.status,
            to_status: input.to,
            note: [input.deferralReason, input.note].filter(Boolean).join(': ') || null,
            changed_by: principal.id,
            changed_at: clock.now(),
          })
          .execute()
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

    /** Calendar items for one activity, or for every activity the user is on the team of. */
    async calendarItems(filter: { activityId: string } | { userId: string }): Promise<CalendarItem[]> {
      const activities =
        'activityId' in filter
          ? [await load(filter.activityId)]
          : (await listActivities(db, { teamUserId: filter.userId })).filter((a) => a.status !== 'cancelled')
      const milestones = await milestonesOf(
        db,
        activities.map((a) => a.id),
      )
      return activities.map((a) => ({
        activityId: a.id,
        reference: a.reference,
        title: `${TYPE_LABELS[a.type]} of ${a.laName}`,
        milestones: milestones.filter((m) => m.activityId === a.id),
      }))
    },
    issueCalendarToken: (userId: string) => issueCalendarToken(db, userId),
    calendarUser: (token: string) => userForCalendarToken(db, token),
    hasCalendarToken: (userId: string) => hasCalendarToken(db, userId),

    /** LAs for the planning form. */
    async localAuthorities(): Promise<Array<{ laCode: string; name: string; regionCode: string }>> {
      const rows = await db
        .selectFrom('local_authorities')
        .select(['la_code', 'name', 'region_code'])
        .orderBy('name')
        .execute()
      return rows.map((row) => ({ laCode: row.la_code, name: row.name, regionCode: row.region_code }))
    },

    /** The notice emails of an activity and whether they have gone (the outbox). */
    async noticeEmails(id: string) {
      const rows = await db
        .selectFrom('outbox')
        .select(['recipient', 'subject', 'body_text', 'created_at', 'sent_at', 'attempts', 'last_error'])
        .where('activity_id', '=', id)
        .where('kind', '=', 'notice')
        .orderBy('id')
        .execute()
      return rows.map((row) => ({
        recipient: row.recipient,
        subject: row.subject,
        body: row.body_text,
        createdAt: new Date(row.created_at),
        sentAt: row.sent_at ? new Date(row.sent_at) : null,
        attempts: row.attempts,
        lastError: row.last_error,
      }))
    },

    /** Ofsted accounts that can join a team, for the team page. */
    async inspectors() {
      return db
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'role'])
        .where('role', 'in', ['hmi', 'senior-hmi', 'qa-manager', 'regional-director', 'national-director'])
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute()
    },
  }
  return service
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>
