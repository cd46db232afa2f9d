import { describe, expect, it } from 'vitest'
import { addMonths } from '../rules/calendar/dates.js'
import { listCoversFrom } from '../rules/case-selection.js'
import { CODE_SETS } from './code-sets.js'
import { normaliseHeader } from './normalise.js'
import { LISTS, SIBLINGS_SHEET_COLUMNS, headerIndex, isTemplateSheet, listFromSheetName, listSpec } from './spec.js'

describe('LISTS', () => {
  it('has the eleven lists of 002#249 in order, each with a window and a cardinality', () => {
    expect(LISTS.map((l) => l.list)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    expect(LISTS.map((l) => l.window.months)).toEqual([3, 6, 3, 6, 6, 3, 3, 6, null, 12, 12])
    expect(LISTS.filter((l) => l.cardinality === 'one-per-child').map((l) => l.list)).toEqual([6, 7, 8, 9, 10])
  })

  it("describes the same look-back as the rules core's listCoversFrom, which the checks apply (S9)", () => {
    for (const spec of LISTS.filter((l) => l.window.months !== null))
      expect(listCoversFrom(spec.list, '2023-06-05'), `List ${spec.list}`).toBe(
        addMonths('2023-06-05', -spec.window.months!),
      )
  })

  it('gives every list an unambiguous header index and every code column a known code set', () => {
    for (const spec of LISTS) {
      expect(() => headerIndex(spec.columns)).not.toThrow()
      for (const column of spec.columns) if (column.type === 'code') expect(CODE_SETS[column.codeSet!]).toBeDefined()
    }
    expect(() => headerIndex(SIBLINGS_SHEET_COLUMNS)).not.toThrow()
  })

  it('keeps the 2019 template column counts (list 8 has 34 plus the 002#253 siblings column)', () => {
    const template = (n: number) => listSpec(n as 1).columns.filter((c) => !c.optionalColumn).length
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(template)).toEqual([7, 8, 11, 12, 14, 14, 17, 34, 13, 16, 19])
  })

  it('matches the template headers with their curly quotes, trailing spaces and ? variants', () => {
    const list8 = headerIndex(listSpec(8).columns)
    expect(
      list8.get(
        normaliseHeader('Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months'),
      )?.key,
    ).toBe('missingEpisodes')
    expect(list8.get(normaliseHeader('Date Ceased to be Looked After '))?.key).toBe('ceasedDate')
    expect(
      list8.get(normaliseHeader('Was the child offered a Return Interview after their last missing episode (Y/N))?'))
        ?.key,
    ).toBe('returnInterviewOffered')
    const list4 = headerIndex(listSpec(4).columns)
    expect(
      list4.get(normaliseHeader('Was the child assessed as requiring LA children’s social care support'))?.key,
    ).toBe('assessmentOutcome')
    expect(
      list4.get(normaliseHeader("Was the child assessed as requiring LA children's social care support?"))?.key,
    ).toBe('assessmentOutcome')
  })
})

describe('listFromSheetName', () => {
  it.each([
    ['List_1', 1],
    ['List 1', 1],
    ['List1', 1],
    ['list-1', 1],
    ['List 11', 11],
    ['List_11', 11],
    ['List 1 - Contacts', 1],
    ['Contacts', 1],
    ['Sec47 and ICPC', 5],
    ['Children in Care', 8],
    ['care leavers', 9],
    ['List 12', undefined],
    ['Listings', undefined],
    ['Guidance', undefined],
  ])('%s → %s', (name, list) => expect(listFromSheetName(name)).toBe(list))

  it('knows the template sheets that are not lists', () => {
    expect(isTemplateSheet('Codes_used')).toBe(true)
    expect(isTemplateSheet('List_1')).toBe(false)
  })
})
