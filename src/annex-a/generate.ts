/**
 * A synthetic Annex A return for demos, tests and benchmarks: no real children (ids are
 * "FAKE-…", adopters "FAKE-ADOPTER-…"), plausible distributions across all 11 lists, and each
 * child the same in every list (a child's details are a pure function of the seed and its
 * number, so nothing but the current row is held in memory: 1,000,000 rows stream straight to
 * the zip). Errors of every kind can be planted at a rate, and each is recorded (list, row,
 * column, rule) so a test can prove the validator finds every one.
 */
import type { IsoDate } from '../rules/calendar/dates.js'
import { CODE_SETS, preferredForm, type CodeSetName } from './code-sets.js'
import { dayNumber, isoDate, serialFromDay } from './day-numbers.js'
import type { RuleId } from './findings.js'
import { adopterRow, adoptionRow } from './generate-adoption.js'
import { createDraw, type ChildRow, type Draw, type GenValue, type RowValues } from './generate-children.js'
import { assessmentRow, contactRow, earlyHelpRow, referralRow, section47Row } from './generate-front-door.js'
import { careLeaverRow, childInCareRow } from './generate-in-care.js'
import { applyPlant, plantKinds, type PlantKind } from './generate-plants.js'
import { childInNeedRow, childProtectionRow } from './generate-protection.js'
import { LISTS, type ColumnSpec, type ListNumber } from './spec.js'
import { XlsxWriter, columnLetter, type CellValue } from './xlsx-writer.js'

export interface GenerateOptions {
  /** Data rows across all lists (planted duplicate rows come on top). */
  readonly rows: number
  readonly out: string
  /** The inspection date the data is built around. */
  readonly asOf: IsoDate
  readonly seed?: number
  /** Share of rows (0–1) given one planted error. */
  readonly errorRate?: number
  /** template: title row, headings in row 2, List_N sheets, prefixed codes, real dates. export: headings in row 1, "List N" sheets, bare codes, ISO text dates, liia-tools header variants. */
  readonly layout?: 'template' | 'export'
  readonly onProgress?: (rowsWritten: number) => void
}

export interface PlantedError {
  readonly list: number
  readonly sheet: string
  readonly row: number
  /** The heading of the column, as written in the generated sheet. */
  readonly column: string
  readonly columnLetter: string
  readonly field: string
  readonly rule: RuleId
  readonly what: string
}

export interface GenerateResult {
  readonly seed: number
  readonly asOf: IsoDate
  readonly layout: 'template' | 'export'
  readonly rows: Record<string, number>
  readonly totalRows: number
  readonly planted: PlantedError[]
}

// liia-tools' spellings (SPEC §1), used by the export layout.
const EXPORT_HEADERS: Record<string, string> = {
  caseStatus: 'Case Status',
  inTouch: 'LA in Touch',
  assessmentOutcome: "Was the child assessed as requiring LA children's social care support?",
  returnInterviewOffered: 'Was the child offered a Return Interview after their last missing episode (Y/N))?',
}

/** Each child list's row builder (List 11, of adopters, has no child). */
const CHILD_ROWS: Record<Exclude<ListNumber, 11>, (d: Draw, row: ChildRow) => void> = {
  1: contactRow,
  2: earlyHelpRow,
  3: referralRow,
  4: assessmentRow,
  5: section47Row,
  6: childInNeedRow,
  7: childProtectionRow,
  8: childInCareRow,
  9: careLeaverRow,
  10: adoptionRow,
}

/** The values of one row of list `list` about child (or adopter) `i`. */
function build(d: Draw, list: ListNumber, i: number): RowValues {
  if (list === 11) return adopterRow(d, i)
  const c = d.child(i)
  const v = d.person(c)
  // Episodes start after birth (an unborn child's pre-birth episode starts today at the latest).
  const born = Math.min(d.asOfDay, Math.max(c.dob, d.asOfDay - 6570))
  CHILD_ROWS[list](d, { i, c, born, v })
  return v
}

/**
 * Write a synthetic Annex A return to `options.out`, planting errors at `options.errorRate`, and
 * say where each planted error is.
 */
export async function generateAnnexA(options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? 1
  const layout = options.layout ?? 'template'
  const errorRate = options.errorRate ?? 0
  const draw = createDraw(seed, dayNumber(options.asOf), options.rows)
  const { rng, counts, seg, asOfDay, inCareOpen, childIndex } = draw
  const planted: PlantedError[] = []
  const written: Record<string, number> = {}
  let totalRows = 0

  const writer = new XlsxWriter(options.out)
  if (layout === 'template') {
    await writer.startSheet('Front_Sheet')
    await writer.row(['Synthetic Annex A return generated for testing. No real children: every id is fake.'])
    await writer.row([`Inspection date: ${options.asOf}`])
    await writer.endSheet()
  }

  for (const spec of LISTS) {
    const list = spec.list
    const sheet = layout === 'template' ? `List_${list}` : `List ${list}`
    const structural = errorRate > 0
    let columns = spec.columns.filter((c) => !c.optionalColumn || c.key === 'siblings')
    // Planted structural errors: List 4 without "Allocated Worker"; an extra column in List 2.
    if (structural && list === 4) columns = columns.filter((c) => c.key !== 'allocatedWorker')
    const headers = columns.map((c) => (layout === 'export' ? (EXPORT_HEADERS[c.key] ?? c.header) : c.header))
    if (structural && list === 2) headers.push('Notes')
    await writer.startSheet(sheet)
    let rowNumber = 0
    if (layout === 'template') {
      await writer.row([`List ${list}: ${spec.title}`], { bold: true })
      rowNumber++
    }
    await writer.row(headers, { bold: true })
    rowNumber++
    const headerRow = rowNumber
    const letterOf = (key: string) => columnLetter(columns.findIndex((c) => c.key === key))
    const headerOf = (key: string) => headers[columns.findIndex((c) => c.key === key)] ?? key
    const plant = (row: number, field: string, rule: RuleId, what: string) =>
      planted.push({ list, sheet, row, column: headerOf(field), columnLetter: letterOf(field), field, rule, what })
    if (structural && list === 4)
      planted.push({
        list,
        sheet,
        row: headerRow,
        column: 'Allocated Worker',
        columnLetter: '',
        field: 'allocatedWorker',
        rule: 'AA-HEADER-MISSING',
        what: 'column left out',
      })
    if (structural && list === 2)
      planted.push({
        list,
        sheet,
        row: headerRow,
        column: 'Notes',
        columnLetter: columnLetter(headers.length - 1),
        field: '',
        rule: 'AA-HEADER-UNKNOWN',
        what: 'extra column',
      })

    const render = (values: Record<string, GenValue>): CellValue[] => {
      const cells = columns.map((c) => renderValue(c, values[c.key] ?? null, layout))
      if (structural && list === 2) cells.push(rng.chance(0.2) ? 'see case notes' : null)
      return cells
    }

    let previous = -1
    let blankTeamNext = false
    let mergedPlanted = false
    let longPlanted = false
    for (let j = 0; j < counts[list]; j++) {
      const i = childIndex(list, j)
      const values = build(draw, list, i)
      if (blankTeamNext) {
        // Excel keeps only the top-left value of a merged range: this row's team cell is empty.
        values.allocatedTeam = null
        blankTeamNext = false
      }
      rowNumber++
      let extra: { values: Record<string, GenValue>; field: string; rules: RuleId[]; what: string } | undefined
      let merge: string | undefined
      // The once-only kinds (merged cells, a very long cell) go on the first data row; the rest at random.
      const once: PlantKind | undefined =
        errorRate > 0 && j === 0 ? (list === 6 ? 'merged' : list === 4 ? 'long' : undefined) : undefined
      if (once || (errorRate > 0 && rng.chance(errorRate))) {
        const kinds = plantKinds(list, i, seg, inCareOpen, values)
        const kind = once ?? rng.pick(kinds)
        if (kind === 'duplicate' || kind === 'constant') {
          if (previous >= 0) {
            const again = build(draw, list, previous)
            if (kind === 'constant') again.referralsLast12Months = ((values.referralsLast12Months as number) ?? 1) + 5
            extra = {
              values: again,
              field: list === 11 ? 'adopterId' : 'childId',
              rules:
                kind === 'constant'
                  ? ['AA-CHILD-CONSTANT']
                  : [list === 11 ? 'AA-DUPLICATE-ADOPTER' : 'AA-DUPLICATE-CHILD'],
              what: kind,
            }
          }
        } else if (kind === 'merged' && !mergedPlanted && j + 1 < counts[list]) {
          mergedPlanted = true
          merge = `${letterOf('allocatedTeam')}${rowNumber}:${letterOf('allocatedTeam')}${rowNumber + 1}`
          plant(rowNumber, 'allocatedTeam', 'AA-MERGED-CELLS', 'merged team cells')
        } else if (kind === 'long' && !longPlanted) {
          longPlanted = true
          values.allocatedTeam = { raw: { inline: 'Team notes '.repeat(4000) } }
          plant(rowNumber, 'allocatedTeam', 'AA-CELL-TOO-LONG', '44,000-character cell')
        } else {
          const done = applyPlant(kind, list, values, asOfDay, rng)
          if (done) plant(rowNumber, done.field, done.rule, kind)
        }
      }
      if (merge) writer.merge(merge)
      await writer.row(render(values), { rowNumber })
      if (merge) blankTeamNext = true
      if (extra) {
        rowNumber++
        if (extra.what === 'constant') {
          plant(rowNumber, 'referralsLast12Months', 'AA-CHILD-CONSTANT', 'count differs between the child’s rows')
          plant(rowNumber, 'childId', 'AA-DUPLICATE-CHILD', 'second row for the child')
        } else plant(rowNumber, extra.field, extra.rules[0]!, 'second row for the child')
        await writer.row(render(extra.values), { rowNumber })
      }
      previous = i
      totalRows++
      if (totalRows % 10_000 === 0) options.onProgress?.(totalRows)
    }
    await writer.endSheet()
    written[sheet] = rowNumber - headerRow
  }
  await writer.finish()
  return { seed, asOf: options.asOf, layout, rows: written, totalRows, planted }
}

/** A value as the layout writes it: template dates as serials and codes in their preferred form; export as ISO text and bare codes. */
function renderValue(column: ColumnSpec, value: GenValue, layout: 'template' | 'export'): CellValue {
  if (value === null) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  if ('raw' in value) return value.raw
  if ('day' in value) return layout === 'template' ? { serial: serialFromDay(value.day) } : isoDate(value.day)
  const set = CODE_SETS[column.codeSet as CodeSetName]
  const code = set.codes.find((c) => c.code === value.code)
  if (!code) throw new Error(`Generator bug: ${value.code} is not in ${set.name}`)
  return layout === 'template' ? preferredForm(set, code) : code.code
}
