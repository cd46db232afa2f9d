import { z } from 'zod'
import { isIsoDate } from '../rules/calendar/dates.js'

/**
 * The form pipeline (ADR 0008). Every form is a zod schema over its fields, parsed at the edge
 * into typed values or GOV.UK field errors; services receive the typed values and never see a
 * request body. Field errors are a map `{ field: message }` (STYLE.md "Form errors as a map"),
 * worded as GOV.UK asks ("Enter…", "Select…", "… must be a real date").
 */
export type FieldErrors = Record<string, string>
export type FormBody = Record<string, unknown>

/** The three boxes of a GOV.UK date input, as typed; hour and minute when the form asks a time. */
export interface DateField {
  readonly day: string
  readonly month: string
  readonly year: string
  readonly hour?: string
  readonly minute?: string
}

/**
 * A submitted value as trimmed text: '' when absent, or when a field sent twice is not text.
 * Every field starts from `z.unknown().optional()`: a form that leaves a field out (an unticked
 * box, an unchosen radio) gives the field's own message, never zod's "expected nonoptional".
 */
const submitted = () => z.unknown().optional()
const rawText = submitted().transform((value) => (typeof value === 'string' ? value.trim() : ''))

const DATE_FIELDS = new WeakSet<z.ZodType>()
const TIME_FIELDS = new WeakSet<z.ZodType>()

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function dateParts(value: unknown): DateField {
  const parts = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const part = (name: string) => (typeof parts[name] === 'string' ? (parts[name] as string).trim() : '')
  return { day: part('day'), month: part('month'), year: part('year'), hour: part('hour'), minute: part('minute') }
}

/**
 * A GOV.UK date input as `YYYY-MM-DD`, or the GOV.UK-pattern message for what is wrong ("Enter …",
 * "… must include a month", "… must be a real date"). Blank is `undefined` unless `required`.
 */
function dateInput(label: string, required: boolean) {
  const schema = submitted().transform((value, context): string | undefined => {
    const { day, month, year } = dateParts(value)
    const fail = (message: string) => {
      context.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    if (!day && !month && !year) return required ? fail(`Enter ${label}`) : undefined
    const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean)
    if (missing.length > 0) return fail(`${capitalise(label)} must include a ${missing.join(' and ')}`)
    if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
      return fail(`${capitalise(label)} must be a real date, for example 27 3 2025`)
    }
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    if (!isIsoDate(iso)) return fail(`${capitalise(label)} must be a real date`)
    return iso
  })
  DATE_FIELDS.add(schema)
  return schema
}

/** Hour and minute boxes (24-hour) as `HH:MM`, or undefined when they are not a time of day. */
export function timeOfDay(hour: string, minute: string): string | undefined {
  if (!/^\d{1,2}$/.test(hour) || !/^\d{1,2}$/.test(minute)) return undefined
  if (Number(hour) > 23 || Number(minute) > 59) return undefined
  return `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`
}

/** An England wall-clock date and time as the instant it names (BST or GMT, whatever the server's zone). */
export function londonInstant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`)
  const london = new Date(guess.toLocaleString('en-US', { timeZone: 'Europe/London' }))
  const utc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }))
  return new Date(guess.getTime() - (london.getTime() - utc.getTime()))
}

/** The building blocks of form schemas. Each reads what a GOV.UK component submits. */
export const field = {
  /** Free text, trimmed; '' when left blank. */
  text: () => rawText,
  /** Text that may be left out: undefined when blank (filters in a query string). */
  optionalText: () => rawText.transform((value) => value || undefined),
  /** Text that must be entered: `message` when blank. */
  required: (message: string) => rawText.pipe(z.string().min(1, { error: message })),
  /** Text of at most `max` characters. */
  limited: (max: number, message: string) => rawText.pipe(z.string().max(max, { error: message })),
  /** One of a set of radios or a select: `message` when none (or something else) is chosen. */
  choice: <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
    rawText.pipe(z.enum(values, { error: message })),
  /** Every ticked value of a set of checkboxes (none is an empty list). */
  checkboxes: () =>
    submitted().transform((value) =>
      Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string' && item !== '')
        : typeof value === 'string' && value !== ''
          ? [value]
          : [],
    ),
  /**
   * A text box repeated once a row under the same name (one per delegated body): every value in
   * order, trimmed, blanks kept so that the rows of two such fields line up.
   */
  rows: () =>
    submitted().transform((value) =>
      (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) =>
        typeof item === 'string' ? item.trim() : '',
      ),
    ),
  /** A yes/no checkbox or radio: true only for "yes". */
  yes: () => rawText.transform((value) => value === 'yes'),
  /** A GOV.UK date input (`name-day`, `name-month`, `name-year`) that must be filled in. */
  date: (label: string) => dateInput(label, true) as z.ZodType<string, unknown>,
  /** A GOV.UK date input that may be left blank. */
  optionalDate: (label: string) => dateInput(label, false),
  /** A date input with hour and minute boxes (`name-hour`, `name-minute`), in England's time. */
  dateTime: (label: string, timeMessage: string) => {
    const date = dateInput(label, true)
    const schema = submitted().transform((value, context): Date => {
      const day = date.safeParse(value)
      if (!day.success || !day.data) {
        context.addIssue({ code: 'custom', message: day.error?.issues[0]?.message ?? `Enter ${label}` })
        return z.NEVER
      }
      const parts = dateParts(value)
      const time = timeOfDay(parts.hour ?? '', parts.minute ?? '')
      if (!time) {
        context.addIssue({ code: 'custom', message: timeMessage })
        return z.NEVER
      }
      return londonInstant(day.data, time)
    })
    DATE_FIELDS.add(schema)
    return schema
  },
  /** Hour and minute boxes (`name-hour`, `name-minute`, 24-hour) as `HH:MM`; `message` when not a time. */
  time: (message: string) => {
    const schema = submitted().transform((value, context): string => {
      const parts = dateParts(value)
      const time = timeOfDay(parts.hour ?? '', parts.minute ?? '')
      if (time) return time
      context.addIssue({ code: 'custom', message })
      return z.NEVER
    })
    TIME_FIELDS.add(schema)
    return schema
  },
  /** The version of the record the form was built from (optimistic locking); undefined if absent. */
  version: () =>
    rawText.transform((value) => {
      const number = Number.parseInt(value, 10)
      return Number.isFinite(number) ? number : undefined
    }),
}

/** A form's raw values, as the page shows them again: text, lists, and date inputs as their boxes. */
export type FormValues = Record<string, unknown>

export type FormResult<T> =
  | { readonly ok: true; readonly value: T; readonly values: FormValues }
  | { readonly ok: false; readonly errors: FieldErrors; readonly values: FormValues }

export interface Form<T> {
  /** Read a request body: the typed values, or the errors with what the user typed. */
  parse(body: unknown): FormResult<T>
  /** Where each field's error in the summary links to (a date input links to its day box). */
  readonly anchors: Readonly<Record<string, string>>
}

/**
 * Gather GOV.UK compound inputs: `name-day`, `name-month`, `name-year` (and `-hour`, `-minute`)
 * become one `name` value `{ day, month, year, … }` that the date schemas read.
 */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {}
  if (typeof body !== 'object' || body === null) return values
  for (const [key, value] of Object.entries(body)) {
    const match = /^(.+)-(day|month|year|hour|minute)$/.exec(key)
    if (match && typeof value === 'string') {
      const name = match[1]!
      const group = (values[name] ??= {}) as Record<string, string>
      if (typeof group === 'object') group[match[2]!] = value
    } else values[key] = value
  }
  return values
}

/**
 * A form from its fields' schemas and, optionally, checks across fields (`check` adds messages
 * with `issue(field, message)`; it runs only when every field parsed).
 */
export function defineForm<S extends z.ZodRawShape>(
  shape: S,
  check?: (value: z.output<z.ZodObject<S>>, issue: (field: keyof S & string, message: string) => void) => void,
  options: { readonly anchors?: Readonly<Partial<Record<keyof S & string, string>>> } = {},
): Form<z.output<z.ZodObject<S>>> {
  const schema = z.object(shape)
  const anchors: Record<string, string> = {}
  for (const [name, fieldSchema] of Object.entries(shape)) {
    if (DATE_FIELDS.has(fieldSchema as z.ZodType)) anchors[name] = `${name}-day`
    if (TIME_FIELDS.has(fieldSchema as z.ZodType)) anchors[name] = `${name}-hour`
  }
  // A field whose error belongs elsewhere (a date read only when another answer needs it).
  Object.assign(anchors, options.anchors)
  return {
    anchors,
    parse(body) {
      const values = formValues(body)
      const result = schema.safeParse(values)
      const errors: FieldErrors = {}
      const add = (name: string, message: string) => {
        errors[name] ??= message
      }
      if (!result.success) {
        for (const issue of result.error.issues) add(String(issue.path[0] ?? 'form'), issue.message)
        return { ok: false, errors, values }
      }
      check?.(result.data, add)
      if (Object.keys(errors).length > 0) return { ok: false, errors, values }
      return { ok: true, value: result.data, values }
    },
  }
}

/** A page with a form: the values to show and what is wrong with them. */
export interface FormState {
  readonly values: FormValues
  readonly errors: FieldErrors
  /** The error the service threw, for pages that show more than messages (possible names). */
  readonly error?: Error
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} }

/** A text value from a form state (what the user typed, or ''). */
export function valueOf(values: FormValues, name: string): string {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}

/** The boxes of a date input from a form state, or from a stored `YYYY-MM-DD` value. */
export function dateFieldOf(values: FormValues, name: string, stored?: string | null): DateField {
  const value = values[name]
  if (typeof value === 'object' && value !== null) return dateParts(value)
  return dateFieldFrom(stored)
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

/**
 * The version a form shown again was built from (optimistic locking), or undefined on a first
 * showing. A page shown again for an error keeps it, not the stored record's: if someone else saved
 * meanwhile, saving the form is then refused instead of overwriting their change.
 */
export function submittedVersion(state: FormState | undefined): number | undefined {
  const version = Number.parseInt(String(state?.values.version ?? ''), 10)
  return Number.isFinite(version) ? version : undefined
}

/**
 * What a form page shows: the errors, each field's value (what was typed, or else the stored
 * record's) and the boxes of its date inputs.
 */
export function formView(
  state: FormState | undefined,
  dates: readonly string[],
  stored: Record<string, string | null> = {},
) {
  const values = state?.values ?? {}
  return {
    errors: state?.errors ?? {},
    value: (name: string) => (state ? valueOf(values, name) : (stored[name] ?? '')),
    dates: Object.fromEntries(
      dates.map((name) => [
        name,
        dateInputItems(name, dateFieldOf(values, name, stored[name]), Boolean(state?.errors[name])),
      ]),
    ),
  }
}

/** The error summary's list: each message links to its field. */
export function errorList(
  errors: FieldErrors,
  anchors: Readonly<Record<string, string>> = {},
): Array<{ text: string; href: string }> {
  return Object.entries(errors).map(([name, message]) => ({ text: message, href: `#${anchors[name] ?? name}` }))
}
