import type { Principal } from '../../auth/policy.js'
import type { PathwayStatus } from '../../rules/pathways.js'
import type { Framework, Grade, JudgementActivityType } from './frameworks.js'
import type { VisitRecord } from './visits.js'

/** One of the nine English regions. */
export interface Region {
  readonly code: string
  readonly name: string
}

/** An English local authority with children's services, with its region's name. */
export interface LocalAuthority {
  readonly laCode: string
  readonly gssCode: string
  readonly name: string
  readonly regionCode: string
  readonly regionName: string
  readonly laType: string
  readonly londonSubregion: string | null
  readonly previousGssCodes: string | null
}

/** A published judgement as recorded; corrections are further records, never changes. */
export interface JudgementRecord {
  readonly id: string
  readonly laCode: string
  readonly framework: Framework
  readonly activityType: JudgementActivityType
  /** Null where the source did not say: Ofsted's files give no last day, the SIF history no dates of fieldwork. */
  readonly inspectionStart: string | null
  readonly inspectionEnd: string | null
  readonly publishedOn: string
  readonly grades: Readonly<Record<string, Grade>>
  readonly correctsId: string | null
  readonly correctionReason: string | null
  /** The record that corrects this one, if any: a corrected record is history, not current. */
  readonly correctedById: string | null
  readonly source: string
  /** For a judgement the service published (source `service`): its activity and publication. */
  readonly activityId: string | null
  readonly publicationId: string | null
  /** For an import: the file, sheet and row it came from (issue 14). */
  readonly sourceDetail: string | null
  /** The former council whose judgement this was, where the LA succeeded it (issue 14). */
  readonly predecessor: string | null
  readonly recordedBy: string | null
  readonly recordedAt: Date
}

/** An LA's standing: the grade its pathway follows, from its latest current judgement. */
export interface Standing {
  /** The grade the pathway follows: overall effectiveness, or derived where none was given. */
  readonly grade: Grade
  /** True when the framework gave no overall grade and the grade derived from the areas stands in. */
  readonly derived: boolean
  readonly record: JudgementRecord
}

/** A row of the register: the LA, its standing and its pathway today. */
export interface RegisterEntry {
  readonly la: LocalAuthority
  readonly standing: Standing | undefined
  readonly pathway: PathwayStatus | undefined
}

/** One LA with its whole history: judgements (corrected versions included) and visits. */
export interface LaHistory extends RegisterEntry {
  readonly records: readonly JudgementRecord[]
  readonly visits: readonly VisitRecord[]
}

export interface RegisterQuery {
  readonly search?: string | undefined
  readonly regionCode?: string | undefined
  /** A grade, or 'none' for LAs with no judgement recorded. */
  readonly grade?: Grade | 'none' | undefined
  readonly pathway?: 1 | 2 | 3 | undefined
  /** `YYYY-MM`: LAs whose next judgement inspection is due in a window that includes this month. */
  readonly dueMonth?: string | undefined
  readonly overdueOnly?: boolean | undefined
  /** Filters given in a form the service cannot read, with what was typed and what to do (issue 10). */
  readonly invalid?: Readonly<Record<string, { readonly value: string; readonly message: string }>> | undefined
}

/** A published judgement to record (issue 3; 002#96-97): no grade where an area was not graded. */
export interface RegisterJudgementInput {
  readonly framework: Framework
  readonly activityType: JudgementActivityType
  readonly inspectionStart: string
  readonly inspectionEnd: string
  readonly publishedOn: string
  readonly grades: Readonly<Record<string, Grade>>
}

/** A correction: the judgement as it should have been, and why. */
export interface JudgementCorrection extends RegisterJudgementInput {
  readonly reason: string
}

/**
 * An inspection or visit of the LA that is coming or under way, as its register page lists it
 * (issue 10: the page said the next inspection was due in 2028 while one started next week).
 * Another area supplies these, for what the signed-in person may see.
 */
export interface LaActivity {
  readonly title: string
  readonly href: string
  readonly statusHtml: string
  readonly onsite: string
  /** The planner's rule checks, for those who plan: the list as HTML, and how many. */
  readonly checksHtml?: string | undefined
  readonly checkCount?: number | undefined
}

export type LaActivitiesProvider = (principal: Principal, laCode: string) => Promise<LaActivity[]>
