import { describe, expect, it } from 'vitest'
import { dataFile } from '../../../data-files.js'
import { dayOfWeek } from '../../../rules/calendar/dates.js'
import { focusedVisitTimeline } from '../../../rules/timelines/focused-visit.js'
import { parseOutcomes } from './parse-outcomes.js'
import { readSpreadsheet } from './spreadsheet.js'

/**
 * Issue 14, "Corrections that real data showed": a focused visit starting on a Wednesday was
 * refused unless its variant was named, yet 35 of the 72 real focused visits in the shipped
 * files began on a Wednesday. A Wednesday start is the Wednesday–Thursday variant (002#103 fn20).
 * Each real start goes through the rules core's timeline with no variant named, as an import or
 * a planner reading Ofsted's dates would.
 */
describe('the real focused visits’ first days (002#103 fn20)', () => {
  it('accepts every Tuesday and Wednesday start with no variant named, a Wednesday as the Wednesday–Thursday variant', async () => {
    const starts: Array<{ la: string; start: string; where: string }> = []
    for (const file of [
      'LA_Inspection_Outcomes_as_at_31_March_2025.ods',
      'Childrens_social_care_in_England_2023_underlying_data.ods',
    ]) {
      const parsed = parseOutcomes(file, await readSpreadsheet(dataFile('ofsted-outcomes', file), file))
      for (const record of parsed.records)
        if (record.kind === 'visit' && record.visitType === 'focused-visit')
          starts.push({
            la: record.la.name ?? '',
            start: record.start,
            where: `${record.source.sheet} ${record.source.row}`,
          })
    }
    expect(starts).toHaveLength(72)
    const variants = { tuesday: 0, wednesday: 0 }
    const otherDays: string[] = []
    for (const { la, start, where } of starts) {
      const day = dayOfWeek(start)
      if (day !== 2 && day !== 3) {
        otherDays.push(`${la} ${start}`)
        continue
      }
      const timeline = focusedVisitTimeline(start)
      expect(timeline.ok, `${la} ${start} (${where})`).toBe(true)
      if (!timeline.ok) continue
      expect(timeline.timeline.variant).toBe(day === 3 ? 'wed-thu' : 'tue-wed')
      variants[day === 3 ? 'wednesday' : 'tuesday']++
    }
    expect(variants).toEqual({ tuesday: 34, wednesday: 35 })
    // Three first days the file gives on another weekday: Ofsted's dates, refused by C5 as the rules stand.
    expect(otherDays.sort()).toEqual(['Bexley 2025-02-13', 'Lambeth 2024-12-02', 'Staffordshire 2022-05-26'])
    for (const other of otherDays) expect(focusedVisitTimeline(other.slice(-10)).ok).toBe(false)
  })
})
