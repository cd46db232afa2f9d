import { describe, expect, it } from 'vitest'
import { frameworkOf, judgementsUpTo, latestJudgement, type HistoryEntry } from './history.js'

const history: HistoryEntry[] = [
  { published: '2019-06-01', type: 'focused-visit', overall: null },
  { published: '2017-05-10', type: 'sif-inspection', overall: 'inadequate' },
  { published: '2019-11-01', type: 'post-monitoring-inspection', overall: 'requires-improvement' },
  { published: '2022-12-01', type: 'standard-inspection', overall: 'good' },
]

describe('judgement history (P5, 002#17, #20, #23)', () => {
  it('keeps graded judgements up to the date, oldest first, whatever the input order', () => {
    expect(judgementsUpTo(history, '2020-01-01').map((item) => item.published)).toEqual(['2017-05-10', '2019-11-01'])
    expect(latestJudgement(history, '2022-12-01')?.overall).toBe('good')
    expect(latestJudgement(history, '2017-05-09')).toBeUndefined()
  })

  it.each([
    ['standard-inspection', 'ilacs'],
    ['short-inspection', 'ilacs'],
    ['sif-inspection', 'sif'],
    ['post-monitoring-inspection', 'sif'],
  ] as const)('%s is a %s judgement (002#22 fn4)', (type, framework) => {
    expect(frameworkOf(type)).toBe(framework)
  })
})
