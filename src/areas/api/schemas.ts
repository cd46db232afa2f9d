import { z } from 'zod'

/**
 * The JSON API's shapes (issue 6), as zod schemas: they validate requests and, turned into JSON
 * Schema, document the API at /api/docs. Dates are `YYYY-MM-DD`; every computed date names the
 * rule that produced it (rule id and citation, see /rules).
 */
const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD')
const grade = z.enum(['outstanding', 'good', 'requires-improvement', 'inadequate'])

export const Cited = z.object({
  rule: z.string().describe('Rule id, e.g. S4 (see /rules)'),
  citation: z.string().describe('Source paragraph, e.g. 002#242'),
})

export const Milestone = z.object({
  key: z.string().describe('Stable key, e.g. annex-a.child-level-data'),
  label: z.string(),
  date: isoDate,
  until: isoDate.nullable(),
  time: z.string().nullable(),
  rule: z.string(),
  citation: z.string(),
})

export const Judgement = z.object({
  id: z.uuid(),
  framework: z.string(),
  activityType: z.string(),
  inspectionStart: isoDate.nullable().describe('First day of fieldwork; null where the published source does not say'),
  inspectionEnd: isoDate.nullable().describe('Last day of fieldwork; null where the published source does not say'),
  publishedOn: isoDate,
  grades: z.record(z.string(), grade).describe('Area key → grade; an area the framework did not grade is absent'),
  correctsId: z.uuid().nullable(),
  correctionReason: z.string().nullable(),
  current: z.boolean().describe('False when a later correction replaced this record'),
})

export const Pathway = z.object({
  pathway: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  next: Cited.extend({ type: z.string(), from: isoDate, to: isoDate }),
  focusedVisits: z.object({ max: z.number().int(), used: z.number().int(), remaining: z.number().int() }),
  overdue: z.array(Cited.extend({ what: z.string(), due: isoDate })),
})

export const LocalAuthority = z.object({
  laCode: z.string(),
  gssCode: z.string(),
  name: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
  type: z.string(),
  latestGrade: z
    .object({
      grade,
      derived: z
        .boolean()
        .describe('True when the framework gave no overall grade and the lowest area grade stands in'),
      publishedOn: isoDate,
    })
    .nullable(),
  pathway: Pathway.nullable(),
})

export const LocalAuthorityDetail = LocalAuthority.extend({ judgements: z.array(Judgement) })

export const TeamMember = z.object({ userId: z.uuid(), name: z.string(), teamRole: z.string(), days: z.array(isoDate) })

export const Activity = z.object({
  id: z.uuid(),
  reference: z.string(),
  laCode: z.string(),
  laName: z.string(),
  type: z.string(),
  variant: z.enum(['wed-thu']).nullable(),
  onsiteStart: isoDate,
  status: z.string(),
  topics: z.array(z.string()),
  milestones: z.array(Milestone),
  team: z.array(TeamMember),
})

export const PlanActivity = z.object({
  laCode: z
    .string()
    .regex(/^\d{3}$/)
    .describe('DfE LA code'),
  type: z.enum(['standard-inspection', 'short-inspection', 'focused-visit']),
  variant: z.enum(['tue-wed', 'wed-thu']).optional(),
  onsiteStart: isoDate.describe(
    'First day on site: a Monday for inspections, a Tuesday (or Wednesday) for focused visits',
  ),
  topics: z.array(z.string()).optional().describe('Focused visits: topics of 002#106'),
})

export const ApiError = z.object({
  error: z.string(),
  status: z.number().int(),
  reference: z.string().optional(),
  fieldErrors: z.record(z.string(), z.string()).optional(),
})

export const AnnexAFinding = z.object({
  list: z.number().int().nullable().describe('1–11, or null for the whole workbook'),
  sheet: z.string().nullable(),
  row: z.number().int().nullable().describe('The row number the analyst sees in Excel'),
  column: z.string().nullable().describe('The column heading'),
  value: z.unknown().describe('The value as read (cut when huge)'),
  rule: z.string().describe('e.g. AA-DATE-WINDOW'),
  severity: z.enum(['error', 'warning', 'note']),
  message: z.string().describe('What to change, in the analyst’s words'),
})

export const AnnexAReturn = z.object({
  id: z.uuid(),
  version: z.number().int(),
  fileName: z.string(),
  status: z
    .enum(['processing', 'valid', 'errors', 'unreadable', 'failed'])
    .describe('valid and errors are readable; unreadable and failed never replace the last good version'),
  asOf: z.iso.date(),
  uploadedAt: z.string(),
  errorCount: z.number().int().nullable(),
  warningCount: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  errorMessage: z.string().nullable().describe('Why an unreadable file could not be read, and what to do'),
})

export const AnnexAReturnDetail = AnnexAReturn.extend({
  lists: z.array(z.object({ list: z.number().int(), sheet: z.string(), rows: z.number().int() })),
  findings: z.array(AnnexAFinding).describe('Capped per list and rule; counts has the totals'),
  counts: z.object({ total: z.number().int(), bySeverity: z.record(z.string(), z.number().int()) }).nullable(),
})
