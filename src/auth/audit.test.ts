import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { type AuditEntry, recordAudit, recordAudits, SYSTEM_ACTOR } from './audit.js'

let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

const entry = (recordId: string, at?: Date): AuditEntry => ({
  actor: SYSTEM_ACTOR,
  action: 'register.import',
  recordType: 'judgement',
  recordId,
  summary: `Imported ${recordId}`,
  ...(at ? { at } : {}),
})

const rowsOf = (prefix: string) =>
  database.db
    .selectFrom('audit_events')
    .select(['record_id', 'occurred_at'])
    .where('record_id', 'like', `${prefix}%`)
    .orderBy('record_id')
    .execute()

describe('the audit log', () => {
  it('keeps the time an entry gives, beside entries that take the time of writing', async () => {
    const at = new Date('2025-03-31T09:30:00Z')
    await recordAudits(database.db, [entry('kept-1', at), entry('kept-2')])
    await recordAudit(database.db, entry('kept-3', at))
    const rows = await rowsOf('kept-')
    expect(rows.map((row) => row.record_id)).toEqual(['kept-1', 'kept-2', 'kept-3'])
    expect(new Date(rows[0]!.occurred_at).toISOString()).toBe(at.toISOString())
    expect(new Date(rows[1]!.occurred_at).getTime()).toBeGreaterThan(at.getTime())
    expect(new Date(rows[2]!.occurred_at).toISOString()).toBe(at.toISOString())
  })

  it('writes an import of thousands of entries, more than one statement may carry', async () => {
    // 7,000 rows of ten parameters each is past PostgreSQL's 65,535 parameters a statement.
    const entries = Array.from({ length: 7000 }, (_, n) => entry(`bulk-${String(n).padStart(5, '0')}`))
    await recordAudits(database.db, entries)
    expect(await rowsOf('bulk-')).toHaveLength(7000)
  })
})
