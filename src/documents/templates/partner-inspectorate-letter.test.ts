import { describe, expect, it } from 'vitest'
import { oneLine, partnerLetterInput, renderAndRead } from '../fixtures.js'
import { partnerInspectorateLetter, partnerInspectorateLetterProblems } from './partner-inspectorate-letter.js'

describe('partnerInspectorateLetter (002#224-225)', () => {
  it('sets out the concerns as the report does, and advises that the inspectorate may investigate', () => {
    const letter = partnerInspectorateLetter(partnerLetterInput())
    expect(letter.blocks.flatMap((block) => (block.type === 'heading' ? [block.text] : []))).toEqual([
      "Inspection of Kent local authority children's services: concerns about Kent Police",
      'Our concerns',
      'Our advice',
    ])
  })

  it('tells the partner the report is shared under embargo until publication, and is signed by HMCI', async () => {
    const { pdfPages, docxParagraphs } = await renderAndRead(partnerInspectorateLetter(partnerLetterInput()))
    const text = oneLine(pdfPages.join(' '))
    expect(text).toContain(
      "We will share the final report with His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) under embargo until it is published on 1 March 2027.",
    )
    expect(text).toContain('Police attendance at strategy meetings')
    expect(text).toContain('You may wish to consider investigating these concerns under your powers.')
    expect(docxParagraphs.at(-1)).toBe(
      "Robin Clarke\nHis Majesty's Chief Inspector of Education, Children's Services and Skills",
    )
  })

  it('is a draft while it goes with the draft report to quality assurance (002#225)', async () => {
    const { pdfPages } = await renderAndRead(partnerInspectorateLetter(partnerLetterInput()))
    expect(pdfPages[0]).toContain('DRAFT')
  })

  it('refuses a letter without concerns', () => {
    expect(partnerInspectorateLetterProblems({ ...partnerLetterInput(), concerns: [] })).toEqual([
      { message: 'Enter the concerns, as the report sets them out', citation: '002#224' },
    ])
  })
})
