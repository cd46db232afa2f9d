/**
 * Server-rendered SVG bar charts (no JavaScript, no inline styles, so the page's CSP holds).
 * Each chart is an image with a title and a description for screen readers, and the page puts
 * a GOV.UK table with the same figures beside it: the table is the accessible version.
 */
import { escapeHtml } from '../../web/html.js'

export interface BarSeries {
  readonly name: string
  /** Fill colour: GOV.UK palette colours with at least 3:1 contrast on white (WCAG 1.4.11). */
  readonly colour: string
  readonly values: readonly number[]
}

export interface BarChart {
  readonly id: string
  readonly title: string
  readonly description: string
  readonly categories: readonly string[]
  readonly series: readonly BarSeries[]
}

export const CHART_COLOURS = { blue: '#1d70b8', darkGrey: '#505a5f', red: '#d4351c', green: '#00703c' } as const

/** The smallest "nice" number (1, 2 or 5 times a power of ten) at or above `value`, at least 1. */
export function niceMax(value: number): number {
  if (value <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

const FONT = 'font-family="GDS Transport, arial, sans-serif"'

/** A grouped vertical bar chart as an SVG string; every text is escaped. */
export function barChart(chart: BarChart): string {
  const groups = chart.categories.length
  const perGroup = chart.series.length
  const bar = 14
  const gap = 4
  const groupWidth = perGroup * bar + (perGroup - 1) * gap + 16
  const left = 40
  const top = 36
  const plotHeight = 160
  const bottom = 40
  // Legend entries side by side, each as wide as its text (about 7 units a character at 13px).
  const legendX: number[] = []
  let legendEnd = left
  for (const series of chart.series) {
    legendX.push(legendEnd)
    legendEnd += 20 + series.name.length * 7 + 16
  }
  const width = Math.max(320, left + groups * groupWidth + 10, legendEnd)
  const height = top + plotHeight + bottom
  const max = niceMax(Math.max(0, ...chart.series.flatMap((series) => series.values)))
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight
  const parts: string[] = []
  parts.push(
    `<svg class="app-chart" id="${escapeHtml(chart.id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="${escapeHtml(chart.id)}-title ${escapeHtml(chart.id)}-desc" focusable="false">`,
    `<title id="${escapeHtml(chart.id)}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${escapeHtml(chart.id)}-desc">${escapeHtml(chart.description)}</desc>`,
  )
  // Legend.
  chart.series.forEach((series, index) => {
    const x = legendX[index]!
    parts.push(
      `<rect x="${x}" y="8" width="14" height="14" fill="${series.colour}"/>`,
      `<text x="${x + 20}" y="20" font-size="13" ${FONT} fill="#0b0c0c">${escapeHtml(series.name)}</text>`,
    )
  })
  // Gridlines at 0, half and the top, with their values.
  for (const value of [0, max / 2, max]) {
    const at = y(value)
    parts.push(
      `<line x1="${left}" x2="${width - 5}" y1="${at}" y2="${at}" stroke="#b1b4b6" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${at + 4}" font-size="12" text-anchor="end" ${FONT} fill="#0b0c0c">${Number.isInteger(value) ? value : value.toFixed(1)}</text>`,
    )
  }
  chart.categories.forEach((category, groupIndex) => {
    const x0 = left + groupIndex * groupWidth + 8
    chart.series.forEach((series, seriesIndex) => {
      const value = series.values[groupIndex] ?? 0
      const x = x0 + seriesIndex * (bar + gap)
      const barTop = y(value)
      parts.push(
        `<rect x="${x}" y="${barTop}" width="${bar}" height="${top + plotHeight - barTop}" fill="${series.colour}"><title>${escapeHtml(`${category}: ${series.name} ${value}`)}</title></rect>`,
      )
    })
    // A label of two words ("Mar 2027") goes on two lines so twelve months fit.
    const cx = x0 + (groupWidth - 16) / 2
    const lines = category.split(' ')
    parts.push(
      `<text x="${cx}" y="${top + plotHeight + 16}" font-size="12" text-anchor="middle" ${FONT} fill="#0b0c0c">${lines.map((line, index) => `<tspan x="${cx}" dy="${index === 0 ? 0 : 14}">${escapeHtml(line)}</tspan>`).join('')}</text>`,
    )
  })
  parts.push('</svg>')
  return parts.join('')
}
