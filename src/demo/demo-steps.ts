/**
 * The steps the demo inspections are built from (demo-activities.ts), each taken through the
 * services as the people doing it would, on a simulated day: the team, the notice call (002#73),
 * an Annex A upload, and the LA analyst who sends it.
 */
import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { generateAnnexA } from '../annex-a/index.js'
import { createServices } from '../areas/index.js'
import type { Principal } from '../auth/policy.js'
import { principalFor } from '../auth/users.js'
import { fixedClock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, dayOfWeek, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays, isWorkingDay } from '../rules/calendar/working-days.js'
import { isInChristmasPeriod } from '../rules/calendar/seasonal-checks.js'
import { DEMO_EMAIL_DOMAIN } from './load-demo-data.js'

export type Services = ReturnType<typeof createServices>

/** Who acts in the demo, and where: the Ofsted accounts, the services on the planning day, a scratch folder. */
export interface DemoCast {
  readonly db: Kysely<Database>
  readonly config: Config
  /** Generated workbooks go here; the caller removes it. */
  readonly dir: string
  /** The services with the clock on the planning day, four weeks ago. */
  readonly plan: Services
  readonly director: Principal
  readonly hmi: Principal
  readonly seniorHmi: Principal
  readonly qa: Principal
}

export const DEMO_CONTEXT = { requestId: 'demo-data' }

// Demo text names nobody, so there is nothing for the name check (002#191) to confirm.
export const NO_NAMES = { confirmed: false, fingerprint: '' }

/** The first Monday on or after `date` that is a working day. */
export function mondayOnOrAfter(date: IsoDate): IsoDate {
  let day = date
  while (dayOfWeek(day) !== 1 || !isWorkingDay(day)) day = addDays(day, 1)
  return day
}

/**
 * The first working Monday on or after `date` whose fortnight of notice and fieldwork stays clear of
 * Christmas and New Year (C3, 002#14: inspections do not usually begin then), for the demo's plans.
 */
export function plannableMonday(date: IsoDate): IsoDate {
  let monday = mondayOnOrAfter(date)
  const nearChristmas = (day: IsoDate) =>
    Array.from({ length: 15 }, (_, i) => addDays(day, i - 10)).some((near) => isInChristmasPeriod(near))
  while (nearChristmas(monday)) monday = mondayOnOrAfter(addDays(monday, 1))
  return monday
}

/** The earliest fieldwork Monday whose notice (five working days before, 002#73) is on or before `today`. */
export function notifiedMonday(today: IsoDate): IsoDate {
  let monday = mondayOnOrAfter(addDays(today, 1))
  while (addWorkingDays(monday, -5) > today) monday = mondayOnOrAfter(addDays(monday, -6))
  return monday
}

/** A clock stopped at 09:05 London time on `day` (winter or summer, close enough for demo data). */
export const morning = (day: IsoDate) => fixedClock(`${day}T09:05:00Z`)

/** The demo account of `role` (`suffix` for a second account of the role, such as `.medway`). */
export async function demoPrincipal(db: Kysely<Database>, role: string, suffix = ''): Promise<Principal> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', `${role}${suffix}@${DEMO_EMAIL_DOMAIN}`)
    .executeTakeFirstOrThrow()
  return (await principalFor(db, user.id))!
}

/** The lead, the senior HMI and the QA manager on the activity's team. */
export async function addTeam(cast: DemoCast, services: Services, id: string, lead: Principal): Promise<void> {
  const { director, seniorHmi, qa } = cast
  await services.activities.addTeamMember(
    director,
    id,
    { userId: lead.id, teamRole: 'lead-inspector', days: [] },
    DEMO_CONTEXT,
  )
  await services.activities.addTeamMember(
    director,
    id,
    { userId: seniorHmi.id, teamRole: 'senior-hmi', days: [] },
    DEMO_CONTEXT,
  )
  await services.activities.addTeamMember(
    director,
    id,
    { userId: qa.id, teamRole: 'qa-manager', days: [] },
    DEMO_CONTEXT,
  )
}

/**
 * The DCS as contact, and the notice call made five working days before on site (002#73).
 * Returns the services on the notice day.
 */
export async function notify(
  cast: DemoCast,
  id: string,
  onsite: IsoDate,
  dcs: { name: string; email: string },
): Promise<Services> {
  const { db, config, plan, director, hmi } = cast
  await plan.activities.setContact(director, id, { contactRole: 'dcs', ...dcs, phone: '' }, DEMO_CONTEXT)
  const noticeDay = addWorkingDays(onsite, -5)
  const atNotice = createServices({ db, clock: morning(noticeDay), config })
  await atNotice.activities.recordNotice(
    hmi,
    id,
    {
      calledAt: new Date(`${noticeDay}T09:05:00Z`),
      spokeToRole: 'dcs',
      spokeToName: dcs.name,
      notes: 'Agreed to meet on site at 1pm on the first day.',
      version: undefined,
    },
    DEMO_CONTEXT,
  )
  return atNotice
}

/** A generated Annex A return of 1,500 rows uploaded by the LA's analyst and checked. */
export async function uploadAnnexA(
  cast: DemoCast,
  services: Services,
  id: string,
  upload: { asOf: IsoDate; seed: number; errorRate: number; uploader: Principal; fileName: string },
): Promise<void> {
  const out = join(cast.dir, `${upload.seed}.xlsx`)
  await generateAnnexA({ rows: 1500, out, asOf: upload.asOf, seed: upload.seed, errorRate: upload.errorRate })
  await services.annexA.receive(
    upload.uploader,
    id,
    { fileName: upload.fileName, stream: createReadStream(out) },
    DEMO_CONTEXT,
  )
  await services.processor.drain()
}

/** A demo analyst for an LA other than Kent (the LA that uploads its Annex A). */
export async function createDemoAnalyst(db: Kysely<Database>, laCode: string): Promise<Principal> {
  return demoLaAccount(db, 'la-analyst', laCode, `Demo LA data analyst (${laCode})`)
}

/**
 * A demo account of another LA's `role`, `<role>.<code>@…`, made once and given the password of
 * the role's main demo account (`<role>@…`), so every demo account signs in the same way.
 */
export async function demoLaAccount(
  db: Kysely<Database>,
  role: 'la-analyst' | 'la-dcs',
  laCode: string,
  displayName: string,
): Promise<Principal> {
  const email = `${role}.${laCode}@${DEMO_EMAIL_DOMAIN}`
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  const template = await db
    .selectFrom('users')
    .select('password_hash')
    .where('email', '=', `${role}@${DEMO_EMAIL_DOMAIN}`)
    .executeTakeFirstOrThrow()
  const id =
    existing?.id ??
    (
      await db
        .insertInto('users')
        .values({
          email,
          display_name: displayName,
          role,
          la_code: laCode,
          password_hash: template.password_hash,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  return (await principalFor(db, id))!
}
