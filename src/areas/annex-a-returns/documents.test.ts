import { describe, expect, it } from 'vitest'
import { ANNEX_A_DOCUMENTS, itemFromFileName } from './documents.js'

describe('Annex A documents (002#260-262)', () => {
  it('lists 1.01–1.13, 2.01–2.05 and 3.01–3.11 with the duplicated 3.04 kept twice', () => {
    expect(ANNEX_A_DOCUMENTS.filter((d) => d.item.startsWith('1.'))).toHaveLength(13)
    expect(ANNEX_A_DOCUMENTS.filter((d) => d.item.startsWith('2.'))).toHaveLength(5)
    expect(ANNEX_A_DOCUMENTS.filter((d) => d.item.startsWith('3.')).map((d) => d.item)).toEqual([
      '3.01',
      '3.02',
      '3.03',
      '3.04',
      '3.04 (CAMHS)',
      '3.05',
      '3.06',
      '3.07',
      '3.08',
      '3.09',
      '3.10',
      '3.11',
    ])
  })

  it.each([
    ['1.07 Workforce profile March 2026.xlsx', '1.07'],
    ['1-07_workforce.pdf', '1.07'],
    ['3.04 CAMHS strategy.docx', '3.04 (CAMHS)'],
    ['3.04 Panel reports.pdf', '3.04'],
    ['2.05 Not in full-time education.xlsx', '2.05'],
    ['Workforce profile.pdf', undefined],
    ['1.14 Something else.pdf', undefined],
    ['1.071 version.pdf', undefined],
  ])('reads the number prefix of %s as %s', (name, item) => expect(itemFromFileName(name)).toBe(item))
})
