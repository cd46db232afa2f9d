import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES } from '../auth/roles.js'
import { verifyPassword, DEMO_PASSWORD } from '../auth/passwords.js'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { DEMO_EMAIL_DOMAIN, loadDemoData } from './load-demo-data.js'

// The demo data loaded once for the tests that read it; the test of loading has its own database.
let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
  await loadDemoData(database.db, '2026-11-23')
})
afterAll(async () => database.close())

describe('demo data', () => {
  it('loads once: a second start changes nothing', async () => {
    const fresh = await createTestDatabase()
    try {
      expect(await loadDemoData(fresh.db, '2026-11-23')).toBe(true)
      const count = async () =>
        Number(
          (
            await fresh.db
              .selectFrom('judgement_records')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      const before = await count()
      expect(before).toBeGreaterThan(153)
      expect(await loadDemoData(fresh.db, '2026-11-23')).toBe(false)
      expect(await count()).toBe(before)
    } finally {
      await fresh.close()
    }
  })

  it('creates an account for every role with the demo password', async () => {
    const users = await database.db
      .selectFrom('users')
      .selectAll()
      .where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
      .execute()
    for (const role of ROLES) {
      const user = users.find((candidate) => candidate.email === `${role}@${DEMO_EMAIL_DOMAIN}`)
      expect(user, role).toBeDefined()
      expect(user!.is_demo).toBe(true)
    }
    expect(await verifyPassword(users[0]!.password_hash!, DEMO_PASSWORD)).toBe(true)
    const dfe = users.find((user) => user.role === 'dfe-case-lead')!
    expect(
      (await database.db.selectFrom('user_la_scopes').selectAll().where('user_id', '=', dfe.id).execute()).length,
    ).toBeGreaterThan(0)
  })

  it('starts the register from Ofsted’s published outcomes, not invented judgements', async () => {
    const imported = await database.db
      .selectFrom('judgement_records')
      .select(['source', 'source_detail', 'published_on'])
      .execute()
    expect(imported.length).toBeGreaterThan(153)
    expect(imported.every((record) => record.source === 'import' && record.source_detail)).toBe(true)
    // Kent's standard inspection of 2022, as Ofsted published it (ILACS_inspection_history row 122).
    const kent = await database.db
      .selectFrom('judgement_records as j')
      .innerJoin('judgement_grades as g', 'g.record_id', 'j.id')
      .select(['j.inspection_start', 'j.published_on', 'g.grade'])
      .where('j.la_code', '=', '886')
      .where('g.area', '=', 'overall')
      .orderBy('j.published_on')
      .execute()
    expect(kent).toContainEqual({ inspection_start: '2022-05-09', published_on: '2022-07-05', grade: 'outstanding' })
    expect(kent.every((row) => row.published_on <= '2025-06-30')).toBe(true)
  })
})
