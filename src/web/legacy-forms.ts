import type { FastifyReply } from 'fastify'
import { isIsoDate } from '../rules/calendar/dates.js'
import { ConflictError, ValidationError } from '../errors.js'

/**
 * The hand-read form helpers that came before the form pipeline (src/web/forms.ts, ADR 0008).
 * Areas move off them one by one; this file goes when the last one has.
 */
export type FieldErrors = Record<string, string>
export type FormBody = Record<string, unknown>

export function text(body: FormBody, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : ''
}

/** Every value of a repeated field (checkboxes). */
export function texts(body: FormBody, name: string): string[] {
  const value = body[name]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return typeof value === 'string' && value !== '' ? [value] : []
}

export interface DateField {
  readonly day: string
  readonly month: string
  readonly year: string
}

/** The three boxes of a GOV.UK date input named `name-day`, `name-month`, `name-year`. */
export function dateField(body: FormBody, name: string): DateField {
  return { day: text(body, `${name}-day`), month: text(body, `${name}-month`), year: text(body, `${name}-year`) }
}

/**
 * Read a GOV.UK date input as `YYYY-MM-DD`, or record the GOV.UK-pattern message for what is
 * wrong ("Enter …", "… must include a month", "… must be a real date").
 */
export function readDate(body: FormBody, name: string, label: string, errors: FieldErrors): string | undefined {
  const { day, month, year } = dateField(body, name)
  if (!day && !month && !year) {
    errors[name] = `Enter ${label}`
    return undefined
  }
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean)
  if (missing.length > 0) {
    errors[name] = `${capitalise(label)} must include a ${missing.join(' and ')}`
    return undefined
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    errors[name] = `${capitalise(label)} must be a real date, for example 27 3 2025`
    return undefined
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  if (!isIsoDate(iso)) {
    errors[name] = `${capitalise(label)} must be a real date`
    return undefined
  }
  return iso
}

/** Pre-fill a date input from a stored `YYYY-MM-DD` value. */
export function dateFieldFrom(iso: string | undefined | null): DateField {
  if (!iso) return { day: '', month: '', year: '' }
  const [year = '', month = '', day = ''] = iso.split('-')
  return { day: String(Number(day)), month: String(Number(month)), year }
}

/** Items for govukDateInput, with the error class on the boxes when the field has an error. */
export function dateInputItems(name: string, value: DateField, hasError: boolean): Array<Record<string, unknown>> {
  const errorClass = hasError ? ' govuk-input--error' : ''
  return [
    { name: 'day', id: `${name}-day`, value: value.day, classes: `govuk-input--width-2${errorClass}` },
    { name: 'month', id: `${name}-month`, value: value.month, classes: `govuk-input--width-2${errorClass}` },
    { name: 'year', id: `${name}-year`, value: value.year, classes: `govuk-input--width-4${errorClass}` },
  ]
}

/** The error summary's list: each message links to its field. */
export function errorList(
  errors: FieldErrors,
  anchors: Record<string, string> = {},
): Array<{ text: string; href: string }> {
  return Object.entries(errors).map(([field, message]) => ({ text: message, href: `#${anchors[field] ?? field}` }))
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Run a form's action (Post/Redirect/Get): on success redirect with 303; when the service
 * refuses the input (ValidationError) or the record changed meanwhile (ConflictError, kept
 * under `version`), show the form again with the errors. Anything else is a real failure.
 */
export async function submitForm(
  reply: FastifyReply,
  action: () => Promise<unknown>,
  onInvalid: (errors: FieldErrors) => Promise<unknown>,
  redirect: string,
): Promise<unknown> {
  try {
    await action()
  } catch (error) {
    if (error instanceof ValidationError) return onInvalid({ ...error.fieldErrors })
    if (error instanceof ConflictError) return onInvalid({ version: error.message })
    throw error
  }
  return reply.redirect(redirect, 303)
}
