import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import { readOncePerRequest } from '../../db/request-scope.js'
import type { InterventionsTable } from '../../db/intervention-tables.js'
import type {
  Concern,
  ConcernKind,
  Instrument,
  InstrumentForm,
  Intervention,
  InterventionStep,
  StepRecord,
  StoredDocument,
} from './types.js'
import { isRecordId } from '../../db/record-id.js'

/** All the intervention area's SQL (ADR 0007): its own tables only; names of people come from auth. */
export type Db = Kysely<Database> | Transaction<Database>

/** True when `id` could be a record id (so a malformed URL is a 404, not a database error). */
export function storedDocument(
  name: string | null,
  hash: string | null,
  size: string | number | null,
  type: string | null,
): StoredDocument | null {
  return name && hash ? { name, hash, size: Number(size ?? 0), type: type ?? 'application/octet-stream' } : null
}

const toIntervention = (row: Selectable<InterventionsTable>): Intervention => ({
  id: row.id,
  laCode: row.la_code,
  step: row.step,
  inadequatePublishedOn: row.inadequate_published_on,
  caseLeadId: row.case_lead_id,
  openedOn: row.opened_on,
  closedOn: row.closed_on,
  supportUntil: row.support_until,
  createdAt: new Date(row.created_at),
  version: row.version,
})

export async function findIntervention(db: Db, id: string): Promise<Intervention | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await db.selectFrom('interventions').selectAll().where('id', '=', id).executeTakeFirst()
  return row ? toIntervention(row) : undefined
}

/** Lock the record for a change (optimistic version checked by the caller). */
export async function lockIntervention(trx: Db, id: string): Promise<Intervention | undefined> {
  if (!isRecordId(id)) return undefined
  const row = await trx.selectFrom('interventions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return row ? toIntervention(row) : undefined
}

/** Interventions of these LAs (every LA when `laCodes` is undefined), newest first. */
export async function listInterventions(db: Db, laCodes?: readonly string[]): Promise<Intervention[]> {
  if (laCodes && laCodes.length === 0) return []
  let query = db.selectFrom('interventions').selectAll()
  if (laCodes) query = query.where('la_code', 'in', [...laCodes])
  // A DfE home page asks twice (its dashboard and the triggers): read once per request.
  const rows = await readOncePerRequest(db, `intervention.listInterventions:${JSON.stringify(laCodes ?? null)}`, () =>
    query.orderBy('opened_on', 'desc').orderBy('created_at', 'desc').execute(),
  )
  return rows.map(toIntervention)
}

export async function insertIntervention(
  trx: Db,
  values: {
    laCode: string
    step: InterventionStep
    inadequatePublishedOn: string | null
    caseLeadId: string | null
    openedOn: string
    createdBy: string
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('interventions')
    .values({
      la_code: values.laCode,
      step: values.step,
      inadequate_published_on: values.inadequatePublishedOn,
      case_lead_id: values.caseLeadId,
      opened_on: values.openedOn,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateIntervention(
  trx: Db,
  id: string,
  changes: Partial<{ step: InterventionStep; caseLeadId: string; closedOn: string; supportUntil: string | null }>,
): Promise<void> {
  await trx
    .updateTable('interventions')
    .set((eb) => ({
      ...(changes.step ? { step: changes.step } : {}),
      ...(changes.caseLeadId ? { case_lead_id: changes.caseLeadId } : {}),
      ...(changes.closedOn ? { closed_on: changes.closedOn } : {}),
      ...(changes.supportUntil !== undefined ? { support_until: changes.supportUntil } : {}),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute()
}

export async function stepsOf(
  db: Db,
  interventionIds: readonly string[],
): Promise<Array<StepRecord & { interventionId: string }>> {
  if (interventionIds.length === 0) return []
  const rows = await db
    .selectFrom('intervention_steps')
    .selectAll()
    .where('intervention_id', 'in', [...interventionIds])
    .orderBy('happened_on')
    .orderBy('recorded_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    interventionId: row.intervention_id,
    step: row.step,
    happenedOn: row.happened_on,
    note: row.note,
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertStep(
  trx: Db,
  values: { interventionId: string; step: InterventionStep; happenedOn: string; note: string; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('intervention_steps')
    .values({
      intervention_id: values.interventionId,
      step: values.step,
      happened_on: values.happenedOn,
      note: values.note,
      recorded_by: values.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function instrumentsOf(
  db: Db,
  interventionIds: readonly string[],
): Promise<Array<Instrument & { interventionId: string }>> {
  if (interventionIds.length === 0) return []
  const rows = await db
    .selectFrom('intervention_instruments')
    .selectAll()
    .where('intervention_id', 'in', [...interventionIds])
    .orderBy('issued_on')
    .orderBy('recorded_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    interventionId: row.intervention_id,
    form: row.form,
    issuer: row.issuer,
    consultedOn: row.consulted_on,
    issuedOn: row.issued_on,
    publishedOn: row.published_on,
    basis: row.basis,
    areasOfImprovement: row.areas_of_improvement,
    improvementsRequired: row.improvements_required,
    assessment: row.assessment,
    assessBy: row.assess_by,
    ifNotAchieved: row.if_not_achieved,
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export interface NewInstrument {
  readonly form: InstrumentForm
  readonly issuer: string
  readonly consultedOn: string | null
  readonly issuedOn: string
  readonly publishedOn: string | null
  readonly basis: string
  readonly areasOfImprovement: string
  readonly improvementsRequired: string
  readonly assessment: string
  readonly assessBy: string | null
  readonly ifNotAchieved: string
}

export async function insertInstrument(
  trx: Db,
  interventionId: string,
  value: NewInstrument,
  recordedBy: string,
): Promise<string> {
  const { id } = await trx
    .insertInto('intervention_instruments')
    .values({
      intervention_id: interventionId,
      form: value.form,
      issuer: value.issuer,
      consulted_on: value.consultedOn,
      issued_on: value.issuedOn,
      published_on: value.publishedOn,
      basis: value.basis,
      areas_of_improvement: value.areasOfImprovement,
      improvements_required: value.improvementsRequired,
      assessment: value.assessment,
      assess_by: value.assessBy,
      if_not_achieved: value.ifNotAchieved,
      recorded_by: recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function concernsOf(db: Db, laCodes: readonly string[]): Promise<Concern[]> {
  if (laCodes.length === 0) return []
  const rows = await db
    .selectFrom('intervention_concerns')
    .selectAll()
    .where('la_code', 'in', [...laCodes])
    .orderBy('noted_on')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    laCode: row.la_code,
    kind: row.kind,
    notedOn: row.noted_on,
    note: row.note,
    resolvedOn: row.resolved_on,
  }))
}

export async function insertConcern(
  trx: Db,
  value: { laCode: string; kind: ConcernKind; notedOn: string; note: string; recordedBy: string },
): Promise<string> {
  const { id } = await trx
    .insertInto('intervention_concerns')
    .values({
      la_code: value.laCode,
      kind: value.kind,
      noted_on: value.notedOn,
      note: value.note,
      recorded_by: value.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function resolveConcern(trx: Db, id: string, resolvedOn: string): Promise<void> {
  await trx.updateTable('intervention_concerns').set({ resolved_on: resolvedOn }).where('id', '=', id).execute()
}
