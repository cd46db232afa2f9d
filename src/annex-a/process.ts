/**
 * The Annex A pipeline for the CLI and the web layer: sniff each file, find its lists (by sheet
 * name, else by headings), stream every row through validation and the profile, then run the
 * checks that need every list, and return plain JSON. Nothing is written anywhere; a file that
 * cannot be read throws `AnnexAFileError` and produces no result at all.
 */
import { addMonths, isIsoDate } from '../rules/calendar/dates.js'
import {
  isWorkingDay,
  workingDaysBetween as englandAndWalesWorkingDaysBetween,
} from '../rules/calendar/working-days.js'
import { ChildRegistry } from './child-registry.js'
import type { CodeMatcher } from './code-match.js'
import { AgeTable, dayNumber, isoDate } from './day-numbers.js'
import { AnnexAFileError } from './errors.js'
import { DEFAULT_FINDING_LIMITS, FindingCollector } from './findings.js'
import { findHeaderRow, matchHeaders, tableColumns, type HeaderRowCandidate } from './headers.js'
import { ListProcessor, type RunContext } from './list-processor.js'
import { caseStatusChecks, headerFindings, mergeFindings, sheetFinding, templateZoneNote } from './process-findings.js'
import {
  candidateOf,
  cloneRow,
  type Consumer,
  openSources,
  PEEK_ROWS,
  planSheets,
  siblingsConsumer,
  windowDays,
} from './process-sheets.js'
import type {
  AnnexAInput,
  AnnexAResult,
  FileRead,
  HeaderReport,
  ListFound,
  ProcessOptions,
  Source,
} from './process-types.js'
import { ProfileBuilder } from './profile.js'
import { DEFAULT_SCANNER_OPTIONS, type RowBuffer, type ScannerOptions } from './sheet-scanner.js'
import { workingDayCounter, type WorkingDayCount } from './working-day-count.js'
import { LISTS, listSpec, type ListNumber } from './spec.js'
import type { OpenWorkbook } from './workbook.js'
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.js'

export type {
  AnnexAInput,
  AnnexALimits,
  AnnexAProgress,
  AnnexAResult,
  FileRead,
  HeaderReport,
  ListFound,
  ProcessOptions,
} from './process-types.js'

/** Validate and profile an Annex A return (one workbook, or one CSV per list). */
export async function processAnnexA(
  input: AnnexAInput | readonly AnnexAInput[],
  options: ProcessOptions,
): Promise<AnnexAResult> {
  if (!isIsoDate(options.asOf)) throw new TypeError(`asOf must be a YYYY-MM-DD date, not ${options.asOf}`)
  const inputs = Array.isArray(input) ? input : [input as AnnexAInput]
  const limits = options.limits ?? {}
  const zipLimits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits.zip }
  const scannerOptions: ScannerOptions = {
    maxRowBytes: limits.maxRowBytes ?? DEFAULT_SCANNER_OPTIONS.maxRowBytes,
    maxCellChars: limits.maxCellChars ?? DEFAULT_SCANNER_OPTIONS.maxCellChars,
  }
  const findings = new FindingCollector({ ...DEFAULT_FINDING_LIMITS, ...limits.findings })
  const registry = new ChildRegistry(limits.maxChildren)
  const asOfDay = dayNumber(options.asOf)
  const ages = new AgeTable(asOfDay)
  const given = options.workingDaysBetween
  // A return spans a few years before the inspection date: count those working days once.
  const workingDays: WorkingDayCount = given
    ? (from, to) => given(isoDate(from), isoDate(to))
    : workingDayCounter(
        isWorkingDay,
        englandAndWalesWorkingDaysBetween,
        dayNumber(addMonths(options.asOf, -12 * 12)),
        dayNumber(addMonths(options.asOf, 12)),
      )
  const profile = new ProfileBuilder(options.asOf, workingDays, registry, ages)
  const workbooks: OpenWorkbook[] = []
  const files: FileRead[] = []
  const sources: Source[] = []
  const signal = options.signal
  const maxRows = limits.maxRows ?? 2_000_000
  const asked = new Set<ListNumber>(options.asked ?? LISTS.map((spec) => spec.list))
  const declaredEmpty = new Set<ListNumber>((options.declaredEmpty ?? []).filter((list) => asked.has(list)))
  let allRows = 0

  try {
    // 1. Open every file and list its sheets.
    await openSources(
      inputs,
      { zipLimits, scannerOptions, signal, threads: options.threads },
      { workbooks, files, sources },
    )

    // 2. Sheets named as lists are planned at once; other sheets are peeked at to find their list by headings.
    const planned = await planSheets(sources, files, findings)

    // 3. Stream every list: the first rows are held until the header row is found, then every row is validated.
    const matchers = new Map<string, CodeMatcher>()
    const sharedCodes = new Map<string, Int16Array>()
    const processors = new Map<number, ListProcessor>()
    const lists: ListFound[] = []
    const headers: HeaderReport[] = []
    const familyLinks = {
      list10: [] as { id: string; row: number; sheet: string; col: string; letter: string }[],
      list11: new Set<string>(),
    }
    const totalBytes = planned.reduce((sum, p) => sum + p.source.bytes, 0)
    let bytesRead = 0
    let rowsRead = 0
    const siblingSheets: string[] = []
    let currentSst: readonly string[] | undefined

    for (const { source, table, header: knownHeader, identifiedBy } of planned) {
      const progress = (bytes: number) => {
        bytesRead += bytes
        options.onProgress?.({ bytesRead, totalBytes, rows: rowsRead, sheet: source.sheet })
      }
      let consumer: Consumer | undefined
      let headerRow = 0
      const early: RowBuffer[] = []
      const begin = (header: HeaderRowCandidate) => {
        headerRow = header.rowNumber
        const mapping = matchHeaders(table, header.cells, header.rowNumber)
        headers.push({
          table,
          sheet: source.sheet,
          fileName: source.fileName,
          headerRow,
          matched: mapping.matched,
          unknown: mapping.unknown,
          duplicates: mapping.duplicates,
          missing: mapping.missing.map((c) => ({ field: c.key, header: c.header, required: c.required })),
        })
        headerFindings(findings, table === 'siblings' ? 8 : table, source.sheet, mapping)
        if (table === 'siblings') {
          siblingSheets.push(source.sheet)
          consumer = siblingsConsumer(source, mapping, registry, findings)
          return
        }
        if (source.sst !== currentSst) {
          // Shared-string indexes are per workbook: the registry's fast id lookup and the code caches start again.
          currentSst = source.sst
          registry.useSharedStrings(currentSst.length)
          sharedCodes.clear()
        }
        const spec = listSpec(table)
        const run: RunContext = {
          asOfDay,
          ages,
          findings,
          registry,
          sst: source.sst,
          date1904: source.date1904,
          dateStyles: source.dateStyles,
          matchers,
          sharedCodes,
          onRow: (_n, view, slot) => profileRow(view, slot),
        }
        const processor = new ListProcessor(spec, source.sheet, mapping, run, windowDays(spec, options.asOf, asOfDay))
        const profileRow = profile.startList(table, processor.fieldIndex, (field) => processor.known(field))
        if (processors.has(table)) {
          const first = processors.get(table)!
          sheetFinding(
            findings,
            { list: table, sheet: source.sheet, row: null },
            'AA-LIST-DUPLICATE',
            () =>
              `The sheets "${first.sheet}" and "${source.sheet}" both hold List ${table}. Both were read; put all of List ${table} on one sheet and delete the other.`,
          )
        } else processors.set(table, processor)
        const familyField = table === 10 || table === 11 ? processor.fieldIndex('familyId') : -1
        const familyColumn = mapping.matched.find((m) => m.field === 'familyId')
        consumer = {
          row: (row) => {
            processor.processRow(row)
            if (familyField >= 0 && processor.has(familyField)) {
              if (table === 11) familyLinks.list11.add(processor.text(familyField))
              else if (familyColumn && familyLinks.list10.length < 100_000)
                familyLinks.list10.push({
                  id: processor.text(familyField),
                  row: row.rowNumber,
                  sheet: source.sheet,
                  col: familyColumn.header,
                  letter: familyColumn.letter,
                })
            }
          },
          finish: (mergeRefs) => {
            processor.finish()
            mergeFindings(findings, table, source.sheet, headerRow, mapping, mergeRefs)
            if (processor.templateZoneRows > 0)
              templateZoneNote(findings, table, source.sheet, processor.templateZoneRows)
            if (processor.rows === 0)
              sheetFinding(
                findings,
                { list: table, sheet: source.sheet, row: null },
                'AA-LIST-EMPTY',
                () =>
                  `List ${table} (${spec.title}) has headings but no rows. That is fine if you have no ${spec.title.toLowerCase()} in scope; otherwise add the rows.`,
              )
            if (source.hidden)
              sheetFinding(
                findings,
                { list: table, sheet: source.sheet, row: null },
                'AA-SHEET-HIDDEN',
                () =>
                  `List ${table} is on the hidden sheet "${source.sheet}". It was read; unhide the sheet (right-click a sheet tab > Unhide) so inspectors can see it too.`,
              )
            lists.push({
              list: table,
              sheet: source.sheet,
              rows: processor.rows,
              fileName: source.fileName,
              headerRow,
              identifiedBy,
              hidden: source.hidden,
              blankRows: processor.blankRows,
            })
          },
        }
      }
      const notFound = () => {
        const columns = tableColumns(table)
        sheetFinding(
          findings,
          { list: table === 'siblings' ? 8 : table, sheet: source.sheet, row: early[0]?.rowNumber ?? null },
          'AA-HEADER-NOT-FOUND',
          () =>
            `The sheet "${source.sheet}" is named as List ${table} but none of its first ${PEEK_ROWS} rows has List ${table}'s column headings, so it was not read. Put the headings (for example "${columns[0]!.header}", "${columns[5]?.header ?? columns[1]!.header}") in row 1 or 2, as in the Ofsted template.`,
        )
      }
      const decide = (): boolean => {
        const header = findHeaderRow(
          table,
          early.map((row) => candidateOf(row, source.sst)),
        )
        if (!header) {
          notFound()
          return false
        }
        begin(header)
        for (const row of early) if (row.rowNumber > headerRow) consumer!.row(row)
        return true
      }
      if (knownHeader) begin(knownHeader)
      const { mergeRefs } = await source.scan((row) => {
        if (++allRows > maxRows)
          throw new AnnexAFileError(
            'TOO_LARGE',
            `The return holds more than ${maxRows.toLocaleString('en-GB')} rows (counted up to row ${row.rowNumber.toLocaleString('en-GB')} of "${source.sheet}"), far more than an Annex A return has.`,
          )
        if (consumer) {
          if (row.rowNumber > headerRow) {
            consumer.row(row)
            rowsRead++
          }
          return
        }
        early.push(cloneRow(row))
        if (early.length >= PEEK_ROWS) return decide()
      }, progress)
      if (!consumer) {
        if (early.length === 0 && table !== 'siblings') {
          lists.push({
            list: table,
            sheet: source.sheet,
            rows: 0,
            fileName: source.fileName,
            headerRow: 0,
            identifiedBy,
            hidden: source.hidden,
            blankRows: 0,
          })
          sheetFinding(
            findings,
            { list: table, sheet: source.sheet, row: null },
            'AA-LIST-EMPTY',
            () =>
              `The sheet "${source.sheet}" (List ${table}) is empty, with no headings or rows. If you have no ${listSpec(table).title.toLowerCase()} in scope, add the headings only; otherwise add the list.`,
          )
          continue
        }
        if (early.length < PEEK_ROWS && !decide()) continue
      }
      ;(consumer as Consumer | undefined)?.finish(mergeRefs)
    }
    // 4. Checks that need every list.
    const found = new Set(lists.map((l) => l.list))
    for (const spec of LISTS) {
      if (found.has(spec.list)) {
        const rows = lists.filter((l) => l.list === spec.list).reduce((n, l) => n + l.rows, 0)
        if (declaredEmpty.has(spec.list) && rows > 0)
          sheetFinding(
            findings,
            { list: spec.list, sheet: null, row: null },
            'AA-LIST-DECLARED-EMPTY',
            () =>
              `You said List ${spec.list} (${spec.title}) has nothing to report, but the return holds ${rows} ${rows === 1 ? 'row' : 'rows'} of it. They were read; untick "nothing to report" for List ${spec.list} if they are meant to be there.`,
            'warning',
          )
        continue
      }
      if (!asked.has(spec.list)) continue
      if (declaredEmpty.has(spec.list)) {
        sheetFinding(
          findings,
          { list: spec.list, sheet: null, row: null },
          'AA-LIST-DECLARED-EMPTY',
          () => `You said List ${spec.list} (${spec.title}) has nothing to report.`,
        )
        continue
      }
      sheetFinding(
        findings,
        { list: spec.list, sheet: null, row: null },
        'AA-LIST-MISSING',
        () =>
          `List ${spec.list} (${spec.title}) is missing. The inspection asks for ${spec.scope.charAt(0).toLowerCase()}${spec.scope.slice(1)}. Add a sheet named List_${spec.list} (or a file List_${spec.list}.csv) with the list's headings and rows, and upload all the lists together. If you have nothing to report for it, say so when you upload.`,
      )
    }
    const list8 = processors.get(8)
    if (list8 && !list8.known(list8.fieldIndex('siblings')) && siblingSheets.length === 0) {
      // Decision A2: 002#253 lets the LA choose how to give brothers and sisters (an extra List 8
      // column or a separate sheet) and the 2019 template has no column, so its absence is a note.
      sheetFinding(
        findings,
        { list: 8, sheet: list8.sheet, row: null },
        'AA-SIBLINGS',
        () =>
          `List 8 does not say how many brothers and sisters each child has. 002#253: it would help inspectors choose children (including one from a large sibling group) if you add a column "Number of brothers and sisters" to List 8, or a separate sheet with each child's Child Unique ID and that number.`,
      )
    }
    caseStatusChecks(findings, registry, processors)
    if (familyLinks.list11.size > 0) {
      for (const link of familyLinks.list10) {
        if (familyLinks.list11.has(link.id)) continue
        sheetFinding(
          findings,
          {
            list: 10,
            sheet: link.sheet,
            row: link.row,
            column: link.col,
            letter: link.letter,
            field: 'familyId',
            value: link.id,
          },
          'AA-FAMILY-LINK',
          () =>
            `Family identifier ${link.id} is not in List 11. If the child was matched or placed with adopters assessed by this agency, use the same family identifier in both lists; leave it blank for an interagency placement.`,
        )
      }
    }

    const profileResult = profile.finish(processors.get(11)?.distinctAdopters ?? 0)
    return {
      asOf: options.asOf,
      files,
      lists: lists.sort((a, b) => a.list - b.list),
      headers,
      findings: findings.findings(),
      counts: findings.counts(),
      hasErrors: findings.errorCount > 0,
      profile: profileResult,
      asked: [...asked].sort((a, b) => a - b),
      declaredEmpty: [...declaredEmpty].sort((a, b) => a - b),
      listsCovered: LISTS.map((spec) => spec.list).filter(
        (list) => asked.has(list) && (found.has(list) || declaredEmpty.has(list)),
      ),
    }
  } finally {
    for (const workbook of workbooks) await workbook.archive.close()
  }
}
