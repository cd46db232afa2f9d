/**
 * The server `bench/pages.bench.ts` measures, in a process of its own (issue 16: a load
 * generator inside the server's process measures itself). It opens DATABASE_URL or an embedded
 * database in a temporary folder, loads the demo (inspections at every stage), adds one route
 * that returns from memory whatever bytes it was last given (the baseline), listens on a free
 * port, and tells its parent the port, a session for every demo role and the pages to visit.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../src/app.js'
import { createSession } from '../src/auth/sessions.js'
import { ROLES } from '../src/auth/roles.js'
import { systemClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/database.js'
import { loadDemoActivities } from '../src/demo/demo-activities.js'
import { loadDemoPublications } from '../src/demo/demo-publications.js'
import { DEMO_EMAIL_DOMAIN, loadDemoData } from '../src/demo/load-demo-data.js'
import { prepareDatabase } from '../src/startup.js'
import { annexAWorkbook, checkedReturn } from '../src/test-support/factories/annex-a.js'

const rssMb = () => Math.round(process.memoryUsage().rss / 1_048_576)
const started = performance.now()
const dataDir = await mkdtemp(join(tmpdir(), 'ilacs-bench-pages-'))
const url = process.env.DATABASE_URL
const database = await openDatabase(
  url ? { url, maxConnections: 20, listenForChanges: true } : { pgliteDir: join(dataDir, 'pglite') },
)
const rssOpened = rssMb()
const clock = systemClock
const config = loadConfig({
  NODE_ENV: 'production',
  SESSION_SECRET: 'bench-'.repeat(8),
  BASE_URL: 'http://localhost',
  SMTP_URL: 'smtp://localhost:25',
  LOG_LEVEL: 'silent',
  COOKIE_SECURE: 'false',
  DATA_DIR: dataDir,
  // The soak's one analyst uploads for a whole service's LAs: no per-person upload limit.
  UPLOADS_PER_HOUR: '1000000',
  UPLOAD_MB_PER_DAY: '1000000',
})
await prepareDatabase(database.db, { demoData: false, clock })
await loadDemoData(database.db, clock.today())
await loadDemoActivities(database.db, config, clock.today())
let publications = 'loaded'
try {
  await loadDemoPublications(database.db, config, clock.today())
} catch (error) {
  publications = `not loaded: ${(error as Error).message}`
}
const rssDemo = rssMb()

const app = await buildApp({ config, db: database.db, databaseKind: database.kind, changes: database.changes, clock })
// The page's bytes exactly as the server sent them (gzip-compressed when kept and asked for so),
// kept as one buffer: the cheapest way to send the same thing (ADR 0031).
let baseline: { bytes: Buffer; encoding: string } = { bytes: Buffer.alloc(0), encoding: '' }
app.post<{ Querystring: { encoding?: string } }>(
  '/__bench/baseline',
  { bodyLimit: 64 * 1_048_576 },
  async (request) => {
    baseline = { bytes: request.body as Buffer, encoding: request.query.encoding ?? '' }
    return 'ok'
  },
)
app.get('/__bench/baseline', async (_request, reply) => {
  if (baseline.encoding) reply.header('content-encoding', baseline.encoding)
  return reply.type('text/html; charset=utf-8').send(baseline.bytes)
})
app.addContentTypeParser(
  'application/x-bench-baseline',
  { parseAs: 'buffer', bodyLimit: 64 * 1_048_576 },
  (_request, body, done) => done(null, body),
)
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : 0

const users = await database.db.selectFrom('users').select(['id', 'email']).execute()
const sessions: Record<string, string> = {}
for (const role of ROLES) {
  const user = users.find((candidate) => candidate.email === `${role}@${DEMO_EMAIL_DOMAIN}`)
  if (user) sessions[role] = await createSession(database.db, user.id, clock.now())
}
const activityOf = async (laCode: string) =>
  (await database.db.selectFrom('activities').select('id').where('la_code', '=', laCode).executeTakeFirst())?.id

// Issue 16 asks for the findings page of a realistic LA's return: 20,000 rows with planted
// errors, sent by Kent's analyst as a new version through the real service and checked.
const kent = await database.db
  .selectFrom('activities')
  .select(['id', 'onsite_start'])
  .where('la_code', '=', '886')
  .executeTakeFirstOrThrow()
const analyst = users.find((candidate) => candidate.email === `la-analyst@${DEMO_EMAIL_DOMAIN}`)!
const bigReturnStarted = performance.now()
const annexReturn = {
  activityId: kent.id,
  returnId: await checkedReturn(database.db, app.services, {
    activityId: kent.id,
    uploaderId: analyst.id,
    fileName: 'Kent Annex A 20000 rows.xlsx',
    content: await annexAWorkbook({ rows: 20_000, asOf: kent.onsite_start, seed: 16, errorRate: 0.02 }),
  }),
}
const bigReturnSeconds = Math.round((performance.now() - bigReturnStarted) / 100) / 10

process.send?.({
  port,
  database: database.kind,
  publications,
  sessions,
  cookies: {},
  // Brighton's activity when the demo has one, else Kent's.
  brighton: (await activityOf('846')) ?? kent.id,
  eastSussex: await activityOf('845'),
  annexReturn,
  bigReturnSeconds,
  memory: { openedMb: rssOpened, afterDemoMb: rssDemo, listeningMb: rssMb() },
  startSeconds: Math.round((performance.now() - started) / 100) / 10,
})

process.on('message', async (message) => {
  if (message === 'memory') process.send?.({ memoryMb: rssMb() })
  if (message === 'live-memory') {
    ;(globalThis as { gc?: () => void }).gc?.()
    const { heapUsed, external } = process.memoryUsage()
    process.send?.({ liveMb: Math.round((heapUsed + external) / 1_048_576) })
  }
  if (message === 'cpu') {
    // Share of one core this process used over the next half second.
    const before = process.cpuUsage()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const used = process.cpuUsage(before)
    process.send?.({ cpuPercent: (used.user + used.system) / 5_000 })
  }
  if (message === 'stop') {
    await app.close()
    await database.close()
    await rm(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
})
