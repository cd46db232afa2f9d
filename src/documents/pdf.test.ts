import { describe, expect, it } from 'vitest'
import { bold, bullets, heading, judgementTable, numbered, pageBreak, paragraph, type DocumentModel } from './model.js'
import { renderPdf } from './pdf.js'
import { pdfPageCount, pdfText } from './read.js'

const REPORT: DocumentModel = {
  meta: {
    kind: 'inspection-report',
    title: 'Inspection of Kent local authority children’s services',
    localAuthority: { name: 'Kent', code: '886' },
    reference: '80471',
    dates: { fieldworkStart: '2027-01-18', fieldworkEnd: '2027-01-29' },
    status: 'draft',
  },
  blocks: [
    heading(1, 'Inspection of Kent local authority children’s services'),
    paragraph('Inspection dates: ', bold('18 to 29 January 2027')),
    judgementTable([
      { judgement: 'Overall effectiveness', grade: 'good' },
      { judgement: 'The experiences and progress of care leavers', grade: 'requires-improvement' },
    ]),
    bullets(['A bullet']),
    numbered(['A numbered item']),
    pageBreak(),
    heading(2, 'Areas where improvement is needed most'),
  ],
}

describe('renderPdf', () => {
  it('writes the text of every block, page by page', async () => {
    const pages = await pdfText(await renderPdf(REPORT))
    expect(pages).toHaveLength(2)
    expect(pages[0]).toContain('Inspection of Kent local authority children’s services')
    expect(pages[0]).toContain('Inspection dates: 18 to 29 January 2027')
    expect(pages[0]).toMatch(/Overall effectiveness\s+Good/)
    expect(pages[0]).toMatch(/Requires improvement to\s+be good/)
    expect(pages[0]).toContain('A bullet')
    expect(pages[1]).toContain('Areas where improvement is needed most')
  })

  it('puts the LA, its code and the reference in the header and "Page X of Y" in the footer of every page', async () => {
    const pages = await pdfText(await renderPdf(REPORT))
    pages.forEach((page, i) => {
      expect(page).toMatch(/Kent \(886\)\s+Reference 80471/)
      expect(page).toContain(`Page ${i + 1} of 2`)
    })
  })

  it('marks every page of a draft "DRAFT"', async () => {
    const pages = await pdfText(await renderPdf(REPORT))
    for (const page of pages) expect(page).toContain('DRAFT')
  })

  it('marks every page of an embargoed copy with the time the embargo lifts', async () => {
    const pdf = await renderPdf({
      ...REPORT,
      meta: { ...REPORT.meta, status: 'embargoed', embargoUntil: '2027-03-01T00:01' },
    })
    for (const page of await pdfText(pdf)) expect(page).toContain('EMBARGOED UNTIL 1 MARCH 2027 00:01')
  })

  it('leaves the final copy unmarked', async () => {
    const pages = await pdfText(await renderPdf({ ...REPORT, meta: { ...REPORT.meta, status: 'final' } }))
    for (const page of pages) expect(page).not.toMatch(/DRAFT|EMBARGOED/)
  })

  it('records the title in the PDF’s properties and is an A4 PDF', async () => {
    const pdf = await renderPdf(REPORT)
    const raw = Buffer.from(pdf).toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d+ 841\.8\d+\]/)
    expect(await pdfPageCount(pdf)).toBe(2)
  })
})
