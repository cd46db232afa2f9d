import { describe, expect, it } from 'vitest'
import { focusedVisitInput, oneLine, renderAndRead } from '../fixtures.js'
import { GRADE_VERDICT, focusedVisitLetter, focusedVisitLetterProblems } from './focused-visit-letter.js'

const headings = (input = focusedVisitInput()): string[] =>
  focusedVisitLetter(input).blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []))

describe('focusedVisitLetter', () => {
  it('sets out the findings, then the areas for improvement, then the areas for priority action (002#207)', () => {
    expect(headings()).toEqual([
      "Focused visit to Kent children's services",
      'Findings',
      'Areas where improvement is needed most',
      'Areas for priority action',
    ])
  })

  it('has a section on areas for priority action only when inspectors found serious weaknesses (002#109)', () => {
    expect(headings({ ...focusedVisitInput(), areasForPriorityAction: [] })).not.toContain('Areas for priority action')
  })

  it('contains no grade and no judgement table, in the model or in either file (002#108)', async () => {
    const letter = focusedVisitLetter(focusedVisitInput())
    expect(letter.blocks.some((block) => block.type === 'judgements')).toBe(false)
    const { allText, pdfPages } = await renderAndRead(letter)
    expect(allText).not.toMatch(/\b(outstanding|good|requires improvement|inadequate)\b/i)
    expect(allText).not.toMatch(/\bJudgement\b|\bGrade\b/)
    // The letter was read: the check above is not passing on an empty file.
    expect(oneLine(pdfPages[0]!)).toContain("His Majesty's Inspectors for this visit were Sam Patel and Jo Williams.")
  })

  it('cannot be given a grade', () => {
    // @ts-expect-error: a focused-visit letter's input has no grades (002#108).
    const letter = focusedVisitLetter({ ...focusedVisitInput(), grades: { overall: 'good' } })
    expect(letter.blocks.some((block) => block.type === 'judgements')).toBe(false)
  })

  it.each([
    'The local authority would have been judged good.',
    'Practice is graded as inadequate.',
    'Services require improvement; we rated them as requires improvement.',
    'Help and protection requires improvement to be good.',
  ])('refuses text that gives a grade: "%s" (002#108)', (text) => {
    expect(focusedVisitLetterProblems({ ...focusedVisitInput(), findings: [text] })).toEqual([
      {
        message: 'A focused-visit letter gives no grade and does not say what it would have been',
        citation: '002#108',
      },
    ])
  })

  it.each(['Social workers show good practice.', 'Children were at risk of inadequate protection.'])(
    'lets the words be used in their plain sense: "%s"',
    (text) => expect(GRADE_VERDICT.test(text)).toBe(false),
  )

  it('is dated, addressed to the DCS and signed by the lead inspector', async () => {
    const { docxParagraphs } = await renderAndRead(focusedVisitLetter(focusedVisitInput()))
    expect(docxParagraphs[0]).toBe('23 March 2027')
    expect(docxParagraphs[1]).toMatch(/^Alex Morgan\nDirector of Children's Services\nKent County Council/)
    expect(docxParagraphs[2]).toBe('Dear Alex Morgan')
    expect(docxParagraphs.at(-1)).toBe("Sam Patel\nHis Majesty's Inspector")
  })

  it('refuses a letter without findings', () => {
    expect(() => focusedVisitLetter({ ...focusedVisitInput(), findings: [] })).toThrow(
      /Enter the findings of the visit \(002#108\)/,
    )
  })
})
