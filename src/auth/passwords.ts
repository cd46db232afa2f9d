import { hash, verify } from '@node-rs/argon2'

/**
 * Password hashing with argon2id (OWASP's first choice), at the library's defaults
 * (19 MiB memory, 2 iterations), which take ~30 ms here: slow for an attacker, quick for a user.
 */
export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

/** True when `password` matches `passwordHash`; false for a malformed hash rather than throwing. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** The password every demo account is created with; listed in the README. */
export const DEMO_PASSWORD = 'demo-password-2026'

/** Passwords that must never be accepted in production (published in the README). */
export function isDefaultPassword(password: string): boolean {
  return password === DEMO_PASSWORD
}

/** The minimum rules for a password an administrator sets (NCSC: length over complexity). */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 12) return 'Password must be 12 characters or more'
  if (password.length > 256) return 'Password must be 256 characters or fewer'
  if (isDefaultPassword(password)) return 'Choose a password that is not the published demo password'
  return undefined
}
