import type { Kysely } from 'kysely'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import { DEMO_PASSWORD, hashPassword } from '../auth/passwords.js'
import { ROLE_INFO, ROLES, type Role } from '../auth/roles.js'
import { standing } from '../areas/register/history.js'
import { outcomesImportService } from '../areas/register/outcomes/import.service.js'
import { dataFile } from '../data-files.js'
import { judgementRecords } from '../areas/register/repository.js'
import type { Database } from '../db/tables.js'
import type { IsoDate } from '../rules/calendar/dates.js'

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
 * Ofsted's published outcomes the demo's register starts from (issue 14), oldest first: the real
 * judgements and visits of every LA, as published by Ofsted at 31 March 2025. Later months are
 * left to the demo's own activities.
 */
export const DEMO_OUTCOME_FILES = [
  'Childrens_social_care_in_England_2023_underlying_data.ods',
  'LA_Inspection_Outcomes_as_at_31_March_2025.ods',
] as const
export const DEMO_REGISTER_AS_AT = '2025-03-31'

/**
 * Load the demo data once (issue 3): the real register, imported from Ofsted's published
 * outcomes (issue 14; the LA names, codes and judgements are real), and a demo account for every
 * role, all with the published demo password. Never in production (config refuses DEMO_DATA
 * there). Returns false when it was already loaded.
 */
export async function loadDemoData(
  db: Kysely<Database>,
  today: IsoDate,
  progress: (line: string) => void = () => undefined,
): Promise<boolean> {
  const done = await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_LOAD).executeTakeFirst()
  if (done) return false
  const las = await db.selectFrom('local_authorities').select(['la_code']).orderBy('la_code').execute()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const importer = outcomesImportService({ db })
  for (const [index, file] of DEMO_OUTCOME_FILES.entries()) {
    progress(
      `Loading the real register: Ofsted's published outcomes, file ${index + 1} of ${DEMO_OUTCOME_FILES.length} (${file})…`,
    )
    const imported = await importer.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', file), file)
    progress(`  ${imported.created} judgements, visits and earlier inspections added, ${imported.updated} completed`)
  }
  const records = await judgementRecords(db)
  await db.transaction().execute(async (trx) => {
    // The DfE accounts follow LAs whose latest published judgement is inadequate, and one judged
    // inadequate before and since improved (the demo's lifted intervention).
    const inadequate: string[] = []
    const improved: string[] = []
    for (const { la_code: laCode } of las) {
      const published = records
        .filter((record) => record.laCode === laCode && record.publishedOn <= today)
        .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
      const now = standing(published)?.grade
      if (now === 'inadequate') inadequate.push(laCode)
      else if (now && standing(published.slice(0, -1))?.grade === 'inadequate') improved.push(laCode)
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
      .values({ name: DEMO_LOAD, detail: `as published by Ofsted, ${DEMO_REGISTER_AS_AT}` })
      .execute()
    await recordAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.load',
      recordType: 'data-load',
      recordId: DEMO_LOAD,
      summary: `Loaded the register as published by Ofsted at ${DEMO_REGISTER_AS_AT} for ${las.length} LAs, and demo accounts for every role`,
    })
  })
  return true
}
