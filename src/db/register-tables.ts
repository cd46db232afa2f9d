import type { ColumnType, Generated } from 'kysely'
import type {
  EarlierArea,
  EarlierFramework,
  EarlierGrade,
  EarlierInspectionType,
} from '../areas/register/earlier-frameworks.js'
import type { Framework, Grade, JudgementActivityType } from '../areas/register/frameworks.js'
import type { NewJudgement } from '../areas/register/repository.js'
import type { VisitSource, VisitType } from '../areas/register/visits.js'
import type { PublishedKind } from '../areas/publications/kinds.js'
import type { ActivityType } from '../rules/types.js'
import type { DeliveryBasis, DeliveryExtent, DeliveryKind } from '../areas/register/delivery.js'

/**
 * Table types of the register and what it learns from (the LAs, their judgement history and
 * visits, the publications that feed them), composed into `Database` in tables.ts. Kept in their
 * own file so that tables.ts stays under ADR 0009's limit and areas adding tables in parallel do
 * not edit the same lines.
 */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Json<T> = ColumnType<T, string, string>

export interface RegionsTable {
  code: string
  name: string
}

export interface LocalAuthoritiesTable {
  la_code: string
  gss_code: string
  name: string
  region_code: string
  la_type: string
  london_subregion: string | null
  gss_code_valid_from: string | null
  previous_gss_codes: string | null
}

export interface JudgementRecordsTable {
  id: Generated<string>
  la_code: string
  framework: Framework
  activity_type: JudgementActivityType
  /** Null where the source did not say (an import of Ofsted's files; issue 14). */
  inspection_start: string | null
  inspection_end: string | null
  published_on: string
  /** The record this one corrects; corrections never overwrite (append-only history). */
  corrects_id: string | null
  correction_reason: string | null
  source: NewJudgement['source']
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
  /** The activity and publication a judgement the service published came from (source `service`). */
  activity_id: ColumnType<string | null, string | null | undefined, never>
  publication_id: ColumnType<string | null, string | null | undefined, never>
  /** Where an imported record came from: file, sheet and row (issue 14). */
  source_detail: ColumnType<string | null, string | null | undefined, never>
  /** The former council whose judgement this was, held by its successor (issue 14). */
  predecessor: ColumnType<string | null, string | null | undefined, never>
}

/** A focused visit, monitoring visit or JTAI in an LA's history (issue 11; imported by issue 14). */
export interface RegisterVisitsTable {
  id: Generated<string>
  la_code: string
  visit_type: VisitType
  visit_start: string
  visit_end: string | null
  published_on: string | null
  theme: string | null
  source: VisitSource
  activity_id: string | null
  publication_id: string | null
  source_detail: string | null
  predecessor: ColumnType<string | null, string | null | undefined, string | null>
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

/** An inspection under a framework before the SIF (2009–2013): history only (issue 14). */
export interface RegisterEarlierInspectionsTable {
  id: Generated<string>
  la_code: string
  framework: EarlierFramework
  inspection_type: EarlierInspectionType
  inspection_start: string | null
  published_on: string | null
  /** The framework's own grades by its own area names ("adequate" stays adequate). */
  grades: Json<Partial<Record<EarlierArea, EarlierGrade>>>
  source_detail: string
  predecessor: string | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

/** An administrator's upload of Ofsted's outcomes, kept until confirmed or cleared by retention (issue 14). */
export interface RegisterImportUploadsTable {
  hash: string
  file_name: string
  uploaded_by: string | null
  uploaded_at: Timestamp
  confirmed_at: Timestamp | null
}

/** A published report or letter: the only table the public pages read (issue 11). */
export interface PublicationsTable {
  id: Generated<string>
  /** The activity it comes from, or null for a 2015 offer's letter (offer_id and offer_step then; ADR 0028). */
  activity_id: string | null
  la_code: string
  kind: PublishedKind
  activity_type: ActivityType | null
  offer_id: ColumnType<string | null, string | null | undefined, never>
  offer_step: ColumnType<string | null, string | null | undefined, never>
  title: string
  fieldwork_start: string
  fieldwork_end: string
  statutory_publication_date: string
  published_at: Timestamp
  public: boolean
  framework: Framework | null
  grades: Json<Record<string, Grade>> | null
  pdf_hash: string
  pdf_size: number
  summary_pdf_hash: string | null
  summary_pdf_size: number | null
  recorded_by: string | null
  recorded_at: GeneratedTimestamp
}

export interface JudgementGradesTable {
  record_id: string
  area: string
  grade: Grade
}

export interface DataLoadsTable {
  name: string
  loaded_at: GeneratedTimestamp
  detail: string | null
}

/** What another of Ofsted's files or tables said about an inspection the register holds (ADR 0030). */
export interface RegisterOutcomeReadingsTable {
  id: Generated<string>
  la_code: string
  published_on: string
  field: string
  said: string
  source: string
  recorded_at: GeneratedTimestamp
}

/** A body that runs some or all of an LA's children's services under delegated functions (002#227-237). */
export interface DeliveryBodiesTable {
  id: Generated<string>
  la_code: string
  name: string
  kind: DeliveryKind
  basis: DeliveryBasis
  extent: DeliveryExtent
  functions: string
  email: Generated<string>
  /** The intervention's direction to contract out or transfer the functions, when one was recorded. */
  direction_id: string | null
  since: string
  until: string | null
  recorded_by: string
  recorded_at: GeneratedTimestamp
  version: Generated<number>
}

export interface RegisterTables {
  regions: RegionsTable
  local_authorities: LocalAuthoritiesTable
  judgement_records: JudgementRecordsTable
  judgement_grades: JudgementGradesTable
  register_visits: RegisterVisitsTable
  register_earlier_inspections: RegisterEarlierInspectionsTable
  register_import_uploads: RegisterImportUploadsTable
  publications: PublicationsTable
  data_loads: DataLoadsTable
  register_outcome_readings: RegisterOutcomeReadingsTable
  delivery_bodies: DeliveryBodiesTable
}
