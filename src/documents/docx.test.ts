import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { renderDocx } from './docx.js'
import { bullets, heading, italic, numbered, pageBreak, paragraph, table, type DocumentModel } from './model.js'
import { docxFurniture, docxText } from './read.js'

const LETTER: DocumentModel = {
  meta: {
    kind: 'focused-visit-letter',
    title: 'Focused visit to Kent children’s services',
    localAuthority: { name: 'Kent', code: '886' },
    reference: '80471',
    dates: { fieldworkStart: '2027-03-02', fieldworkEnd: '2027-03-03' },
    status: 'draft',
  },
  blocks: [
    heading(1, 'Focused visit to Kent children’s services'),
    paragraph('Alex Morgan\nDirector of Children’s Services'),
    paragraph('Children are seen ', italic('promptly'), ' & safely <always>.'),
    bullets(['First finding', 'Second finding']),
    numbered(['One', 'Two']),
    numbered(['One again']),
    table(['Area', 'Finding'], [['Front door', 'Timely']]),
    pageBreak(),
    heading(2, 'On the second page'),
  ],
}

describe('renderDocx', () => {
  it('writes the text of every block, in order, as Word paragraphs', async () => {
    const text = docxText(await renderDocx(LETTER))
    expect(text).toEqual([
      'Focused visit to Kent children’s services',
      'Alex Morgan\nDirector of Children’s Services',
      'Children are seen promptly & safely <always>.',
      'First finding',
      'Second finding',
      'One',
      'Two',
      'One again',
      'Area',
      'Finding',
      'Front door',
      'Timely',
      'On the second page',
    ])
  })

  it('puts the LA name, its code and the reference in the header, and "Page X of Y" in the footer', async () => {
    const { headers, footers } = docxFurniture(await renderDocx(LETTER))
    expect(headers).toEqual(['Kent (886)\tReference 80471'])
    expect(footers).toEqual(['Page {PAGE} of {NUMPAGES}'])
  })

  it('marks a draft with Word’s own diagonal "DRAFT" watermark', async () => {
    const docx = await renderDocx(LETTER)
    expect(docxFurniture(docx).watermarks).toEqual(['DRAFT'])
    const header = new TextDecoder().decode(unzipSync(docx)['word/header1.xml'])
    expect(header).toContain('PowerPlusWaterMarkObject')
    expect(header).toMatch(/rotation:315/)
  })

  it('marks an embargoed copy with the time the embargo lifts', async () => {
    const docx = await renderDocx({
      ...LETTER,
      meta: { ...LETTER.meta, status: 'embargoed', embargoUntil: '2027-03-25T00:01' },
    })
    expect(docxFurniture(docx).watermarks).toEqual(['EMBARGOED UNTIL 25 MARCH 2027 00:01'])
  })

  it('leaves the final copy without a watermark', async () => {
    const docx = await renderDocx({ ...LETTER, meta: { ...LETTER.meta, status: 'final' } })
    expect(docxFurniture(docx).watermarks).toEqual([])
  })

  it('uses Word’s heading styles, so the navigation pane shows the structure', async () => {
    const xml = new TextDecoder().decode(unzipSync(await renderDocx(LETTER))['word/document.xml'])
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
  })

  it('starts each numbered list at 1', async () => {
    const xml = new TextDecoder().decode(unzipSync(await renderDocx(LETTER))['word/document.xml'])
    const numIds = [...xml.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1])
    // Two bullets share one list; "One", "Two" share another; "One again" has its own.
    expect(new Set(numIds.slice(2)).size).toBe(2)
  })
})
