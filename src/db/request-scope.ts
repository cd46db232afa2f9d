import { AsyncLocalStorage } from 'node:async_hooks'
import type { LogEvent } from 'kysely'

/**
 * What one web request has done with the database (issue 16): every query it ran, and reads
 * remembered for the rest of the request so a page that asks for the same activity from six
 * dashboard providers reads it once. The scope follows the request's asynchronous work through
 * `AsyncLocalStorage`; outside a request (jobs, the CLI, tests calling services) there is none,
 * and everything reads the database as before.
 */
export interface RequestScope {
  /** Each query the request ran, as sent: the SQL and its parameters. */
  readonly queries: Array<{ readonly sql: string; readonly parameters: readonly unknown[] }>
  /** Reads remembered for this request, by a key naming the read and its arguments. */
  readonly memo: Map<string, Promise<unknown>>
  /**
   * Why the page this request draws must not be kept for the next one (src/web/page-cache.ts):
   * it wrote something other than audit entries, it read the audit log, or it showed what changes
   * without a write (`keepOutOfPageCache`). Undefined while nothing says so.
   */
  notToKeep: string | undefined
  /**
   * Writes to make again each time the page is served as kept: its audit entries (an audited read
   * of child-level data is audited every time it is seen, ADR 0031).
   */
  readonly repeatWhenServed: RepeatedWrite[]
}

/** A write made again when a kept page is served, for that request and at that time. */
export type RepeatedWrite = (served: { readonly requestId: string; readonly at: Date }) => Promise<void>

const storage = new AsyncLocalStorage<RequestScope>()

/** Run `work` (and everything it starts) in a new request scope. */
export function runInRequestScope<T>(work: () => T): T {
  return storage.run({ queries: [], memo: new Map(), notToKeep: undefined, repeatWhenServed: [] }, work)
}

/** The scope of the request running now, if any. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore()
}

const WRITE = /^\s*(insert|update|delete|merge|truncate|with\b[\s\S]*\b(insert|update|delete)\b)/i
const COMMIT = /^\s*commit\b/i
const READS_AUDIT_LOG = /\baudit_events\b/
/** An audit entry: made again when the page is served again (`repeatWhenServedAgain`), so no bar to keeping it. */
const AUDIT_ENTRY = /^\s*insert\s+into\s+"?audit_events"?[\s(]/i

/**
 * Kysely's `log` hook: count the query in the current request, and forget what the request
 * remembered after any write, so a page drawn after a change within the same request reads afresh.
 */
export function recordQuery(event: LogEvent): void {
  const { sql, parameters } = event.query
  const write = WRITE.test(sql)
  // A commit is told as a write too: what a transaction wrote is seen by others only now.
  if (write || COMMIT.test(sql)) for (const listener of writeListeners) listener(sql)
  const scope = storage.getStore()
  if (!scope) return
  // Kept only while someone listens (tests, the query-count report): not on every request in service.
  if (watchers.size > 0) scope.queries.push({ sql, parameters })
  if (write) {
    scope.memo.clear()
    if (!AUDIT_ENTRY.test(sql)) scope.notToKeep ??= 'it wrote to the database'
  } else if (READS_AUDIT_LOG.test(sql)) scope.notToKeep ??= 'it read the audit log'
}

/**
 * `write` is made again, for the serving request, each time the page this request draws is
 * served as kept (the audit entries of a read of child-level data).
 */
export function repeatWhenServedAgain(write: RepeatedWrite): void {
  storage.getStore()?.repeatWhenServed.push(write)
}

/**
 * The page this request draws shows something that changes without a write to the database
 * (an Annex A check's progress, held in memory): it is drawn afresh every time.
 */
export function keepOutOfPageCache(reason: string): void {
  const scope = storage.getStore()
  if (scope) scope.notToKeep ??= reason
}

const writeListeners = new Set<(sql: string) => void>()

/**
 * Hear of every write this process makes, by its SQL (the session cache forgets accounts when
 * one changes), and of every commit (as `commit`). Called after the statement; listeners must
 * be quick.
 */
export function onDatabaseWrite(listener: (sql: string) => void): void {
  writeListeners.add(listener)
}

/**
 * `load()` once per request for the same `key`; outside a request, every call loads. The key
 * must name everything the result depends on (the read and all its arguments). A write in the
 * request clears what was remembered, and so does a failed load (the next caller retries).
 */
export function memoisedForRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore()
  if (!scope) return load()
  const known = scope.memo.get(key)
  if (known) return known as Promise<T>
  const loading = load()
  scope.memo.set(key, loading)
  loading.catch(() => {
    if (scope.memo.get(key) === loading) scope.memo.delete(key)
  })
  return loading
}

/** Something told each request's queries when it ends (tests, the query-count report). */
export type RequestWatcher = (request: { readonly id: string; readonly url: string }, scope: RequestScope) => void

const watchers = new Set<RequestWatcher>()

/** Hear of every request's queries as it ends, until the returned function is called. */
export function watchRequests(watcher: RequestWatcher): () => void {
  watchers.add(watcher)
  return () => watchers.delete(watcher)
}

/** Called by the web app when a request ends. */
export function requestEnded(request: { readonly id: string; readonly url: string }, scope: RequestScope): void {
  for (const watcher of watchers) watcher(request, scope)
}

/**
 * A repository read made once per web request: `memoisedForRequest`, except inside a
 * transaction (which must see its own writes and its locks), where it always reads.
 */
export function readOncePerRequest<T>(db: { readonly isTransaction: boolean }, key: string, load: () => Promise<T>) {
  return db.isTransaction ? load() : memoisedForRequest(key, load)
}

/**
 * Reads keyed by id, batched and made once per request: `loadMissing` is called once with the
 * ids this request has not read yet (never with one it has), and the answer is each id's value.
 * Two providers asking for the teams of overlapping sets of activities cost one query each at
 * most, and the second often none.
 */
export async function memoisedEach<T>(
  name: string,
  ids: readonly string[],
  loadMissing: (ids: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T | undefined>> {
  const unique = [...new Set(ids)]
  const scope = storage.getStore()
  if (!scope) return loadMissing(unique)
  const key = (id: string) => `${name}:${id}`
  const missing = unique.filter((id) => !scope.memo.has(key(id)))
  if (missing.length > 0) {
    const loading = loadMissing(missing)
    for (const id of missing) {
      const one = loading.then((values) => values.get(id))
      scope.memo.set(key(id), one)
      one.catch(() => {
        if (scope.memo.get(key(id)) === one) scope.memo.delete(key(id))
      })
    }
  }
  const values = await Promise.all(unique.map((id) => scope.memo.get(key(id)) as Promise<T | undefined>))
  return new Map(unique.map((id, index) => [id, values[index]]))
}

/** Remember `value` as this request's answer to `key` (a list read priming the reads of each row). */
export function primeForRequest(key: string, value: unknown): void {
  const scope = storage.getStore()
  if (scope && !scope.memo.has(key)) scope.memo.set(key, Promise.resolve(value))
}

/**
 * The rows of many owners (activities, reports) read together and once per request for each
 * owner (issue 16: a home page's providers loop over activities; each asks for all of them at
 * once). `loadMissing` gets the ids this request has not read yet and returns their rows as
 * `[ownerId, row]` pairs, in order; the answer has every id asked for, with an empty list for one
 * that has none.
 */
export async function memoisedRowsOf<T>(
  name: string,
  ids: readonly string[],
  loadMissing: (ids: readonly string[]) => Promise<Iterable<readonly [string, T]>>,
): Promise<Map<string, T[]>> {
  const byId = await memoisedEach(name, ids, async (missing) => {
    const grouped = new Map<string, T[]>(missing.map((id) => [id, []]))
    for (const [id, row] of await loadMissing(missing)) grouped.get(id)?.push(row)
    return grouped
  })
  return new Map([...byId].map(([id, rows]) => [id, rows ?? []]))
}
