import { onDatabaseWrite } from './request-scope.js'

/**
 * A number that changes whenever what a page could show may have changed (issue 16, ADR 0031):
 * after every write this process makes and every commit, and when another process says it wrote
 * (`dataChangedElsewhere`, from PostgreSQL's notices: src/db/change-notices.ts). Pages kept by
 * the page cache are kept with the number they were drawn at and are good only while it stands.
 *
 * Two kinds of write leave it alone, as no page shows them: a session's "last seen" time and
 * its end (the page cache sits behind the session check, which reads sessions itself), and an
 * entry in the audit log (written on every read of child-level data; a page that reads the
 * log is never kept). Counting them would throw every kept page away each time an inspector
 * opened a child's record.
 *
 * One number for the process, not one per database: a process with two databases (tests) only
 * throws away more than it needs to.
 */
let version = 0

const UNSEEN_WRITE = /^\s*(update|insert\s+into|delete\s+from)\s+"?(sessions|audit_events)"?[\s(]/i

onDatabaseWrite((statement) => {
  if (!UNSEEN_WRITE.test(statement)) version += 1
})

/** The data version now. */
export function dataVersion(): number {
  return version
}

/** Another process changed the data (or this one cannot tell whether it did). */
export function dataChangedElsewhere(): void {
  version += 1
}
