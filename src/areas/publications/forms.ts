import { z } from 'zod'
import { isIsoDate } from '../../rules/calendar/dates.js'
import { field } from '../../web/forms.js'
import { pageFilter, regionFilter } from '../../web/list-filters.js'
import { isPublishedKind } from './kinds.js'
import type { TimedKind } from './timeliness.js'
import type { PublicationQuery } from './types.js'

/** The route inputs of the public pages (ADR 0008). Filters that do not parse are simply not filters. */

/** An LA's page: its DfE LA number. */
export const laParams = z.object({ la: z.string().regex(/^\d{3}$/) })

/** The "choose a local authority" form (GET, so it works without JavaScript): its DfE LA number. */
export const chooseLaQuery = z.object({ la: z.string().trim().optional().catch(undefined) })

/** A publication's page and files: its random id (anything else is "Page not found"). */
export const publicationParams = z.object({ publicationId: z.uuid() })

const DATE_MESSAGE = 'Enter a date as YYYY-MM-DD, for example 2027-03-01'

/** The national list's filters and page: type, region, published from and to (dates in England). */
export const listQuery = z
  .object({
    type: field.optionalText(),
    region: field.optionalText(),
    from: field.optionalText(),
    to: field.optionalText(),
    page: field.optionalText(),
  })
  .transform((query) => {
    const errors: Record<string, string> = {}
    const date = (name: 'from' | 'to') => {
      const value = query[name]
      if (value === undefined) return undefined
      if (isIsoDate(value)) return value
      errors[name] = DATE_MESSAGE
      return undefined
    }
    // A value the filter form never offers is an edited address: say so (400), never ignore it (issue 10).
    if (query.type && !isPublishedKind(query.type)) errors.type = 'Select a type from the list'
    const region = regionFilter(query.region)
    if (region.error) errors.region = region.error
    const page = pageFilter(query.page, 5)
    if (page.error) errors.page = page.error
    const filters: PublicationQuery = {
      kind: query.type && isPublishedKind(query.type) ? query.type : undefined,
      regionCode: region.regionCode,
      from: date('from'),
      to: date('to'),
      page: page.page,
    }
    return { filters, errors, raw: { from: query.from ?? '', to: query.to ?? '' } }
  })

/** The filters as a query string (page links, the feed of the same selection). */
export function listQueryString(filters: PublicationQuery, page?: number): string {
  const params = new URLSearchParams()
  if (filters.kind) params.set('type', filters.kind)
  if (filters.regionCode) params.set('region', filters.regionCode)
  if (filters.from) params.set('from', filters.from)
  if (filters.to) params.set('to', filters.to)
  if (page && page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The timeliness page's type: inspection reports unless a letter type is chosen. */
export const timelinessQuery = z.object({ type: field.optionalText() }).transform(({ type }): { kind: TimedKind } => ({
  kind: type === 'focused-visit-letter' || type === 'monitoring-visit-letter' ? type : 'inspection-report',
}))
