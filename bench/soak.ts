/**
 * The soak (issue 16): `npm run bench -- soak`. The server of the pages bench, in a process of
 * its own (bench/pages-child.ts), under SOAK_CONNECTIONS (100) connections for SOAK_SECONDS (600):
 * each connection goes round every signed-in page type, and one request in 30 is instead an
 * upload of an Annex A workbook through the real upload form (its CSRF token first, ADR 0021)
 * as Kent's analyst, so the background checker works while the pages are read. A few different
 * workbooks take turns, so each upload is a new version (one sent again unchanged would not
 * be). Every 30 s it prints the server's resident memory and its live memory: what its objects
 * still hold after a full garbage collection (V8's heap in use, and memory outside the heap such
 * as buffers). At the end, the errors (answers other than 2xx and 3xx, and connection errors),
 * the time-outs, and each memory's start, end and slope over the second half, with a verdict line.
 *
 * Memory counts as flat when the live memory's second-half slope is under 2 MB a minute. Resident
 * memory cannot say so: it counts what V8 and the allocator keep after garbage is freed, and
 * swung by 30 to 60 MB between samples of one steady load (measured), which over a five-minute
 * half is 6 to 12 MB a minute of noise alone. A leak is what stays after collection.
 */
import autocannon from 'autocannon'
import { annexAWorkbook } from '../src/test-support/factories/annex-a.js'
import { sessionCookie, signedInPages, startPagesServer } from './pages-child.js'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600)
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100)
const SAMPLE_SECONDS = 30
/** Memory counts as flat when the live memory's second half grows by less than this (MB a minute). */
const FLAT_MB_PER_MINUTE = 2
const WORKBOOKS = 3
/** One request in this many is an upload. */
const UPLOAD_EVERY = 30

const server = await startPagesServer()
const { ready, base } = server
console.log(
  `Server ready in ${ready.startSeconds} s on ${ready.database}; soaking ${SECONDS} s at ${CONNECTIONS} connections`,
)

// The upload form as Kent's analyst sees it: its CSRF token, and the cookie holding the secret.
const analyst = sessionCookie(ready, 'la-analyst')
const overview = `/activities/${ready.annexReturn.activityId}/annex-a`
const form = await fetch(base + overview, { headers: { cookie: analyst } })
const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
const csrfCookies = form.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
if (form.status !== 200 || !token) throw new Error(`The upload form did not load (status ${form.status})`)
const uploadCookie = [analyst, ...csrfCookies].join('; ')

const boundary = 'soak-boundary-7f3a'
const uploads = await Promise.all(
  Array.from({ length: WORKBOOKS }, async (_, index) => {
    const workbook = await annexAWorkbook({ rows: 300, asOf: '2026-03-16', seed: 1600 + index, errorRate: 0.02 })
    return Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Soak ${index + 1}.xlsx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
      ),
      workbook,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
  }),
)
let uploadsSent = 0

// Every UPLOAD_EVERY-th request sent, whichever connection sends it, is an upload instead of
// its page: the mix stays the same however slow the pages are.
let sent = 0
const upload = (request: autocannon.Request): autocannon.Request =>
  (sent += 1) % UPLOAD_EVERY === 0
    ? {
        ...request,
        method: 'POST',
        path: `${overview}/lists`,
        headers: { cookie: uploadCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: uploads[uploadsSent++ % uploads.length],
      }
    : request
const requests: autocannon.Request[] = signedInPages(ready)
  .filter((page) => page.path && ready.sessions[page.role])
  .map((page) => ({
    method: 'GET' as const,
    path: page.path!,
    // As a browser asks: kept pages come compressed (ADR 0033).
    headers: { cookie: sessionCookie(ready, page.role), 'accept-encoding': 'gzip, deflate, br' },
    setupRequest: upload,
  }))

const samples: Array<{ seconds: number; mb: number; liveMb: number }> = []
const began = performance.now()
let responses = 0
let notOk = 0
const statuses = new Map<number, number>()
async function sample() {
  const seconds = Math.round((performance.now() - began) / 1000)
  const mb = await server.memoryMb()
  const liveMb = await server.liveMemoryMb()
  samples.push({ seconds, mb, liveMb })
  console.log(
    `  ${String(seconds).padStart(4)} s  resident ${mb} MB  live ${liveMb} MB  ${responses} answers, ${notOk} errors so far`,
  )
}
await sample()
const sampler = setInterval(() => void sample(), SAMPLE_SECONDS * 1000)

const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    { url: base, connections: CONNECTIONS, duration: SECONDS, requests, timeout: 30 },
    (error, done) => (error ? reject(error) : resolve(done)),
  )
  instance.on('response', (_client, statusCode) => {
    responses += 1
    if (statusCode < 200 || statusCode >= 400) {
      notOk += 1
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1)
    }
  })
})
clearInterval(sampler)
await sample()
await server.stop()

/** Least-squares slope of `measure` in MB a minute. */
function slope(points: ReadonlyArray<(typeof samples)[number]>, measure: 'mb' | 'liveMb' = 'mb'): number {
  if (points.length < 2) return 0
  const meanX = points.reduce((sum, p) => sum + p.seconds, 0) / points.length
  const meanY = points.reduce((sum, p) => sum + p[measure], 0) / points.length
  const num = points.reduce((sum, p) => sum + (p.seconds - meanX) * (p[measure] - meanY), 0)
  const den = points.reduce((sum, p) => sum + (p.seconds - meanX) ** 2, 0)
  return den === 0 ? 0 : (num / den) * 60
}
const secondHalf = samples.filter((point) => point.seconds >= SECONDS / 2)
const half = secondHalf.length >= 2 ? secondHalf : samples
const halfSlope = slope(half)
const liveHalfSlope = slope(half, 'liveMb')
// autocannon counts a time-out as a connection error too.
const connectionErrors = result.errors - result.timeouts
const errors = notOk + connectionErrors
const flat = liveHalfSlope < FLAT_MB_PER_MINUTE
const clean = errors === 0 && result.timeouts === 0 && flat
const byStatus = [...statuses].map(([status, count]) => `${count} × ${status}`).join(', ')

console.log(
  `\n${responses} answers in ${SECONDS} s (${(responses / SECONDS).toFixed(1)}/s), ${uploadsSent} uploads; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
)
console.log(
  `Verdict: ${clean ? 'clean' : 'NOT clean'}: ${errors} errors (${notOk} answers not 2xx/3xx${byStatus ? `: ${byStatus}` : ''}, ${connectionErrors} connection errors), ${result.timeouts} time-outs; live memory ${samples[0]!.liveMb} MB at the start, ${samples.at(-1)!.liveMb} MB at the end, ${liveHalfSlope.toFixed(1)} MB/min over the second half (${flat ? 'flat' : 'growing'}); resident ${samples[0]!.mb} MB at the start, ${samples.at(-1)!.mb} MB at the end, ${slope(samples).toFixed(1)} MB/min overall and ${halfSlope.toFixed(1)} MB/min over the second half`,
)
process.exitCode = clean ? 0 : 1
