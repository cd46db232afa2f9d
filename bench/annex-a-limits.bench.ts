/**
 * Annex A's limits (ADR 0011: measured here, not asserted in unit tests), each as a ratio to a
 * baseline measured in the same run:
 *   - a zip bomb (400 MiB of spaces in a few hundred KiB) is refused as soon as it passes the
 *     reader's default limits: the zip reader's refusal against unpacking the same sheet to its
 *     end with the limits lifted (it passes 200 times its compressed size after about a fifth of
 *     its 400 MiB, so a refusal that stops there costs about 0.2 of unpacking it all; target
 *     ≤ 0.3), and the whole pipeline's refusal, which also scans what it unpacked (target ≤ 0.5);
 *   - a 1,000,000-row return is read in bounded memory and linear time: a fresh process's peak
 *     heap and time per row against the same 100,000 children in 100,000 rows (targets ≤ 1.5).
 * The unit tests (src/annex-a/process-limits.test.ts) keep the behaviour: the bomb is refused
 * with ZIP_BOMB, a large return's findings are counted past the cap. Printed figures, not
 * pass/fail tests; the bench fails only when the pipeline gives a wrong answer.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { processAnnexA } from '../src/annex-a/process.js'
import { ZipArchive } from '../src/annex-a/zip.js'
import { writeContactsWorkbook, writeZipBomb } from '../src/test-support/annex-a-workbooks.js'

const asOf = '2026-03-16'
const RUNS = Number(process.env.ANNEX_A_BENCH_RUNS ?? 5)
const CHILDREN = 100_000
const ms = (n: number) => `${n.toFixed(0)} ms`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')

interface Measured {
  ms: number
  peakHeap: number
  peakRss: number
  rows: number
  dateFindingsCounted: number
  dateFindingsKept: number
  children: number
}

/** One run of the pipeline over `path`, in this (fresh) process, with its peak heap (and array buffers) sampled as rows stream. */
async function measure(path: string): Promise<Measured> {
  let peakHeap = 0
  let peakRss = 0
  // Typed arrays (the child registry's columns) live outside the JS heap: count them too. RSS is
  // sampled rather than read from resourceUsage(), whose maxRSS a child inherits from its parent.
  const sample = () => {
    const { heapUsed, arrayBuffers, rss } = process.memoryUsage()
    peakHeap = Math.max(peakHeap, heapUsed + arrayBuffers)
    peakRss = Math.max(peakRss, rss)
  }
  const started = performance.now()
  const result = await processAnnexA({ path, fileName: 'limits.xlsx' }, { asOf, onProgress: sample })
  const elapsed = performance.now() - started
  sample()
  return {
    ms: elapsed,
    peakHeap,
    peakRss,
    rows: result.lists.reduce((n, list) => n + list.rows, 0),
    dateFindingsCounted: result.counts.byRule['AA-DATE'] ?? 0,
    dateFindingsKept: result.findings.filter((finding) => finding.rule === 'AA-DATE').length,
    children: result.profile.children.count,
  }
}

// A child process measuring one workbook prints its figures as JSON and exits.
if (process.argv[2] === '--measure') {
  process.stdout.write(`${JSON.stringify(await measure(process.argv[3]!))}\n`)
  process.exit(0)
}

const work = join(tmpdir(), 'ilacs-annex-a-bench')
mkdirSync(work, { recursive: true })

/** The pipeline over `path` in a fresh process, so each peak heap is its own. */
function measureInChild(path: string): Measured {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--measure', path],
    {
      encoding: 'utf8',
    },
  )
  return JSON.parse(output.trim().split('\n').pop()!) as Measured
}

interface Timing {
  best: number
  median: number
}

/** Time each function RUNS times, taking turns, so a busy neighbour slows them alike. */
async function timedInTurn(...fns: (() => Promise<unknown>)[]): Promise<Timing[]> {
  const times = fns.map(() => [] as number[])
  for (let i = 0; i < RUNS; i++) {
    for (const [k, fn] of fns.entries()) {
      const started = performance.now()
      await fn()
      times[k]!.push(performance.now() - started)
    }
  }
  return times.map((t) => {
    t.sort((x, y) => x - y)
    return { best: t[0]!, median: t[t.length >> 1]! }
  })
}

// The zip bomb's sheet unpacked by the zip reader with its default limits (refused) and with
// them lifted (to the end, the baseline), doing nothing with the bytes; and the whole pipeline's
// refusal of the workbook.
const bomb = await writeZipBomb(join(work, 'zip-bomb.xlsx'))
const SHEET = 'xl/worksheets/sheet1.xml'
const lifted = { maxUncompressedBytes: 2 ** 40, maxRatio: 2 ** 30, ratioGraceBytes: 2 ** 40, maxEntries: 10 }
/** Unpack the bomb's sheet; returns the bytes unpacked and the error code, if refused. */
async function unpack(limits?: typeof lifted): Promise<{ bytes: number; code?: string }> {
  const archive = await ZipArchive.open(bomb, limits)
  let bytes = 0
  try {
    await archive.read(archive.entries.get(SHEET)!, (chunk) => void (bytes += chunk.length))
    return { bytes }
  } catch (error) {
    return { bytes, code: (error as { code?: string }).code }
  } finally {
    await archive.close()
  }
}
const unpackRefused = async () => {
  const { code } = await unpack()
  if (code !== 'ZIP_BOMB') throw new Error(`The zip reader did not refuse the bomb (${code})`)
}
const unpackWhole = async () => {
  const { bytes, code } = await unpack(lifted)
  if (code || bytes < 400 * 1024 ** 2) throw new Error(`Only ${bytes} bytes of the bomb were unpacked (${code})`)
}
const pipelineRefused = async () => {
  const error = await processAnnexA({ path: bomb, fileName: 'bomb.xlsx' }, { asOf }).catch((e: unknown) => e)
  if ((error as { code?: string }).code !== 'ZIP_BOMB')
    throw new Error(`The zip bomb was not refused: ${String(error)}`)
}
const refusedAfter = (await unpack()).bytes
for (const fn of [unpackRefused, unpackWhole, pipelineRefused]) await fn()
const [refused, whole, pipeline] = (await timedInTurn(unpackRefused, unpackWhole, pipelineRefused)) as [
  Timing,
  Timing,
  Timing,
]
const bombRatio = refused.best / whole.best
const pipelineRatio = pipeline.best / whole.best

// A million rows against a tenth as many about the same children, each in a fresh process.
const rowsFor = { large: 1_000_000, baseline: CHILDREN }
const paths = { large: join(work, 'contacts-1000000.xlsx'), baseline: join(work, 'contacts-100000.xlsx') }
for (const key of ['large', 'baseline'] as const) {
  if (!existsSync(paths[key])) {
    const started = performance.now()
    await writeContactsWorkbook(paths[key], rowsFor[key], CHILDREN)
    process.stdout.write(`Generated ${paths[key]} in ${ms(performance.now() - started)}\n`)
  }
}
const large = measureInChild(paths.large)
const baseline = measureInChild(paths.baseline)
for (const [key, figures] of [
  ['large', large],
  ['baseline', baseline],
] as const) {
  const rows = rowsFor[key]
  const expected = { rows, dateFindingsCounted: rows / 10, children: CHILDREN }
  const actual = { rows: figures.rows, dateFindingsCounted: figures.dateFindingsCounted, children: figures.children }
  if (JSON.stringify(actual) !== JSON.stringify(expected) || figures.dateFindingsKept > 500)
    throw new Error(`${rows.toLocaleString('en-GB')} rows read wrongly: ${JSON.stringify(figures)}`)
}
const heapRatio = large.peakHeap / baseline.peakHeap
const perRowRatio = large.ms / rowsFor.large / (baseline.ms / rowsFor.baseline)

const lines = [
  `Zip bomb (400 MiB of spaces), refused by the zip reader with its default limits after ${mb(refusedAfter)}: best ${ms(refused.best)}, median ${ms(refused.median)}`,
  `The same sheet unpacked to its end, the limits lifted (baseline): best ${ms(whole.best)}, median ${ms(whole.median)}`,
  `Ratio refused / unpacked to the end: ${bombRatio.toFixed(2)} (best of ${RUNS}) — target ≤ 0.3: ${verdict(bombRatio <= 0.3)}`,
  `The whole pipeline's refusal (open, read, refuse): best ${ms(pipeline.best)}, ratio to the baseline ${pipelineRatio.toFixed(2)} — target ≤ 0.5: ${verdict(pipelineRatio <= 0.5)}`,
  `1,000,000 rows (${CHILDREN.toLocaleString('en-GB')} children): ${ms(large.ms)}, peak heap + array buffers ${mb(large.peakHeap)}, peak RSS ${mb(large.peakRss)}`,
  `  100,000 rows (the same children):    ${ms(baseline.ms)}, peak heap + array buffers ${mb(baseline.peakHeap)}, peak RSS ${mb(baseline.peakRss)}`,
  `Ratio of peak heap, 1,000,000 / 100,000 rows: ${heapRatio.toFixed(2)} — target ≤ 1.5: ${verdict(heapRatio <= 1.5)}`,
  `Ratio of time per row, 1,000,000 / 100,000 rows: ${perRowRatio.toFixed(2)} — target ≤ 1.5: ${verdict(perRowRatio <= 1.5)}`,
]
process.stdout.write(`${lines.join('\n')}\n`)
