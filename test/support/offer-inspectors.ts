import type { Role } from '../../src/auth/roles.js'
import { principalFor } from '../../src/auth/users.js'
import type { TestApp } from '../../src/test-support/build-test-app.js'
import type { TestUser } from '../../src/test-support/factories/users.js'
import type { WalkRecords } from './walk-records.js'

/**
 * Name the 2015 offers' inspectors for the authorisation walk, as the national director: the own
 * LA's offer names the walk's HMI and senior HMI, like an activity's team (its child IDs are
 * theirs to read); the other LA's names someone else.
 */
export async function nameOfferInspectors(
  t: TestApp,
  records: ReadonlyMap<string, WalkRecords>,
  users: ReadonlyMap<Role, TestUser>,
  [ownLa, otherLa]: readonly [string, string],
  someoneElse: string,
): Promise<void> {
  const namer = (await principalFor(t.db, users.get('national-director')!.id))!
  const named: Array<[string, string[]]> = [
    [ownLa, [users.get('hmi')!.id, users.get('senior-hmi')!.id]],
    [otherLa, [someoneElse]],
  ]
  for (const [laCode, ids] of named)
    await t.app.services.offer2015.sample.nameInspectors(namer, records.get(laCode)!.offerId, ids, {
      requestId: 'test',
    })
}
