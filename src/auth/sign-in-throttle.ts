import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/tables.js'

/**
 * How wrong passwords slow sign-in down (issue 10; the ADR "Sign-in slows down, never locks"). Failures are counted per email
 * address as typed, whether an account has it or not, so an unknown address is answered exactly
 * as a known one; the count goes up in one statement, so concurrent guesses each count. After
 * `maxAttempts` failures in a row each further failure doubles the wait before the next
 * attempt, from 30 seconds to at most `maxDelayMinutes`. A browser that has signed in to the
 * account before does not wait (the route decides that): so nobody can keep an account's owner
 * out by guessing at it.
 */
export interface SlowdownPolicy {
  readonly maxAttempts: number
  readonly maxDelayMinutes: number
}

/** The first wait once the free attempts are used; it doubles with each further failure. */
const FIRST_DELAY_SECONDS = 30
/** Counts untouched for this long are forgotten (the table keeps no long list of guesses). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000

/** The key of an email address in the table: a SHA-256, so mistyped addresses are not kept. */
export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex')
}

/** Seconds to wait after the `failures`-th wrong password in a row (0 while attempts are free). */
export function slowdownSeconds(failures: number, policy: SlowdownPolicy): number {
  if (failures < policy.maxAttempts) return 0
  const doublings = Math.min(30, failures - policy.maxAttempts)
  return Math.min(policy.maxDelayMinutes * 60, FIRST_DELAY_SECONDS * 2 ** doublings)
}

/** When the next attempt for this address is allowed, or undefined if it is allowed now. */
export async function slowedUntil(db: Kysely<Database>, email: string, now: Date): Promise<Date | undefined> {
  const row = await db
    .selectFrom('sign_in_throttles')
    .select('next_attempt_at')
    .where('email_key', '=', emailKey(email))
    .executeTakeFirst()
  const next = row ? new Date(row.next_attempt_at) : undefined
  return next && next > now ? next : undefined
}

/** The wait of each address that has one now, by key (the accounts page shows them). */
export async function slowedAddresses(
  db: Kysely<Database>,
  emails: readonly string[],
  now: Date,
): Promise<Map<string, Date>> {
  const found = new Map<string, Date>()
  if (emails.length === 0) return found
  const rows = await db
    .selectFrom('sign_in_throttles')
    .select(['email_key', 'next_attempt_at'])
    .where('email_key', 'in', emails.map(emailKey))
    .where('next_attempt_at', '>', now)
    .execute()
  for (const row of rows) found.set(row.email_key, new Date(row.next_attempt_at))
  return found
}

/**
 * Count a wrong password for the address, atomically, and set when the next attempt may come.
 * Returns the number of failures in a row and that time.
 */
export async function recordFailure(
  db: Kysely<Database>,
  email: string,
  now: Date,
  policy: SlowdownPolicy,
): Promise<{ failures: number; nextAttemptAt: Date }> {
  const key = emailKey(email)
  const { failures } = await db
    .insertInto('sign_in_throttles')
    .values({ email_key: key, failures: 1, last_failure_at: now, next_attempt_at: now })
    .onConflict((oc) =>
      oc.column('email_key').doUpdateSet({
        failures: sql<number>`sign_in_throttles.failures + 1`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow()
  const nextAttemptAt = new Date(now.getTime() + slowdownSeconds(failures, policy) * 1000)
  // Concurrent failures each compute a wait: the longest stands.
  await db
    .updateTable('sign_in_throttles')
    .set({ next_attempt_at: sql<Date>`greatest(next_attempt_at, ${nextAttemptAt})` })
    .where('email_key', '=', key)
    .execute()
  if (failures === 1)
    await db
      .deleteFrom('sign_in_throttles')
      .where('last_failure_at', '<', new Date(now.getTime() - FORGET_AFTER_MS))
      .execute()
  return { failures, nextAttemptAt }
}

/** Forget the failures of an address: after a right password, or when an administrator says so. */
export async function clearFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('email_key', '=', emailKey(email)).execute()
}
