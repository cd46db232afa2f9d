import { z } from 'zod'
import { ACCOUNT_MESSAGES } from '../../auth/accounts.js'
import { passwordProblem } from '../../auth/passwords.js'
import { ROLES } from '../../auth/roles.js'
import { defineForm, field } from '../../web/forms.js'
import { isRecordId } from '../../db/record-id.js'

/** The forms and route inputs of the admin area (ADR 0008). */

/** An account's id; anything else is "Page not found". */
export const userParams = z.object({ userId: z.string().refine(isRecordId) })

export const usersQuery = z.object({ q: field.optionalText(), role: field.optionalText() })

/** `?done=` after an account was created or changed. */
export const userQuery = z.object({ done: field.optionalText() })

/** The audit log's search; the page checks the dates and shows what is wrong with them. */
export const auditQuery = z.object({
  actor: field.optionalText(),
  action: field.optionalText(),
  recordType: field.optionalText(),
  recordId: field.optionalText(),
  laCode: field.optionalText(),
  from: field.optionalText(),
  to: field.optionalText(),
  page: field.optionalText(),
})

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A password exactly as typed (spaces are part of it, so it is not trimmed) that the password
 * policy accepts; blank only where `blank` allows it (single sign-on accounts).
 */
function passwordField({ blank }: { blank: boolean }) {
  return z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value : ''))
    .superRefine((value, context) => {
      const problem = value === '' && blank ? undefined : passwordProblem(value)
      if (problem) context.addIssue({ code: 'custom', message: problem })
    })
}

/**
 * A new account. The region, LA and LA codes are choices among the register's (passed in, as
 * they are reference data); which of them the role needs is the accounts service's rule.
 */
export function accountForm(places: { regionCodes: readonly string[]; laCodes: readonly string[] }) {
  const regions = new Set(places.regionCodes)
  const las = new Set(places.laCodes)
  return defineForm({
    email: field
      .text()
      .transform((email) => email.toLowerCase())
      .pipe(z.string().regex(EMAIL, { error: ACCOUNT_MESSAGES.email })),
    displayName: field.required(ACCOUNT_MESSAGES.displayName),
    role: field.choice(ROLES, ACCOUNT_MESSAGES.role),
    regionCode: field.text().refine((code) => !code || regions.has(code), { error: ACCOUNT_MESSAGES.regionCode }),
    laCode: field.text().refine((code) => !code || las.has(code), { error: ACCOUNT_MESSAGES.laCode }),
    laCodes: field
      .text()
      .transform((text) => text.split(/[\s,;]+/).filter(Boolean))
      .superRefine((codes, context) => {
        const unknown = codes.filter((code) => !las.has(code))
        if (unknown.length > 0) context.addIssue({ code: 'custom', message: ACCOUNT_MESSAGES.unknownLaCodes(unknown) })
      }),
    password: passwordField({ blank: true }),
  })
}

/** Setting a new password for someone. */
export const passwordForm = defineForm({ password: passwordField({ blank: false }) })

/** A button with nothing to fill in (disable, enable, unlock). */
export const buttonForm = defineForm({})
