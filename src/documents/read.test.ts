import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { reportInput } from './fixtures.js'
import { renderPdf } from './pdf.js'
import { docxFurniture, docxText, pdfPageCount, pdfText } from './read.js'
import { inspectionReport } from './templates/inspection-report.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A minimal .docx as Word writes it: complex fields with cached results, tab stops, entities. */
function wordFile(body: string, header = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(header ? { 'word/header1.xml': strToU8(`<w:hdr ${W}>${header}</w:hdr>`) } : {}),
  })
}

describe('pdfPageCount', () => {
  it('counts the pages of a report longer than the 10 pages 002#212 allows', async () => {
    const pdf = await renderPdf(inspectionReport(reportInput(22)))
    expect(await pdfPageCount(pdf)).toBe(11)
    expect(await pdfText(pdf)).toHaveLength(11)
  })

  it('refuses bytes that are not a PDF', async () => {
    await expect(pdfPageCount(strToU8('not a PDF at all'))).rejects.toThrow()
  })
})

describe('docxText', () => {
  it('reads paragraphs, tabs, breaks and entities, and not the tab stops in paragraph properties', () => {
    const docx = wordFile(
      '<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr>' +
        '<w:r><w:t>Kent</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">A &amp; B &#8211; &lt;C&gt;</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t></w:r></w:p>' +
        '<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>',
    )
    expect(docxText(docx)).toEqual(['Kent\tA & B – <C>', 'Line one\nLine two'])
  })

  it('reads page fields as placeholders whether simple or complex, skipping Word’s cached result', () => {
    const docx = wordFile(
      '<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>' +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
        '<w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p>',
    )
    expect(docxText(docx)).toEqual(['Page {PAGE} of {NUMPAGES}'])
  })

  it('refuses a file without a document part', () => {
    expect(() => docxText(zipSync({ 'other.xml': strToU8('<x/>') }))).toThrow(/word\/document\.xml/)
  })

  it('refuses a part that would inflate beyond 32 MB (a zip bomb)', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(33 * 1024 * 1024) }, { level: 1 })
    expect(bomb.length).toBeLessThan(100_000)
    expect(() => docxText(bomb)).toThrow(/too large/)
  })
})

describe('docxFurniture', () => {
  it('reads header paragraphs and the watermark’s text', () => {
    const docx = wordFile(
      '<w:p/>',
      '<w:p><w:r><w:t>Kent (886)</w:t></w:r><w:r><w:pict><v:shape><v:textpath style="font-family:&quot;Arial&quot;" string="DRAFT &amp; MORE"/></v:shape></w:pict></w:r></w:p>',
    )
    expect(docxFurniture(docx)).toEqual({ headers: ['Kent (886)'], footers: [], watermarks: ['DRAFT & MORE'] })
  })
})
