/** The findings of the pipeline that are about a sheet or a list rather than a cell, and the checks across lists. */
import type { ChildRegistry } from './child-registry.js'
import { CODE_SETS } from './code-sets.js'
import { citationOf, type FindingCollector, RULES, type RuleId, type Severity } from './findings.js'
import { tableColumns, type HeaderMapping } from './headers.js'
import type { ListProcessor } from './list-processor.js'
import { truncate } from './normalise.js'
import { listSpec, type ListNumber } from './spec.js'

export interface Where {
  list: number | null
  sheet: string | null
  row: number | null
  column?: string
  letter?: string
  field?: string
  value?: string
}

export function sheetFinding(
  findings: FindingCollector,
  where: Where,
  rule: RuleId,
  message: () => string,
  severity: Severity = RULES[rule].severity,
): void {
  if (!findings.wants(where.list, rule, severity)) return
  findings.add({
    list: where.list,
    sheet: where.sheet,
    row: where.row,
    column: where.column ?? null,
    columnLetter: where.letter ?? null,
    cell: where.letter && where.row ? `${where.letter}${where.row}` : null,
    field: where.field ?? null,
    value: where.value === undefined ? null : truncate(where.value),
    rule,
    severity,
    message: message(),
    citation: citationOf(rule),
  })
}

export function headerFindings(findings: FindingCollector, list: number, sheet: string, mapping: HeaderMapping): void {
  const row = mapping.headerRow
  const columns = tableColumns(mapping.table)
  for (const column of mapping.missing) {
    const position = columns.indexOf(column)
    const before = columns
      .slice(0, position)
      .reverse()
      .find((c) => mapping.matched.some((m) => m.field === c.key))
    const matchBefore = before && mapping.matched.find((m) => m.field === before.key)
    sheetFinding(
      findings,
      { list, sheet, row, column: column.header, field: column.key },
      'AA-HEADER-MISSING',
      () =>
        `List ${list} has no "${column.header}" column${column.required ? ', which must be filled in for every row' : ''}. Add a column headed "${column.header}"${matchBefore ? ` after "${matchBefore.header}" (column ${matchBefore.letter})` : ''}, or correct the heading if the column is there under another name.`,
      column.required ? 'error' : 'warning',
    )
  }
  for (const extra of mapping.unknown) {
    sheetFinding(
      findings,
      { list, sheet, row, column: extra.header, letter: extra.letter, value: extra.header },
      'AA-HEADER-UNKNOWN',
      () =>
        `The column "${extra.header}" (column ${extra.letter}) is not one of List ${list}'s columns, so it was not read. If it is one of them under another name, use the template's heading.`,
    )
  }
  for (const duplicate of mapping.duplicates) {
    const first = mapping.matched.find((m) => m.field === duplicate.field)!
    sheetFinding(
      findings,
      {
        list,
        sheet,
        row,
        column: duplicate.header,
        letter: duplicate.letter,
        field: duplicate.field,
        value: duplicate.header,
      },
      'AA-HEADER-DUPLICATE',
      () =>
        `"${duplicate.header}" (column ${duplicate.letter}) repeats column ${first.letter}. Only column ${first.letter} was read; delete the extra column or merge the two.`,
    )
  }
}

/** Merged cells in the data area read as blank except their top-left cell. */
export function mergeFindings(
  findings: FindingCollector,
  list: number,
  sheet: string,
  headerRow: number,
  mapping: HeaderMapping,
  refs: readonly string[],
): void {
  for (const ref of refs) {
    const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref)
    if (!match) continue
    const top = Number(match[2])
    const bottom = Number(match[4] ?? match[2])
    if (bottom <= headerRow) continue
    const letter = match[1]!.toUpperCase()
    const column = mapping.matched.find((m) => m.letter === letter)
    sheetFinding(
      findings,
      {
        list,
        sheet,
        row: Math.max(top, headerRow + 1),
        ...(column ? { column: column.header, field: column.field } : {}),
        letter,
      },
      'AA-MERGED-CELLS',
      () =>
        `Cells ${ref.toUpperCase()} are merged. Only the top-left cell holds a value, so the other cells read as blank. Unmerge them (Home > Merge & Center > Unmerge Cells) and enter the value on every row.`,
    )
  }
}

export function templateZoneNote(findings: FindingCollector, list: ListNumber, sheet: string, rows: number): void {
  const spec = listSpec(list)
  sheetFinding(
    findings,
    { list, sheet, row: null },
    'AA-DATE-WINDOW',
    () =>
      `${rows} row${rows === 1 ? ' is' : 's are'} dated between ${spec.window.months} and ${spec.window.templateMonths} months before the inspection date. 002#249 asks List ${list} for ${spec.window.describe.replace(/ \(002#249\)$/, '')}; the 2019 template asked for ${spec.window.templateMonths} months. You may leave these rows in: inspectors will look at the last ${spec.window.months} months.`,
    'note',
  )
}

export const CASE_STATUS = CODE_SETS.CASESTATUS.codes.map((c) => c.code)
export const LOOKED_AFTER = CASE_STATUS.indexOf('Looked after child')
export const CP_PLAN = CASE_STATUS.indexOf('Child Protection plan')

/** SPEC §3.4: List 6's case status should agree with Lists 7 and 8, and every open CP or CLA child should be in List 6. */
export function caseStatusChecks(
  findings: FindingCollector,
  registry: ChildRegistry,
  processors: Map<number, ListProcessor>,
): void {
  const list6 = processors.get(6)
  if (!list6) return
  const status6 = list6.mapping.matched.find((m) => m.field === 'caseStatus')
  for (let slot = 0; slot < registry.size; slot++) {
    const inCare = registry.inCareOpen[slot] === 1 && registry.on(slot, 8)
    const onPlan = registry.cpPlanOpen[slot] === 1 && registry.on(slot, 7)
    if (!inCare && !onPlan) continue
    const id = registry.ids[slot]!
    const expected = inCare ? LOOKED_AFTER : CP_PLAN
    const from = inCare ? 8 : 7
    const status = registry.caseStatus[slot]!
    if (!registry.on(slot, 6)) {
      const source = processors.get(from)
      const row = registry.firstRow[slot * 12 + from]!
      const idColumn = source?.mapping.matched.find((m) => m.field === 'childId')
      sheetFinding(
        findings,
        {
          list: from,
          sheet: source?.sheet ?? null,
          row,
          ...(idColumn ? { column: idColumn.header, letter: idColumn.letter, field: 'childId' } : {}),
          value: id,
        },
        'AA-CASE-STATUS',
        () =>
          `Child ${id} is ${inCare ? 'in care (List 8)' : 'on a child protection plan (List 7)'} but not in List 6. List 6 includes every child on a CP plan or looked after at the inspection; add the child to List 6 with case status "${inCare ? 'a)' : 'b)'} ${CASE_STATUS[expected]}".`,
      )
    } else if (status6 && status >= 0 && status !== expected && !(onPlan && status === LOOKED_AFTER)) {
      const row = registry.firstRow[slot * 12 + 6]!
      sheetFinding(
        findings,
        {
          list: 6,
          sheet: list6.sheet,
          row,
          column: status6.header,
          letter: status6.letter,
          field: 'caseStatus',
          value: CASE_STATUS[status]!,
        },
        'AA-CASE-STATUS',
        () =>
          `Child ${id} has case status "${CASE_STATUS[status]}" but is ${inCare ? 'in care in List 8' : 'on an open child protection plan in List 7'}. Case status is the first that applies of looked after, CP plan, CIN plan, open assessment; change it to "${inCare ? 'a)' : 'b)'} ${CASE_STATUS[expected]}".`,
      )
    }
  }
}
