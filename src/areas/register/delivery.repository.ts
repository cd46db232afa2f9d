import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import type { DeliveryBody, DeliveryBodyInput } from './delivery.js'

/** The SQL of the bodies with delegated functions (002#227-237): one row each, changed in place with a version. */
type Db = Kysely<Database> | Transaction<Database>

type Row = Awaited<ReturnType<typeof selectBodies>>[number]

function selectBodies(db: Db, laCodes: readonly string[]) {
  return db
    .selectFrom('delivery_bodies')
    .selectAll()
    .where('la_code', 'in', [...laCodes])
    .orderBy('since')
    .orderBy('name')
    .execute()
}

function toBody(row: Row): DeliveryBody {
  return {
    id: row.id,
    laCode: row.la_code,
    name: row.name,
    kind: row.kind,
    basis: row.basis,
    extent: row.extent,
    functions: row.functions,
    email: row.email,
    directionId: row.direction_id,
    since: row.since,
    until: row.until,
    version: row.version,
  }
}

/** The bodies of the LAs, oldest first. */
export async function deliveryBodiesOf(db: Db, laCodes: readonly string[]): Promise<DeliveryBody[]> {
  if (laCodes.length === 0) return []
  return (await selectBodies(db, laCodes)).map(toBody)
}

/** One body, locked for a change. */
export async function lockDeliveryBody(trx: Db, id: string): Promise<DeliveryBody | undefined> {
  const row = await trx.selectFrom('delivery_bodies').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  return row ? toBody(row) : undefined
}

const columns = (input: DeliveryBodyInput) => ({
  name: input.name,
  kind: input.kind,
  basis: input.basis,
  extent: input.extent,
  functions: input.functions,
  email: input.email,
  direction_id: input.directionId,
  since: input.since,
  until: input.until,
})

export async function insertDeliveryBody(
  trx: Db,
  laCode: string,
  input: DeliveryBodyInput,
  recordedBy: string,
): Promise<string> {
  const { id } = await trx
    .insertInto('delivery_bodies')
    .values({ la_code: laCode, ...columns(input), recorded_by: recordedBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateDeliveryBody(
  trx: Db,
  id: string,
  input: DeliveryBodyInput,
  recordedBy: string,
): Promise<void> {
  await trx
    .updateTable('delivery_bodies')
    .set((eb) => ({ ...columns(input), recorded_by: recordedBy, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute()
}
