import { z } from 'zod'
import { defineForm, field } from '../web/forms.js'

/** The forms and route inputs of signing in (ADR 0008). */

const ORIGIN = 'https://this.service.invalid'

/**
 * Only a path on this service may be a sign-in's destination (no open redirect). Browsers drop
 * tabs and line breaks from an address, so `/<tab>/evil.example` would become `//evil.example`:
 * anything holding a control character or space is refused, and what remains must stay on this
 * origin once parsed as a browser would. Anything else goes home.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2000) return '/'
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u0020\u007f\\]/.test(next) || next.startsWith('//')) return '/'
  try {
    const url = new URL(next, ORIGIN)
    return url.origin === ORIGIN ? `${url.pathname}${url.search}${url.hash}` : '/'
  } catch {
    return '/'
  }
}

/** Where to go once signed in: a path on this service, or home. */
const next = () => z.unknown().optional().transform(safeNext)

/** `?next=` of the sign-in pages. */
export const signInQuery = z.object({ next: next() })

export const signInForm = defineForm({
  email: field.required('Enter your email address'),
  // A password is what was typed, spaces included: never trimmed.
  password: z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value : ''))
    .pipe(z.string().min(1, { error: 'Enter your password' })),
  next: field.text().transform(safeNext),
})
