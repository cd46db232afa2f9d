import { formatDate, formatLongDate } from '../../rules/calendar/dates.js'
import { publicationTimeliness } from '../../rules/timelines/publication.js'
import { escapeHtml } from '../../web/html.js'
import { paginationLinks } from '../../web/list-filters.js'
import { FRAMEWORK_INFO, GRADE_LABELS, gradeTag, pathwayGrade, type Region } from '../register/index.js'
import { listQueryString } from './forms.js'
import { KIND_LABELS, PUBLISHED_KINDS, timelineColumn } from './kinds.js'
import { publicationPaths } from './paths.js'
import type { Publication, PublicationPage, PublicationQuery } from './types.js'

/** The public pages' view shapes: GOV.UK macros' rows and items, built from published facts only. */

/** "120 KB" / "1.2 MB": the size GOV.UK shows beside a download. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** The grade a report's pathway follows, as a tag; letters have none (002#108-110). */
export function headlineGrade(publication: Publication): string {
  if (!publication.framework || !publication.grades) return '<span class="govuk-hint">No grades (a letter)</span>'
  const grade = pathwayGrade(publication.framework, publication.grades)
  if (!grade) return '<span class="govuk-hint">–</span>'
  return grade.derived
    ? `${gradeTag(grade.grade)} <span class="govuk-body-s">lowest judgement</span>`
    : `${gradeTag(grade.grade)} <span class="govuk-body-s">overall</span>`
}

/** Working days from the end of fieldwork to publication against 002#216, in plain words. */
export function timelinessText(publication: Publication): string {
  // A 2015 offer's letter has its own dates (000#38, #42), not 002#216's columns.
  if (!publication.activityType)
    return `Published on ${formatDate(publication.publishedOn)}; the 2015 improvement offer set ${formatDate(publication.statutoryPublicationDate)} (000#38, #42).`
  const timeliness = publicationTimeliness(
    timelineColumn(publication.kind, publication.activityType),
    publication.fieldworkEnd,
    publication.publishedOn,
  )
  const against = `the guidance sets ${timeliness.statutory} (002#216)`
  if (timeliness.daysLate === 0)
    return `Published ${timeliness.workingDays} working days after fieldwork ended; ${against}.`
  return `Published ${timeliness.workingDays} working days after fieldwork ended, ${timeliness.daysLate} after the date ${against}.`
}

/** The national list's rows: title (with its type), LA (with its region), published, headline grade. */
export function listRows(page: PublicationPage): Array<Array<Record<string, unknown>>> {
  return page.items.map((publication) => [
    {
      html: `<a class="govuk-link" href="${publicationPaths.show.build({ publicationId: publication.id })}">${escapeHtml(publication.title)}</a><br><span class="govuk-body-s">${escapeHtml(KIND_LABELS[publication.kind])}</span>`,
    },
    {
      html: `<a class="govuk-link" href="${publicationPaths.la.build({ la: publication.laCode })}">${escapeHtml(publication.laName)}</a><br><span class="govuk-body-s">${escapeHtml(publication.regionName)}</span>`,
    },
    { text: formatDate(publication.publishedOn) },
    { html: headlineGrade(publication) },
  ])
}

/** GOV.UK pagination for the list, keeping the filters; undefined on a single page. */
export function pagination(page: PublicationPage, filters: PublicationQuery) {
  const pages = Math.ceil(page.total / page.pageSize)
  const href = (n: number) => `${publicationPaths.list.build({})}${listQueryString(filters, n)}`
  return paginationLinks(Math.min(page.page, pages), pages, href)
}

/** The filter form's selects. */
export function filterItems(filters: PublicationQuery, regions: readonly Region[]) {
  return {
    typeItems: [
      { value: '', text: 'All types' },
      ...PUBLISHED_KINDS.map((kind) => ({ value: kind, text: KIND_LABELS[kind], selected: kind === filters.kind })),
    ],
    regionItems: [
      { value: '', text: 'All regions' },
      ...regions.map((region) => ({
        value: region.code,
        text: region.name,
        selected: region.code === filters.regionCode,
      })),
    ],
  }
}

/** "Showing 21 to 40 of 53 reports and letters". */
export function countText(page: PublicationPage): string {
  if (page.total === 0) return 'No reports or letters match'
  const first = (page.page - 1) * page.pageSize + 1
  const last = Math.min(page.total, page.page * page.pageSize)
  const noun = page.total === 1 ? 'report or letter' : 'reports and letters'
  return first > page.total ? `${page.total} ${noun}` : `Showing ${first} to ${last} of ${page.total} ${noun}`
}

/** A publication's facts as a summary list. */
export function summaryRows(publication: Publication): Array<Record<string, unknown>> {
  return [
    {
      key: { text: 'Local authority' },
      value: {
        html: `<a class="govuk-link" href="${publicationPaths.la.build({ la: publication.laCode })}">${escapeHtml(publication.laName)}</a>`,
      },
    },
    { key: { text: 'Region' }, value: { text: publication.regionName } },
    { key: { text: 'Type' }, value: { text: KIND_LABELS[publication.kind] } },
    {
      key: { text: 'Fieldwork' },
      value: {
        text:
          publication.fieldworkStart === publication.fieldworkEnd
            ? formatLongDate(publication.fieldworkStart)
            : `${formatLongDate(publication.fieldworkStart)} to ${formatLongDate(publication.fieldworkEnd)}`,
      },
    },
    { key: { text: 'Published' }, value: { text: formatLongDate(publication.publishedOn) } },
    { key: { text: 'Due to be published' }, value: { text: formatLongDate(publication.statutoryPublicationDate) } },
    { key: { text: 'Timeliness' }, value: { text: timelinessText(publication) } },
  ]
}

/** A report's judgements in its framework's order; empty for a letter. */
export function judgementRows(publication: Publication): Array<Record<string, unknown>> {
  const { framework, grades } = publication
  if (!framework || !grades) return []
  return FRAMEWORK_INFO[framework].areas
    .filter((area) => grades[area.key])
    .map((area) => ({ key: { text: area.label }, value: { html: gradeTag(grades[area.key]) } }))
}

/** The framework a report's judgements were made under, in words. */
export function frameworkText(publication: Publication): string | undefined {
  return publication.framework ? FRAMEWORK_INFO[publication.framework].label : undefined
}

/** The files of a publication, for the download links. */
export function downloads(publication: Publication): Array<{ href: string; text: string; size: string }> {
  const files = [
    {
      href: publicationPaths.pdf.build({ publicationId: publication.id }),
      text: publication.title,
      size: fileSize(publication.pdf.size),
    },
  ]
  if (publication.childrenSummaryPdf)
    files.push({
      href: publicationPaths.childrenSummary.build({ publicationId: publication.id }),
      text: 'Summary for children and young people',
      size: fileSize(publication.childrenSummaryPdf.size),
    })
  return files
}

/** A grade in words, for the feed (no HTML there). */
export function headlineGradeText(publication: Publication): string | undefined {
  if (!publication.framework || !publication.grades) return undefined
  const grade = pathwayGrade(publication.framework, publication.grades)
  return grade
    ? `${grade.derived ? 'Lowest judgement' : 'Overall effectiveness'}: ${GRADE_LABELS[grade.grade]}`
    : undefined
}
