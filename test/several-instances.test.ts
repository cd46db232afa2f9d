import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'
import { reminderSources } from '../src/areas/index.js'
import { type Clock, systemClock } from '../src/clock.js'
import { type Config, loadConfig } from '../src/config.js'
import { type DatabaseHandle, openDatabase } from '../src/db/database.js'
import type { Database } from '../src/db/tables.js'
import { createDispatcher } from '../src/notify/dispatcher.js'
import { enqueueEmail } from '../src/notify/outbox.js'
import { createReminderJob } from '../src/notify/reminders.js'
import { page, TestAgent } from '../src/test-support/agent.js'
import { writeContactsWorkbook } from '../src/test-support/annex-a-workbooks.js'
import { notifiedActivity, plannedActivity } from '../src/test-support/factories/activities.js'
import { annexAWorkbook } from '../src/test-support/factories/annex-a.js'
import { createUser } from '../src/test-support/factories/users.js'
import { startSmtpSink } from '../src/test-support/smtp-sink.js'
import { createTestDatabase, defaultTestDatabaseKind } from '../src/test-support/test-db.js'

/**
 * Several instances on one PostgreSQL (issue 16; README "Running several instances"): instances
 * built as the server builds them, each with its own connection pool and its own empty data
 * folder, in this one test process (separate processes would add a start-up each on a busy
 * machine and test nothing more: what they share is only the database). An instance is
 * "killed" by cutting its connections mid-check: it can neither renew its lease nor record
 * anything, as if its process had died.
 *
 * PostgreSQL only, by design: the embedded PGlite database belongs to the one process that opens
 * it, so several instances cannot share it. CI runs the suite a second time with
 * TEST_DATABASE_URL set (src/test-support/test-db.ts), and that run includes this file.
 */
const ON_POSTGRESQL = defaultTestDatabaseKind() === 'postgres'

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** A clock every instance shares, which the test moves on to end a dead instance's lease. */
let now = new Date('2027-01-11T10:00:00Z')
const clock: Clock = { now: () => new Date(now), today: () => now.toISOString().slice(0, 10) }

interface Instance {
  readonly app: FastifyInstance
  readonly db: Kysely<Database>
  readonly dataDir: string
  readonly config: Config
  /** Cut its database connections, as a killed process's are. */
  kill(): Promise<void>
  close(): Promise<void>
}

let shared: DatabaseHandle
let instances: Instance[] = []

async function startInstance(schema: string): Promise<Instance> {
  const url = process.env.TEST_DATABASE_URL!
  const database = await openDatabase({ url, schema, maxConnections: 4, listenForChanges: true })
  const dataDir = await mkdtemp(join(tmpdir(), 'ilacs-instance-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DATABASE_URL: url,
  })
  const app = await buildApp({ config, db: database.db, databaseKind: 'postgres', changes: database.changes, clock })
  await app.ready()
  let killed = false
  const instance: Instance = {
    app,
    db: database.db,
    dataDir,
    config,
    async kill() {
      killed = true
      await database.close()
    },
    async close() {
      await app.close()
      if (!killed) await database.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  instances.push(instance)
  return instance
}

async function currentSchema(): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(shared.db)
  return rows[0]!.schema
}

/** Every file under `dir`: an instance keeping nothing of its own has none. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

async function until(condition: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe.skipIf(!ON_POSTGRESQL)('several instances on one PostgreSQL', () => {
  let a: Instance
  let b: Instance
  let laCodes: string[]
  let schema: string

  beforeAll(async () => {
    shared = await createTestDatabase('postgres')
    schema = await currentSchema()
    a = await startInstance(schema)
    b = await startInstance(schema)
    laCodes = (await a.app.services.register.localAuthorities()).map((la) => la.laCode)
  })
  afterAll(async () => {
    for (const instance of instances) await instance.close()
    instances = []
    await shared?.close()
  })

  async function inspection() {
    const laCode = laCodes.shift()!
    const analyst = await createUser(a.db, 'la-analyst', { laCode })
    const lead = await createUser(a.db, 'hmi')
    const activityId = await notifiedActivity(a.db, a.config, {
      laCode,
      onsiteStart: '2027-01-18',
      plannedAt: '2027-01-04T10:00:00Z',
      noticeAt: '2027-01-11T09:10:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    return { analyst, lead, activityId }
  }

  it('keeps uploads in the database: a return uploaded through one is checked by the other, and its findings and marked-up workbook come from either', async () => {
    // Instance A checks nothing, so the check can only be B's, reading A's upload.
    await a.app.services.processor.stop()
    const { analyst, lead, activityId } = await inspection()
    const throughA = await new TestAgent(a.app).signIn(analyst.email, analyst.password)
    await throughA.get(`/activities/${activityId}/annex-a`)
    const workbook = await annexAWorkbook({ rows: 300, asOf: '2027-01-11', seed: 5, errorRate: 0.05 })
    const uploaded = await throughA.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Annex A.xlsx', content: workbook, type: xlsx },
    )
    expect(uploaded.statusCode).toBe(303)
    const returnPath = uploaded.headers.location!
    await b.app.services.processor.drain()

    // The lead inspector reads the findings through A, the instance that did not check them.
    const leadOnA = await new TestAgent(a.app).signIn(lead.email, lead.password)
    const findings = page(await leadOnA.get(returnPath))
    expect(findings.heading).toBe('Annex A version 1: errors to fix')
    const report = await leadOnA.get(findings.$('a[href$="report.xlsx"]').attr('href')!)
    expect(report.statusCode).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer)
    expect(book.worksheets[0]!.name).toBe('Annex A check')

    // The same browser on B (the session is in the database too) sees the same page.
    const leadOnB = leadOnA.onInstance(b.app)
    const same = page(await leadOnB.get(returnPath))
    const text = (p: ReturnType<typeof page>) => p.$('main').text().replace(/\s+/g, ' ').trim()
    expect(text(same)).toBe(text(findings))
    expect(text(page(await leadOnB.get('/')))).toBe(text(page(await leadOnA.get('/'))))
    expect((await leadOnB.get(findings.$('a[href$="report.xlsx"]').attr('href')!)).rawPayload).toEqual(
      report.rawPayload,
    )
    // Nothing of the upload or the workbook stayed on either instance's disk.
    expect([...(await filesUnder(a.dataDir)), ...(await filesUnder(b.dataDir))]).toEqual([])
  }, 120_000)

  it('finishes a check on the other instance when the one checking it is killed part way', async () => {
    const c = await startInstance(schema)
    const { analyst, lead, activityId } = await inspection()
    const dir = await mkdtemp(join(tmpdir(), 'annex-a-large-'))
    const large = await readFile(await writeContactsWorkbook(join(dir, 'large.xlsx'), 60_000, 6_000))
    await rm(dir, { recursive: true, force: true })
    const throughC = await new TestAgent(c.app).signIn(analyst.email, analyst.password)
    await throughC.get(`/activities/${activityId}/annex-a`)
    const uploaded = await throughC.upload(
      `/activities/${activityId}/annex-a/lists`,
      {},
      { field: 'file', name: 'Annex A.xlsx', content: large, type: xlsx },
    )
    const returnId = uploaded.headers.location!.split('/').pop()!
    // C took it up on upload; kill C while the check is under way.
    await until(() => c.app.services.processor.progress(returnId) !== undefined)
    await c.kill()
    const statusOf = async () =>
      (await b.db.selectFrom('annex_a_returns').select('status').where('id', '=', returnId).executeTakeFirstOrThrow())
        .status
    // B leaves it alone while C's lease lasts...
    await b.app.services.processor.drain()
    expect(await statusOf()).toBe('processing')
    // ...and finishes it once the lease has ended.
    now = new Date(now.getTime() + 11 * 60_000)
    await b.app.services.processor.drain()
    expect(await statusOf()).not.toBe('processing')
    const findings = page(
      await (await new TestAgent(a.app).signIn(lead.email, lead.password)).get(uploaded.headers.location!),
    )
    expect(findings.heading).toMatch(/^Annex A version 1: /)
    expect(findings.heading).not.toMatch(/being checked|could not/i)
  }, 180_000)

  it('sends every email once when both instances send from the one outbox', async () => {
    // Emails another test here has already sent (a reminder, to its own sink) are not this test's.
    const sentBefore = new Set(
      (await a.db.selectFrom('outbox').select('id').where('sent_at', 'is not', null).execute()).map((row) => row.id),
    )
    const sink = await startSmtpSink()
    for (let n = 0; n < 20; n++)
      await enqueueEmail(a.db, {
        kind: 'notice',
        recipient: `person${n}@example.gov.uk`,
        subject: `Message ${n}`,
        bodyText: 'Hello',
        dedupeKey: `several-instances-${n}`,
      })
    const dispatchers = [a, b].map((instance) =>
      createDispatcher({ db: instance.db, clock, smtpUrl: sink.url, from: 'ILACS <no-reply@ilacs.test>' }),
    )
    try {
      const sent = await Promise.all(
        dispatchers.map(async (dispatcher) => {
          let total = 0
          for (let round = 0; round < 10; round++) total += await dispatcher.runOnce()
          return total
        }),
      )
      // Everything due in the outbox and not sent before (these 20, and any the other tests' uploads queued) sent, each once.
      const outbox = (
        await a.db
          .selectFrom('outbox')
          .select(['id', 'recipient', 'sent_at'])
          .where('available_at', '<=', clock.now())
          .execute()
      ).filter((email) => !sentBefore.has(email.id))
      expect(outbox.filter((email) => email.sent_at === null)).toEqual([])
      const received = sink.messages.flatMap((message) => message.to).sort()
      expect(received).toEqual(outbox.map((email) => email.recipient).sort())
      expect(received.filter((to) => to.startsWith('person'))).toHaveLength(20)
      expect(sent[0]! + sent[1]!).toBe(outbox.length)
    } finally {
      for (const dispatcher of dispatchers) await dispatcher.stop()
      await sink.close()
    }
  })
  it('sends each reminder once when both instances run the reminder job at once (issue 13)', async () => {
    const laCode = laCodes.shift()!
    const lead = await createUser(a.db, 'hmi')
    // Fieldwork from Monday 18 January 2027: notice is due today, Monday 11 January (002#73).
    await plannedActivity(a.db, a.config, {
      laCode,
      onsiteStart: '2027-01-18',
      plannedAt: '2027-01-04T10:00:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    const jobs = [a, b].map((instance) =>
      createReminderJob({
        db: instance.db,
        clock,
        baseUrl: 'https://ilacs.example',
        sources: reminderSources(instance.app.services),
      }),
    )
    await Promise.all(jobs.map((job) => job.runOnce()))
    await Promise.all(jobs.map((job) => job.runOnce()))
    const sink = await startSmtpSink()
    const dispatchers = [a, b].map((instance) =>
      createDispatcher({ db: instance.db, clock: systemClock, smtpUrl: sink.url, from: 'ILACS <no-reply@ilacs.test>' }),
    )
    try {
      await Promise.all(
        dispatchers.map(async (dispatcher) => {
          for (let round = 0; round < 5; round++) await dispatcher.runOnce()
        }),
      )
      const toLead = sink.messages.filter((message) => message.to.includes(lead.email))
      expect(toLead).toHaveLength(1)
      expect(toLead[0]!.raw).toContain('Subject: Due today: Give notice')
    } finally {
      for (const dispatcher of dispatchers) await dispatcher.stop()
      for (const job of jobs) await job.stop()
      await sink.close()
    }
  })

  it('shows a change made outside an instance on a page it kept, within moments (ADR 0031)', async () => {
    const admin = await createUser(a.db, 'administrator')
    const hmi = await createUser(a.db, 'hmi', { displayName: 'Before Rename' })
    const onB = await new TestAgent(b.app).signIn(admin.email, admin.password)
    await onB.get('/admin/users')
    expect((await onB.get('/admin/users')).headers['x-page-cache']).toBe('hit')
    // Written as another instance or psql would: not through this process's database handles.
    const outside = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL })
    await outside.connect()
    try {
      await outside.query(`update ${schema}.users set display_name = 'After Rename' where id = $1`, [hmi.id])
    } finally {
      await outside.end()
    }
    // PostgreSQL tells B when the update commits; B reads the notice, then draws the page again.
    let text = ''
    await until(async () => {
      text = page(await onB.get('/admin/users'))
        .$('main')
        .text()
      return text.includes('After Rename')
    }, 5_000)
    expect(text).not.toContain('Before Rename')
  })
})
