/**
 * The drift page's charts and tables (issue 14): plain SVG drawn on the server, so no JavaScript is
 * needed, each chart with the table of its numbers beside it (the table is what screen readers and
 * copy-paste use). Unlike the programme's grouped column charts, these are horizontal bars from a
 * zero axis, so a year whose inspections started before their window shows as a bar to the left.
 */
import { formatDate } from '../../rules/calendar/dates.js'
import { escapeHtml } from '../../web/html.js'
import type { DriftGroup, MeasuredInspection } from './drift.js'

interface Bar {
  readonly label: string
  readonly value: number
}

const ROW = 26
const LABEL = 190
const PLOT = 420
const fmt = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1))

/**
 * A horizontal bar chart: one bar per label from a zero axis (bars left of it are negative), and a
 * dashed reference line (the framework's figure) with its label.
 */
export function barChart(options: {
  id: string
  title: string
  bars: readonly Bar[]
  reference: { value: number; label: string }
  unit: string
}): string {
  const { bars, reference } = options
  const values = [0, reference.value, ...bars.map((bar) => bar.value)]
  const min = Math.min(...values)
  const max = Math.max(...values)
  const span = max - min || 1
  const x = (value: number) => LABEL + ((value - min) / span) * PLOT
  const height = bars.length * ROW + 40
  const width = LABEL + PLOT + 60
  const rows = bars
    .map((bar, index) => {
      const y = 20 + index * ROW
      const from = Math.min(x(0), x(bar.value))
      const barWidth = Math.max(1, Math.abs(x(bar.value) - x(0)))
      return `<text x="${LABEL - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(bar.label)}</text><rect x="${from.toFixed(1)}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="${ROW - 8}" fill="#1d70b8"></rect><text x="${(Math.max(x(0), x(bar.value)) + 4).toFixed(1)}" y="${y + 16}">${fmt(bar.value)}</text>`
    })
    .join('')
  const ref = x(reference.value).toFixed(1)
  // Presentation attributes, not a style attribute: the page's CSP allows no inline styles.
  return `<svg class="app-chart app-drift-chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${options.id}-title" focusable="false" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="GDS Transport, arial, sans-serif" font-size="13" fill="#0b0c0c"><title id="${options.id}-title">${escapeHtml(options.title)} (the table below gives the same numbers)</title><line x1="${x(0).toFixed(1)}" y1="12" x2="${x(0).toFixed(1)}" y2="${height - 16}" stroke="#0b0c0c"></line><line x1="${ref}" y1="12" x2="${ref}" y2="${height - 16}" stroke="#d4351c" stroke-dasharray="4 3" stroke-width="2"></line><text x="${ref}" y="10" text-anchor="middle" fill="#d4351c">${escapeHtml(reference.label)}</text>${rows}<text x="${LABEL}" y="${height - 2}">${escapeHtml(options.unit)}</text></svg>`
}

/** The table of a group's numbers: inspections, inside, late and early, and the two medians. */
export function driftTable(groups: readonly DriftGroup[]) {
  return {
    head: [
      { text: '' },
      { text: 'Inspections', format: 'numeric' },
      { text: 'Started in the window', format: 'numeric' },
      { text: 'Started after it', format: 'numeric' },
      { text: 'Started before it', format: 'numeric' },
      { text: 'Median months after the window', format: 'numeric' },
      { text: 'Median working days to publication', format: 'numeric' },
    ],
    rows: groups.map((group) => [
      { text: group.label },
      { text: String(group.inspections), format: 'numeric' },
      { text: String(group.inside), format: 'numeric' },
      { text: String(group.late), format: 'numeric' },
      { text: String(group.early), format: 'numeric' },
      { text: fmt(group.medianMonthsOutside), format: 'numeric' },
      { text: fmt(group.medianWorkingDays), format: 'numeric' },
    ]),
  }
}

/** The LA's own inspections beside the national median of their year, for its register page. */
export function laDriftRows(own: readonly MeasuredInspection[], byYear: readonly DriftGroup[]) {
  const ofYear = new Map(byYear.map((group) => [group.label, group]))
  return own.map((inspection) => {
    const national = ofYear.get(inspection.year)
    return [
      { text: formatDate(inspection.start) },
      { text: fmt(inspection.monthsOutside), format: 'numeric' },
      { text: national ? fmt(national.medianMonthsOutside) : '–', format: 'numeric' },
      { text: String(inspection.workingDays), format: 'numeric' },
      { text: national ? fmt(national.medianWorkingDays) : '–', format: 'numeric' },
    ]
  })
}
