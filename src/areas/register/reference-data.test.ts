import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dataFile } from '../../data-files.js'
import { parseCsv, parseLocalAuthorities } from './reference-data.js'

describe('parseCsv', () => {
  it('reads quoted fields with commas and doubled quotes, and CRLF lines', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\r\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ])
  })
})

describe('the register’s reference data', () => {
  const las = parseLocalAuthorities(readFileSync(dataFile('local-authorities.csv'), 'utf8'))

  it('holds the 153 English LAs with children’s services, each with a unique DfE and ONS code', () => {
    expect(las).toHaveLength(153)
    expect(new Set(las.map((la) => la.laCode)).size).toBe(153)
    expect(new Set(las.map((la) => la.gssCode)).size).toBe(153)
    expect(las.every((la) => /^\d{3}$/.test(la.laCode) && /^E(06|08|09|10)\d{6}$/.test(la.gssCode))).toBe(true)
  })

  it('has the counts by type that data/README.md gives', () => {
    const count = (type: string) => las.filter((la) => la.laType === type).length
    expect([
      count('county council'),
      count('unitary authority'),
      count('metropolitan district'),
      count('london borough'),
    ]).toEqual([21, 63, 36, 33])
  })

  it('keeps names with commas and earlier ONS codes', () => {
    expect(las.find((la) => la.laCode === '801')?.name).toBe('Bristol, City of')
    expect(las.find((la) => la.laCode === '370')?.previousGssCodes).toBe('E08000016(to 2025-04-30)')
    expect(new Set(las.map((la) => la.regionCode)).size).toBe(9)
  })
})
