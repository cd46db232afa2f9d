import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import type { Database } from './tables.js'
import { dataChangedElsewhere } from './data-version.js'

/**
 * Several instances on one PostgreSQL (ADR 0020) each keep pages drawn from the data (the page
 * cache, ADR 0031); each must hear at once when another one writes. Every table gets a trigger,
 * run once per statement, that sends a notice on one channel naming its schema and table;
 * PostgreSQL delivers it when the writing transaction commits, and only then. Each instance
 * listens on a connection of its own and moves its data version on (src/db/data-version.ts).
 * The triggers are made after the migrations on every start, for every table there is, so a
 * table added later is covered without anyone remembering to. PGlite runs the same SQL; with
 * one process there is no one else to tell, and nobody listens.
 */
export const CHANGE_CHANNEL = 'ilacs_data_changed'

/** Tables whose writes no page shows (as in data-version.ts): no notice for them. */
const UNSEEN_TABLES = ['sessions', 'audit_events', 'kysely_migration', 'kysely_migration_lock']

/**
 * Give every table of the current schema its change trigger, once (safe to run again). In one
 * transaction under an advisory lock: instances starting together on one database would
 * otherwise both find a trigger missing and both make it, and the second would fail.
 */
export async function ensureChangeTriggers(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('ilacs_change_triggers'))`.execute(trx)
    await makeChangeTriggers(trx)
  })
}

async function makeChangeTriggers(db: Kysely<Database>): Promise<void> {
  await sql`
    create or replace function ilacs_data_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(CHANGE_CHANNEL)}, tg_table_schema || '.' || tg_table_name);
      return null;
    end $$`.execute(db)
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relnamespace = (select oid from pg_namespace where nspname = current_schema()) and c.relkind in ('r', 'p')
      and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'ilacs_data_changed')`.execute(
    db,
  )
  for (const { name } of rows) {
    if (UNSEEN_TABLES.includes(name)) continue
    await sql`create trigger ilacs_data_changed after insert or update or delete or truncate on ${sql.table(name)}
      for each statement execute function ilacs_data_changed()`.execute(db)
  }
}

export interface ChangeListener {
  /** True while the listening connection is up: until then nothing kept may be trusted. */
  readonly listening: () => boolean
  close(): Promise<void>
}

/**
 * Listen for other instances' changes to `schema` on a connection of its own. While the
 * connection is down `listening()` is false and the page cache keeps and serves nothing; the
 * connection is opened again after a second, and the data version moves on when it is back, as
 * changes made meanwhile were not heard. Notices sent by `isOwnBackend` processes are passed
 * over: this process counted those writes when it made them.
 */
export function listenForChanges(
  url: string,
  schema: string | undefined,
  /** True for a server process whose writes this process has counted already (its own pool's). */
  isOwnBackend: (processId: number) => boolean = () => false,
): ChangeListener {
  let client: pg.Client | undefined
  let up = false
  let closed = false
  let retry: NodeJS.Timeout | undefined

  const connect = async () => {
    const next = new pg.Client({
      connectionString: url,
      // Named, so an operator (and a test) can tell it in pg_stat_activity.
      application_name: `ilacs-changes ${schema ?? ''}`.trim(),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    })
    client = next
    next.on('notification', (notice) => {
      if (notice.channel !== CHANGE_CHANNEL || isOwnBackend(notice.processId)) return
      const noticeSchema = notice.payload?.split('.')[0]
      if (!schema || noticeSchema === schema) dataChangedElsewhere()
    })
    next.on('error', () => lost(next))
    next.on('end', () => lost(next))
    try {
      await next.connect()
      await next.query(`listen ${CHANGE_CHANNEL}`)
      if (closed) return void (await next.end().catch(() => undefined))
      // The schema to match is the one this connection reads by default (public when none is set).
      schema ??= (await next.query<{ schema: string }>('select current_schema() as schema')).rows[0]?.schema
      up = true
      dataChangedElsewhere()
    } catch {
      lost(next)
    }
  }
  const lost = (which: pg.Client) => {
    if (which !== client) return
    up = false
    dataChangedElsewhere()
    client = undefined
    which.end().catch(() => undefined)
    if (!closed && !retry)
      retry = setTimeout(() => {
        retry = undefined
        void connect()
      }, 1000).unref()
  }
  void connect()
  return {
    listening: () => up,
    async close() {
      closed = true
      up = false
      if (retry) clearTimeout(retry)
      await client?.end().catch(() => undefined)
    },
  }
}
