const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * True when `id` could be a record id (a UUID). Checked before a lookup so that a malformed id in
 * an address is "Page not found", not a database error (PostgreSQL refuses it as a uuid).
 */
export function isRecordId(id: string): boolean {
  return UUID.test(id)
}
