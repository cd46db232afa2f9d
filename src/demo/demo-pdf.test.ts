import { describe, expect, it } from 'vitest'
import { pdfPageCount, pdfText } from '../documents/index.js'
import { demoPdf } from './demo-pdf.js'

describe('demoPdf', () => {
  it('is a one-page PDF a reader opens, holding its title and lines', async () => {
    const pdf = demoPdf('1.01 Organisational structure (2026)', ['Kent County Council'])
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(await pdfPageCount(pdf)).toBe(1)
    const text = (await pdfText(pdf)).join('\n')
    expect(text).toContain('1.01 Organisational structure (2026)')
    expect(text).toContain('Kent County Council')
  })
})
