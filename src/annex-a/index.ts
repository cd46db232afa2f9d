/**
 * The Annex A pipeline's public API (see README.md): what the CLI and the web layer import.
 */
export {
  processAnnexA,
  type AnnexAInput,
  type AnnexALimits,
  type AnnexAProgress,
  type AnnexAResult,
  type FileRead,
  type HeaderReport,
  type ListFound,
  type ProcessOptions,
} from './process.js'
export { annexAOptions, type ReturnOptions } from './return-options.js'
export { writeErrorReport, type ErrorReportResult } from './error-report.js'
export { AnnexAFileError, type AnnexAFileErrorCode } from './errors.js'
export { RULES, type Finding, type FindingCounts, type RuleId, type Severity } from './findings.js'
export { type AnnexAProfile, type ListProfile, type Measure, type WorkingDaysBetween } from './profile.js'
export { CASE_SELECTION_FACTORS, FACTORS_NOT_IN_ANNEX_A, THRESHOLDS } from './case-selection.js'
export { type ChildrenTable } from './children-table.js'
export { childSummary, findChild, sampleCoverage, type ChildSummary, type SampleCoverage } from './child-summary.js'
export { generateAnnexA, type GenerateOptions, type GenerateResult, type PlantedError } from './generate.js'
export { LISTS, listSpec, type ColumnSpec, type ListNumber, type ListSpec } from './spec.js'
export { CODE_SETS } from './code-sets.js'
