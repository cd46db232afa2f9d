import { describe, expect, it } from 'vitest'
import { correctionChain, currentRecords, latestJudgement, standing } from './history.js'
import { historyEntries } from './pathway.js'
import type { JudgementRecord } from './types.js'

function record(
  id: string,
  publishedOn: string,
  overall: 'good' | 'inadequate' | 'requires-improvement',
  extra: Partial<JudgementRecord> = {},
): JudgementRecord {
  return {
    id,
    laCode: '886',
    framework: 'ilacs-2018',
    activityType: 'standard-inspection',
    inspectionStart: publishedOn,
    inspectionEnd: publishedOn,
    publishedOn,
    grades: { overall, 'help-and-protection': overall, 'children-in-care': overall, leaders: overall },
    correctsId: null,
    correctionReason: null,
    correctedById: null,
    source: 'manual',
    activityId: null,
    publicationId: null,
    sourceDetail: null,
    predecessor: null,
    recordedBy: null,
    recordedAt: new Date(`${publishedOn}T12:00:00Z`),
    ...extra,
  }
}

describe('an append-only history', () => {
  const first = record('a', '2019-05-01', 'inadequate', { correctedById: 'b' })
  const correction = record('b', '2019-05-01', 'requires-improvement', { correctsId: 'a', correctionReason: 'typo' })
  const later = record('c', '2022-07-01', 'good')

  it('counts only the latest version of each judgement', () => {
    expect(currentRecords([first, correction, later]).map((r) => r.id)).toEqual(['b', 'c'])
    expect(latestJudgement([first, correction])?.id).toBe('b')
  })

  it('takes the standing from the latest current judgement', () => {
    expect(standing([first, correction, later])).toMatchObject({ grade: 'good', derived: false })
    expect(standing([])).toBeUndefined()
  })

  it('follows a correction chain from first entry to latest', () => {
    expect(correctionChain([first, correction, later], 'b').map((r) => r.id)).toEqual(['a', 'b'])
  })

  it('gives the rules core the corrected grade, oldest first', () => {
    expect(historyEntries([later, first, correction])).toEqual([
      { published: '2019-05-01', type: 'standard-inspection', overall: 'requires-improvement' },
      { published: '2022-07-01', type: 'standard-inspection', overall: 'good' },
    ])
  })
})
