import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { inadequateJudgement } from '../test-support/factories/intervention.js'
import { createUser } from '../test-support/factories/users.js'
import { createTestDatabase } from '../test-support/test-db.js'
import * as monitoringDeclined from './migrations/20261203T080551Z_monitoring_declined.js'

describe('migration 20261203T080551Z_monitoring_declined', () => {
  it('moves a refusal noted by hand onto the LA’s latest programme, and leaves one with no programme', async () => {
    const own = await createTestDatabase()
    const db = own.db
    try {
      await monitoringDeclined.down(db)
      const director = await createUser(db, 'regional-director', { regionCode: 'E12000007' })
      const judgementId = await inadequateJudgement(db, '302', '2026-07-06', '2026-09-14')
      await sql`insert into monitoring_programmes (la_code, judgement_id, opened_on, opened_by)
        values ('302', ${judgementId}, '2026-09-15', ${director.id})`.execute(db)
      await sql`insert into intervention_concerns (la_code, kind, noted_on, note, resolved_on, recorded_by) values
        ('302', 'monitoring-refused', '2026-10-12', 'The council declined the visits', '2026-11-02', ${director.id}),
        ('303', 'monitoring-refused', '2026-10-13', 'Bexley declined', null, ${director.id})`.execute(db)
      await monitoringDeclined.up(db)
      const programme = await db
        .selectFrom('monitoring_programmes')
        .select(['declined_on', 'declined_said', 'declined_by', 'accepted_on'])
        .where('la_code', '=', '302')
        .executeTakeFirstOrThrow()
      expect(programme).toEqual({
        declined_on: '2026-10-12',
        declined_said: 'The council declined the visits',
        declined_by: director.id,
        accepted_on: '2026-11-02',
      })
      const left = await db.selectFrom('intervention_concerns').select(['la_code', 'kind']).execute()
      expect(left).toEqual([{ la_code: '303', kind: 'monitoring-refused' }])
    } finally {
      await own.close()
    }
  })
})
