import { describe, expect, it } from 'vitest'
import { pathwayStatus } from '../../rules/pathways.js'
import { overdueRows } from './presenters.js'
import type { PlanLa } from './types.js'

// Issue 14, "show drift as drift": the planner's overdue LAs beside the national distribution.
describe('an overdue LA in the programme', () => {
  it('says how many months past its window it is, beside the national median (/register/drift)', () => {
    // Medway, judged good on 1 March 2023: window 1 September 2025 to 1 September 2026; on
    // Monday 23 November 2026 it is 2.7 months past it, against a national median of 11.5.
    const outcome = pathwayStatus(
      [{ published: '2023-03-01', type: 'standard-inspection', overall: 'good' }],
      '2026-11-23',
    )
    if (!outcome.ok) throw new Error(outcome.reason)
    const medway: PlanLa = {
      laCode: '887',
      name: 'Medway',
      regionCode: 'E12000008',
      regionName: 'South East',
      pathway: outcome.status,
    }
    const [row] = overdueRows([{ la: medway, planned: undefined }], false, { today: '2026-11-23', medianMonths: 11.5 })
    const overdue = (row![2] as { html: string }).html
    expect(overdue).toContain('short inspection, due by 1 September 2026: 2.7 months past its window')
    expect(overdue).toContain('<a class="govuk-link" href="/register/drift">national median 11.5</a>')
    // With no measured history there is nothing to compare with, and nothing is said.
    const [bare] = overdueRows([{ la: medway, planned: undefined }], false, {
      today: '2026-11-23',
      medianMonths: undefined,
    })
    expect((bare![2] as { html: string }).html).not.toContain('past its window')
  })
})
