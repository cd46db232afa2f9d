import { formatDate } from '../../rules/calendar/dates.js'
import { escapeHtml } from '../../web/html.js'
import {
  EARLIER_AREA_LABELS,
  EARLIER_FRAMEWORK_INFO,
  EARLIER_GRADE_LABELS,
  EARLIER_TYPE_LABELS,
  type EarlierInspection,
} from './earlier-frameworks.js'
import { ACTIVITY_TYPE_LABELS, FRAMEWORK_INFO } from './frameworks.js'
import { correctionChain, gradeRows } from './history.js'
import { registerPaths } from './paths.js'
import { gradeTag } from './presenters.js'
import type { OutcomeReading } from './readings.repository.js'
import type { JudgementRecord, LocalAuthority } from './types.js'
import { VISIT_TYPE_LABELS, type VisitRecord } from './visits.js'

/** The LA page's history: judgements and visits as GOV.UK summary cards, newest first. */

export interface HistoryItem {
  readonly id: string
  readonly kind: 'judgement' | 'visit' | 'earlier'
  readonly heading: string
  readonly current: boolean
  readonly summaryRows: Array<Record<string, unknown>>
  readonly gradeRows: Array<Record<string, unknown>>
  readonly versions: Array<{ recordedAt: Date; reason: string | null; current: boolean }>
  readonly correctHref: string | undefined
  /** The date the list is ordered by: publication, or for a visit without one, its first day. */
  readonly sortDate: string
}

/** Where a record the service published came from, as links (the publication, the activity). */
export type SourceLinks = (source: {
  readonly activityId: string
  readonly publicationId: string | null
  readonly published: boolean
}) => Array<{ text: string; href: string }>

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  manual: 'Recorded by hand',
  demo: 'Demo data',
  import: 'Imported from Ofsted’s published outcomes',
  service: 'Published through this service',
}

function sourceRow(
  record: { source: string; activityId: string | null; publicationId: string | null; sourceDetail?: string | null },
  published: boolean,
  links: SourceLinks | undefined,
): Record<string, unknown> {
  const label = escapeHtml(SOURCE_LABELS[record.source] ?? record.source)
  const detail = record.sourceDetail ? ` <span class="govuk-body-s">(${escapeHtml(record.sourceDetail)})</span>` : ''
  const linked =
    record.activityId && links
      ? links({ activityId: record.activityId, publicationId: record.publicationId, published })
          .map((link) => `<br><a class="govuk-link" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`)
          .join('')
      : ''
  return { key: { text: 'Source' }, value: { html: `${label}${detail}${linked}` } }
}

/**
 * The former council a record is about, where the LA succeeded it (issue 14): its history gives
 * the successor its pathway, so the page says whose inspection or visit it was.
 */
function formerCouncilRows(predecessor: string | null): Array<Record<string, unknown>> {
  return predecessor ? [{ key: { text: 'Former council' }, value: { text: predecessor } }] : []
}

/**
 * What Ofsted's files said of a judgement other than what the register keeps (ADR 0030): the
 * register shows both sources rather than hiding one. A reading the record now agrees with is not shown.
 */
function otherReadingRows(
  record: JudgementRecord,
  readings: readonly OutcomeReading[],
): Array<Record<string, unknown>> {
  const held = { type: record.activityType, start: record.inspectionStart }
  const lines = readings
    .filter((reading) => reading.publishedOn === record.publishedOn && reading.said !== held[reading.field])
    .map((reading) => {
      const said =
        reading.field === 'type'
          ? `a ${(ACTIVITY_TYPE_LABELS[reading.said as JudgementRecord['activityType']] ?? reading.said).toLowerCase()}`
          : `fieldwork from ${formatDate(reading.said)}`
      return `<li>${escapeHtml(reading.source)} said ${escapeHtml(said)}</li>`
    })
  if (lines.length === 0) return []
  return [
    {
      key: { text: 'Ofsted’s files also said' },
      value: { html: `<ul class="govuk-list govuk-body-s">${lines.join('')}</ul>` },
    },
  ]
}

/**
 * The LA's history, newest first: the current version of each judgement and each visit
 * (focused, monitoring, JTAI), with where it came from.
 */
export function historyItems(
  la: LocalAuthority,
  records: readonly JudgementRecord[],
  visits: readonly VisitRecord[] = [],
  links?: SourceLinks,
  earlier: readonly EarlierInspection[] = [],
  readings: readonly OutcomeReading[] = [],
): HistoryItem[] {
  const judgements: HistoryItem[] = records
    .filter((record) => record.correctedById === null)
    .map((record) => {
      const chain = correctionChain(records, record.id)
      return {
        id: record.id,
        kind: 'judgement' as const,
        heading: `${ACTIVITY_TYPE_LABELS[record.activityType]}, published ${formatDate(record.publishedOn)}`,
        current: true,
        summaryRows: [
          { key: { text: 'Framework' }, value: { text: FRAMEWORK_INFO[record.framework].label } },
          {
            key: { text: 'Inspection dates' },
            value: { text: fieldworkDates(record.inspectionStart, record.inspectionEnd) },
          },
          { key: { text: 'Published' }, value: { text: formatDate(record.publishedOn) } },
          ...formerCouncilRows(record.predecessor),
          sourceRow(record, true, links),
          ...otherReadingRows(record, readings),
        ],
        gradeRows: gradeRows(record).map((row) => ({ key: { text: row.label }, value: { html: gradeTag(row.grade) } })),
        versions: chain.map((version) => ({
          recordedAt: version.recordedAt,
          reason: version.correctionReason,
          current: version.id === record.id,
        })),
        correctHref: registerPaths.correctJudgement.build({ laCode: la.laCode, recordId: record.id }),
        sortDate: record.publishedOn,
      }
    })
  const visitItems: HistoryItem[] = visits.map((visit) => ({
    id: visit.id,
    kind: 'visit' as const,
    heading: `${VISIT_TYPE_LABELS[visit.visitType]}, ${visit.publishedOn ? `published ${formatDate(visit.publishedOn)}` : `from ${formatDate(visit.start)}`}`,
    current: true,
    summaryRows: [
      {
        key: { text: 'Visit dates' },
        value: {
          text: visit.end
            ? `${formatDate(visit.start)} to ${formatDate(visit.end)}`
            : `From ${formatDate(visit.start)}`,
        },
      },
      ...(visit.theme ? [{ key: { text: 'Theme' }, value: { text: visit.theme } }] : []),
      {
        key: { text: 'Letter published' },
        value: {
          text: visit.publishedOn
            ? formatDate(visit.publishedOn)
            : visit.visitType === 'monitoring-visit' && visit.source === 'service'
              ? 'Not published: the first monitoring letter of a set is not (001#41)'
              : 'Not known',
        },
      },
      ...formerCouncilRows(visit.predecessor),
      sourceRow(visit, visit.publishedOn !== null, links),
    ],
    gradeRows: [],
    versions: [],
    correctHref: undefined,
    sortDate: visit.publishedOn ?? visit.end ?? visit.start,
  }))
  return [...judgements, ...visitItems, ...earlier.map(earlierItem)].sort((a, b) =>
    a.sortDate < b.sortDate ? 1 : a.sortDate > b.sortDate ? -1 : 0,
  )
}

/** An inspection under a framework before the SIF: history, marked as an earlier framework, that sets no pathway. */
function earlierItem(inspection: EarlierInspection): HistoryItem {
  const date = inspection.publishedOn ?? inspection.inspectionStart ?? ''
  return {
    id: inspection.id,
    kind: 'earlier',
    heading: `${EARLIER_TYPE_LABELS[inspection.inspectionType]} (earlier framework), ${inspection.publishedOn ? `published ${formatDate(inspection.publishedOn)}` : `from ${formatDate(date)}`}`,
    current: true,
    summaryRows: [
      {
        key: { text: 'Framework' },
        value: { text: `${EARLIER_FRAMEWORK_INFO[inspection.framework].label}: history only, it sets no pathway` },
      },
      { key: { text: 'Inspection dates' }, value: { text: fieldworkDates(inspection.inspectionStart, null) } },
      {
        key: { text: 'Published' },
        value: { text: inspection.publishedOn ? formatDate(inspection.publishedOn) : 'Not known' },
      },
      ...formerCouncilRows(inspection.predecessor),
      sourceRow({ ...inspection, source: 'import', activityId: null, publicationId: null }, true, undefined),
    ],
    // The framework's own scale: "Adequate" is its word, not "requires improvement".
    gradeRows: Object.entries(inspection.grades).map(([area, grade]) => ({
      key: { text: EARLIER_AREA_LABELS[area as keyof typeof EARLIER_AREA_LABELS] },
      value: { html: `<strong class="govuk-tag govuk-tag--grey">${escapeHtml(EARLIER_GRADE_LABELS[grade])}</strong>` },
    })),
    versions: [],
    correctHref: undefined,
    sortDate: date,
  }
}

/** Fieldwork dates in words; a date the published source did not give says so rather than being guessed (issue 14). */
function fieldworkDates(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} to ${formatDate(end)}`
  if (start) return `From ${formatDate(start)} (last day not published)`
  return 'Not published (only the publication date is known)'
}
