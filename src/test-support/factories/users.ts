import type { Kysely } from 'kysely'
import { hashPassword } from '../../auth/passwords.js'
import { ROLE_INFO, type Role } from '../../auth/roles.js'
import type { Database } from '../../db/tables.js'

export const TEST_PASSWORD = 'correct horse battery staple'

let passwordHash: Promise<string> | undefined
let sequence = 0

export interface TestUser {
  readonly id: string
  readonly email: string
  readonly password: string
  readonly role: Role
}

/**
 * Create an account for a test. Scope defaults follow the role: LA staff get `laCode` (default
 * 886 Kent), regional directors `regionCode` (default South East), DfE staff `laCodes`.
 */
export async function createUser(
  db: Kysely<Database>,
  role: Role,
  scope: {
    laCode?: string
    regionCode?: string
    laCodes?: readonly string[]
    email?: string
    displayName?: string
  } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  sequence += 1
  const email = scope.email ?? `${role}.${sequence}.${Date.now()}@test.ilacs.test`
  const kind = ROLE_INFO[role].scopedTo
  const { id } = await db
    .insertInto('users')
    .values({
      email,
      display_name: scope.displayName ?? `Test ${ROLE_INFO[role].label} ${sequence}`,
      role,
      la_code: kind === 'la' ? (scope.laCode ?? '886') : null,
      region_code: kind === 'region' ? (scope.regionCode ?? 'E12000008') : null,
      password_hash: await passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (kind === 'las') {
    const laCodes = scope.laCodes ?? ['886']
    if (laCodes.length > 0)
      await db
        .insertInto('user_la_scopes')
        .values(laCodes.map((la_code) => ({ user_id: id, la_code })))
        .execute()
  }
  return { id, email, password: TEST_PASSWORD, role }
}
