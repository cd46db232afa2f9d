import type { Kysely } from 'kysely'
import type { Database } from '../db/tables.js'
import type { AuditAction } from './audit-actions.js'
import { recordAudit } from './audit.js'
import { isDefaultPassword, verifyPassword } from './passwords.js'
import { createSession } from './sessions.js'
import { findUserByEmail } from './users.js'

export interface SignInPolicy {
  readonly maxAttempts: number
  readonly lockoutMinutes: number
  /** In production the published demo password is refused even if an account still has it. */
  readonly refuseDefaultPasswords: boolean
}

export type SignInResult =
  | { readonly ok: true; readonly userId: string; readonly token: string }
  | { readonly ok: false; readonly reason: 'invalid' }
  | { readonly ok: false; readonly reason: 'locked'; readonly lockedUntil: Date }
  | { readonly ok: false; readonly reason: 'default-password' }

// Verified when the email is unknown, so a wrong email costs as long as a wrong password
// and response times do not reveal which accounts exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$nP/sAg2joLbI1TlxzeGA3w$fNnBgerPe43EVPM/M3MMglBT9mhorpfv9ENV09JXM/A'

/**
 * Sign in with email and password. After `maxAttempts` wrong passwords in a row the account is
 * locked for `lockoutMinutes` (issue 3: rate limiting and lockout); the route adds a per-address
 * rate limit on top. Every attempt is audited.
 */
export async function signInWithPassword(
  db: Kysely<Database>,
  input: { email: string; password: string; now: Date; requestId?: string },
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

  if (!user || user.disabled_at || !user.password_hash) {
    await verifyPassword(DUMMY_HASH, input.password)
    await audit(
      'sign-in.failed',
      user ? 'Sign-in refused: account disabled or without a password' : 'Sign-in refused: unknown email',
    )
    return { ok: false, reason: 'invalid' }
  }
  if (user.locked_until && new Date(user.locked_until) > input.now) {
    await audit('sign-in.locked', 'Sign-in refused: account locked after repeated wrong passwords')
    return { ok: false, reason: 'locked', lockedUntil: new Date(user.locked_until) }
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_sign_ins + 1
    if (failures >= policy.maxAttempts) {
      const lockedUntil = new Date(input.now.getTime() + policy.lockoutMinutes * 60_000)
      await db
        .updateTable('users')
        .set({ failed_sign_ins: 0, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute()
      await audit(
        'sign-in.lockout',
        `Account locked for ${policy.lockoutMinutes} minutes after ${failures} wrong passwords`,
      )
      return { ok: false, reason: 'locked', lockedUntil }
    }
    await db.updateTable('users').set({ failed_sign_ins: failures }).where('id', '=', user.id).execute()
    await audit('sign-in.failed', `Wrong password (${failures} of ${policy.maxAttempts} before lockout)`)
    return { ok: false, reason: 'invalid' }
  }
  if (policy.refuseDefaultPasswords && isDefaultPassword(input.password)) {
    await audit('sign-in.failed', 'Sign-in refused: the published demo password is not accepted in production')
    return { ok: false, reason: 'default-password' }
  }
  await db.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute()
  const token = await createSession(db, user.id, input.now)
  await audit('sign-in', 'Signed in with a password')
  return { ok: true, userId: user.id, token }
}
