/**
 * Annex A against the probe's hostile files (issue 10), each as a ratio to a baseline measured
 * in the same run (ADR 0011: timing targets live here, not in unit tests):
 *   - a small workbook holding one huge shared string is refused (naming its cell) in time that
 *     does not grow with the string: refusing a 1 GiB string against refusing a 256 MiB one
 *     (target ≤ 1.5; before the fix it grew with the square of the size, 432 s for 256 MiB), and
 *     against unpacking the 1 GiB string to its end, the reader's limits lifted (≤ 0.2). The
 *     refusal costs about one compressed read chunk's worth of inflating (1 MiB × the ratio);
 *   - a bomb padded with random bytes to a whole-part ratio under the limit is refused as it
 *     inflates: against unpacking it to the end (target ≤ 0.3; before, it was unpacked whole);
 *   - one LA's one-row return is not held up by another's large one: checked while a
 *     200,000-row return is being checked, against checked alone (target ≤ 10; the checker used
 *     to run them one after the other, so the small one waited for the whole large check, about
 *     50 times as long as it takes alone).
 * The unit tests keep the behaviour (process-limits.test.ts, zip.test.ts, processor.test.ts).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processAnnexA } from '../src/annex-a/process.js'
import { ZipArchive } from '../src/annex-a/zip.js'
import { ZipWriter } from '../src/annex-a/zip-writer.js'
import {
  LIST_3_HEADER,
  referralRow,
  writeContactsWorkbook,
  writeHugeSharedString,
  writeWorkbook,
} from '../src/test-support/annex-a-workbooks.js'

const asOf = '2026-03-16'
const RUNS = Number(process.env.ANNEX_A_BENCH_RUNS ?? 5)
const work = join(tmpdir(), 'ilacs-annex-a-hostile-bench')
mkdirSync(work, { recursive: true })
const ms = (n: number) => `${n.toFixed(0)} ms`
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
const lifted = { maxUncompressedBytes: 2 ** 40, maxRatio: 2 ** 30, ratioGraceBytes: 2 ** 40, maxEntries: 100 }

async function best(fn: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await fn()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}

async function refused(path: string, code: string): Promise<void> {
  const error = await processAnnexA({ path, fileName: 'hostile.xlsx' }, { asOf }).catch((e: unknown) => e)
  if ((error as { code?: string }).code !== code)
    throw new Error(`${path} was not refused with ${code}: ${String(error)}`)
}

async function unpackWhole(path: string, part: string): Promise<void> {
  const archive = await ZipArchive.open(path, lifted)
  try {
    await archive.read(archive.entries.get(part)!, () => undefined)
  } finally {
    await archive.close()
  }
}

// 1. One huge shared string.
const huge = await writeHugeSharedString(join(work, 'string-1024.xlsx'), 1024)
const smaller = await writeHugeSharedString(join(work, 'string-256.xlsx'), 256)
const hugeRefused = await best(() => refused(huge, 'TOO_LARGE'))
const smallerRefused = await best(() => refused(smaller, 'TOO_LARGE'))
const hugeUnpacked = await best(() => unpackWhole(huge, 'xl/sharedstrings.xml'))

// 2. A bomb padded to a low whole-part ratio.
const padded = join(work, 'padded-bomb.xlsx')
{
  const zip = new ZipWriter(padded, 9)
  await zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="List_1" r:id="rId1"/></sheets></workbook>')
  await zip.file(
    'xl/_rels/workbook.xml.rels',
    '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  )
  const sheet = zip.entry('xl/worksheets/sheet1.xml')
  await sheet.write('<worksheet><sheetData>')
  const spaces = Buffer.alloc(1024 * 1024, 0x20)
  for (let i = 0; i < 1024; i++) await sheet.write(spaces)
  await sheet.write(randomBytes(8 * 1024 * 1024))
  await sheet.end()
  zip.finish()
}
const paddedRefused = await best(() => refused(padded, 'ZIP_BOMB'))
const paddedUnpacked = await best(() => unpackWhole(padded, 'xl/worksheets/sheet1.xml'))

// 3. A one-row return beside a large one.
const tiny = await writeWorkbook(join(work, 'tiny.xlsx'), [
  { name: 'List_3', rows: [LIST_3_HEADER, referralRow('T1', '01/04/2015', 10, '01/03/2026')] },
])
const large = await writeContactsWorkbook(join(work, 'large.xlsx'), 200_000, 20_000)
const check = (path: string) => processAnnexA({ path, fileName: 'return.xlsx' }, { asOf })
const tinyAlone = await best(() => check(tiny))
let tinyBeside = Infinity
for (let i = 0; i < RUNS; i++) {
  const big = check(large)
  const started = performance.now()
  await check(tiny)
  tinyBeside = Math.min(tinyBeside, performance.now() - started)
  await big
}
const largeAlone = await best(() => check(large))

const growth = hugeRefused / smallerRefused
const stringRatio = hugeRefused / hugeUnpacked
const bombRatio = paddedRefused / paddedUnpacked
const fairRatio = tinyBeside / tinyAlone
process.stdout.write(
  [
    `One 1 GiB shared string refused: best ${ms(hugeRefused)}; a 256 MiB one: ${ms(smallerRefused)}; ratio ${growth.toFixed(2)} — target ≤ 1.5: ${verdict(growth <= 1.5)}`,
    `  against unpacking the 1 GiB string to its end (${ms(hugeUnpacked)}): ${stringRatio.toFixed(2)} — target ≤ 0.2: ${verdict(stringRatio <= 0.2)}`,
    `Bomb padded to a low whole-part ratio refused: ${ms(paddedRefused)}; unpacked to its end: ${ms(paddedUnpacked)}; ratio ${bombRatio.toFixed(2)} — target ≤ 0.3: ${verdict(bombRatio <= 0.3)}`,
    `One-row return beside a 200,000-row one: ${ms(tinyBeside)}; alone: ${ms(tinyAlone)}; ratio ${fairRatio.toFixed(2)} — target ≤ 10: ${verdict(fairRatio <= 10)} (the large one alone: ${ms(largeAlone)})`,
  ].join('\n') + '\n',
)
