import { describe, expect, it } from 'vitest'
import { reportInput } from './fixtures.js'
import {
  bold,
  gradeLabel,
  heading,
  paragraph,
  parseDocument,
  table,
  watermarkText,
  type DocumentMeta,
  type DocumentModel,
} from './model.js'
import { inspectionReport } from './templates/inspection-report.js'

const META: DocumentMeta = {
  kind: 'focused-visit-letter',
  title: 'Focused visit to Kent children’s services',
  localAuthority: { name: 'Kent', code: '886' },
  reference: '80471',
  dates: { fieldworkStart: '2027-03-02', fieldworkEnd: '2027-03-03', issued: '2027-03-23' },
  status: 'draft',
}

describe('parseDocument', () => {
  it('reads back a report stored as JSON, unchanged', () => {
    const report = inspectionReport(reportInput())
    expect(parseDocument(JSON.parse(JSON.stringify(report)))).toEqual(report)
  })

  it.each([
    ['an embargoed copy without the time the embargo lifts', { meta: { ...META, status: 'embargoed' }, blocks: [] }],
    [
      'an LA code that is not three digits',
      { meta: { ...META, localAuthority: { name: 'Kent', code: '88' } }, blocks: [] },
    ],
    ['a table row shorter than its header', { meta: META, blocks: [table(['A', 'B'], [['1']])] }],
    ['a heading of level 4', { meta: META, blocks: [{ type: 'heading', level: 4, text: 'Too deep' }] }],
    [
      'a grade off the four-point scale',
      { meta: META, blocks: [{ type: 'judgements', rows: [{ judgement: 'Overall', grade: 'fair' }] }] },
    ],
  ])('refuses %s', (_, value) => {
    expect(() => parseDocument(value)).toThrow()
  })
})

describe('builders', () => {
  it('make paragraphs from strings and bold or italic parts', () => {
    const document: DocumentModel = {
      meta: META,
      blocks: [heading(2, 'Findings'), paragraph('Plain ', bold('strong'))],
    }
    expect(document.blocks[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Plain ' }, { text: 'strong', bold: true }],
    })
  })
})

describe('watermarkText', () => {
  it('marks a draft "DRAFT"', () => expect(watermarkText(META)).toBe('DRAFT'))

  it('marks an embargoed copy with the UK date and time the embargo lifts (002#216)', () => {
    expect(watermarkText({ ...META, status: 'embargoed', embargoUntil: '2027-03-01T00:01' })).toBe(
      'EMBARGOED UNTIL 1 MARCH 2027 00:01',
    )
  })

  it('leaves the published copy unmarked', () => expect(watermarkText({ ...META, status: 'final' })).toBeUndefined())
})

describe('gradeLabel', () => {
  it('uses the words of the four-point scale (002#97)', () => {
    expect(gradeLabel('requires-improvement')).toBe('Requires improvement to be good')
    expect(gradeLabel('outstanding')).toBe('Outstanding')
  })
})
