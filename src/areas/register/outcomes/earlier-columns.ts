/**
 * The columns of the frameworks before the single inspection (2009–2013) in a wide table of each
 * LA's inspections (issue 14): Ofsted's `LA_inspections_2009-2023` sheet gives, per LA, the
 * safeguarding and looked after children inspection (SLAC) and its two re-inspections, the child
 * protection inspection (CPI) and re-inspection (CPRI) and the targeted looked after children
 * inspection (TLAC), each by publication date with its overall effectiveness grades. Found by
 * header text, as every table is.
 */
import type { EarlierArea, EarlierGrade, EarlierInspectionType } from '../earlier-frameworks.js'
import { earlierFrameworkOf } from '../earlier-frameworks.js'
import type { OutcomeEarlier, RowLa, RowSource, UnreadRow } from './records.js'

/** Which inspection a header belongs to; re-inspections first, as their headers start the same way. */
const GROUPS: ReadonlyArray<readonly [RegExp, EarlierInspectionType]> = [
  [/^slac re-inspection (of )?safeguarding/, 'slac-safeguarding-reinspection'],
  [/^slac re-inspection of services (for )?children looked after/, 'slac-looked-after-reinspection'],
  [/^(safeguarding & looked after children \(slac\)|slac )/, 'slac-inspection'],
  [/^(child protection re-inspection|cpri )/, 'child-protection-reinspection'],
  [/^(child protection inspections?|cpi )/, 'child-protection-inspection'],
  [/^(targeted looked after children|tlac )/, 'tlac-inspection'],
]

/** What an earlier framework's column holds: a date, or the grade of one of its areas. */
export type EarlierColumn =
  | { readonly type: EarlierInspectionType; readonly holds: 'published' | 'start' }
  | { readonly type: EarlierInspectionType; readonly holds: 'grade'; readonly area: EarlierArea }

function areaOf(type: EarlierInspectionType, header: string): EarlierArea {
  if (type.startsWith('child-protection')) return 'child-protection'
  if (type === 'slac-safeguarding-reinspection') return 'safeguarding'
  if (type === 'slac-inspection' && !/looked after/.test(header.replace(/^safeguarding & looked after children/, '')))
    return 'safeguarding'
  return 'looked-after-children'
}

/** The earlier-framework column a header (lower case, spaces collapsed) names, if it names one. */
export function earlierColumn(header: string): EarlierColumn | undefined {
  const type = GROUPS.find(([pattern]) => pattern.test(header))?.[1]
  if (!type) return undefined
  if (/publication date$/.test(header)) return { type, holds: 'published' }
  if (/(inspection|start) date$/.test(header)) return { type, holds: 'start' }
  if (/overall effectiveness|\(oe\)|\boe$/.test(header)) return { type, holds: 'grade', area: areaOf(type, header) }
  return undefined
}

/**
 * A grade in the earlier frameworks' words; null for a blank cell or a dash (not graded), undefined
 * for text that is not a grade. Ofsted's file writes those frameworks' "adequate" as "Requires
 * improvement to be good" (the SIF's word, from November 2013); it is read back as adequate.
 */
export function readEarlierGrade(text: string): EarlierGrade | null | undefined {
  const value = text.trim().toLowerCase()
  if (value === '' || /^[-\u2013\u2014]$/.test(value)) return null
  if (value === 'outstanding' || value === 'good' || value === 'inadequate') return value
  if (/^(adequate|requires improvement( to be good)?)$/.test(value)) return 'adequate'
  return undefined
}

/** The cells of one earlier inspection in a row: its dates' text and each area's grade text. */
export interface EarlierCells {
  published?: string
  start?: string
  grades: Array<readonly [EarlierArea, string]>
}

/** One earlier inspection from its cells: a record, nothing (no inspection), or why it cannot be read. */
export function earlierRecord(
  type: EarlierInspectionType,
  cells: EarlierCells,
  la: RowLa,
  source: RowSource,
  readDate: (text: string) => string | null | undefined,
): OutcomeEarlier | UnreadRow | undefined {
  const unread = (reason: string): UnreadRow => ({ sheet: source.sheet, row: source.row, reason })
  const what = type.replace(/-/g, ' ')
  const published = readDate(cells.published ?? '')
  const start = readDate(cells.start ?? '')
  const graded = cells.grades.some(([, text]) => text.trim() !== '')
  if (published === undefined) return unread(`The ${what} publication date "${cells.published}" is not a date`)
  if (start === undefined) return unread(`The ${what} inspection date "${cells.start}" is not a date`)
  if (!published) return graded ? unread(`The ${what} columns give grades but no publication date`) : undefined
  const grades: Partial<Record<EarlierArea, EarlierGrade>> = {}
  for (const [area, text] of cells.grades) {
    const grade = readEarlierGrade(text)
    if (grade === undefined) return unread(`"${text}" in the ${what} columns is not a grade`)
    if (grade) grades[area] = grade
  }
  return {
    kind: 'earlier',
    la,
    framework: earlierFrameworkOf(type),
    inspectionType: type,
    start,
    published,
    grades,
    source,
  }
}
