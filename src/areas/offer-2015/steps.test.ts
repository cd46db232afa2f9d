import { describe, expect, it } from 'vitest'
import { stateOf, stepsOf } from './steps.js'
import type { DoneStep, Offer, OfferRecord } from './types.js'

// Published Monday 2 March 2015 (the rules core's own example, src/rules/offer-2015.test.ts).
const OFFER: Offer = {
  id: 'o',
  laCode: '330',
  judgementId: 'j',
  publishedOn: '2015-03-02',
  openedOn: '2015-03-02',
  seminarOn: null,
  planAcceptedOn: null,
  progressOnsiteOn: null,
  progressJudgement: null,
  endedOn: null,
  version: 1,
}
const done = (step: string, doneOn: string, detail: Record<string, unknown> = {}): DoneStep => ({
  step,
  doneOn,
  note: '',
  detail,
})
const record = (offer: Partial<Offer>, steps: DoneStep[] = []): OfferRecord => ({
  offer: { ...OFFER, ...offer },
  steps,
})
const find = (value: OfferRecord, key: string) => stepsOf(value).find((step) => step.key === key)

describe('the steps of a 2015 offer (000#12-54)', () => {
  it('gives the invitation on publication, the seminar window and the plan dates from the rules', () => {
    const fresh = record({})
    expect(find(fresh, 'invitation')).toMatchObject({ statutory: '2015-03-02', owners: ['regional-director'] })
    expect(find(fresh, 'seminar')).toMatchObject({ statutory: '2015-04-08', until: '2015-04-22' })
    expect(find(fresh, 'plan.chase')?.statutory).toBe('2015-05-14')
    expect(find(fresh, 'plan.received')?.statutory).toBe('2015-06-12')
    expect(find(fresh, 'visit.1')?.statutory).toBeNull()
    expect(find(fresh, 'seminar.persuasion')).toBeUndefined()
    expect(stateOf(fresh)).toBe('offered')
  })

  it('adds the persuasion and the DfE when the DCS declines (000#15-16)', () => {
    const declined = record({}, [
      done('invitation', '2015-03-02'),
      done('seminar.reply', '2015-03-09', { reply: 'declined' }),
    ])
    expect(find(declined, 'seminar.persuasion')?.owners).toEqual(['regional-director', 'senior-hmi', 'lead-inspector'])
    expect(find(declined, 'seminar.dfe-told')?.citation).toBe('000#7, #15-16')
    expect(stateOf(declined)).toBe('seminar')
  })

  it('counts the monthly visits from an acceptable plan on Saturday 20 June 2015 and the first visit (000#34)', () => {
    const accepted = record({ seminarOn: '2015-04-15', planAcceptedOn: '2015-06-20' }, [
      done('plan.letter', '2015-06-20', { letter: 'D' }),
    ])
    expect(find(accepted, 'visit.1')?.statutory).toBe('2015-07-18')
    expect(find(accepted, 'visit.2')?.statutory).toBe('2015-08-18')
    expect(find(accepted, 'seminar.agenda')?.statutory).toBe('2015-04-08')
    expect(stateOf(accepted)).toBe('monitoring')
    const visited = record({ planAcceptedOn: '2015-06-20' }, [done('visit.1', '2015-07-14')])
    expect(find(visited, 'visit.12')?.statutory).toBe('2016-06-14')
  })

  it('asks for letter F or G only after letter E (000#32-33)', () => {
    expect(find(record({}, [done('plan.letter', '2015-06-20', { letter: 'D' })]), 'plan.resolution')).toBeUndefined()
    expect(find(record({}, [done('plan.letter', '2015-06-20', { letter: 'E' })]), 'plan.resolution')).toBeDefined()
  })

  it('lays out the progress inspection on site from Monday 7 March 2016, and ends with the final letter', () => {
    const inspected = record({ progressOnsiteOn: '2016-03-07' })
    expect(find(inspected, 'pi.notice')?.statutory).toBe('2016-02-29')
    expect(find(inspected, 'pi.report.published')?.owners).toEqual(['lead-inspector'])
    expect(stateOf(inspected)).toBe('progress-inspection')
    expect(stateOf(record({ endedOn: '2016-07-01' }))).toBe('ended')
  })
})
