import type { Kysely } from 'kysely'
import type { Database } from '../db/tables.js'
import type { AuditAction } from './audit-actions.js'
import { recordAudit } from './audit.js'
import { isDefaultPassword, verifyPassword } from './passwords.js'
import { createSession } from './sessions.js'
import { clearFailures, recordFailure, slowedUntil, type SlowdownPolicy } from './sign-in-throttle.js'
import { findUserByEmail } from './users.js'

export interface SignInPolicy extends SlowdownPolicy {
  /** In production the published demo password is refused even if an account still has it. */
  readonly refuseDefaultPasswords: boolean
}

export type SignInResult =
  | { readonly ok: true; readonly userId: string; readonly token: string }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'slowed'; readonly retryAt: Date }
  | { readonly ok: false; readonly reason: 'default-password' }

// Verified when the email is unknown, so a wrong email costs as long as a wrong password
// and response times do not reveal which accounts exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$nP/sAg2joLbI1TlxzeGA3w$fNnBgerPe43EVPM/M3MMglBT9mhorpfv9ENV09JXM/A'

/**
 * Sign in with email and password. Wrong passwords are counted per email address, known or not,
 * and after `maxAttempts` of them in a row attempts from a browser that has not signed in to the
 * account before must wait, longer each time (sign-in-throttle.ts); the route adds a per-address
 * limit on top. Every answer is the same whether the account exists or not. Every attempt is
 * audited.
 */
export async function signInWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; now: Date; requestId?: string; trustedBrowser?: boolean },
  policy: SignInPolicy,
): Promise<SignInResult> {
  const user = await findUserByEmail(db, input.email)
  const actor = { id: user?.id ?? null, email: input.email.trim().toLowerCase() }
  const audit = (action: AuditAction, summary: string) =>
    recordAudit(db, {
      actor,
      action,
      recordType: 'user',
      recordId: user?.id ?? null,
      summary,
      requestId: input.requestId ?? null,
      at: input.now,
    })

  if (!input.trustedBrowser) {
    const retryAt = await slowedUntil(db, input.email, input.now)
    if (retryAt) {
      await audit('sign-in.locked', 'Sign-in refused: too many wrong passwords for this email address; asked to wait')
      return { ok: false, reason: 'slowed', retryAt }
    }
  }
  const usable = user && !user.disabled_at && user.password_hash ? user : undefined
  const matches = await verifyPassword(usable?.password_hash ?? DUMMY_HASH, input.password)
  if (!usable || !matches) {
    const { failures, nextAttemptAt } = await recordFailure(db, input.email, input.now, policy)
    const why = !user
      ? 'unknown email'
      : !usable
        ? 'account disabled or without a password'
        : `wrong password (${failures} in a row)`
    if (nextAttemptAt > input.now) {
      await audit('sign-in.lockout', `Sign-in refused: ${why}; further attempts slowed down`)
      return input.trustedBrowser
        ? { ok: false, reason: 'invalid' }
        : { ok: false, reason: 'slowed', retryAt: nextAttemptAt }
    }
    await audit('sign-in.failed', `Sign-in refused: ${why}`)
    return { ok: false, reason: 'invalid' }
  }
  if (policy.refuseDefaultPasswords && isDefaultPassword(input.password)) {
    await audit('sign-in.failed', 'Sign-in refused: the published demo password is not accepted in production')
    return { ok: false, reason: 'default-password' }
  }
  await clearFailures(db, input.email)
  const token = await createSession(db, usable.id, input.now)
  await audit('sign-in', 'Signed in with a password')
  return { ok: true, userId: usable.id, token }
}
