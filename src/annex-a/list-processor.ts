/**
 * Validates one list sheet row by row as it streams: reads each mapped cell into its type,
 * checks blanks, dates, codes, numbers, ages and the list's own rules, tracks each child
 * across rows and lists, and feeds the profile. Per cell the work is O(1): code and date
 * text are parsed once per distinct shared string, and findings past their cap cost a counter.
 */
import { compileCodeSet, type CodeMatcher } from './code-match.js'
import { blankCodeMessage, codeMessage } from './code-messages.js'
import { CODE_SETS } from './code-sets.js'
import { LIST_SLOTS, packRef, unpackRef, type ChildRegistry } from './child-registry.js'
import { dayFromSerial, parseDateText, ukDate, wholeYears, type AgeTable, type DateText } from './day-numbers.js'
import { type FindingCollector, RULES, citationOf, type RuleId, type Severity } from './findings.js'
import type { HeaderMapping } from './headers.js'
import { compileListRules, type RowRules, type WindowDays } from './list-rules.js'
import { truncate } from './normalise.js'
import type { FieldIndex, RowView } from './row-view.js'
import {
  CELL_BOOL,
  CELL_ERROR,
  CELL_NO_VALUE,
  CELL_NUMBER,
  CELL_SHARED,
  CELL_TEXT,
  type RowBuffer,
} from './sheet-scanner.js'
import type { ColumnSpec, ListNumber, ListSpec } from './spec.js'

const T_ID = 0
const T_DATE = 1
const T_INT = 2
const T_AGE = 3
const T_CODE = 4
const T_TEXT = 5
const T_POSTCODE = 6
const TYPE_CODES: Record<ColumnSpec['type'], number> = {
  id: T_ID,
  date: T_DATE,
  int: T_INT,
  age: T_AGE,
  code: T_CODE,
  text: T_TEXT,
  postcode: T_POSTCODE,
}

// Excel refuses more than 32,767 characters in a cell.
const EXCEL_CELL_LIMIT = 32_767
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? *\d[A-Z]{2}$/i
const WHOLE = /^\s*(-?\d+)(?:\.0*)?\s*$/
const LIST_DESCRIPTION: Record<number, string> = {}

/** What every sheet of one run shares. */
export interface RunContext {
  readonly asOfDay: number
  /** Ages on the inspection date. */
  readonly ages: AgeTable
  readonly findings: FindingCollector
  readonly registry: ChildRegistry
  readonly sst: readonly string[]
  readonly date1904: boolean
  readonly dateStyles: Uint8Array
  /** Code matchers, one per code set, shared by every column that uses it. */
  readonly matchers: Map<string, CodeMatcher>
  /** Per code set, the code index of each shared string already matched (one per workbook). */
  readonly sharedCodes: Map<string, Int16Array>
  /** Profile hook for each validated row; `slot` is the child's registry slot, or -1. */
  readonly onRow: (list: ListNumber, row: RowView, slot: number) => void
}

interface Field {
  readonly spec: ColumnSpec
  readonly type: number
  readonly col: number
  readonly letter: string
  readonly header: string
  readonly matcher: CodeMatcher | undefined
  /** Parsed value per shared-string index: code index, or a date read. */
  /** Code index per shared-string index (-2 when not yet matched); shared by every column of the code set in the workbook. */
  readonly sharedCodes: Int16Array
  readonly sharedDates: Map<number, DateText>
}

/** The person fields every child list has, for the cross-row checks. */
interface PersonFields {
  readonly id: number
  readonly dob: number
  readonly age: number
  readonly gender: number
  readonly ethnicity: number
  readonly disability: number
}

export class ListProcessor implements RowView {
  readonly list: ListNumber
  rowNumber = 0
  rows = 0
  blankRows = 0
  /** Rows between 002#249's window and the 2019 template's (summarised as one note). */
  templateZoneRows = 0

  private readonly fields: (Field | undefined)[]
  private readonly colToField: Int16Array
  // A cell is present/ok in this row when its stamp equals the row's stamp (no clearing per row).
  private readonly present: Int32Array
  /** `stamp` when the field's cell is a formula with no saved result (reported once, as that). */
  private readonly noValue: Int32Array
  private readonly ok: Int32Array
  private stamp = 0
  private readonly nums: Float64Array
  private readonly strs: string[]
  private readonly cellAt: Int32Array
  private readonly person: PersonFields
  private readonly rules: RowRules
  private readonly required: number[]
  private readonly dateFields: number[]
  /** List 11 only: first row of each adopter (children are tracked in the registry). */
  private readonly adopters = new Map<string, number>()
  /** Children (registry slot) or adopters (-1 - index) with more than one row: their rows. */
  private readonly repeats = new Map<string, number[]>()
  private readonly constants: number[]
  /** The first row's value of each same-child constant, by slot × constants (NaN when not seen). */
  private firstConstants = new Float64Array(0)
  private row!: RowBuffer
  /** Shared-string index of this row's id cell, or -1. */
  private idShared = -1
  /** Registry slot of this row's child when its id cell was a shared string already registered (its text is then not loaded), else -1. */
  private knownIdSlot = -1
  private slot = -1

  constructor(
    readonly spec: ListSpec,
    readonly sheet: string,
    readonly mapping: HeaderMapping,
    private readonly run: RunContext,
    window: WindowDays,
  ) {
    this.list = spec.list
    const n = spec.columns.length
    this.fields = new Array<Field | undefined>(n)
    const maxCol = Math.max(0, ...mapping.matched.map((m) => m.col))
    this.colToField = new Int16Array(maxCol + 1).fill(-1)
    for (const match of mapping.matched) {
      const index = spec.columns.findIndex((c) => c.key === match.field)
      const column = spec.columns[index]!
      let matcher: CodeMatcher | undefined
      if (column.codeSet) {
        matcher = run.matchers.get(column.codeSet)
        if (!matcher) run.matchers.set(column.codeSet, (matcher = compileCodeSet(CODE_SETS[column.codeSet])))
      }
      let sharedCodes: Int16Array = EMPTY_CODES
      if (column.codeSet) {
        const key = column.codeSet
        sharedCodes = run.sharedCodes.get(key) ?? new Int16Array(run.sst.length).fill(NOT_MATCHED_YET)
        run.sharedCodes.set(key, sharedCodes)
      }
      this.fields[index] = {
        spec: column,
        type: TYPE_CODES[column.type],
        col: match.col,
        letter: match.letter,
        header: match.header,
        matcher,
        sharedCodes,
        sharedDates: new Map(),
      }
      this.colToField[match.col] = index
    }
    this.present = new Int32Array(n)
    this.noValue = new Int32Array(n)
    this.ok = new Int32Array(n)
    this.nums = new Float64Array(n)
    this.strs = new Array<string>(n).fill('')
    this.cellAt = new Int32Array(n)
    const f = this.fieldIndex
    this.person = {
      id: f(spec.list === 11 ? 'adopterId' : 'childId'),
      dob: this.optional('dateOfBirth'),
      age: this.optional('age'),
      gender: f('gender'),
      ethnicity: f('ethnicity'),
      disability: this.optional('disability'),
    }
    this.required = spec.columns.flatMap((c, i) => (c.required && this.fields[i] ? [i] : []))
    this.dateFields = spec.columns.flatMap((c, i) =>
      c.type === 'date' && c.key !== 'dateOfBirth' && this.fields[i] ? [i] : [],
    )
    // SPEC §3.4: counts that must be the same on every row of a child.
    this.constants =
      spec.list === 3
        ? [f('referralsLast12Months')]
        : spec.list === 5
          ? [f('s47Last12Months'), f('icpcLast12Months')]
          : []
    this.rules = compileListRules(spec, f, window)
    LIST_DESCRIPTION[spec.list] ??= `List ${spec.list} (${spec.title})`
  }

  /** Resolve a field key of this list to its index (a bug if the key is not in the spec). */
  readonly fieldIndex: FieldIndex = (key) => {
    const index = this.spec.columns.findIndex((c) => c.key === key)
    if (index < 0) throw new Error(`List ${this.spec.list} has no field ${key}`)
    return index
  }

  private optional(key: string): number {
    return this.spec.columns.findIndex((c) => c.key === key)
  }

  // RowView ----------------------------------------------------------------------------------

  known(field: number): boolean {
    return field >= 0 && this.fields[field] !== undefined
  }
  has(field: number): boolean {
    return field >= 0 && this.ok[field] === this.stamp
  }
  blank(field: number): boolean {
    return field >= 0 && this.fields[field] !== undefined && this.present[field] !== this.stamp
  }
  day(field: number): number {
    return this.has(field) ? this.nums[field]! : NaN
  }
  int(field: number): number {
    return this.has(field) ? this.nums[field]! : NaN
  }
  codeIndex(field: number): number {
    return this.has(field) ? this.nums[field]! : -1
  }
  code(field: number): string {
    return this.has(field) ? this.fields[field]!.matcher!.set.codes[this.nums[field]!]!.code : ''
  }
  text(field: number): string {
    if (!this.has(field)) return ''
    return field === this.person.id && this.knownIdSlot >= 0
      ? this.run.registry.ids[this.knownIdSlot]!
      : this.strs[field]!
  }
  name(field: number): string {
    return this.fields[field]?.header ?? this.spec.columns[field]?.header ?? ''
  }

  report(field: number, rule: RuleId, message: () => string, severity: Severity = RULES[rule].severity): void {
    const findings = this.run.findings
    if (!findings.wants(this.list, rule, severity)) return
    const f = this.fields[field]
    const letter = f?.letter ?? null
    findings.add({
      list: this.list,
      sheet: this.sheet,
      row: this.rowNumber,
      column: f?.header ?? this.spec.columns[field]?.header ?? null,
      columnLetter: letter,
      cell: letter ? `${letter}${this.rowNumber}` : null,
      field: this.spec.columns[field]?.key ?? null,
      value: f && this.present[field] === this.stamp ? truncate(this.display(field)) : null,
      rule,
      severity,
      message: message(),
      citation: citationOf(rule),
    })
  }

  /** The cell as the analyst would see it, for a finding's `value`. */
  private display(field: number): string {
    const i = this.cellAt[field]!
    const row = this.row
    const kind = row.kinds[i]
    if (kind === CELL_SHARED) return this.run.sst[row.nums[i]!] ?? ''
    if (kind === CELL_NUMBER) {
      const value = row.nums[i]!
      if (this.fields[field]!.type === T_DATE || this.run.dateStyles[row.styles[i]!] === 1) {
        const day = dayFromSerial(value, this.run.date1904)
        if (!Number.isNaN(day)) return `${ukDate(day)} (Excel date ${value})`
      }
      return String(value)
    }
    if (kind === CELL_BOOL) return row.nums[i] === 1 ? 'TRUE' : 'FALSE'
    return row.texts[i] ?? ''
  }

  // Rows -------------------------------------------------------------------------------------

  /** Validate one data row. */
  processRow(row: RowBuffer): void {
    this.row = row
    this.rowNumber = row.rowNumber
    this.stamp++
    this.idShared = -1
    this.knownIdSlot = -1
    let any = false
    const colToField = this.colToField
    for (let i = row.start, end = row.start + row.count; i < end; i++) {
      const col = row.cols[i]!
      if (col >= colToField.length) continue
      const field = colToField[col]!
      if (field < 0) continue
      this.cellAt[field] = i
      if (this.readCell(field, i)) any = true
    }
    if (!any) {
      this.blankRows++
      return
    }
    this.rows++
    for (const field of this.required) {
      // A formula with no saved result was reported as that, as an error here: not blank as well.
      if (this.present[field] !== this.stamp && this.noValue[field] !== this.stamp)
        this.report(field, 'AA-BLANK', () => this.blankMessage(field))
    }
    this.checkDates()
    this.slot = this.trackChild()
    if (this.rules(this)) this.templateZoneRows++
    this.run.onRow(this.list, this, this.slot)
  }

  /** Read cell `i` into `field`; false when it is blank. */
  private readCell(field: number, i: number): boolean {
    const f = this.fields[field]!
    const row = this.row
    const kind = row.kinds[i]!
    let text: string | undefined
    let shared = -1
    if (kind === CELL_SHARED) {
      shared = row.nums[i]!
      if (this.readKnownShared(field, f, shared)) return true
      text = this.run.sst[shared] ?? ''
    } else if (kind === CELL_TEXT) {
      text = row.texts[i]!
    } else if (kind === CELL_NO_VALUE) {
      this.noValue[field] = this.stamp
      const required = this.spec.columns[field]!.required
      this.report(
        field,
        'AA-FORMULA-NO-VALUE',
        () =>
          `This cell has a formula but the workbook has no saved result for it, so it reads as blank${required ? `, and the ${f.header} must be filled in` : ''}. Open the workbook in Excel, let it calculate, and save it again (or paste the values over the formulas).`,
        required ? 'error' : 'warning',
      )
      return false
    } else if (kind === CELL_ERROR) {
      this.present[field] = this.stamp
      this.report(
        field,
        'AA-CELL-ERROR',
        () => `This cell shows the Excel error ${row.texts[i]}. Correct the formula or type the ${f.header} in.`,
      )
      return true
    }
    if (text !== undefined) {
      if (text.length > EXCEL_CELL_LIMIT) {
        this.present[field] = this.stamp
        this.report(
          field,
          'AA-CELL-TOO-LONG',
          () =>
            `This cell holds ${text!.length.toLocaleString('en-GB')} characters, more than Excel allows in a cell (32,767). Replace it with the ${f.header} only.`,
        )
        return true
      }
      // Most values start with a visible character; only those that do not are checked in full.
      if (text.length === 0 || (text.charCodeAt(0) <= 0x20 || text.charCodeAt(0) === 0xa0 ? isBlankText(text) : false))
        return false
    }
    this.present[field] = this.stamp
    switch (f.type) {
      case T_CODE:
        return this.readCode(field, f, kind, i, text, shared)
      case T_DATE:
        return this.readDate(field, f, kind, i, text, shared)
      case T_INT:
      case T_AGE:
        return this.readWhole(field, f, kind, i, text)
      case T_ID:
        if (field === this.person.id) this.idShared = shared
        return this.readId(field, f, i, text)
      case T_POSTCODE:
        if (text !== undefined && POSTCODE.test(text.trim())) {
          this.strs[field] = text.trim()
          this.ok[field] = this.stamp
        } else {
          this.report(field, 'AA-POSTCODE', () => `Enter the ${f.header} as a full UK postcode, for example SW1A 1AA.`)
        }
        return true
      default:
        this.strs[field] = text ?? (kind === CELL_BOOL ? (row.nums[i] === 1 ? 'TRUE' : 'FALSE') : String(row.nums[i]))
        this.ok[field] = this.stamp
        return true
    }
  }

  /**
   * A shared string already read in a column of the same kind needs no second look at its text:
   * its code index (per code set) or its child's registry slot is cached by shared-string index,
   * and both are cached only after the text passed the blank and length checks. Not loading the
   * text saves a random memory access per cell (the ids are spread over a large table), which
   * was a large part of the cost per row. False when nothing is cached yet.
   */
  private readKnownShared(field: number, f: Field, shared: number): boolean {
    if (f.type === T_CODE) {
      const index = f.sharedCodes[shared]
      if (index === undefined || index === NOT_MATCHED_YET) return false
      this.present[field] = this.stamp
      return this.codeRead(field, f, index)
    }
    if (field === this.person.id && this.list !== 11) {
      const registry = this.run.registry
      const slot = registry.knownSlot(shared)
      if (slot < 0) return false
      this.present[field] = this.stamp
      this.idShared = shared
      this.knownIdSlot = slot
      this.ok[field] = this.stamp
      return true
    }
    return false
  }

  private readCode(
    field: number,
    f: Field,
    kind: number,
    i: number,
    text: string | undefined,
    shared: number,
  ): boolean {
    const matcher = f.matcher!
    let index: number
    if (shared >= 0) {
      const cached = f.sharedCodes[shared]!
      if (cached === NOT_MATCHED_YET) f.sharedCodes[shared] = index = matcher.match(text!)
      else index = cached
    } else if (text !== undefined) {
      index = matcher.match(text)
    } else {
      const value = this.row.nums[i]!
      index = matcher.match(kind === CELL_BOOL ? (value === 1 ? 'true' : 'false') : String(value))
    }
    return this.codeRead(field, f, index)
  }

  /** Record a code cell's match (`index` -1 when it matches no code of the set). */
  private codeRead(field: number, f: Field, index: number): boolean {
    if (index < 0) {
      this.report(field, 'AA-CODE', () => codeMessage(f.header, f.matcher!.set))
      return true
    }
    this.nums[field] = index
    this.ok[field] = this.stamp
    return true
  }

  private readDate(
    field: number,
    f: Field,
    kind: number,
    i: number,
    text: string | undefined,
    shared: number,
  ): boolean {
    if (kind === CELL_NUMBER) {
      // Serials are read as dates whatever the cell's format (liia-tools silently lost
      // serials in cells without a date format, SPEC §3.2).
      const day = dayFromSerial(this.row.nums[i]!, this.run.date1904)
      if (Number.isNaN(day)) {
        this.report(
          field,
          'AA-DATE',
          () =>
            `Enter the ${f.header} as a date, for example 14/03/2026. This cell holds the number ${this.row.nums[i]}, which is not a date Excel can show.`,
        )
        return true
      }
      this.nums[field] = day
      this.ok[field] = this.stamp
      return true
    }
    if (text === undefined) {
      this.report(field, 'AA-DATE', () => `Enter the ${f.header} as a date, for example 14/03/2026.`)
      return true
    }
    let read: DateText
    if (shared >= 0) {
      const cached = f.sharedDates.get(shared)
      if (cached === undefined) f.sharedDates.set(shared, (read = parseDateText(text)))
      else read = cached
    } else {
      read = parseDateText(text)
    }
    if (!read.ok) {
      const why = read.why
      this.report(field, 'AA-DATE', () => dateMessage(f.header, why))
      return true
    }
    this.nums[field] = read.day
    this.ok[field] = this.stamp
    return true
  }

  private readWhole(field: number, f: Field, kind: number, i: number, text: string | undefined): boolean {
    let value: number
    if (kind === CELL_NUMBER) value = this.row.nums[i]!
    else {
      const match = text === undefined ? null : WHOLE.exec(text)
      // Ages often arrive as decimals (6.138) from a formula; SPEC §1.0 says truncate.
      value = match
        ? Number(match[1])
        : f.type === T_AGE && text !== undefined && /^\s*-?\d+\.\d+\s*$/.test(text)
          ? Number(text)
          : NaN
    }
    if (Number.isNaN(value) || (f.type === T_INT && !Number.isInteger(value))) {
      this.report(field, 'AA-NUMBER', () =>
        f.type === T_AGE
          ? `Enter the ${f.header} as a whole number of years (age at last birthday; -1 for an unborn child).`
          : `Enter the ${f.header} as a whole number, for example 2.`,
      )
      return true
    }
    value = Math.trunc(value)
    const min = f.type === T_AGE ? -1 : (f.spec.min ?? 0)
    const max = f.type === T_AGE ? 30 : Infinity
    if (value < min || value > max) {
      this.report(field, 'AA-NUMBER-RANGE', () =>
        f.type === T_AGE
          ? `Enter an age between -1 (unborn) and 25.`
          : min === 1
            ? `Enter the ${f.header} as 1 or more: the current placement counts.`
            : `Enter the ${f.header} as 0 or more.`,
      )
      return true
    }
    this.nums[field] = value
    this.ok[field] = this.stamp
    return true
  }

  private readId(field: number, f: Field, i: number, text: string | undefined): boolean {
    let id: string
    if (text !== undefined) id = text.trim()
    else {
      const value = this.row.nums[i]!
      id = String(value)
      // A long id typed as a number loses digits past 15 (Excel shows 1.23457E+15).
      if (!Number.isSafeInteger(value)) {
        this.report(
          field,
          'AA-ID',
          () =>
            `This ${f.header} is stored as a number and Excel has rounded it (${id}). Format the column as Text and re-enter the ids, or export them as text.`,
        )
      }
    }
    this.strs[field] = id
    this.ok[field] = this.stamp
    return true
  }

  private blankMessage(field: number): string {
    const column = this.spec.columns[field]!
    const name = this.name(field)
    if (column.type === 'date') return `Enter the ${name}, for example 14/03/2026. It must not be blank.`
    if (column.type === 'code') {
      return blankCodeMessage(name, CODE_SETS[column.codeSet!])
    }
    if (column.type === 'int')
      return `Enter the ${name}${column.min === 0 ? ' (0 if none)' : ''}. It must not be blank.`
    return `Enter the ${name}. It must not be blank.`
  }

  // Checks across fields -----------------------------------------------------------------------

  private checkDates(): void {
    const asOf = this.run.asOfDay
    for (const field of this.dateFields) {
      if (this.ok[field] === this.stamp && this.nums[field]! > asOf) {
        this.report(
          field,
          'AA-DATE-FUTURE',
          () =>
            `The ${this.name(field)} ${ukDate(this.nums[field]!)} is after the inspection date (${ukDate(asOf)}). Correct the date: Annex A records what has already happened.`,
        )
      }
    }
    const { dob, age } = this.person
    if (dob < 0 || !this.has(dob)) return
    const birth = this.nums[dob]!
    // SPEC §1.0: age is the age at last birthday; an unborn child (expected date of birth) is -1.
    const unborn = birth > asOf
    if (unborn && this.list >= 8) {
      this.report(
        dob,
        'AA-DATE-FUTURE',
        () =>
          `The ${this.name(dob)} ${ukDate(birth)} is after the inspection date, but List ${this.list} cannot hold an unborn child. Correct the date of birth.`,
      )
    }
    if (!this.has(age)) return
    const reported = this.nums[age]!
    const expected = unborn ? -1 : this.run.ages.age(birth)
    // Extracts are taken up to a week or so before the inspection: allow a birthday in the 14 days before.
    const allowed = reported === expected || (!unborn && reported === wholeYears(birth, asOf - 14))
    if (!allowed) {
      this.report(age, 'AA-AGE', () =>
        unborn
          ? `Enter -1 as the ${this.name(age)}: the date of birth ${ukDate(birth)} is after the inspection date, so the child is unborn.`
          : `The ${this.name(age)} is ${reported} but the date of birth ${ukDate(birth)} makes the child ${expected} on the inspection date (${ukDate(asOf)}). Correct the age or the date of birth.`,
      )
    } else if (!unborn) {
      const outside = this.list === 9 ? expected < 16 || expected > 25 : expected > 18
      if (outside) {
        this.report(age, 'AA-AGE-RANGE', () =>
          this.list === 9
            ? `A care leaver aged ${expected} is unusual (care leavers are usually 16 to 25). Check the date of birth.`
            : `A child aged ${expected} is unusual in List ${this.list} (children are under 18). Check the date of birth.`,
        )
      }
    }
  }

  /** Cardinality, same-child constants and cross-list consistency (002#250, 002#251). Returns the child's slot, or -1. */
  private trackChild(): number {
    const idField = this.person.id
    if (!this.has(idField)) return -1
    if (this.list === 11) {
      const id = this.strs[idField]!
      const first = this.adopters.get(id)
      if (first === undefined) this.adopters.set(id, this.rowNumber)
      else this.repeated(id, first)
      return -1
    }
    const registry = this.run.registry
    const slot = this.knownIdSlot >= 0 ? this.knownIdSlot : registry.slot(this.strs[idField]!, this.idShared)
    // The small bit set says whether the child is on this list already; the large first-row
    // column is read only for a repeated child whose list wants one row per child.
    const bits = registry.lists[slot]!
    const bit = 1 << this.list
    if ((bits & bit) === 0) {
      registry.lists[slot] = bits | bit
      registry.firstRow[slot * LIST_SLOTS + this.list] = this.rowNumber
      if (this.constants.length > 0) this.keepConstants(slot)
    } else if (this.spec.cardinality !== 'repeats') {
      const first = registry.firstRow[slot * LIST_SLOTS + this.list]!
      // The id's text is needed only here and in messages: the registry holds it (same text as the cell, trimmed).
      const id = registry.ids[slot]!
      this.repeated(id, first)
      this.checkConstants(slot, id, first)
    }
    this.checkPerson(slot)
    return slot
  }

  private repeated(id: string, first: number): void {
    const rows = this.repeats.get(id)
    if (rows) rows.push(this.rowNumber)
    else this.repeats.set(id, [first, this.rowNumber])
  }

  private keepConstants(slot: number): void {
    const width = this.constants.length
    if ((slot + 1) * width > this.firstConstants.length) {
      const grown = new Float64Array(Math.max(1024, (slot + 1) * width * 2)).fill(NaN)
      grown.set(this.firstConstants)
      this.firstConstants = grown
    }
    for (let k = 0; k < width; k++) this.firstConstants[slot * width + k] = this.int(this.constants[k]!)
  }

  private checkConstants(slot: number, id: string, first: number): void {
    const width = this.constants.length
    if (width === 0 || (slot + 1) * width > this.firstConstants.length) return
    for (let k = 0; k < width; k++) {
      const field = this.constants[k]!
      const value = this.int(field)
      const before = this.firstConstants[slot * width + k]!
      if (Number.isNaN(value) || Number.isNaN(before) || value === before) continue
      this.report(
        field,
        'AA-CHILD-CONSTANT',
        () =>
          `Child ${id} has ${this.name(field)} ${value} here but ${before} in row ${first}. The count is for the 12 months before the child's latest ${this.list === 3 ? 'referral' : 'section 47 enquiry'}, so it must be the same on every row of the child (2019 template guidance).`,
      )
    }
  }

  private where(ref: number): string {
    const { list, row } = unpackRef(ref)
    return list === this.list ? `row ${row}` : `List ${list} row ${row}`
  }

  /**
   * 002#250: the same child has the same date of birth, gender and ethnicity in every list. The
   * first value is kept with where it was seen; a value not yet seen is NaN (date of birth) or
   * -1 (codes), so a row reads only the value, and the place only for a finding.
   */
  private checkPerson(slot: number): void {
    const { dob, gender, ethnicity, age, disability } = this.person
    const registry = this.run.registry
    const here = packRef(this.list, this.rowNumber)
    if (this.has(dob)) {
      const value = this.nums[dob]!
      const before = registry.dob[slot]!
      if (Number.isNaN(before)) {
        registry.dob[slot] = value
        registry.dobRef[slot] = here
      } else if (before !== value) {
        const ref = registry.dobRef[slot]!
        this.report(
          dob,
          'AA-CHILD-MISMATCH',
          () =>
            `Child ${registry.ids[slot]} has date of birth ${ukDate(value)} here but ${ukDate(before)} in ${this.where(ref)}. The same child must have the same date of birth in every list (002#250); correct whichever is wrong.`,
        )
      }
    }
    if (this.has(gender)) {
      const value = this.nums[gender]!
      const first = registry.gender[slot]!
      if (first < 0) {
        registry.gender[slot] = value
        registry.genderRef[slot] = here
      } else if (first !== value) {
        const ref = registry.genderRef[slot]!
        const before = GENDER_CODES[first]
        this.report(
          gender,
          'AA-CHILD-MISMATCH',
          () =>
            `Child ${registry.ids[slot]} has gender "${this.code(gender)}" here but "${before}" in ${this.where(ref)}. Use the same gender for the child in every list (002#250).`,
          'warning',
        )
      }
    }
    if (this.has(ethnicity)) {
      const value = this.nums[ethnicity]!
      const first = registry.ethnicity[slot]!
      if (first < 0) {
        registry.ethnicity[slot] = value
        registry.ethnicityRef[slot] = here
      } else if (first !== value) {
        const ref = registry.ethnicityRef[slot]!
        const before = ETHNICITY_CODES[first]
        this.report(
          ethnicity,
          'AA-CHILD-MISMATCH',
          () =>
            `Child ${registry.ids[slot]} has ethnicity ${this.code(ethnicity)} here but ${before} in ${this.where(ref)}. Use the same ethnicity code for the child in every list (002#250).`,
          'warning',
        )
      }
    }
    if (this.has(age)) registry.reportedAge[slot] = this.nums[age]!
    if (this.has(disability)) registry.disability[slot] = this.nums[disability]!
  }

  /** Findings for the whole list, once its rows are read. */
  finish(): void {
    const findings = this.run.findings
    const listName = LIST_DESCRIPTION[this.list]!
    const idField = this.person.id
    for (const [id, rows] of this.repeats) {
      const severity: Severity = this.spec.cardinality === 'one-per-child-where-possible' ? 'warning' : 'error'
      const rule: RuleId = this.list === 11 ? 'AA-DUPLICATE-ADOPTER' : 'AA-DUPLICATE-CHILD'
      const rowList = rows.length > 8 ? `${rows.slice(0, 8).join(', ')} and ${rows.length - 8} more` : rows.join(', ')
      for (const extra of rows.slice(1)) {
        if (!findings.wants(this.list, rule, severity)) continue
        const f = this.fields[idField]!
        const message =
          this.list === 11
            ? `Adopter ${id} appears ${rows.length} times in List 11 (rows ${rowList}). List 11 has one row per adopter; keep one row and delete the others.`
            : this.spec.cardinality === 'one-per-child-where-possible'
              ? `Child ${id} appears ${rows.length} times in ${listName} (rows ${rowList}). 002#251 asks for one row per child where possible, about the most recent event (the 2019 template allowed one row per event); keep the most recent if you can.`
              : `Child ${id} appears ${rows.length} times in ${listName} (rows ${rowList}). ${listName} has one row per child (002#251); keep the row about the most recent ${RECENT[this.list] ?? 'event'} and delete the others.`
        findings.add({
          list: this.list,
          sheet: this.sheet,
          row: extra,
          column: f.header,
          columnLetter: f.letter,
          cell: `${f.letter}${extra}`,
          field: f.spec.key,
          value: id,
          rule,
          severity,
          message,
          citation: this.list === 11 ? null : '002#251',
        })
      }
    }
  }

  /** Distinct adopters (List 11). */
  get distinctAdopters(): number {
    return this.adopters.size
  }
}

const GENDER_CODES = CODE_SETS.GENDER.codes.map((c) => c.code)
const ETHNICITY_CODES = CODE_SETS.ETHNICITY.codes.map((c) => c.code)

const EMPTY_CODES = new Int16Array(0)
/** In `Field.sharedCodes`: this shared string has not been matched against the code set yet. */
const NOT_MATCHED_YET = -2

const RECENT: Partial<Record<number, string>> = {
  6: 'episode of need',
  7: 'child protection plan',
  8: 'period of care',
  9: 'leaving care service',
  10: 'adoption decision',
}

function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0xa0) return false
  }
  return true
}

function dateMessage(header: string, why: string): string {
  switch (why) {
    case 'two-digit-year':
      return `Enter the ${header} with a four-digit year, for example 14/03/2026.`
    case 'month-first':
      return `Enter the ${header} day first, as dd/mm/yyyy (for example 14/03/2026): this looks like month/day/year.`
    case 'no-such-day':
      return `The ${header} is not a real date (check the day and month). Enter it as dd/mm/yyyy, for example 14/03/2026.`
    default:
      return `Enter the ${header} as a date, for example 14/03/2026.`
  }
}
