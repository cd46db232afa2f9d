import { describe, expect, it } from 'vitest'
import { oneLine, renderAndRead } from '../fixtures.js'
import {
  actionPlanLetter,
  actionPlanLetterProblems,
  actionPlanningVisitLetter,
} from './monitoring-programme-letters.js'

const basis = {
  localAuthority: { name: 'Barnet', code: '302' },
  reference: 'MON-302-1',
  status: 'final' as const,
  recipient: { name: 'Sam Patel', role: "Director of Children's Services", address: ['London Borough of Barnet'] },
  issued: '2026-10-05',
  regionalDirector: 'Jo Clarke',
  copies: ['the DfE inspections and interventions team'],
}

describe('actionPlanningVisitLetter (001#9-10, Annex A)', () => {
  it('gives the 25 to 35 working day window in dates and is copied as chosen', async () => {
    const letter = actionPlanningVisitLetter({ ...basis, window: { earliest: '2026-11-03', latest: '2026-11-17' } })
    const { pdfPages, docxParagraphs } = await renderAndRead(letter)
    const text = oneLine(pdfPages.join(' '))
    expect(text).toContain("Inspection of Barnet children's services: action planning visit")
    expect(text).toContain('In your case, this means between 3 November 2026 and 17 November 2026.')
    expect(docxParagraphs.at(-1)).toBe('cc the DfE inspections and interventions team')
    expect(docxParagraphs).toContain('Jo Clarke\nRegional Director, Ofsted')
  })
})

describe('actionPlanLetter (001#21, Annexes D and E)', () => {
  it('says the plan reflects the recommendations (Annex D)', async () => {
    const letter = actionPlanLetter({ ...basis, reflects: true, planDated: '2026-12-01', visitOn: '2026-11-10' })
    const text = oneLine((await renderAndRead(letter)).pdfPages.join(' '))
    expect(text).toContain('The plan satisfactorily reflects the recommendations of the inspection report')
    expect(text).toContain('action planning visit that took place on 10 November 2026')
  })

  it('sets out the differences and names the lead inspector (Annex E), and refuses it without them', async () => {
    const input = {
      ...basis,
      reflects: false,
      planDated: '2026-12-01',
      visitOn: '2026-11-10',
      differences: ['The plan has no action on the quality of supervision (R2).'],
      leadInspector: 'Alex Reed',
    }
    const text = oneLine((await renderAndRead(actionPlanLetter(input))).pdfPages.join(' '))
    expect(text).toContain('the plan does not reflect the recommendations of the inspection report')
    expect(text).toContain('The plan has no action on the quality of supervision (R2).')
    expect(text).toContain('I have asked the lead inspector, Alex Reed, to have a further discussion')
    expect(actionPlanLetterProblems({ ...input, differences: [] })).toEqual([
      { message: 'Enter the areas of difference and the reasons', citation: '001#21, Annex E' },
    ])
  })
})
