import type { EarlierArea, EarlierFramework, EarlierGrade, EarlierInspectionType } from '../earlier-frameworks.js'
import type { Framework, Grade, JudgementActivityType } from '../frameworks.js'
import type { VisitType } from '../visits.js'

/**
 * What a row of Ofsted's published outcomes says, before it is matched to the register
 * (issue 14). Anything the row does not say is null, never guessed.
 */
export interface RowSource {
  readonly file: string
  readonly sheet: string
  readonly row: number
}

export interface RowLa {
  readonly gssCode?: string | undefined
  readonly name?: string | undefined
  readonly link?: string | undefined
}

export interface OutcomeJudgement {
  readonly kind: 'judgement'
  readonly la: RowLa
  readonly framework: Framework
  /** Null where the table does not say (the "latest judgement" tables give no type). */
  readonly activityType: JudgementActivityType | null
  readonly start: string | null
  readonly published: string | null
  readonly grades: Readonly<Record<string, Grade>>
  readonly source: RowSource
}

export interface OutcomeVisit {
  readonly kind: 'visit'
  readonly la: RowLa
  readonly visitType: VisitType
  readonly start: string
  readonly published: string | null
  readonly theme: string | null
  readonly source: RowSource
}

/** An inspection under a framework before the SIF (2009–2013): history only, in the framework's own words. */
export interface OutcomeEarlier {
  readonly kind: 'earlier'
  readonly la: RowLa
  readonly framework: EarlierFramework
  readonly inspectionType: EarlierInspectionType
  readonly start: string | null
  readonly published: string
  readonly grades: Readonly<Partial<Record<EarlierArea, EarlierGrade>>>
  readonly source: RowSource
}

export type OutcomeRecord = OutcomeJudgement | OutcomeVisit | OutcomeEarlier

/** A row that holds data the importer cannot read, and why. */
export interface UnreadRow {
  readonly sheet: string
  readonly row: number
  readonly reason: string
}

export interface ParsedOutcomes {
  readonly records: readonly OutcomeRecord[]
  readonly unread: readonly UnreadRow[]
  /** The tables found, by sheet and header row, and what kind each is. */
  readonly tables: ReadonlyArray<{ sheet: string; row: number; kind: string; rows: number }>
  /** The date the file's figures are "as at" (its name, sheet names or titles say), or null. */
  readonly asAt: string | null
}

/** Where a record came from, as stored with it: "LA_Inspection_Outcomes….ods, ILACS_inspection_history row 22". */
export function describeSource(source: RowSource): string {
  return `${source.file}, ${source.sheet} row ${source.row}`
}

/** Where a record read from several rows came from, as stored with it. */
export function describeSources(sources: readonly RowSource[]): string {
  return sources.map(describeSource).join('; ')
}
