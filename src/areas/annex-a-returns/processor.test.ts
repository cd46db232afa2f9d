import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../clock.js'
import { writeContactsWorkbook } from '../../test-support/annex-a-workbooks.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { notifiedActivity } from '../../test-support/factories/activities.js'
import { annexAWorkbook } from '../../test-support/factories/annex-a.js'
import { principalFor } from '../../auth/users.js'
import { Readable } from 'node:stream'
import { createUser } from '../../test-support/factories/users.js'
import { createProcessor } from './processor.js'

let t: TestApp
let small: Buffer
let large: Buffer
let laCodes: string[] = []
/** A clock the test moves on. */
let now = new Date('2027-01-11T10:00:00Z')
const clock: Clock = { now: () => new Date(now), today: () => now.toISOString().slice(0, 10) }

beforeAll(async () => {
  t = await buildTestApp({ clock })
  small = await annexAWorkbook({ rows: 100, asOf: '2027-01-11', seed: 3 })
  const dir = await mkdtemp(join(tmpdir(), 'annex-a-large-'))
  large = await readFile(await writeContactsWorkbook(join(dir, 'large.xlsx'), 100_000, 10_000))
  await rm(dir, { recursive: true, force: true })
  laCodes = (await t.app.services.register.localAuthorities()).map((la) => la.laCode)
  // The app's own checker stays out of the way: each test runs checkers of its own.
  await t.app.services.processor.stop()
})
afterAll(async () => t.close())

async function inspection() {
  const laCode = laCodes.shift()!
  const analyst = await createUser(t.db, 'la-analyst', { laCode })
  const lead = await createUser(t.db, 'hmi')
  const activityId = await notifiedActivity(t.db, t.config, {
    laCode,
    onsiteStart: '2027-01-18',
    plannedAt: '2027-01-04T10:00:00Z',
    noticeAt: '2027-01-11T09:10:00Z',
    team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
  })
  return { analyst, activityId }
}

/** A return as uploaded, waiting to be checked. */
async function uploaded(analystId: string, activityId: string, content: Buffer): Promise<string> {
  const principal = (await principalFor(t.db, analystId))!
  const { id } = await t.app.services.annexA.receive(
    principal,
    activityId,
    { fileName: 'Annex A.xlsx', stream: Readable.from([content]) },
    { requestId: 'test' },
  )
  return id
}

/** Put a checked return back as a crashed process would leave it: processing, leased until `until`. */
async function abandon(returnId: string, until: Date) {
  await t.db
    .updateTable('annex_a_returns')
    .set({ status: 'processing', claimed_until: until, result: null })
    .where('id', '=', returnId)
    .execute()
}

const statusOf = async (id: string) =>
  (await t.db.selectFrom('annex_a_returns').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status

async function until(condition: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('the Annex A checker', () => {
  it('takes up a return left processing by a crash at start, and another on its timer once the lease ends', async () => {
    const { analyst, activityId } = await inspection()
    const first = await uploaded(analyst.id, activityId, small)
    await abandon(first, new Date(now.getTime() - 60_000))
    const processor = createProcessor({ db: t.db, clock, blobs: t.app.services.blobs, limits: { sweepMs: 100 } })
    try {
      processor.start()
      await until(async () => (await statusOf(first)) !== 'processing')
      // A second crash whose lease has not ended yet: left alone until it ends, then taken on the timer.
      await abandon(first, new Date(now.getTime() + 60_000))
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(await statusOf(first)).toBe('processing')
      now = new Date(now.getTime() + 2 * 60_000)
      await until(async () => (await statusOf(first)) !== 'processing')
    } finally {
      await processor.stop()
    }
  })

  it("checks another LA's one small return while a large one is still being checked", async () => {
    const big = await inspection()
    const tiny = await inspection()
    const processor = createProcessor({ db: t.db, clock, blobs: t.app.services.blobs })
    const bigId = await uploaded(big.analyst.id, big.activityId, large)
    const tinyId = await uploaded(tiny.analyst.id, tiny.activityId, small)
    // The large one first in the queue.
    await t.db
      .updateTable('annex_a_returns')
      .set({ uploaded_at: new Date(0) })
      .where('id', '=', bigId)
      .execute()
    processor.start()
    try {
      await until(async () => (await statusOf(tinyId)) !== 'processing')
      expect(await statusOf(bigId)).toBe('processing')
      await processor.drain()
      expect(await statusOf(bigId)).not.toBe('processing')
    } finally {
      await processor.stop()
    }
  }, 90_000)

  it('stops a check at its time limit and says so', async () => {
    const { analyst, activityId } = await inspection()
    const id = await uploaded(analyst.id, activityId, large)
    const processor = createProcessor({ db: t.db, clock, blobs: t.app.services.blobs, limits: { timeLimitMs: 50 } })
    await processor.drain()
    const row = await t.db
      .selectFrom('annex_a_returns')
      .select(['status', 'error_code', 'error_message'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'unreadable', error_code: 'TIME_LIMIT' })
    expect(row.error_message).toContain('took longer than')
  })
})
