import { describe, expect, it } from 'vitest'
import { focusedVisitInput, reportInput } from './fixtures.js'
import { checkPageLimit } from './page-limit.js'
import { renderPdf } from './pdf.js'
import { focusedVisitLetter } from './templates/focused-visit-letter.js'
import { inspectionReport } from './templates/inspection-report.js'

describe('checkPageLimit (002#212)', () => {
  it('passes a standard inspection report of 10 pages', async () => {
    const pdf = await renderPdf(inspectionReport(reportInput(20)))
    expect(await checkPageLimit('standard-inspection', pdf)).toEqual({ ok: true, pages: 10, maxPages: 10 })
  })

  it('refuses a report of 11 pages, counted on the rendered PDF', async () => {
    const pdf = await renderPdf(inspectionReport({ ...reportInput(22), inspection: 'short' }))
    expect(await checkPageLimit('short-inspection', pdf)).toEqual({
      ok: false,
      rule: 'E6',
      citation: '002#212',
      reason: 'The report is 11 pages long; it may be no more than 10',
      pages: 11,
      maxPages: 10,
    })
  })

  it('sets no limit on a focused-visit letter, and still counts its pages', async () => {
    const pdf = await renderPdf(focusedVisitLetter(focusedVisitInput()))
    expect(await checkPageLimit('focused-visit', pdf)).toEqual({ ok: true, pages: 1, maxPages: undefined })
  })
})
