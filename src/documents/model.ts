/**
 * The document model: one plain-JSON value per version of a letter or report. Templates build it
 * from typed content, `docx.ts` and `pdf.ts` render it, and the reports area stores it as it is
 * (so a version can be rendered again, byte for byte the same words, years later).
 *
 * It is deliberately small: what Ofsted's letters and reports use and nothing a renderer would
 * have to guess at. The schema is the type: `parseDocument` checks a stored value on the way in.
 */
import { z } from 'zod'
import { GRADES, GRADE_NAMES, type Grade } from '../rules/judgements.js'
import { formatDate } from '../rules/calendar/dates.js'

/** Every kind of document the service writes (002#202, #207-208, #224; 001 Annexes A, D and E). */
export const DOCUMENT_KINDS = [
  'inspection-report',
  'summary-for-children',
  'focused-visit-letter',
  'monitoring-visit-letter',
  'partner-inspectorate-letter',
  'action-planning-visit-letter',
  'action-plan-letter',
  'action-planning-visit-agenda',
  'action-planning-visit-record',
  'seminar-invitation-letter',
  'improvement-plan-letter',
  'offer-seminar-record',
  'offer-visit-letter',
  'offer-review-letter',
  'offer-progress-letter',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/** A version is a draft (QA, factual accuracy), the final copy under embargo, or the published copy (002#214-216). */
export const DOCUMENT_STATUSES = ['draft', 'embargoed', 'final'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
// UK wall-clock time (Europe/London), as the embargo is announced; no zone so it never shifts.
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Expected YYYY-MM-DDTHH:MM')

const inlineSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
})

const runsSchema = z.array(inlineSchema).min(1)

const blockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: z.string().min(1),
  }),
  z.object({ type: z.literal('paragraph'), runs: runsSchema }),
  z.object({ type: z.literal('list'), style: z.enum(['bullet', 'numbered']), items: z.array(runsSchema).min(1) }),
  z
    .object({
      type: z.literal('table'),
      header: z.array(z.string()).min(1),
      rows: z.array(z.array(z.string())),
    })
    .refine((table) => table.rows.every((row) => row.length === table.header.length), {
      message: 'Every row has as many cells as the header',
    }),
  z.object({
    type: z.literal('judgements'),
    rows: z.array(z.object({ judgement: z.string().min(1), grade: z.enum(GRADES) })).min(1),
  }),
  z.object({ type: z.literal('page-break') }),
])

const metaSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string().min(1),
    localAuthority: z.object({
      name: z.string().min(1),
      // The DfE's three-digit LA code, as in data/local-authorities.csv.
      code: z.string().regex(/^\d{3}$/, 'Expected a three-digit LA code'),
    }),
    // A URN-style reference: letters, digits, hyphens and slashes, e.g. "80471" or "ILACS-886-2027".
    reference: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$/, 'Expected a reference such as 80471'),
    dates: z.object({
      fieldworkStart: isoDate.optional(),
      fieldworkEnd: isoDate.optional(),
      issued: isoDate.optional(),
    }),
    status: z.enum(DOCUMENT_STATUSES),
    embargoUntil: localDateTime.optional(),
  })
  .refine((meta) => meta.status !== 'embargoed' || meta.embargoUntil !== undefined, {
    message: 'An embargoed copy says until when',
    path: ['embargoUntil'],
  })

/** The schema of a stored document version. */
export const documentSchema = z.object({ meta: metaSchema, blocks: z.array(blockSchema) })

export type InlineText = z.infer<typeof inlineSchema>
export type Block = z.infer<typeof blockSchema>
export type DocumentMeta = z.infer<typeof metaSchema>
export type DocumentModel = z.infer<typeof documentSchema>
export type JudgementRow = Extract<Block, { type: 'judgements' }>['rows'][number]

/** Checks a stored (or posted) value and returns it as a document; throws zod's error when it is not one. */
export function parseDocument(value: unknown): DocumentModel {
  return documentSchema.parse(value)
}

// Builders, so templates read as the document they make.

/** A heading of level 1 (the title), 2 (a section) or 3 (a sub-section). */
export function heading(level: 1 | 2 | 3, text: string): Block {
  return { type: 'heading', level, text }
}

/** A paragraph from plain strings and `bold()` / `italic()` parts. */
export function paragraph(...parts: (string | InlineText)[]): Block {
  return { type: 'paragraph', runs: parts.map(toInline) }
}

/** A bold part of a paragraph. */
export function bold(text: string): InlineText {
  return { text, bold: true }
}

/** An italic part of a paragraph. */
export function italic(text: string): InlineText {
  return { text, italic: true }
}

/** A bulleted list, one string (or run list) per item. */
export function bullets(items: readonly (string | InlineText[])[]): Block {
  return { type: 'list', style: 'bullet', items: items.map(toRuns) }
}

/** A numbered list, one string (or run list) per item; numbering restarts with each list. */
export function numbered(items: readonly (string | InlineText[])[]): Block {
  return { type: 'list', style: 'numbered', items: items.map(toRuns) }
}

/** A table whose first row is its header. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): Block {
  return { type: 'table', header: [...header], rows: rows.map((row) => [...row]) }
}

/** The graded judgements, one row per judgement area (002#97, #205). */
export function judgementTable(rows: readonly JudgementRow[]): Block {
  return { type: 'judgements', rows: rows.map((row) => ({ ...row })) }
}

/** Starts a new page. */
export function pageBreak(): Block {
  return { type: 'page-break' }
}

function toInline(part: string | InlineText): InlineText {
  return typeof part === 'string' ? { text: part } : part
}

function toRuns(item: string | InlineText[]): InlineText[] {
  return typeof item === 'string' ? [{ text: item }] : item
}

// What both renderers print around the text, so Word and PDF say the same thing.

/** The four-point scale in the words reports use (002#97): "Requires improvement to be good". */
export function gradeLabel(grade: Grade): string {
  const name = GRADE_NAMES[grade]
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The running header: the LA (with its code) and the reference. */
export function headerParts(meta: DocumentMeta): { left: string; right: string } {
  return { left: `${meta.localAuthority.name} (${meta.localAuthority.code})`, right: `Reference ${meta.reference}` }
}

/** The footer with its page numbers, as both renderers print it. */
export function footerText(page: number | string, pages: number | string): string {
  return `Page ${page} of ${pages}`
}

/**
 * The diagonal watermark: "DRAFT" on drafts, "EMBARGOED UNTIL 19 FEBRUARY 2027 00:01" on the
 * final copy sent under embargo (002#216, #224), none on the published copy.
 */
export function watermarkText(meta: DocumentMeta): string | undefined {
  if (meta.status === 'draft') return 'DRAFT'
  if (meta.status === 'embargoed') {
    // parseDocument refuses an embargoed copy without a time; a hand-built one is a bug.
    if (!meta.embargoUntil) throw new Error('An embargoed document needs embargoUntil')
    const [date, time] = meta.embargoUntil.split('T') as [string, string]
    return `EMBARGOED UNTIL ${formatDate(date).toUpperCase()} ${time}`
  }
  return undefined
}

/** The plain text of a run list. */
export function runsText(runs: readonly InlineText[]): string {
  return runs.map((run) => run.text).join('')
}
