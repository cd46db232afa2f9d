/**
 * On-site hours (RULES.md C4, 002#83): "On-site inspection activity will not normally
 * continue after 6pm on any field work day."
 */
import type { Flag } from '../types.js'

/** The time on-site activity normally ends by (002#83). */
const ON_SITE_ENDS_BY = '18:00'

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * A flag when on-site activity planned to end at `time` (24-hour `HH:MM`) runs after 6pm, or
 * nothing when it does not. "Not normally" makes it a flag, not a refusal.
 */
export function onSiteHoursCheck(time: string): Flag[] {
  if (!TIME.test(time)) throw new RangeError(`Not a 24-hour HH:MM time: ${time}`)
  return time > ON_SITE_ENDS_BY
    ? [
        {
          rule: 'C4',
          citation: '002#83',
          message: `On-site activity would continue until ${time}; it does not normally continue after 6pm`,
        },
      ]
    : []
}
