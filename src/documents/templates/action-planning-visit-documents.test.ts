import { describe, expect, it } from 'vitest'
import { oneLine, renderAndRead } from '../fixtures.js'
import { actionPlanningVisitAgenda, actionPlanningVisitRecord } from './action-planning-visit-documents.js'

const basis = { localAuthority: { name: 'Barnet', code: '302' }, reference: 'MON-302-1', status: 'final' as const }

describe('actionPlanningVisitAgenda (001#14, Annex B)', () => {
  it('dates the visit and the circulation, lists the recommendations and the plan deadline', async () => {
    const agenda = actionPlanningVisitAgenda({
      ...basis,
      visitOn: '2026-11-10',
      circulatedOn: '2026-11-03',
      recommendations: ['R1: Improve the quality of supervision'],
      actionPlanDue: '2027-01-05',
    })
    const { pdfPages, docxParagraphs } = await renderAndRead(agenda)
    const text = oneLine(pdfPages.join(' '))
    expect(text).toContain('Visit on 10 November 2026. Final agenda circulated 3 November 2026.')
    expect(text).toContain('R1: Improve the quality of supervision')
    expect(text).toContain('the action plan is due by 5 January 2027')
    expect(docxParagraphs).toContain('Identifying improvement priorities')
  })
})

describe('actionPlanningVisitRecord (001#18, Annex C)', () => {
  it('has the sections of Annex C, signed by the HMI and senior HMI, and says who it went to', async () => {
    const record = actionPlanningVisitRecord({
      ...basis,
      visitOn: '2026-11-10',
      sentOn: '2026-11-12',
      attendees: 'DCS\nImprovement board chair',
      discussion: 'The evidence behind R1 was discussed.',
      planning: '',
      signedBy: ['Alex Reed (HMI)', 'Pat Khan (senior HMI)'],
      sentTo: 'Sam Patel, Director of Children’s Services',
      copies: ['the regional director', 'the national director, social care'],
    })
    const { docxParagraphs, pdfPages } = await renderAndRead(record)
    expect(docxParagraphs).toEqual(
      expect.arrayContaining([
        '1. List of attendees',
        'Improvement board chair',
        '2. Details of discussion',
        '3. Details of formal planning',
        'None recorded.',
        'Agreed and signed by Ofsted HMI and SHMI: Alex Reed (HMI), Pat Khan (senior HMI)',
        'Date of record: 12 November 2026',
      ]),
    )
    expect(oneLine(pdfPages.join(' '))).toContain('cc the regional director, the national director, social care')
  })

  it('refuses a record without its attendees', () => {
    expect(() =>
      actionPlanningVisitRecord({
        ...basis,
        visitOn: '2026-11-10',
        sentOn: '2026-11-12',
        attendees: ' ',
        discussion: 'x',
        planning: '',
        signedBy: [],
        sentTo: 'DCS',
        copies: [],
      }),
    ).toThrow()
  })
})
