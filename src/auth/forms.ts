import { z } from 'zod'
import { defineForm, field } from '../web/forms.js'

/** The forms and route inputs of signing in (ADR 0008). */

/** Only same-site paths may be a sign-in's destination (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : '/'
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
