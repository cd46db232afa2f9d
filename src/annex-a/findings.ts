/**
 * Findings: what is wrong with a return, where (list, sheet, row, column), and what to change.
 * The rule ids are stable (the web layer groups and filters by them); each rule's citation is
 * the seed paragraph it comes from, or SPEC.md where the rule is the template's.
 */

export type Severity = 'error' | 'warning' | 'note'

export interface RuleInfo {
  readonly severity: Severity
  readonly title: string
  readonly citation?: string
}

/** Every rule the validator applies. Severity here is the default; a few rules vary by list. */
export const RULES = {
  'AA-LIST-MISSING': { severity: 'error', title: 'A list asked for is missing', citation: '002#249' },
  'AA-LIST-DECLARED-EMPTY': { severity: 'note', title: 'A list has nothing to report', citation: '002#249' },
  'AA-LIST-EMPTY': { severity: 'note', title: 'A list has no rows', citation: '002#249' },
  'AA-LIST-DUPLICATE': { severity: 'warning', title: 'Two sheets hold the same list' },
  'AA-SHEET-HIDDEN': { severity: 'note', title: 'A list is on a hidden sheet' },
  'AA-SHEET-UNKNOWN': { severity: 'note', title: 'A sheet is not an Annex A list' },
  'AA-HEADER-NOT-FOUND': { severity: 'error', title: 'The column headings cannot be found' },
  'AA-HEADER-MISSING': { severity: 'error', title: 'A column is missing' },
  'AA-HEADER-UNKNOWN': { severity: 'note', title: 'A column is not part of the list' },
  'AA-HEADER-DUPLICATE': { severity: 'warning', title: 'A column heading appears twice' },
  'AA-BLANK': { severity: 'error', title: 'A required cell is blank' },
  'AA-DATE': { severity: 'error', title: 'A date cannot be read' },
  'AA-DATE-FUTURE': { severity: 'error', title: 'A date is after the inspection date' },
  'AA-DATE-WINDOW': { severity: 'warning', title: "A row is outside the list's look-back period", citation: '002#249' },
  'AA-DATE-ORDER': { severity: 'error', title: 'Dates are in the wrong order' },
  'AA-NUMBER': { severity: 'error', title: 'A number cannot be read' },
  'AA-NUMBER-RANGE': { severity: 'error', title: 'A number is out of range' },
  'AA-CODE': { severity: 'error', title: 'A value is not one of the codes for the column', citation: '002#248' },
  'AA-POSTCODE': { severity: 'error', title: 'A postcode is not a UK postcode' },
  'AA-ID': { severity: 'warning', title: 'An identifier looks damaged' },
  'AA-AGE': { severity: 'warning', title: 'The age does not match the date of birth' },
  'AA-AGE-RANGE': { severity: 'warning', title: 'The age is unusual for the list' },
  'AA-CONDITIONAL': {
    severity: 'error',
    title: 'A cell should be blank, or should be filled, because of another cell',
  },
  'AA-DUPLICATE-CHILD': { severity: 'error', title: 'A child appears more than once in a list', citation: '002#251' },
  'AA-DUPLICATE-ADOPTER': { severity: 'error', title: 'An adopter appears more than once in List 11' },
  'AA-CHILD-CONSTANT': { severity: 'error', title: "A child's 12-month count differs between their rows" },
  'AA-CHILD-MISMATCH': {
    severity: 'error',
    title: "A child's details differ between rows or lists",
    citation: '002#250',
  },
  'AA-CASE-STATUS': { severity: 'warning', title: "List 6's case status does not match Lists 7 and 8" },
  'AA-SIBLINGS': { severity: 'note', title: 'List 8 has no brothers and sisters information', citation: '002#253' },
  'AA-FAMILY-LINK': { severity: 'note', title: 'A List 10 family identifier is not in List 11' },
  'AA-FORMULA-NO-VALUE': { severity: 'warning', title: 'A formula has no saved result' },
  'AA-CELL-ERROR': { severity: 'error', title: 'A cell shows an Excel error' },
  'AA-CELL-TOO-LONG': { severity: 'warning', title: 'A cell is longer than Excel allows' },
  'AA-MERGED-CELLS': { severity: 'warning', title: 'Cells are merged in a list' },
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof RULES

/** The seed paragraph a rule comes from, if any. */
export function citationOf(rule: RuleId): string | null {
  const info: RuleInfo = RULES[rule]
  return info.citation ?? null
}

export interface Finding {
  /** 1–11, or null for a finding about the whole workbook. */
  readonly list: number | null
  readonly sheet: string | null
  /** The spreadsheet row number the analyst sees in Excel (or the CSV line). */
  readonly row: number | null
  /** The column's header text as written in the sheet (or the template's, when it is missing). */
  readonly column: string | null
  /** The column letter in Excel (A, B … AH). */
  readonly columnLetter: string | null
  /** The cell reference, e.g. "F12". */
  readonly cell: string | null
  /** Our field key for the column, e.g. "referralDate". */
  readonly field: string | null
  /** The cell's value as read (cut when huge). */
  readonly value: string | null
  readonly rule: RuleId
  readonly severity: Severity
  readonly message: string
  readonly citation: string | null
}

export interface FindingCounts {
  readonly total: number
  readonly bySeverity: Record<Severity, number>
  readonly byRule: Partial<Record<RuleId, number>>
  /** Key "1"…"11", or "workbook". */
  readonly byList: Record<string, { error: number; warning: number; note: number }>
  /** Findings counted but not kept because their list and rule passed the cap. */
  readonly omitted: { list: number | null; rule: RuleId; count: number }[]
}

export interface FindingLimits {
  /** Findings kept per list and rule; the rest are counted. */
  readonly perListRule: number
  /** Findings kept in all. */
  readonly total: number
}

export const DEFAULT_FINDING_LIMITS: FindingLimits = { perListRule: 500, total: 20_000 }

/**
 * Collects findings with a cap per (list, rule) so a million bad rows make a count, not a
 * million objects. Call `wants` before building a message, so capped findings cost a counter.
 */
export class FindingCollector {
  private readonly kept: Finding[] = []
  private readonly perKey = new Map<string, number>()
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 }
  private readonly byRule: Partial<Record<RuleId, number>> = {}
  private readonly byList: Record<string, { error: number; warning: number; note: number }> = {}

  constructor(private readonly limits: FindingLimits = DEFAULT_FINDING_LIMITS) {}

  private key(list: number | null, rule: RuleId): string {
    return `${list ?? 'workbook'}|${rule}`
  }

  /** Count a finding; true when it should also be built and kept (call `add` then). */
  wants(list: number | null, rule: RuleId, severity: Severity): boolean {
    this.bySeverity[severity]++
    this.byRule[rule] = (this.byRule[rule] ?? 0) + 1
    const listKey = list === null ? 'workbook' : String(list)
    const perList = (this.byList[listKey] ??= { error: 0, warning: 0, note: 0 })
    perList[severity]++
    const key = this.key(list, rule)
    const n = (this.perKey.get(key) ?? 0) + 1
    this.perKey.set(key, n)
    return n <= this.limits.perListRule && this.kept.length < this.limits.total
  }

  /** Keep a finding `wants` said yes to. */
  add(finding: Finding): void {
    this.kept.push(finding)
  }

  /** Count and, within the caps, keep. */
  push(finding: Finding): void {
    if (this.wants(finding.list, finding.rule, finding.severity)) this.add(finding)
  }

  get errorCount(): number {
    return this.bySeverity.error
  }

  findings(): Finding[] {
    return [...this.kept].sort(compareFindings)
  }

  counts(): FindingCounts {
    const keptPerKey = new Map<string, number>()
    for (const f of this.kept)
      keptPerKey.set(this.key(f.list, f.rule), (keptPerKey.get(this.key(f.list, f.rule)) ?? 0) + 1)
    const omitted: FindingCounts['omitted'] = []
    for (const [key, n] of this.perKey) {
      const keptN = keptPerKey.get(key) ?? 0
      if (n > keptN) {
        const [list, rule] = key.split('|') as [string, RuleId]
        omitted.push({ list: list === 'workbook' ? null : Number(list), rule, count: n - keptN })
      }
    }
    const total = this.bySeverity.error + this.bySeverity.warning + this.bySeverity.note
    return {
      total,
      bySeverity: { ...this.bySeverity },
      byRule: { ...this.byRule },
      byList: structuredClone(this.byList),
      omitted,
    }
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 }

/** Workbook-level findings first, then by list, row, column; errors before warnings. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.list ?? 0) - (b.list ?? 0) ||
    (a.sheet ?? '').localeCompare(b.sheet ?? '') ||
    (a.row ?? 0) - (b.row ?? 0) ||
    (a.columnLetter?.length ?? 0) - (b.columnLetter?.length ?? 0) ||
    (a.columnLetter ?? '').localeCompare(b.columnLetter ?? '') ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule)
  )
}
