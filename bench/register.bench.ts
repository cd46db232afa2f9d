/**
 * The register page under load (issue 3): autocannon with 100 connections against /register
 * (signed in, all 153 LAs, pathways computed) and against /health on the same server as the
 * baseline. Prints requests/s and p95 latency for both and their ratio; no pass/fail times.
 */
import autocannon from 'autocannon'
import { buildApp } from '../src/app.js'
import { createSession } from '../src/auth/sessions.js'
import { fixedClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import { openDatabase } from '../src/db/database.js'
import { loadDemoData } from '../src/demo/load-demo-data.js'
import { prepareDatabase } from '../src/startup.js'

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const clock = fixedClock('2026-11-23T10:00:00Z')

const database = await openDatabase({ url: process.env.BENCH_DATABASE_URL })
await prepareDatabase(database.db, { demoData: false, clock })
await loadDemoData(database.db, clock.today())
const config = loadConfig({
  NODE_ENV: 'production',
  SESSION_SECRET: 'bench-'.repeat(8),
  BASE_URL: 'http://localhost',
  SMTP_URL: 'smtp://localhost:25',
  LOG_LEVEL: 'silent',
  COOKIE_SECURE: 'false',
})
const app = await buildApp({ config, db: database.db, databaseKind: database.kind, clock })
await app.listen({ port: 0, host: '127.0.0.1' })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : 0
const hmi = await database.db
  .selectFrom('users')
  .select('id')
  .where('email', '=', 'hmi@demo.ilacs.test')
  .executeTakeFirstOrThrow()
const token = await createSession(database.db, hmi.id, new Date(Date.now() + 3600_000))

async function run(path: string, headers: Record<string, string> = {}) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: 100,
    duration: DURATION_SECONDS,
    headers,
  })
  if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} responses were not 2xx`)
  return {
    path,
    requestsPerSecond: result.requests.average,
    p95: result.latency.p97_5 ?? result.latency.p99,
    p95Exact: (result.latency as unknown as Record<string, number>).p95,
  }
}

const baseline = await run('/health')
const register = await run('/register', { cookie: `ilacs_session=${token}` })
await app.close()
await database.close()

const p95 = (r: typeof baseline) => r.p95Exact ?? r.p95
console.log(`database: ${database.kind}, 100 connections, ${DURATION_SECONDS}s each`)
for (const r of [baseline, register])
  console.log(
    `${r.path.padEnd(10)} ${r.requestsPerSecond.toFixed(0).padStart(7)} req/s   p95 ${p95(r).toFixed(0).padStart(5)} ms`,
  )
console.log(
  `register / baseline: throughput ${(register.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)}×, p95 ${(p95(register) / p95(baseline)).toFixed(1)}×`,
)
