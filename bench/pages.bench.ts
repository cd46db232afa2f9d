/**
 * Every signed-in page type under load (issue 16). The server runs in a child process of its
 * own (bench/pages-server.ts, demo data on the embedded database, or DATABASE_URL); this process
 * only generates load, with autocannon at 100 connections. For each page it first measures the
 * same server returning the same bytes from memory (the baseline), then the page, and prints
 * requests/s, the ratio to the baseline, and p95 and p99 computed from every response's latency
 * (autocannon's own "p97_5" is not a p95). Ratios come from one run on one machine; there are
 * no pass/fail times. BENCH_SECONDS sets each run's length (default 5); BENCH_PAGES filters.
 */
import { request as httpRequest } from 'node:http'
import autocannon from 'autocannon'
import { sessionCookie, signedInPages, startPagesServer } from './pages-child.js'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const FILTER = process.env.BENCH_PAGES ?? ''

const server = await startPagesServer()
const { ready, base } = server
console.log(
  `Server ready in ${ready.startSeconds} s on ${ready.database} (the 20,000-row Annex A return checked in ${ready.bigReturnSeconds} s); resident memory: opened ${ready.memory.openedMb} MB, after the demo ${ready.memory.afterDemoMb} MB, listening ${ready.memory.listeningMb} MB; publications ${ready.publications}`,
)

const cookie = (role: string) => sessionCookie(ready, role)
const pages = signedInPages(ready).filter((page) => page.name.includes(FILTER))

/** Load at CONNECTIONS for SECONDS; every response's latency kept for true percentiles. */
async function load(path: string, headers: Record<string, string>) {
  const latencies: number[] = []
  let bad = 0
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: base + path, connections: CONNECTIONS, duration: SECONDS, headers },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
      if (statusCode !== 200) bad += 1
    })
  })
  latencies.sort((a, b) => a - b)
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
  return {
    rps: latencies.length / SECONDS,
    p95: at(0.95),
    p99: at(0.99),
    bad,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/**
 * Wait until the server is idle (under 15% of a core for half a second): a slow page leaves
 * seconds or minutes of queued requests behind autocannon's last one, and an answer to one
 * quick request does not show them (issue 16's bench printed zeros for the pages after a slow
 * one), so each run starts on an idle server.
 */
async function drained() {
  for (let attempt = 0; attempt < 240; attempt += 1) if ((await server.cpuPercent()) < 15) return
  console.log('  (the server did not settle within 2 minutes; the next figures start on a busy server)')
}

/** A browser's headers: it takes gzip, as every browser does. */
const browser = (headers: Record<string, string>) => ({ ...headers, 'accept-encoding': 'gzip, deflate, br' })

/** A GET's body as sent, not decompressed (fetch would), with its Content-Encoding. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ bytes: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({ bytes: Buffer.concat(chunks), encoding: String(response.headers['content-encoding'] ?? '') }),
      )
      response.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

const rows: string[][] = []
for (const page of pages) {
  if (!page.path || !ready.sessions[page.role]) {
    rows.push([page.name, 'not in the demo data', '', '', '', '', '', '', '', '', '', ''])
    continue
  }
  const headers = { cookie: cookie(page.role) }
  await drained()
  // The first view draws the page (ADR 0031); the second says whether it was kept.
  const began = performance.now()
  const first = await fetch(base + page.path, { headers, redirect: 'manual' })
  const body = await first.text()
  const firstMs = performance.now() - began
  if (first.status !== 200) {
    rows.push([page.name, `status ${first.status}`, '', '', '', '', '', '', '', '', '', ''])
    continue
  }
  // A first view may also touch the session or fill a cache, and so not be kept: ask up to three times.
  let kept = 'drawn every time'
  for (let attempt = 0; attempt < 3 && kept !== 'kept'; attempt += 1) {
    const again = await fetch(base + page.path, { headers, redirect: 'manual' })
    await again.arrayBuffer()
    if (again.headers.get('x-page-cache') === 'hit') kept = 'kept'
  }
  // What a browser is sent: the bytes as they come over the wire, compressed when the page is kept.
  const sent = await rawGet(base + page.path, browser(headers))
  await fetch(`${base}/__bench/baseline?encoding=${sent.encoding}`, {
    method: 'POST',
    body: new Uint8Array(sent.bytes),
    headers: { 'content-type': 'application/x-bench-baseline' },
  })
  await drained()
  const baseline = await load('/__bench/baseline', browser({}))
  await drained()
  const measured = await load(page.path, browser(headers))
  const problems = measured.bad + measured.errors + measured.timeouts
  rows.push([
    page.name,
    `${Math.round(body.length / 1024)} KB`,
    `${Math.round(sent.bytes.length / 1024)} KB${sent.encoding ? ` ${sent.encoding}` : ''}`,
    firstMs.toFixed(0),
    kept,
    baseline.rps.toFixed(0),
    measured.rps.toFixed(1),
    (measured.rps / baseline.rps).toFixed(3),
    baseline.p95.toFixed(0),
    measured.p95.toFixed(0),
    measured.p99.toFixed(0),
    problems ? `${measured.bad} not 200, ${measured.errors} errors, ${measured.timeouts} time-outs` : '',
  ])
  process.stdout.write(`  ${rows.at(-1)!.join(' | ')}\n`)
}

const memoryMb = await server.memoryMb()
await server.stop()

const header = [
  'page',
  'size',
  'sent',
  'first view ms',
  'then',
  'baseline req/s',
  'req/s',
  '÷ baseline',
  'baseline p95 ms',
  'p95 ms',
  'p99 ms',
  'problems',
]
console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each; server resident memory at the end ${memoryMb} MB\n`)
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`)
for (const row of rows) console.log(`| ${row.join(' | ')} |`)
