import type { Kysely } from 'kysely'
import { type Clock, londonIsoDate } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import { createServices } from '../../areas/index.js'
import { principalFor } from '../../auth/users.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'
import type { FindingInput } from '../../areas/judgements/index.js'
import type { Grade } from '../../areas/register/index.js'
import type { TestUser } from './users.js'

/** A clock the test moves: plan in the past, then go on site on the day (STYLE.md: time is an input). */
export function settableClock(instant: string): Clock & { set(instant: string): void } {
  let at = new Date(instant)
  return { now: () => new Date(at), today: () => londonIsoDate(at), set: (next: string) => void (at = new Date(next)) }
}

export interface OnSiteOptions {
  readonly db: Kysely<Database>
  readonly config: Config
  readonly clock: Clock & { set(instant: string): void }
  readonly director: TestUser
  readonly laCode?: string
  readonly type:
    'standard-inspection' | 'short-inspection' | 'focused-visit' | 'monitoring-visit' | 'post-monitoring-inspection'
  /** A monitoring visit's arrangements, number and set (issue 12); visit 1 of a first ILACS set by default. */
  readonly monitoring?: { handbook?: 'ilacs' | '2017'; visitNumber: number; secondSet?: boolean }
  /** The first day on site (Monday; Tuesday for a focused or monitoring visit). */
  readonly onsite: string
  /** The team: the lead, and others by team role. */
  readonly lead: TestUser
  readonly others?: ReadonlyArray<{
    user: TestUser
    teamRole: 'team-inspector' | 'senior-hmi' | 'qa-manager' | 'shadowing-inspector'
  }>
  /** Leave the activity notified instead of moving it on site. */
  readonly notifiedOnly?: boolean
}

/**
 * An activity planned, notified and on site through the services, as a director and its lead
 * would do it: the clock is set a month before to plan, to the notice day to record the call,
 * then to 10am on the first day on site. Returns the activity id.
 */
export async function activityOnSite(options: OnSiteOptions): Promise<string> {
  const { db, config, clock } = options
  const services = createServices({ db, clock, config })
  const director = (await principalFor(db, options.director.id))!
  const context = { requestId: 'test' }
  clock.set(`${addWorkingDays(options.onsite, -25)}T10:00:00Z`)
  const id = await services.activities.plan(
    director,
    {
      laCode: options.laCode ?? '886',
      type: options.type,
      variant: null,
      onsiteStart: options.onsite,
      topics: options.type === 'focused-visit' ? ['Children in care'] : [],
      monitoring:
        options.type === 'monitoring-visit'
          ? {
              handbook: options.monitoring?.handbook ?? 'ilacs',
              visitNumber: options.monitoring?.visitNumber ?? 1,
              secondSet: options.monitoring?.secondSet ?? false,
              focus: 'Help and protection: the front door',
            }
          : null,
    },
    context,
  )
  await services.activities.addTeamMember(
    director,
    id,
    { userId: options.lead.id, teamRole: 'lead-inspector', days: [] },
    context,
  )
  for (const other of options.others ?? [])
    await services.activities.addTeamMember(
      director,
      id,
      { userId: other.user.id, teamRole: other.teamRole, days: [] },
      context,
    )
  await services.activities.setContact(
    director,
    id,
    { contactRole: 'dcs', name: 'A Director', email: `dcs.${options.laCode ?? '886'}@example.gov.uk`, phone: '' },
    context,
  )
  const notice = (await services.activities.details(id)).milestones.find((m) => m.key === 'notice')!.date
  clock.set(`${notice}T09:00:00Z`)
  await services.activities.recordNotice(
    director,
    id,
    {
      calledAt: new Date(`${notice}T09:00:00Z`),
      spokeToRole: 'dcs',
      spokeToName: 'A Director',
      notes: '',
      version: undefined,
    },
    context,
  )
  if (options.notifiedOnly) return id
  clock.set(`${options.onsite}T10:00:00Z`)
  await services.activities.changeStatus(director, id, { to: 'on-site', note: '', version: undefined }, context)
  return id
}

/**
 * Take a notified standard or short inspection on site, record every judgement as good, confirm
 * them and record the feedback meeting on the last day on site, as its lead would (002#96-101,
 * #197). The services run on their own clock, set to 3pm on `lastDay`.
 */
export async function judgementsGivenAtFeedback(options: {
  db: Kysely<Database>
  config: Config
  director: TestUser
  lead: TestUser
  activityId: string
  lastDay: string
}): Promise<void> {
  const clock = settableClock(`${options.lastDay}T15:00:00Z`)
  const services = createServices({ db: options.db, clock, config: options.config })
  const director = (await principalFor(options.db, options.director.id))!
  const lead = (await principalFor(options.db, options.lead.id))!
  const context = { requestId: 'test' }
  const id = options.activityId
  await services.activities.changeStatus(director, id, { to: 'on-site', note: '', version: undefined }, context)
  const page = await services.judgements.judgementsPage(id)
  if (page.kind !== 'judgements') throw new Error('judgementsGivenAtFeedback needs a standard or short inspection')
  for (const area of page.areas) {
    await services.judgements.recordJudgement(
      lead,
      id,
      area.key,
      {
        grade: 'good',
        rationale: 'Best fit: good.',
        evidenceHeadings: [],
        leadersUnderstandFailure: null,
        version: undefined,
      },
      context,
    )
  }
  const recorded = await services.judgements.judgementsPage(id)
  if (recorded.kind !== 'judgements') throw new Error('unreachable')
  await services.judgements.confirmJudgements(lead, id, { reason: '', version: recorded.version }, context)
  await services.judgements.recordFeedback(
    lead,
    id,
    {
      heldOn: options.lastDay,
      durationMinutes: 55,
      attendees: ['dcs', 'lead-inspector'],
      otherAttendees: '',
      dcsToldBefore: true,
      judgementsGiven: page.areas.map((area) => area.key),
      setOut: ['provisional'],
      notes: '',
    },
    context,
  )
}

/** One judgement to record: its grade, or the grade with its headings and the leaders question. */
export type JudgementSpec =
  Grade | { grade: Grade; evidenceHeadings?: readonly string[]; leadersUnderstandFailure?: boolean | null }

/**
 * Record judgements on an activity that is on site, through the services, as its lead would:
 * each with the rationale "Evidence from case 1234 supports <grade>." (what the pages show and the
 * LA must never see). Then, if asked, confirm them (with `reason` when the checks find problems)
 * and mark them agreed. The services run on `clock` as it stands.
 */
export async function judgementsRecorded(options: {
  db: Kysely<Database>
  config: Config
  clock: Clock
  lead: TestUser
  activityId: string
  grades: Readonly<Record<string, JudgementSpec>>
  confirmed?: { reason: string }
  agreed?: boolean
}): Promise<void> {
  const services = createServices({ db: options.db, clock: options.clock, config: options.config })
  const lead = (await principalFor(options.db, options.lead.id))!
  const context = { requestId: 'test' }
  const id = options.activityId
  for (const [area, spec] of Object.entries(options.grades)) {
    const judgement = typeof spec === 'string' ? { grade: spec } : spec
    await services.judgements.recordJudgement(
      lead,
      id,
      area,
      {
        grade: judgement.grade,
        rationale: `Evidence from case 1234 supports ${judgement.grade}.`,
        evidenceHeadings: judgement.evidenceHeadings ?? [],
        leadersUnderstandFailure: judgement.leadersUnderstandFailure ?? null,
        version: undefined,
      },
      context,
    )
  }
  if (!options.confirmed) return
  const recorded = await services.judgements.judgementsPage(id)
  if (recorded.kind !== 'judgements') throw new Error('judgementsRecorded needs a standard or short inspection')
  await services.judgements.confirmJudgements(
    lead,
    id,
    { reason: options.confirmed.reason, version: recorded.version },
    context,
  )
  if (!options.agreed) return
  const version = (await services.activities.load(id)).version
  await services.activities.changeStatus(lead, id, { to: 'judgements-agreed', note: '', version }, context)
}

/** Add findings to a focused visit that is on site, through the services, as its lead would. */
export async function findingsRecorded(options: {
  db: Kysely<Database>
  config: Config
  clock: Clock
  lead: TestUser
  activityId: string
  findings: readonly FindingInput[]
}): Promise<void> {
  const services = createServices({ db: options.db, clock: options.clock, config: options.config })
  const lead = (await principalFor(options.db, options.lead.id))!
  for (const finding of options.findings)
    await services.judgements.addFinding(
      lead,
      options.activityId,
      { ...finding, version: undefined },
      { requestId: 'test' },
    )
}
