/**
 * Renders a 10-page inspection report (the longest 002#212 allows) to Word and to PDF, the PDF
 * two ways: pdfmake in process (what the service uses) and LibreOffice headless converting the
 * .docx (the alternative ADR 0012 measured), when `soffice` is installed.
 *
 * Figures are ratios against a baseline measured in the same run: writing the same report as a
 * .docx, which the service always does, so each ratio is what the PDF costs on top of the Word
 * copy. Ratios are of CPU time, which barely moves when other work shares the machine (wall time
 * is printed too). Memory is the process's peak resident size after each step and,
 * for LibreOffice, the converter's own peak and CPU time (GNU time, when installed).
 * `npm run bench -- documents`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { reportInput } from '../src/documents/fixtures.js'
import { inspectionReport, pdfPageCount, renderDocx, renderPdf } from '../src/documents/index.js'

const RUNS = 5
const LIBREOFFICE_RUNS = 3
const report = inspectionReport(reportInput(20))

interface Timing {
  wallMs: number
  cpuMs: number
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work()
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  for (let i = 0; i < runs; i += 1) await work()
  const used = process.cpuUsage(cpu)
  return {
    wallMs: Number(process.hrtime.bigint() - start) / 1e6 / runs,
    cpuMs: (used.user + used.system) / 1000 / runs,
  }
}

const peakMb = (): number => process.resourceUsage().maxRSS / 1024

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim()
  return found === '' ? undefined : found
}

/** Converts a .docx with LibreOffice, a process per document; its own CPU time and peak memory where GNU time is there. */
function libreOffice(
  docx: Buffer,
  dir: string,
  profile: string,
): { pdf: Buffer; wallMs: number; cpuMs?: number; peakMb?: number } {
  const input = join(dir, 'report.docx')
  writeFileSync(input, docx)
  const args = ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf']
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%U %S %M'] : []
  const [command, ...rest] = [...time, 'soffice', ...args, '--outdir', dir, input]
  const start = process.hrtime.bigint()
  const result = spawnSync(command!, rest, { encoding: 'utf8' })
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`)
  const pdf = readFileSync(join(dir, 'report.pdf'))
  const [user, system, kb] = (result.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number)
  if (time.length === 0 || !Number.isFinite(kb)) return { pdf, wallMs }
  return { pdf, wallMs, cpuMs: (user! + system!) * 1000, peakMb: kb! / 1024 }
}

const startPeak = peakMb()
const docx = await timed(RUNS, () => renderDocx(report))
const docxPeak = peakMb()
const pdfmake = await timed(RUNS, () => renderPdf(report))
const pdfPeak = peakMb()
const pdf = await renderPdf(report)
const count = await timed(RUNS, () => pdfPageCount(pdf))
const pages = await pdfPageCount(pdf)

const rows: [string, Timing, string][] = [
  ['renderDocx (baseline)', docx, `${docxPeak.toFixed(0)} MB`],
  [`renderPdf (pdfmake, ${pages} pages)`, pdfmake, `${pdfPeak.toFixed(0)} MB`],
  ['pdfPageCount (pdf.js)', count, `${peakMb().toFixed(0)} MB`],
]

if (which('soffice')) {
  const dir = mkdtempSync(join(tmpdir(), 'ilacs-bench-lo-'))
  const profile = join(dir, 'profile')
  try {
    const word = await renderDocx(report)
    // The first conversion creates LibreOffice's profile; later ones reuse it.
    const cold = libreOffice(word, dir, profile)
    const warm = Array.from({ length: LIBREOFFICE_RUNS }, () => libreOffice(word, dir, profile))
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length
    const loPages = await pdfPageCount(cold.pdf)
    const memory = (mb: number | undefined): string => (mb ? `${mb.toFixed(0)} MB (soffice)` : 'not measured')
    rows.push(
      [
        `LibreOffice .docx → PDF, first (new profile, ${loPages} pages)`,
        { wallMs: cold.wallMs, cpuMs: cold.cpuMs ?? NaN },
        memory(cold.peakMb),
      ],
      [
        'LibreOffice .docx → PDF, profile reused',
        { wallMs: mean(warm.map((run) => run.wallMs)), cpuMs: mean(warm.map((run) => run.cpuMs ?? NaN)) },
        memory(Math.max(...warm.map((run) => run.peakMb ?? 0)) || undefined),
      ],
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
} else {
  process.stdout.write('soffice not installed: LibreOffice not measured (apt-get install libreoffice-writer-nogui)\n')
}

process.stdout.write(
  `A ${pages}-page standard inspection report; each figure the mean of ${RUNS} runs after a warm-up (LibreOffice: ${LIBREOFFICE_RUNS}).\n` +
    `Peak memory of this process was ${startPeak.toFixed(0)} MB once its modules were loaded.\n\n`,
)
process.stdout.write(
  `${'step'.padEnd(52)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)} ${'ratio'.padStart(7)}  peak memory\n`,
)
for (const [step, { wallMs, cpuMs }, memory] of rows) {
  process.stdout.write(
    `${step.padEnd(52)} ${`${wallMs.toFixed(1)} ms`.padStart(10)} ${`${cpuMs.toFixed(1)} ms`.padStart(10)} ${`${(cpuMs / docx.cpuMs).toFixed(1)}×`.padStart(7)}  ${memory}\n`,
  )
}
