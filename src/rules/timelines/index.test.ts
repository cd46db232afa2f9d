import { describe, expect, it } from 'vitest'
import { ACTIVITY_TYPES } from '../types.js'
import { requiredOnsiteWeekday, timelineFor } from './index.js'
import { dayOfWeek } from '../calendar/dates.js'

describe('timelineFor (C5, S2)', () => {
  it.each(ACTIVITY_TYPES.map((type) => [type]))('%s: accepts its weekday and refuses the day after', (type) => {
    const start = requiredOnsiteWeekday(type) === 1 ? '2023-06-12' : '2023-06-13'
    expect(dayOfWeek(start)).toBe(requiredOnsiteWeekday(type))
    const accepted = timelineFor(type, start)
    expect(accepted.ok && accepted.timeline.type).toBe(type)
    // A focused visit's Wednesday start is its Wednesday–Thursday variant (002 fn20; issue 14): its refused day is the Thursday.
    const refused = start === '2023-06-12' ? '2023-06-13' : type === 'focused-visit' ? '2023-06-15' : '2023-06-14'
    expect(timelineFor(type, refused)).toMatchObject({
      ok: false,
      rule: 'C5',
    })
  })

  it('passes the variant to visits (002 fn20, fn22)', () => {
    expect(requiredOnsiteWeekday('focused-visit', 'wed-thu')).toBe(3)
    expect(timelineFor('monitoring-visit', '2023-06-14', { variant: 'wed-thu' })).toMatchObject({ ok: true })
  })
})
