import type { Principal } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { addDays, formatDate } from '../../rules/calendar/dates.js'
import { type DashboardItem, type DashboardProvider, urgencyOf } from '../home/index.js'
import { offer2015Paths } from './paths.js'
import type { Offer2015Service } from './service.js'
import { type Owner, stepsOf } from './steps.js'

const HORIZON_DAYS = 28

/** The owners a person answers for (000#12-54): the lead inspector's steps fall to the HMI and senior HMI. */
function ownsFor(principal: Principal): readonly Owner[] {
  switch (principal.role) {
    case 'national-director':
    case 'regional-director':
      return ['regional-director']
    case 'senior-hmi':
      return ['senior-hmi', 'lead-inspector']
    case 'hmi':
      return ['hmi', 'lead-inspector']
    case 'la-dcs':
      return ['la']
    default:
      return []
  }
}

/**
 * The offer's part of each person's home page (issue 15): every step not yet done whose
 * statutory date is within four weeks, or past, for whoever owns it; none for an ended offer.
 */
export function offer2015Dashboard(offers: Offer2015Service, clock: Clock): DashboardProvider {
  return async (principal) => {
    const owns = ownsFor(principal)
    if (owns.length === 0) return []
    const today = clock.today()
    const horizon = addDays(today, HORIZON_DAYS)
    const items: DashboardItem[] = []
    // The offers the person acts on: the regional director's region, an HMI's own offers, not every offer they may read.
    for (const record of await offers.tasksInScope(principal)) {
      if (record.offer.endedOn) continue
      const laName = await offers.laName(record.offer.laCode)
      for (const step of stepsOf(record)) {
        if (step.actual || !step.statutory || !step.owners.some((owner) => owns.includes(owner))) continue
        const due = step.until ?? step.statutory
        const urgency = urgencyOf(due, today, horizon)
        if (!urgency) continue
        items.push({
          urgency,
          title: `${step.label}: ${laName}`,
          href: `${offer2015Paths.offer.build({ offerId: record.offer.id })}#step-${step.key}`,
          due,
          detail: `Due ${formatDate(due)} (2015 improvement offer)`,
          rule: step.rule,
          citation: step.citation,
        })
      }
    }
    return items
  }
}
