import { randomUUID } from 'node:crypto'
import { type Kysely, type Transaction, sql } from 'kysely'
import type { LaFilter } from '../../auth/policy.js'
import type { Database, LocalAuthorityRow } from '../../db/tables.js'
import type { Framework, Grade, JudgementActivityType } from './frameworks.js'
import type { LocalAuthorityReference } from './reference-data.js'
import type { JudgementRecord, LocalAuthority, Region } from './types.js'
import type { NewVisit, VisitRecord } from './visits.js'
import { readOncePerRequest } from '../../db/request-scope.js'

/**
 * Every query of the register (ADR 0007): the regions and LAs (reference data) and the
 * append-only judgement history with its grades.
 */
type Db = Kysely<Database> | Transaction<Database>

function toLocalAuthority(row: LocalAuthorityRow & { region_name: string }): LocalAuthority {
  return {
    laCode: row.la_code,
    gssCode: row.gss_code,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    laType: row.la_type,
    londonSubregion: row.london_subregion,
    previousGssCodes: row.previous_gss_codes,
  }
}

function laQuery(db: Db) {
  return db
    .selectFrom('local_authorities as la')
    .innerJoin('regions as r', 'r.code', 'la.region_code')
    .selectAll('la')
    .select('r.name as region_name')
}

export async function findLocalAuthority(db: Db, laCode: string): Promise<LocalAuthority | undefined> {
  const row = await laQuery(db).where('la.la_code', '=', laCode).executeTakeFirst()
  return row ? toLocalAuthority(row) : undefined
}

/** Every LA the filter reaches, by name. */
export async function listLocalAuthorities(db: Db, filter: LaFilter): Promise<LocalAuthority[]> {
  if (filter.kind === 'none' || (filter.kind === 'las' && filter.laCodes.length === 0)) return []
  let query = laQuery(db)
  if (filter.kind === 'region') query = query.where('la.region_code', '=', filter.regionCode)
  if (filter.kind === 'las') query = query.where('la.la_code', 'in', [...filter.laCodes])
  const rows = await query.orderBy('la.name').execute()
  return rows.map(toLocalAuthority)
}

export async function listRegions(db: Db): Promise<Region[]> {
  return db.selectFrom('regions').select(['code', 'name']).orderBy('code').execute()
}

/** Every judgement record of the given LAs (all of them when `laCodes` is undefined), oldest first. */
export async function judgementRecords(db: Db, laCodes?: readonly string[]): Promise<JudgementRecord[]> {
  if (laCodes && laCodes.length === 0) return []
  let query = db
    .selectFrom('judgement_records as j')
    .leftJoin('judgement_records as c', 'c.corrects_id', 'j.id')
    .selectAll('j')
    .select('c.id as corrected_by_id')
  if (laCodes) query = query.where('j.la_code', 'in', [...laCodes])
  const rows = await query.orderBy('j.la_code').orderBy('j.published_on').orderBy('j.recorded_at').execute()
  if (rows.length === 0) return []
  const grades = await db
    .selectFrom('judgement_grades')
    .selectAll()
    .where(
      'record_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute()
  const byRecord = new Map<string, Record<string, Grade>>()
  for (const grade of grades) {
    const set = byRecord.get(grade.record_id) ?? {}
    set[grade.area] = grade.grade
    byRecord.set(grade.record_id, set)
  }
  return rows.map((row) => ({
    id: row.id,
    laCode: row.la_code,
    framework: row.framework,
    activityType: row.activity_type,
    inspectionStart: row.inspection_start,
    inspectionEnd: row.inspection_end,
    publishedOn: row.published_on,
    grades: byRecord.get(row.id) ?? {},
    correctsId: row.corrects_id,
    correctionReason: row.correction_reason,
    correctedById: row.corrected_by_id,
    source: row.source,
    activityId: row.activity_id,
    publicationId: row.publication_id,
    sourceDetail: row.source_detail,
    predecessor: row.predecessor,
    recordedBy: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export interface NewJudgement {
  readonly laCode: string
  readonly framework: Framework
  readonly activityType: JudgementActivityType
  readonly inspectionStart: string | null
  readonly inspectionEnd: string | null
  readonly publishedOn: string
  readonly grades: Readonly<Record<string, Grade>>
  readonly correctsId?: string | null
  readonly correctionReason?: string | null
  readonly source: 'manual' | 'demo' | 'import' | 'service'
  readonly recordedBy: string | null
  /** For source `service`: the activity and publication it came from. */
  readonly activityId?: string | null
  readonly publicationId?: string | null
  readonly sourceDetail?: string | null
  readonly predecessor?: string | null
}

/** Insert one judgement with its grades; its id. */
export async function insertJudgement(trx: Db, judgement: NewJudgement): Promise<string> {
  const [id] = await insertJudgements(trx, [judgement])
  return id!
}

function judgementRow(judgement: NewJudgement) {
  return {
    la_code: judgement.laCode,
    framework: judgement.framework,
    activity_type: judgement.activityType,
    inspection_start: judgement.inspectionStart,
    inspection_end: judgement.inspectionEnd,
    published_on: judgement.publishedOn,
    corrects_id: judgement.correctsId ?? null,
    correction_reason: judgement.correctionReason ?? null,
    source: judgement.source,
    recorded_by: judgement.recordedBy,
    activity_id: judgement.activityId ?? null,
    publication_id: judgement.publicationId ?? null,
    source_detail: judgement.sourceDetail ?? null,
    predecessor: judgement.predecessor ?? null,
  }
}

/** Insert many judgements in two statements (an import); their ids in the same order. */
export async function insertJudgements(trx: Db, judgements: readonly NewJudgement[]): Promise<string[]> {
  const ids: string[] = []
  // PostgreSQL allows 65,535 parameters per statement: 14 columns a row, so 1,000 rows at a time.
  for (let from = 0; from < judgements.length; from += 1000) {
    const batch = judgements.slice(from, from + 1000)
    // Ids made here, so each grade row names its record whatever order RETURNING gives.
    const batchIds = batch.map(() => randomUUID())
    await trx
      .insertInto('judgement_records')
      .values(batch.map((judgement, index) => ({ id: batchIds[index]!, ...judgementRow(judgement) })))
      .execute()
    const grades = batch.flatMap((judgement, index) =>
      Object.entries(judgement.grades).map(([area, grade]) => ({ record_id: batchIds[index]!, area, grade })),
    )
    if (grades.length > 0) await trx.insertInto('judgement_grades').values(grades).execute()
    ids.push(...batchIds)
  }
  return ids
}

/** Insert many visits (an import); their ids in the same order. */
export async function insertVisits(db: Db, visits: readonly NewVisit[]): Promise<string[]> {
  const ids = visits.map(() => randomUUID())
  // 13 parameters a row: 1,000 rows a statement stays within PostgreSQL's 65,535.
  for (let from = 0; from < visits.length; from += 1000)
    await db
      .insertInto('register_visits')
      .values(
        visits.slice(from, from + 1000).map((visit, index) => ({
          id: ids[from + index]!,
          la_code: visit.laCode,
          visit_type: visit.visitType,
          visit_start: visit.start,
          visit_end: visit.end,
          published_on: visit.publishedOn,
          theme: visit.theme,
          source: visit.source,
          activity_id: visit.activityId ?? null,
          publication_id: visit.publicationId ?? null,
          source_detail: visit.sourceDetail ?? null,
          predecessor: visit.predecessor ?? null,
          recorded_by: visit.recordedBy ?? null,
        })),
      )
      .execute()
  return ids
}

/** Lock a record while a correction is written, so two people cannot correct it at once. */
export async function lockJudgement(
  trx: Transaction<Database>,
  id: string,
): Promise<{ id: string; la_code: string } | undefined> {
  const row = await sql<{
    id: string
    la_code: string
  }>`select id, la_code from judgement_records where id = ${id} for update`.execute(trx)
  return row.rows[0]
}

/**
 * The history's version: the row count and latest `recorded_at` of the judgements and the visits.
 * The judgement table is append-only (a trigger refuses UPDATE and DELETE) and visits are only
 * added, so these change exactly when the history does.
 */
export async function historyVersion(db: Db): Promise<string> {
  return readOncePerRequest(db, 'register.historyVersion', () => readHistoryVersion(db))
}

async function readHistoryVersion(db: Db): Promise<string> {
  const { rows } = await sql<{
    n: number
    at: Date | null
    v: number
    vat: Date | null
  }>`select (select count(*)::int from judgement_records) as n, (select max(recorded_at) from judgement_records) as at,
    (select count(*)::int from register_visits) as v, (select max(recorded_at) from register_visits) as vat`.execute(db)
  const row = rows[0]
  const iso = (at: Date | null | undefined) => (at ? new Date(at).toISOString() : '')
  return `${row?.n ?? 0}:${iso(row?.at)}|${row?.v ?? 0}:${iso(row?.vat)}`
}

/** Every visit of the given LAs (all of them when `laCodes` is undefined), oldest first. */
export async function visitRecords(db: Db, laCodes?: readonly string[]): Promise<VisitRecord[]> {
  if (laCodes && laCodes.length === 0) return []
  let query = db.selectFrom('register_visits').selectAll()
  if (laCodes) query = query.where('la_code', 'in', [...laCodes])
  const rows = await query.orderBy('la_code').orderBy('visit_start').orderBy('recorded_at').execute()
  return rows.map((row) => ({
    id: row.id,
    laCode: row.la_code,
    visitType: row.visit_type,
    start: row.visit_start,
    end: row.visit_end,
    publishedOn: row.published_on,
    theme: row.theme,
    source: row.source,
    activityId: row.activity_id,
    publicationId: row.publication_id,
    sourceDetail: row.source_detail,
    predecessor: row.predecessor,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertVisit(db: Db, visit: NewVisit): Promise<string> {
  const { id } = await db
    .insertInto('register_visits')
    .values({
      la_code: visit.laCode,
      visit_type: visit.visitType,
      visit_start: visit.start,
      visit_end: visit.end,
      published_on: visit.publishedOn,
      theme: visit.theme,
      source: visit.source,
      activity_id: visit.activityId ?? null,
      publication_id: visit.publicationId ?? null,
      source_detail: visit.sourceDetail ?? null,
      predecessor: visit.predecessor ?? null,
      recorded_by: visit.recordedBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Upsert the regions and LAs of the reference data (a corrected name or region lands without a migration). */
export async function upsertLocalAuthorities(
  db: Kysely<Database>,
  las: readonly LocalAuthorityReference[],
): Promise<void> {
  const regions = new Map(las.map((la) => [la.regionCode, la.regionName]))
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regions')
      .values([...regions].map(([code, name]) => ({ code, name })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute()
    await trx
      .insertInto('local_authorities')
      .values(
        las.map((la) => ({
          la_code: la.laCode,
          gss_code: la.gssCode,
          name: la.name,
          region_code: la.regionCode,
          la_type: la.laType,
          london_subregion: la.londonSubregion,
          gss_code_valid_from: la.gssCodeValidFrom,
          previous_gss_codes: la.previousGssCodes,
        })),
      )
      .onConflict((oc) =>
        oc.column('la_code').doUpdateSet((eb) => ({
          gss_code: eb.ref('excluded.gss_code'),
          name: eb.ref('excluded.name'),
          region_code: eb.ref('excluded.region_code'),
          la_type: eb.ref('excluded.la_type'),
          london_subregion: eb.ref('excluded.london_subregion'),
          gss_code_valid_from: eb.ref('excluded.gss_code_valid_from'),
          previous_gss_codes: eb.ref('excluded.previous_gss_codes'),
        })),
      )
      .execute()
  })
}

/** Fill in what a later import knows about an imported visit (its publication date, theme and sources). */
export async function updateImportedVisit(
  db: Db,
  id: string,
  values: { publishedOn: string | null; theme: string | null; sourceDetail: string },
): Promise<void> {
  await db
    .updateTable('register_visits')
    .set({ published_on: values.publishedOn, theme: values.theme, source_detail: values.sourceDetail })
    .where('id', '=', id)
    .where('source', '<>', 'service')
    .execute()
}

const OUTCOMES_LOAD = 'ofsted-outcomes:'

/** Note that Ofsted's outcomes file `fileName`, as at `asAt`, has been imported (issue 14). */
export async function recordOutcomesFile(db: Db, fileName: string, asAt: string | null): Promise<void> {
  await db
    .insertInto('data_loads')
    .values({ name: `${OUTCOMES_LOAD}${fileName}`, detail: asAt })
    .onConflict((oc) => oc.column('name').doUpdateSet({ detail: asAt, loaded_at: new Date() }))
    .execute()
}

/** The imported outcomes file with the latest "as at" date, if any. */
export async function latestOutcomesFile(db: Db): Promise<{ fileName: string; asAt: string } | undefined> {
  const row = await db
    .selectFrom('data_loads')
    .select(['name', 'detail'])
    .where('name', 'like', `${OUTCOMES_LOAD}%`)
    .where('detail', 'is not', null)
    .orderBy('detail', 'desc')
    .executeTakeFirst()
  return row?.detail ? { fileName: row.name.slice(OUTCOMES_LOAD.length), asAt: row.detail } : undefined
}

/** Each imported outcomes file with the date it is as at (null where it does not say). */
export async function outcomesFileDates(db: Db): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('data_loads')
    .select(['name', 'detail'])
    .where('name', 'like', `${OUTCOMES_LOAD}%`)
    .execute()
  return new Map(rows.map((row) => [row.name.slice(OUTCOMES_LOAD.length), row.detail]))
}
