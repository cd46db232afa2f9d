/**
 * `ilacs annex-a validate | profile | generate`: the Annex A pipeline from the command line.
 * Contract (issue 5): `validate FILE --as-of DATE [--json]` prints a summary, or with `--json`
 * `{"lists":[{"list","sheet","rows"}],"findings":[{"list","row","column","value","rule","severity","message"}]}`
 * (fields may be added, never renamed); exit 0 when there are no errors, 1 when there are, 2 when
 * the file cannot be read (with why and what to do) or an argument is wrong.
 * The pipeline modules are imported inside each action so `ilacs` starts fast.
 */
import { statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { Command } from 'commander'
import type { processAnnexA } from '../annex-a/index.js'
import { annexAOptions } from '../annex-a/return-options.js'
import { LISTS, type ListNumber } from '../annex-a/spec.js'
import { isIsoDate } from '../rules/calendar/dates.js'
import { UsageError, action, printJson } from './io.js'

interface ValidateOptions {
  asOf: string
  lists?: string
  empty?: string
  json?: boolean
  report?: string
  progress: boolean
}

function asOfDate(value: string | undefined, name = '--as-of'): string {
  if (value === undefined || !isIsoDate(value))
    throw new UsageError(
      `${name} must be a real date written YYYY-MM-DD, for example 2026-03-16 (got ${JSON.stringify(value ?? '')})`,
    )
  return value
}

/** "1-5,8" → [1, 2, 3, 4, 5, 8]: list numbers 1 to 11. */
function listNumbers(value: string | undefined, name: string): ListNumber[] | undefined {
  if (value === undefined) return undefined
  const lists = new Set<number>()
  for (const part of value.split(/[\s,]+/).filter(Boolean)) {
    const range = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(part)
    const from = Number(range?.[1])
    const to = Number(range?.[2] ?? range?.[1])
    if (!range || from < 1 || to > 11 || from > to)
      throw new UsageError(`${name} must be list numbers 1 to 11, for example 1-5,8 (got ${JSON.stringify(value)})`)
    for (let list = from; list <= to; list++) lists.add(list)
  }
  return [...lists].sort((a, b) => a - b) as ListNumber[]
}

function inputsOf(files: string[]): { path: string; fileName: string }[] {
  return files.map((path) => ({ path, fileName: basename(path) }))
}

const number = (n: number) => n.toLocaleString('en-GB')

/** A progress bar on stderr for big files, only when a person is watching. */
async function progressBar(
  files: string[],
  enabled: boolean,
): Promise<{ update: (p: { bytesRead: number; totalBytes: number; rows: number }) => void; stop: () => void }> {
  let bytes = 0
  for (const file of files) {
    try {
      bytes += statSync(file).size
    } catch {
      // A missing file is reported by the pipeline.
    }
  }
  if (!enabled || !process.stderr.isTTY || bytes < 2 * 1024 * 1024)
    return { update: () => undefined, stop: () => undefined }
  const { SingleBar, Presets } = await import('cli-progress')
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'Checking Annex A [{bar}] {percentage}% | {rows} rows',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  )
  let started = false
  return {
    update: (p) => {
      if (!started) {
        bar.start(Math.max(1, p.totalBytes), 0, { rows: '0' })
        started = true
      }
      bar.update(Math.min(p.bytesRead, p.totalBytes), { rows: number(p.rows) })
    },
    stop: () => started && bar.stop(),
  }
}

export function registerAnnexACommands(program: Command): void {
  const annexA = program
    .command('annex-a')
    .description(
      'Annex A child-level lists 1–11 (002#242-262): check a return, profile it, or generate a synthetic one',
    )

  annexA
    .command('validate')
    .description('Check an Annex A return and say what to change (exit 0 no errors, 1 errors, 2 unreadable)')
    .argument('<files...>', 'the workbook (.xlsx or .xlsm), or one .csv file per list')
    .requiredOption(
      '--as-of <date>',
      'the inspection date the look-back periods and ages are measured from (YYYY-MM-DD)',
    )
    .option('--lists <numbers>', 'the lists the inspection asks for, for example 1-5,8 (default all, 1-11)')
    .option('--empty <numbers>', 'the lists the LA says it has nothing to report for, for example 2,11')
    .option('--json', 'print the lists and findings as one JSON value')
    .option('--report <file>', 'also write the workbook back as .xlsx with each finding marked on its cell')
    .option('--no-progress', 'no progress bar')
    .action(
      action(async (files: string[], options: ValidateOptions) => {
        const asOf = asOfDate(options.asOf)
        const asked = listNumbers(options.lists, '--lists')
        const declaredEmpty = listNumbers(options.empty, '--empty')
        if (options.report !== undefined && extname(options.report).toLowerCase() !== '.xlsx')
          throw new UsageError(`--report must name an .xlsx file (got ${JSON.stringify(options.report)})`)
        const { processAnnexA, AnnexAFileError, writeErrorReport } = await import('../annex-a/index.js')
        const inputs = inputsOf(files)
        const bar = await progressBar(files, options.progress)
        let result
        try {
          result = await processAnnexA(inputs, {
            ...annexAOptions({ asOf, asked, declaredEmpty }),
            onProgress: bar.update,
          })
        } catch (error) {
          bar.stop()
          if (!(error instanceof AnnexAFileError)) throw error
          process.stderr.write(`ilacs: ${error.userMessage}\n`)
          if (options.json) printJson({ error: { code: error.code, problem: error.problem, whatToDo: error.whatToDo } })
          return 2
        }
        bar.stop()
        if (options.report) {
          const written = await writeErrorReport(inputs, result, options.report)
          process.stderr.write(
            `Marked-up workbook written to ${options.report} (${number(written.markedCells)} cells marked).\n`,
          )
        }
        if (options.json) {
          printJson({
            asOf: result.asOf,
            files: result.files,
            lists: result.lists,
            headers: result.headers,
            counts: result.counts,
            hasErrors: result.hasErrors,
            asked: result.asked,
            declaredEmpty: result.declaredEmpty,
            listsCovered: result.listsCovered,
            findings: result.findings,
          })
        } else {
          process.stdout.write(validateSummary(files, result))
        }
        return result.hasErrors ? 1 : 0
      }),
    )

  annexA
    .command('profile')
    .description(
      'Profile an Annex A return for inspectors: counts, age, gender, ethnicity, disability, timeliness and case-selection factors',
    )
    .argument('<files...>', 'the workbook (.xlsx or .xlsm), or one .csv file per list')
    .requiredOption('--as-of <date>', 'the inspection date (YYYY-MM-DD)')
    .option('--json', 'print the profile as one JSON value (with every child by Child Unique ID)')
    .option('--no-progress', 'no progress bar')
    .action(
      action(async (files: string[], options: { asOf: string; json?: boolean; progress: boolean }) => {
        const asOf = asOfDate(options.asOf)
        const { processAnnexA, AnnexAFileError } = await import('../annex-a/index.js')
        const bar = await progressBar(files, options.progress)
        let result
        try {
          result = await processAnnexA(inputsOf(files), { asOf, onProgress: bar.update })
        } catch (error) {
          bar.stop()
          if (!(error instanceof AnnexAFileError)) throw error
          process.stderr.write(`ilacs: ${error.userMessage}\n`)
          if (options.json) printJson({ error: { code: error.code, problem: error.problem, whatToDo: error.whatToDo } })
          return 2
        }
        bar.stop()
        if (options.json) printJson({ ...result.profile, listsFound: result.lists, counts: result.counts })
        else process.stdout.write(profileSummary(result.profile))
        return 0
      }),
    )

  annexA
    .command('generate')
    .description('Write a realistic synthetic Annex A workbook (no real children) for demos, tests and benchmarks')
    .requiredOption('--rows <n>', 'data rows across the 11 lists')
    .requiredOption('--out <file>', 'the .xlsx file to write')
    .option('--errors <rate>', 'share of rows (0 to 1) given one planted error', '0')
    .option('--seed <n>', 'random seed (the same seed gives the same workbook)', '1')
    .option('--as-of <date>', 'the inspection date the data is built around (default today)')
    .option(
      '--layout <layout>',
      'template (title row, headings in row 2, List_N sheets) or export (headings in row 1, "List N" sheets, bare codes)',
      'template',
    )
    .option('--manifest <file>', 'write the planted errors (list, row, column, rule) as JSON')
    .option('--json', 'print what was written as one JSON value')
    .action(
      action(
        async (options: {
          rows: string
          out: string
          errors: string
          seed: string
          asOf?: string
          layout: string
          manifest?: string
          json?: boolean
        }) => {
          const rows = Number(options.rows)
          if (!Number.isInteger(rows) || rows < 1 || rows > 5_000_000)
            throw new UsageError(
              `--rows must be a whole number from 1 to 5,000,000 (got ${JSON.stringify(options.rows)})`,
            )
          const errorRate = Number(options.errors)
          if (!(errorRate >= 0 && errorRate <= 1))
            throw new UsageError(
              `--errors must be a number from 0 to 1, for example 0.02 (got ${JSON.stringify(options.errors)})`,
            )
          const seed = Number(options.seed)
          if (!Number.isInteger(seed))
            throw new UsageError(`--seed must be a whole number (got ${JSON.stringify(options.seed)})`)
          if (options.layout !== 'template' && options.layout !== 'export')
            throw new UsageError(`--layout must be template or export (got ${JSON.stringify(options.layout)})`)
          if (extname(options.out).toLowerCase() !== '.xlsx')
            throw new UsageError(`--out must name an .xlsx file (got ${JSON.stringify(options.out)})`)
          const asOf = options.asOf === undefined ? new Date().toISOString().slice(0, 10) : asOfDate(options.asOf)
          const { generateAnnexA } = await import('../annex-a/index.js')
          const { writeFile } = await import('node:fs/promises')
          const result = await generateAnnexA({ rows, out: options.out, asOf, seed, errorRate, layout: options.layout })
          if (options.manifest) await writeFile(options.manifest, `${JSON.stringify(result, null, 2)}\n`)
          if (options.json)
            printJson({
              out: options.out,
              asOf,
              seed,
              layout: options.layout,
              rows: result.rows,
              totalRows: result.totalRows,
              planted: result.planted.length,
              manifest: options.manifest ?? null,
            })
          else
            process.stdout.write(
              `Wrote ${options.out}: ${number(result.totalRows)} rows across the 11 lists for the inspection date ${asOf} (seed ${seed}), ${number(result.planted.length)} planted errors${options.manifest ? `, listed in ${options.manifest}` : ''}.\n`,
            )
        },
      ),
    )
}

type Result = Awaited<ReturnType<typeof processAnnexA>>

function validateSummary(files: string[], result: Result): string {
  const lines: string[] = []
  lines.push(`Annex A check of ${files.map((f) => basename(f)).join(', ')} for the inspection date ${result.asOf}`, '')
  lines.push('Lists:')
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) {
    const found = result.lists.filter((l) => l.list === n)
    if (found.length === 0) lines.push(`  List ${String(n).padEnd(2)}  not found (${LISTS[n - 1]!.title})`)
    for (const list of found)
      lines.push(
        `  List ${String(n).padEnd(2)}  ${LISTS[n - 1]!.title}: sheet "${list.sheet}"${list.hidden ? ' (hidden)' : ''}: ${number(list.rows)} rows, headings in row ${list.headerRow}`,
      )
  }
  for (const file of result.files)
    if (file.encoding)
      lines.push(
        `  ${file.fileName} was read as ${file.encoding} text, separated by "${file.delimiter === '\t' ? 'tab' : file.delimiter}".`,
      )
  const { error, warning, note } = result.counts.bySeverity
  lines.push(
    '',
    `Findings: ${number(error)} error${error === 1 ? '' : 's'}, ${number(warning)} warning${warning === 1 ? '' : 's'}, ${number(note)} note${note === 1 ? '' : 's'}.`,
  )
  const shown = result.findings.filter((f) => f.severity !== 'note').slice(0, 25)
  const notes = result.findings.filter((f) => f.severity === 'note').slice(0, Math.max(0, 10 - shown.length))
  if (shown.length + notes.length > 0) {
    lines.push('')
    for (const f of [...shown, ...notes]) {
      const where = [
        f.list ? `List ${f.list}` : 'Workbook',
        f.sheet && `sheet "${f.sheet}"`,
        f.row && `row ${f.row}`,
        f.column && `column ${f.columnLetter ? `${f.columnLetter} ` : ''}(${f.column})`,
      ]
        .filter(Boolean)
        .join(', ')
      lines.push(`  ${f.severity.toUpperCase()} ${where}: ${f.message} [${f.rule}]`)
    }
  }
  const total = result.counts.total
  if (total > shown.length + notes.length)
    lines.push(
      '',
      `${number(total - shown.length - notes.length)} more: use --json for every finding, or --report FILE.xlsx for the workbook with each one marked on its cell.`,
    )
  return `${lines.join('\n')}\n`
}

function profileSummary(profile: Result['profile']): string {
  const lines = [
    `Annex A profile for the inspection date ${profile.asOf}: ${number(profile.acrossLists.children)} children on lists 1–10`,
    '',
  ]
  for (const list of profile.lists) {
    lines.push(
      `List ${list.list} (${list.title}): ${number(list.rows)} rows, ${number(list.children)} ${list.list === 11 ? 'adopters' : 'children'}`,
    )
    for (const m of list.measures) {
      if (m.percent !== null && m.count !== null)
        lines.push(
          `  ${m.label}: ${number(m.count)} of ${number(m.of ?? 0)} (${m.percent}%)${m.median !== null && m.median !== undefined ? `, median ${m.median} ${m.unit}` : ''}`,
        )
      else if (m.median !== null && m.median !== undefined) lines.push(`  ${m.label}: median ${m.median} ${m.unit}`)
      else if (m.note) lines.push(`  ${m.label}: ${m.note}`)
    }
  }
  lines.push('', 'Case-selection factors (002#150-153):')
  for (const factor of profile.caseSelection.factors)
    lines.push(`  ${factor.label}: ${number(factor.children)} children`)
  lines.push('  Not in Annex A (check another way): ' + profile.caseSelection.notInAnnexA.map((f) => f.id).join(', '))
  return `${lines.join('\n')}\n`
}
