import type { Kysely, Transaction } from 'kysely'
import { keepOutOfPageCache, repeatWhenServedAgain } from '../db/request-scope.js'
import type { AuditEventRow, Database } from '../db/tables.js'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction, isAuditAction } from './audit-actions.js'
import type { Principal } from './policy.js'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The audit log (issue 3, ARCHITECTURE "Data rules"): every change, and every read of
 * child-level data, records who, when, which record and what changed. Rows are append-only
 * (a trigger refuses UPDATE and DELETE). Write it in the same transaction as the change, so a
 * change is never without its entry. Never put child-level data in `summary` or `changes`:
 * ids, not names.
 */
export interface AuditEntry {
  readonly actor: Pick<Principal, 'id' | 'email'> | { readonly id: null; readonly email: string }
  readonly action: AuditAction
  readonly recordType: string
  readonly recordId?: string | null
  readonly laCode?: string | null
  readonly summary: string
  readonly changes?: Record<string, unknown> | null
  readonly requestId?: string | null
  readonly at?: Date
}

/** Write one entry to the audit log, in the caller's transaction when it has one. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await recordAudits(db, [entry])
}

/**
 * Write many entries (an import's hundreds of records), in the caller's transaction: 1,000 rows
 * a statement, as PostgreSQL allows 65,535 parameters in one and a row takes ten.
 */
export async function recordAudits(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  await insertAudits(db, entries)
  // A page drawn in a web request may be kept and served again (ADR 0031): each serving is
  // audited as this one was, for its own request and time. Entries written in a transaction
  // belong with its other writes, and such a page is never kept.
  if (db.isTransaction) keepOutOfPageCache('it wrote audit entries in a transaction')
  else
    repeatWhenServedAgain(({ requestId, at }) =>
      servingsAudit(db).write(
        entries.map((entry) => ({
          ...entry,
          ...(entry.requestId ? { requestId } : {}),
          ...(entry.at ? { at } : {}),
        })),
      ),
    )
}

async function insertAudits(db: Db, entries: readonly AuditEntry[]): Promise<void> {
  for (let from = 0; from < entries.length; from += 1000)
    await db
      .insertInto('audit_events')
      .values(entries.slice(from, from + 1000).map(auditRow))
      .execute()
}

/**
 * The audit entries of kept pages' servings (ADR 0031), written together: while one insert runs,
 * the entries of the servings that arrive meanwhile gather and go in the next, one statement for
 * all of them. Each serving still waits until its own entries are written before its page is
 * sent, and if the insert fails, every serving in it fails. One Annex A findings page served a
 * hundred times at once was a hundred inserts one after another (issue 16: 0.31 of the page's
 * bytes sent from memory); an idle service writes after one turn of the event loop.
 */
class ServingsAudit {
  private waiting: Array<{ entries: readonly AuditEntry[]; done: (error?: unknown) => void }> = []
  private writing = false

  constructor(private readonly db: Kysely<Database>) {}

  write(entries: readonly AuditEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entries, done: (error) => (error === undefined ? resolve() : reject(error)) })
      // After one turn of the event loop: on the embedded database an insert runs on this thread,
      // so no serving arrives while it runs, and the servings of one burst must gather first.
      if (!this.writing) {
        this.writing = true
        setImmediate(() => void this.writeWaiting())
      }
    })
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting
      this.waiting = []
      try {
        await insertAudits(
          this.db,
          batch.flatMap((serving) => serving.entries),
        )
        for (const serving of batch) serving.done()
      } catch (error) {
        for (const serving of batch) serving.done(error ?? new Error('The audit entries were not written'))
      }
    }
    this.writing = false
  }
}

const servingsAudits = new WeakMap<Kysely<Database>, ServingsAudit>()

function servingsAudit(db: Kysely<Database>): ServingsAudit {
  let known = servingsAudits.get(db)
  if (!known) servingsAudits.set(db, (known = new ServingsAudit(db)))
  return known
}

function auditRow(entry: AuditEntry) {
  return {
    actor_id: entry.actor.id,
    actor_label: entry.actor.email,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId ?? null,
    la_code: entry.laCode ?? null,
    summary: entry.summary,
    changes: entry.changes ? JSON.stringify(entry.changes) : null,
    request_id: entry.requestId ?? null,
    // Kysely writes DEFAULT (now) for a row without it, even beside rows that have it.
    ...(entry.at ? { occurred_at: entry.at } : {}),
  }
}

/** The system itself, for entries no person caused (start-up loads, scheduled jobs). */
export const SYSTEM_ACTOR = { id: null, email: 'system' } as const

export interface AuditSearch {
  readonly actor?: string | undefined
  readonly action?: string | undefined
  readonly recordType?: string | undefined
  readonly recordId?: string | undefined
  readonly laCode?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly page: number
  readonly pageSize: number
}

export interface AuditPage {
  readonly events: AuditEventRow[]
  readonly total: number
}

/** Search the log, newest first. `from`/`to` are dates (inclusive) in UTC. */
export async function searchAudit(db: Db, search: AuditSearch): Promise<AuditPage> {
  let query = db.selectFrom('audit_events')
  if (search.actor) query = query.where('actor_label', 'ilike', `%${escapeLike(search.actor)}%`)
  if (search.action) query = query.where('action', '=', search.action)
  if (search.recordType) query = query.where('record_type', '=', search.recordType)
  if (search.recordId) query = query.where('record_id', '=', search.recordId)
  if (search.laCode) query = query.where('la_code', '=', search.laCode)
  if (search.from) query = query.where('occurred_at', '>=', new Date(`${search.from}T00:00:00Z`))
  if (search.to)
    query = query.where('occurred_at', '<', new Date(new Date(`${search.to}T00:00:00Z`).getTime() + 86_400_000))
  const [events, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ])
  return { events, total: Number(count.total) }
}

/**
 * The choices of the search form's selects: every action the service writes, with its label,
 * then any older action only the log still holds; and the record types in the log.
 */
export async function auditVocabulary(
  db: Db,
): Promise<{ actions: Array<{ value: string; label: string }>; recordTypes: string[] }> {
  const [stored, recordTypes] = await Promise.all([
    db.selectFrom('audit_events').select('action').distinct().orderBy('action').execute(),
    db.selectFrom('audit_events').select('record_type').distinct().orderBy('record_type').execute(),
  ])
  const retired = stored.map((row) => row.action).filter((action) => !isAuditAction(action))
  return {
    actions: [
      ...AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] })),
      ...retired.map((action) => ({ value: action, label: action })),
    ],
    recordTypes: recordTypes.map((row) => row.record_type),
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`)
}
