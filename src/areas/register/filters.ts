import { GRADE_LABELS, GRADES } from './frameworks.js'
import { registerListQuery } from './forms.js'
import type { Region, RegisterQuery } from './types.js'

/**
 * The register's list filters (region, grade, pathway, due month, overdue, search), read from
 * a query string and shaped for the filter form. The register list and the programme planner
 * both use these, so the same filters give the same LAs on both pages.
 */
export function registerQueryFrom(query: unknown): RegisterQuery {
  return registerListQuery.parse(query ?? {})
}

/** The filters as query-string parameters (for links and the Excel export of the same selection). */
export function registerQueryString(filters: RegisterQuery): string {
  const params = new URLSearchParams()
  if (filters.search) params.set('q', filters.search)
  if (filters.regionCode) params.set('region', filters.regionCode)
  if (filters.grade) params.set('grade', filters.grade)
  if (filters.pathway) params.set('pathway', String(filters.pathway))
  if (filters.dueMonth) params.set('due', filters.dueMonth)
  if (filters.overdueOnly) params.set('overdue', 'yes')
  return params.toString()
}

/**
 * The filters the service could not read, as the page's errors and error summary: the filter
 * form shows what was typed with the message, and the list is shown without that filter.
 */
export function registerFilterErrors(filters: RegisterQuery): {
  errors: Record<string, string>
  errorList: Array<{ text: string; href: string }>
} {
  const invalid = Object.entries(filters.invalid ?? {})
  return {
    errors: Object.fromEntries(invalid.map(([name, { message }]) => [name, message])),
    errorList: invalid.map(([name, { message }]) => ({ text: message, href: `#${name}` })),
  }
}

/** Items for the filter form's selects. `allRegions` is false when the user sees one region only. */
export function registerFilterItems(filters: RegisterQuery, regions: readonly Region[], allRegions = true) {
  return {
    regionItems: [
      ...(allRegions ? [{ value: '', text: 'All regions' }] : []),
      ...regions.map((region) => ({
        value: region.code,
        text: region.name,
        selected: region.code === filters.regionCode,
      })),
    ],
    gradeItems: [
      { value: '', text: 'Any grade' },
      ...GRADES.map((value) => ({ value, text: GRADE_LABELS[value], selected: value === filters.grade })),
      { value: 'none', text: 'No judgement recorded', selected: filters.grade === 'none' },
    ],
    pathwayItems: [
      { value: '', text: 'Any pathway' },
      { value: '1', text: 'Pathway 1 (good or outstanding)', selected: filters.pathway === 1 },
      { value: '2', text: 'Pathway 2 (requires improvement)', selected: filters.pathway === 2 },
      { value: '3', text: 'Pathway 3 (inadequate)', selected: filters.pathway === 3 },
    ],
  }
}
