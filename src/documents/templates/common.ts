/**
 * What every template shares: the input every document has (the LA, its reference and the
 * version's status), dates in Ofsted's words, content checks with their citations, and the parts
 * of a letter (001 Annexes A, D and E give the form: date, addressee, "Dear …", the subject, the
 * body, "Yours sincerely", the signatory, copies).
 */
import { AppError } from '../../errors.js'
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { heading, paragraph, type Block, type DocumentKind, type DocumentMeta, type DocumentStatus } from '../model.js'

/** Paragraphs of an inspector's text, in order. */
export type Paragraphs = readonly string[]

/** What every document's input carries besides its content. */
export interface DocumentBasis {
  localAuthority: { name: string; code: string }
  /** The URN-style reference printed in the header, e.g. "80471". */
  reference: string
  status: DocumentStatus
  /** UK time "YYYY-MM-DDTHH:MM" the embargo lifts; required when status is "embargoed" (002#216). */
  embargoUntil?: string
}

/** The first and last days of fieldwork (or of a visit). */
export interface Fieldwork {
  start: IsoDate
  end: IsoDate
}

/** Who a letter is addressed to. */
export interface Recipient {
  name: string
  /** Their role, e.g. "Director of Children's Services". */
  role: string
  /** Their organisation and address, one line each. */
  address: readonly string[]
}

/** Content a document cannot go without, and the paragraph that says so. */
export interface ContentProblem {
  message: string
  citation: string
}

/** A template was given content that breaks a cited rule (a missing section, a grade in a letter). */
export class IncompleteDocumentError extends AppError {
  override readonly statusCode = 400
  override name = 'IncompleteDocumentError'
  constructor(readonly problems: readonly ContentProblem[]) {
    super(problems.map((problem) => `${problem.message} (${problem.citation})`).join('; '))
  }
}

/** Throws IncompleteDocumentError when there are problems; templates call it before building. */
export function assertComplete(problems: readonly ContentProblem[]): void {
  if (problems.length > 0) throw new IncompleteDocumentError(problems)
}

/** A problem when `paragraphs` holds no text. */
export function requireText(paragraphs: Paragraphs | undefined, message: string, citation: string): ContentProblem[] {
  return paragraphs && paragraphs.some((text) => text.trim() !== '') ? [] : [{ message, citation }]
}

const MONTH_YEAR = /^(\d+) (\w+) (\d{4})$/

/**
 * Fieldwork dates as Ofsted prints them: "18 to 29 January 2027", "29 January to 9 February
 * 2027", "14 December 2026 to 8 January 2027", or one date for a one-day visit.
 */
export function fieldworkDates({ start, end }: Fieldwork): string {
  if (start === end) return formatDate(start)
  const [, startDay, startMonth, startYear] = MONTH_YEAR.exec(formatDate(start)) ?? []
  const [, , endMonth, endYear] = MONTH_YEAR.exec(formatDate(end)) ?? []
  if (startYear !== endYear) return `${formatDate(start)} to ${formatDate(end)}`
  if (startMonth !== endMonth) return `${startDay} ${startMonth} to ${formatDate(end)}`
  return `${startDay} to ${formatDate(end)}`
}

/** The month and year of a date: "January 2027". */
export function monthYear(date: IsoDate): string {
  return formatDate(date).replace(/^\d+ /, '')
}

/** An ordinal word for the nth visit: "first" … "twelfth", then "13th". */
export function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
  const extra = ['eleventh', 'twelfth']
  return words[n - 1] ?? extra[n - 11] ?? `${n}th`
}

/** The metadata of a document from its basis. */
export function metaFor(
  kind: DocumentKind,
  title: string,
  basis: DocumentBasis,
  dates: DocumentMeta['dates'],
): DocumentMeta {
  return {
    kind,
    title,
    localAuthority: { ...basis.localAuthority },
    reference: basis.reference,
    dates,
    status: basis.status,
    ...(basis.embargoUntil ? { embargoUntil: basis.embargoUntil } : {}),
  }
}

/** A content problem when the embargo time is missing from an embargoed copy. */
export function basisProblems(basis: DocumentBasis): ContentProblem[] {
  return basis.status === 'embargoed' && !basis.embargoUntil
    ? [{ message: 'Enter the date and time the embargo lifts', citation: '002#216' }]
    : []
}

/** A letter's opening: its date, the addressee, "Dear …" and the subject line (001 Annex A). */
export function letterOpening(issued: IsoDate, recipient: Recipient, subject: string): Block[] {
  return [
    paragraph(formatDate(issued)),
    paragraph([recipient.name, recipient.role, ...recipient.address].join('\n')),
    paragraph(`Dear ${recipient.name}`),
    heading(1, subject),
  ]
}

/** A letter's close: "Yours sincerely", the signatory and their role, then any copies (001 Annex A). */
export function letterClose(signatory: string, role: string, copies: readonly string[] = []): Block[] {
  return [
    paragraph('Yours sincerely'),
    paragraph(`${signatory}\n${role}`),
    ...(copies.length > 0 ? [paragraph(`cc ${copies.join(', ')}`)] : []),
  ]
}

/** Paragraph blocks from an inspector's text. */
export function paragraphs(texts: Paragraphs): Block[] {
  return texts.filter((text) => text.trim() !== '').map((text) => paragraph(text))
}

/** "A", "A and B", "A, B and C". */
export function listOfNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
