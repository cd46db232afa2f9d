import type { Kysely } from 'kysely'
import { createServices } from '../../areas/index.js'
import type { PlannableType, TeamRole } from '../../areas/activities/activity-types.js'
import { principalFor } from '../../auth/users.js'
import { fixedClock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import type { DeferralReason } from '../../rules/pathways.js'
import { createUser } from './users.js'

/** What every activity factory needs: the LA, type and first day on site, when it was planned, and its team. */
export interface ActivityOptions {
  laCode?: string
  type?: PlannableType
  onsiteStart: string
  plannedAt: string
  team?: ReadonlyArray<{ userId: string; teamRole: TeamRole }>
  dcsEmail?: string
}

const context = { requestId: 'test' }

async function directorOf(db: Kysely<Database>) {
  return (await principalFor(db, (await createUser(db, 'national-director')).id))!
}

/**
 * A planned activity with its team and the DCS as a contact, planned through the real services
 * on a clock set to `plannedAt` (the app under test keeps its own clock). Notice is not given.
 */
export async function plannedActivity(db: Kysely<Database>, config: Config, options: ActivityOptions): Promise<string> {
  const services = createServices({ db, clock: fixedClock(options.plannedAt), config })
  const director = await directorOf(db)
  const laCode = options.laCode ?? '886'
  const id = await services.activities.plan(
    director,
    {
      laCode,
      type: options.type ?? 'standard-inspection',
      variant: null,
      onsiteStart: options.onsiteStart,
      topics: options.type === 'focused-visit' ? ['Children in care'] : [],
      // A monitoring visit is the first of its set, on the ILACS timeline (001#8, #39: its focus).
      ...(options.type === 'monitoring-visit'
        ? {
            monitoring: {
              handbook: 'ilacs' as const,
              visitNumber: 1,
              secondSet: false,
              focus: 'Help and protection: the front door',
            },
          }
        : {}),
    },
    context,
  )
  for (const member of options.team ?? [])
    await services.activities.addTeamMember(
      director,
      id,
      { userId: member.userId, teamRole: member.teamRole, days: [] },
      context,
    )
  await services.activities.setContact(
    director,
    id,
    { contactRole: 'dcs', name: 'A Director', email: options.dcsEmail ?? `dcs.${laCode}@example.gov.uk`, phone: '' },
    context,
  )
  return id
}

/** Record the notice call of a planned activity at `noticeAt`, as it is made (a call in the future is refused). */
async function giveNotice(db: Kysely<Database>, config: Config, id: string, noticeAt: string): Promise<void> {
  const atNotice = createServices({ db, clock: fixedClock(noticeAt), config })
  await atNotice.activities.recordNotice(
    await directorOf(db),
    id,
    {
      calledAt: new Date(noticeAt),
      spokeToRole: 'dcs',
      spokeToName: 'A Director',
      notes: '',
      version: undefined,
    },
    context,
  )
}

/**
 * An activity planned in the past and notified, for tests that start during fieldwork: it is
 * planned and its notice recorded with a clock set before the notice day, through the real
 * services, so the app under test (with its own clock) finds it as a user would.
 */
export async function notifiedActivity(
  db: Kysely<Database>,
  config: Config,
  options: ActivityOptions & {
    noticeAt: string
    team: ReadonlyArray<{ userId: string; teamRole: TeamRole }>
  },
): Promise<string> {
  const id = await plannedActivity(db, config, options)
  await giveNotice(db, config, id, options.noticeAt)
  return id
}

/**
 * A deferred activity (P6, 002#16): planned, notified first when `noticeAt` is given, then
 * deferred at `deferredAt` for a reason the rule allows (serious weather, unless another is named).
 */
export async function deferredActivity(
  db: Kysely<Database>,
  config: Config,
  options: ActivityOptions & {
    deferredAt: string
    noticeAt?: string
    deferralReason?: Extract<DeferralReason, 'risk-to-staff' | 'evidence-gathering-severely-restricted'>
    note?: string
  },
): Promise<string> {
  const id = await plannedActivity(db, config, options)
  if (options.noticeAt) await giveNotice(db, config, id, options.noticeAt)
  const atDeferral = createServices({ db, clock: fixedClock(options.deferredAt), config })
  await atDeferral.activities.changeStatus(
    await directorOf(db),
    id,
    {
      to: 'deferred',
      deferralReason: options.deferralReason ?? 'risk-to-staff',
      note: options.note ?? 'Heavy snow forecast; roads to the offices closed',
      version: undefined,
    },
    context,
  )
  return id
}
