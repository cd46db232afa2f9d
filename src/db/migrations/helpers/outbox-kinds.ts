import { type Kysely, sql } from 'kysely'

/**
 * Rebuild `outbox_kind_check` with the kinds it allows now plus `kinds` (or minus them, on a
 * migration's way down). Migrations from several areas each add the kinds of email they send;
 * reading the constraint back, rather than writing its whole list, keeps a kind another
 * migration added whichever of them runs first.
 */
export async function extendOutboxKinds(db: Kysely<any>, kinds: readonly string[], remove = false): Promise<void> {
  const { rows } = await sql<{ definition: string }>`
    select pg_get_constraintdef(c.oid) as definition
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and c.conname = 'outbox_kind_check'`.execute(db)
  const current = [...(rows[0]?.definition ?? '').matchAll(/'([^']*)'::text/g)].map((match) => match[1]!)
  const next = remove ? current.filter((kind) => !kinds.includes(kind)) : [...new Set([...current, ...kinds])]
  const list = next.map((kind) => `'${kind.replace(/'/g, "''")}'`).join(', ')
  await sql`alter table outbox drop constraint if exists outbox_kind_check`.execute(db)
  await sql.raw(`alter table outbox add constraint outbox_kind_check check (kind in (${list}))`).execute(db)
}
