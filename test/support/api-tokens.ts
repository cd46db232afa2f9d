import { createApiToken } from '../../src/auth/api-tokens.js'
import { principalFor } from '../../src/auth/users.js'
import type { TestApp } from '../../src/test-support/build-test-app.js'
import type { TestUser } from '../../src/test-support/factories/users.js'

/**
 * An API token of the user's own, made for one test: the walk revokes it (POST …/revoke), so a
 * token shared between tests would be revoked by whichever ran first.
 */
export async function apiTokenOf(t: TestApp, user: TestUser, name: string): Promise<string> {
  await createApiToken(t.db, (await principalFor(t.db, user.id))!, { name, days: 90, now: t.clock.now() }, 'test')
  const token = await t.db
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', user.id)
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return token.id
}
