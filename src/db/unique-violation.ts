/**
 * True when a write failed on a unique constraint (SQLSTATE 23505), from PostgreSQL or PGlite,
 * optionally the one named: two requests that both checked and then both wrote, where the
 * second should hear "already done" rather than see a server error.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { code, constraint: violated, message } = error as { code?: unknown; constraint?: unknown; message?: unknown }
  if (code !== '23505') return false
  if (!constraint) return true
  return violated === constraint || (typeof message === 'string' && message.includes(constraint))
}
