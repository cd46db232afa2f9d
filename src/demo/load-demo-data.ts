import type { Kysely } from 'kysely'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import { DEMO_PASSWORD, hashPassword } from '../auth/passwords.js'
import { ROLE_INFO, ROLES, type Role } from '../auth/roles.js'
import { insertJudgement } from '../areas/register/repository.js'
import { pathwayGrade } from '../areas/register/frameworks.js'
import type { Database } from '../db/tables.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { demoJudgementHistory } from './judgement-history.js'

/** The LA that the demo LA accounts belong to, and the region of the demo regional director. */
export const DEMO_LA_CODE = '886' // Kent, South East
export const DEMO_OTHER_LA_CODE = '887' // Medway, South East: a second LA for "other LA" checks
export const DEMO_REGION_CODE = 'E12000008' // South East
export const DEMO_EMAIL_DOMAIN = 'demo.ilacs.test'

export interface DemoAccount {
  readonly email: string
  readonly role: Role
  readonly displayName: string
  readonly laCode?: string
  readonly regionCode?: string
  readonly laCodes?: readonly string[]
}

/**
 * One account per role (README lists them), plus a second LA's analyst for scope checks. The DfE
 * accounts see the LAs in intervention (demo-interventions.ts); the commissioner only the one LA
 * whose direction names them (issue 13).
 */
export function demoAccounts(dfeLaCodes: readonly string[]): DemoAccount[] {
  const accounts: DemoAccount[] = ROLES.map((role) => {
    const info = ROLE_INFO[role]
    return {
      email: `${role}@${DEMO_EMAIL_DOMAIN}`,
      role,
      displayName: `Demo ${info.label}`,
      ...(info.scopedTo === 'la' ? { laCode: DEMO_LA_CODE } : {}),
      ...(info.scopedTo === 'region' ? { regionCode: DEMO_REGION_CODE } : {}),
      ...(info.scopedTo === 'las' ? { laCodes: role === 'commissioner' ? dfeLaCodes.slice(1, 2) : dfeLaCodes } : {}),
    }
  })
  accounts.push({
    email: `la-analyst.medway@${DEMO_EMAIL_DOMAIN}`,
    role: 'la-analyst',
    displayName: 'Demo LA data analyst (Medway)',
    laCode: DEMO_OTHER_LA_CODE,
  })
  return accounts
}

const DEMO_LOAD = 'demo-data-v1'

/**
 * Load the demo data once (issue 3): invented judgement histories for every LA and a demo
 * account for every role, all with the published demo password. Never in production (config
 * refuses DEMO_DATA there). Returns false when it was already loaded.
 */
export async function loadDemoData(db: Kysely<Database>, today: IsoDate): Promise<boolean> {
  const done = await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_LOAD).executeTakeFirst()
  if (done) return false
  const las = await db.selectFrom('local_authorities').select(['la_code']).orderBy('la_code').execute()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction().execute(async (trx) => {
    const inadequate: string[] = []
    // LAs judged inadequate and since improved: the first is the demo's lifted intervention.
    const improved: string[] = []
    for (const { la_code } of las) {
      const history = demoJudgementHistory(la_code, today)
      for (const judgement of history) {
        await insertJudgement(trx, { ...judgement, laCode: la_code, source: 'demo', recordedBy: null })
      }
      const latest = history.at(-1)
      const grades = history.map((judgement) => pathwayGrade(judgement.framework, judgement.grades)?.grade)
      if (grades.at(-1) === 'inadequate') inadequate.push(la_code)
      else if (grades.at(-2) === 'inadequate' && grades.at(-1) && latest && latest.publishedOn > addDays(today, -365))
        improved.push(la_code)
    }
    for (const account of demoAccounts([...inadequate.slice(0, 4), ...improved.slice(0, 1)])) {
      const { id } = await trx
        .insertInto('users')
        .values({
          email: account.email,
          display_name: account.displayName,
          role: account.role,
          region_code: account.regionCode ?? null,
          la_code: account.laCode ?? null,
          password_hash: passwordHash,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      if (account.laCodes && account.laCodes.length > 0) {
        await trx
          .insertInto('user_la_scopes')
          .values(account.laCodes.map((la_code) => ({ user_id: id, la_code })))
          .execute()
      }
    }
    await trx
      .insertInto('data_loads')
      .values({ name: DEMO_LOAD, detail: `${las.length} LAs` })
      .execute()
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.load',
      recordType: 'data-load',
      recordId: DEMO_LOAD,
      summary: `Loaded demo judgements for ${las.length} LAs and demo accounts for every role`,
    })
  })
  return true
}
