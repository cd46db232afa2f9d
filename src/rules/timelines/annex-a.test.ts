import { describe, expect, it } from 'vitest'
import { annexAMilestones } from './annex-a.js'

const byKey = (column: Parameters<typeof annexAMilestones>[0], request: string): Record<string, string> =>
  Object.fromEntries(annexAMilestones(column, request).map((item) => [item.key, item.date]))

describe('annexAMilestones (S4, 002#242; working days from the request)', () => {
  it.each([
    [
      'standard-or-short',
      '2023-06-05',
      {
        'annex-a.child-level-data': '2023-06-06',
        'annex-a.audits': '2023-06-06',
        'annex-a.management-information': '2023-06-07',
        'annex-a.case-information': '2023-06-08',
      },
    ],
    [
      'focused',
      '2023-06-06',
      {
        'annex-a.child-level-data': '2023-06-07',
        'annex-a.management-information': '2023-06-07',
        'annex-a.case-information': '2023-06-08',
      },
    ],
    [
      'monitoring',
      '2023-06-05',
      {
        'annex-a.child-level-data': '2023-06-06',
        'annex-a.management-information': '2023-06-14',
        'annex-a.case-information': '2023-06-14',
      },
    ],
    [
      'standard-or-short',
      '2022-05-26',
      {
        'annex-a.child-level-data': '2022-05-27',
        'annex-a.management-information': '2022-05-30',
        'annex-a.case-information': '2022-05-31',
      },
    ],
    [
      'monitoring',
      '2024-03-25',
      { 'annex-a.child-level-data': '2024-03-26', 'annex-a.management-information': '2024-04-05' },
    ],
  ] as const)('%s column, request %s', (column, request, expected) => {
    expect(byKey(column, request)).toMatchObject({ 'annex-a.request': request, ...expected })
  })

  it('gives every milestone rule S4 and citation 002#242', () => {
    for (const item of annexAMilestones('focused', '2023-06-06'))
      expect(item).toMatchObject({ rule: 'S4', citation: '002#242' })
  })
})
