import { describe, expect, it } from 'vitest'
import { monitoringVisitInput, oneLine, renderAndRead } from '../fixtures.js'
import { monitoringVisitLetter, monitoringVisitLetterProblems } from './monitoring-visit-letter.js'

describe('monitoringVisitLetter', () => {
  it('reports the areas covered, then the findings and evaluation of progress (001#40; 002#208)', () => {
    const letter = monitoringVisitLetter(monitoringVisitInput())
    expect(letter.blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []))).toEqual([
      "Monitoring visit to Kent children's services",
      'Areas covered by the visit',
      'Findings and evaluation of progress',
      'The next monitoring visit',
    ])
    expect(letter.blocks.some((block) => block.type === 'judgements')).toBe(false)
  })

  it('says which visit it was, when, and since which inadequate judgement', async () => {
    const { pdfPages } = await renderAndRead(monitoringVisitLetter(monitoringVisitInput()))
    expect(oneLine(pdfPages[0]!)).toContain(
      "This letter summarises the findings of the third monitoring visit to Kent children's services since the local authority was judged inadequate in June 2026. The visit took place on 13 to 14 April 2027.",
    )
  })

  it('closes as the letters of 001 Annex A do: "Yours sincerely", the inspector, the copies', async () => {
    const { docxParagraphs, docxFurniture } = await renderAndRead(monitoringVisitLetter(monitoringVisitInput()))
    expect(docxParagraphs.slice(-3)).toEqual([
      'Yours sincerely',
      "Sam Patel\nHis Majesty's Inspector",
      'cc the regional director, the national director, social care, the DfE',
    ])
    expect(docxFurniture.watermarks).toEqual(['DRAFT'])
  })

  it('refuses a letter without findings or with a visit number below 1', () => {
    const problems = monitoringVisitLetterProblems({ ...monitoringVisitInput(), findings: [], visitNumber: 0 })
    expect(problems.map((problem) => problem.citation)).toEqual(['001#40', '001#41'])
  })
})
