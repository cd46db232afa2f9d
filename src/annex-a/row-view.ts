import type { RuleId, Severity } from './findings.js'

/**
 * One validated row as the list rules and the profile see it. Fields are addressed by their
 * index in the list's column spec (resolved once per sheet, not looked up per row).
 */
export interface RowView {
  readonly rowNumber: number
  /** The column is in the sheet. */
  known(field: number): boolean
  /** The cell has a value that was read without error. */
  has(field: number): boolean
  /** The column is in the sheet and the cell is blank. */
  blank(field: number): boolean
  /** Day number of a date cell, NaN unless `has`. */
  day(field: number): number
  /** Whole number of an int/age cell, NaN unless `has`. */
  int(field: number): number
  /** The matched code ("Yes", "WBRI", "U6") of a code cell, '' unless `has`. */
  code(field: number): string
  /** Index of the matched code in its code set, -1 unless `has`. */
  codeIndex(field: number): number
  /** Text of an id/text/postcode cell, '' unless `has`. */
  text(field: number): string
  /** The column's heading as the analyst wrote it. */
  name(field: number): string
  /** Record a finding on this row's cell of `field` (the message is built only if kept). */
  report(field: number, rule: RuleId, message: () => string, severity?: Severity): void
}

/** A field index resolver for one list: key → index in the list's column spec. */
export type FieldIndex = (key: string) => number
