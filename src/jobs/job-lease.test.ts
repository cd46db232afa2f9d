import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../clock.js'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase, testDatabaseKinds } from '../test-support/test-db.js'
import { runExclusively } from './job-lease.js'

describe.each(testDatabaseKinds())('a periodic job on several instances (%s)', (kind) => {
  let database: DatabaseHandle
  // Time runs from Wednesday 2 December 2026, 07:00 (the reminders' morning run); tests may jump it on.
  const started = Date.now()
  let jumpedMs = 0
  const now = () => new Date(Date.parse('2026-12-02T07:00:00Z') + (Date.now() - started) + jumpedMs)
  const clock: Clock = { now, today: () => now().toISOString().slice(0, 10) }
  beforeAll(async () => {
    database = await createTestDatabase(kind)
  })
  afterAll(async () => database.close())
  const on = (holder: string, leaseMs = 60_000) => ({ db: database.db, clock, holder, leaseMs })

  it('runs on one instance at a time, and on another once the first has finished', async () => {
    let release!: () => void
    const first = runExclusively(
      on('instance-a'),
      'reminders',
      () => new Promise<string>((done) => (release = () => done('a'))),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await runExclusively(on('instance-b'), 'reminders', async () => 'b')).toEqual({ ran: false })
    release()
    expect(await first).toEqual({ ran: true, value: 'a' })
    expect(await runExclusively(on('instance-b'), 'reminders', async () => 'b')).toEqual({ ran: true, value: 'b' })
  })

  it('keeps the job while it runs past its lease, by renewing it', async () => {
    let release!: () => void
    const first = runExclusively(
      on('instance-a', 300),
      'upload-retention',
      () => new Promise<void>((done) => (release = done)),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    // Past the first lease in real time; the renewals every 100 ms keep it.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(await runExclusively(on('instance-b', 300), 'upload-retention', async () => 'b')).toEqual({ ran: false })
    release()
    await first
  })

  it("takes up a killed instance's job once its lease has ended", async () => {
    // A killed instance: it claimed the job for a minute and never released it.
    await database.db
      .insertInto('job_leases')
      .values({ name: 'housekeeping', holder: 'killed', held_until: new Date(now().getTime() + 60_000) })
      .execute()
    expect(await runExclusively(on('instance-b'), 'housekeeping', async () => 'b')).toEqual({ ran: false })
    jumpedMs += 2 * 60_000
    expect(await runExclusively(on('instance-b'), 'housekeeping', async () => 'b')).toEqual({ ran: true, value: 'b' })
  })
})
