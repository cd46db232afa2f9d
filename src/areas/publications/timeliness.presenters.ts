import { escapeHtml } from '../../web/html.js'
import type { Region } from '../register/index.js'
import { KIND_LABELS } from './kinds.js'
import { publicationPaths } from './paths.js'
import { groupTimeliness, median, TIMED_KINDS, type TimedKind, type TimelinessGroup, timed } from './timeliness.js'
import type { Publication } from './types.js'

/**
 * The timeliness page: server-rendered SVG bar charts (no JavaScript, no inline styles), each
 * with a GOV.UK table of the same figures, which is the accessible version.
 */

const FONT = 'font-family="GDS Transport, arial, sans-serif"'
const BLUE = '#1d70b8'
const RED = '#d4351c'
const BLACK = '#0b0c0c'

function days(value: number | null): string {
  if (value === null) return '–'
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/**
 * A horizontal bar chart of median working days after fieldwork, one bar per group, with a
 * black mark at each group's statutory number (002#216). Bars past the mark are red.
 */
export function timelinessChart(id: string, title: string, groups: readonly TimelinessGroup[]): string {
  const label = 180
  const plot = 360
  const row = 26
  const top = 30
  const height = top + groups.length * row + 30
  const width = label + plot + 60
  const max = Math.max(
    10,
    ...groups.map((group) => group.medianWorkingDays ?? 0),
    ...groups.map((group) => group.statutory ?? 0),
  )
  const scale = Math.ceil(max / 10) * 10
  const x = (value: number) => label + (value / scale) * plot
  const described = groups
    .map((group) =>
      group.medianWorkingDays === null
        ? `${group.label}: none published`
        : `${group.label}: median ${days(group.medianWorkingDays)} working days${group.statutory ? ` against ${group.statutory}` : ''}`,
    )
    .join('; ')
  const parts = [
    `<svg class="app-chart" id="${id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">`,
    `<title id="${id}-title">${escapeHtml(title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(described)}</desc>`,
    `<rect x="${label}" y="8" width="14" height="14" fill="${BLUE}"/>`,
    `<text x="${label + 20}" y="20" font-size="13" ${FONT} fill="${BLACK}">Median working days</text>`,
    `<rect x="${label + 180}" y="6" width="3" height="18" fill="${BLACK}"/>`,
    `<text x="${label + 190}" y="20" font-size="13" ${FONT} fill="${BLACK}">Statutory (002#216)</text>`,
  ]
  for (const tick of [0, scale / 2, scale]) {
    parts.push(
      `<line x1="${x(tick)}" x2="${x(tick)}" y1="${top}" y2="${height - 24}" stroke="#b1b4b6" stroke-width="1"/>`,
      `<text x="${x(tick)}" y="${height - 8}" font-size="12" text-anchor="middle" ${FONT} fill="${BLACK}">${tick}</text>`,
    )
  }
  groups.forEach((group, index) => {
    const y = top + index * row
    parts.push(
      `<text x="${label - 8}" y="${y + 17}" font-size="13" text-anchor="end" ${FONT} fill="${BLACK}">${escapeHtml(group.label)}</text>`,
    )
    if (group.medianWorkingDays !== null) {
      const late = group.statutory !== null && group.medianWorkingDays > group.statutory
      parts.push(
        `<rect x="${label}" y="${y + 5}" width="${Math.max(1, x(group.medianWorkingDays) - label)}" height="16" fill="${late ? RED : BLUE}"/>`,
        `<text x="${x(group.medianWorkingDays) + 6}" y="${y + 17}" font-size="12" ${FONT} fill="${BLACK}">${days(group.medianWorkingDays)}</text>`,
      )
    }
    if (group.statutory !== null)
      parts.push(`<rect x="${x(group.statutory) - 1.5}" y="${y + 1}" width="3" height="24" fill="${BLACK}"/>`)
  })
  parts.push('</svg>')
  return parts.join('')
}

/** The table beside a chart: the same figures, and the share on time. */
export function timelinessRows(groups: readonly TimelinessGroup[]): Array<Array<Record<string, unknown>>> {
  return groups.map((group) => [
    { text: group.label },
    { text: String(group.count), format: 'numeric' },
    { text: days(group.medianWorkingDays), format: 'numeric' },
    { text: group.statutory === null ? '–' : String(group.statutory), format: 'numeric' },
    { text: days(group.medianDaysLate), format: 'numeric' },
    {
      text: group.count === 0 ? '–' : `${group.onTime} (${Math.round((100 * group.onTime) / group.count)}%)`,
      format: 'numeric',
    },
  ])
}

/** Everything the timeliness page shows, for the chosen type. */
export function timelinessView(
  publications: readonly Publication[],
  query: { kind: TimedKind },
  regions: readonly Region[],
) {
  const items = timed(publications)
  const byType = groupTimeliness(
    items,
    TIMED_KINDS.map((kind) => ({ key: kind, label: KIND_LABELS[kind] })),
    (item) => item.kind,
  )
  const chosen = items.filter((item) => item.kind === query.kind)
  const byRegion = groupTimeliness(
    chosen,
    regions.map((region) => ({ key: region.code, label: region.name })),
    (item) => item.publication.regionCode,
  )
  const years = [...new Set(chosen.map((item) => item.publication.publishedOn.slice(0, 4)))].sort()
  const byYear = groupTimeliness(
    chosen,
    years.map((year) => ({ key: year, label: year })),
    (item) => item.publication.publishedOn.slice(0, 4),
  )
  const kindLabel = KIND_LABELS[query.kind].toLowerCase()
  return {
    kind: query.kind,
    kindLabel,
    total: items.length,
    overallMedian: days(median(items.map((item) => item.workingDays))),
    overallOnTime: items.filter((item) => item.daysLate === 0).length,
    typeItems: TIMED_KINDS.map((kind) => ({ value: kind, text: KIND_LABELS[kind], selected: kind === query.kind })),
    byType: {
      svg: timelinessChart('by-type', 'Median working days from fieldwork to publication, by type', byType),
      rows: timelinessRows(byType),
    },
    byRegion: {
      svg: timelinessChart('by-region', `Median working days to publish a ${kindLabel}, by region`, byRegion),
      rows: timelinessRows(byRegion),
    },
    byYear: {
      svg: timelinessChart('by-year', `Median working days to publish a ${kindLabel}, by year`, byYear),
      rows: timelinessRows(byYear),
    },
    action: publicationPaths.timeliness.build({}),
    listHref: publicationPaths.list.build({}),
  }
}
