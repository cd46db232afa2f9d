import type { Roster } from '../../auth/people.js'
import type { Role } from '../../auth/roles.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import type { RegisterService } from '../register/index.js'
import { offer2015Paths } from './paths.js'
import type { Offer2015Service } from './service.js'
import { type Owner, stepsOf } from './steps.js'

/**
 * Who is reminded of an offer's step. The HMI's and lead inspector's steps go to the inspectors
 * named for the offer; while none is named, and for the senior HMI's steps (a senior HMI's
 * account has no region), to the regional director of the LA's region, who gives the work out
 * (and to a senior HMI whose account carries the region). HMCI's step (telling the other
 * inspectorates) is no account's.
 */
const INSPECTORS: readonly Role[] = ['senior-hmi', 'regional-director']
/** The owners whose steps are the named inspectors' (ADR 0025: the named person, once there is one). */
const NAMED_OWNERS: readonly Owner[] = ['hmi', 'lead-inspector']
const OWNER_ROLES: Readonly<Record<Owner, readonly Role[]>> = {
  'regional-director': ['regional-director'],
  'lead-inspector': INSPECTORS,
  'senior-hmi': INSPECTORS,
  hmi: INSPECTORS,
  ims: ['inspection-support'],
  la: ['la-dcs'],
  hmci: [],
}

/**
 * The 2015 improvement offer's deadlines for the reminder job (issue 13): every step not yet
 * done with a statutory date (the seminar, the plan and its 50-day reminder, 000#27, the visits,
 * the quarterly reviews, the progress inspection's milestones), to whoever owes it: the same
 * steps as each owner's home page. None for an ended offer.
 */
export function offer2015Reminders(
  offers: Pick<Offer2015Service, 'inScope' | 'inspectorIds'>,
  register: Pick<RegisterService, 'localAuthorities'>,
  roster: () => Promise<Roster>,
) {
  return async function reminders(): Promise<DueReminder[]> {
    const [records, las, people] = await Promise.all([
      offers.inScope('everyone'),
      register.localAuthorities(),
      roster(),
    ])
    const byCode = new Map(las.map((la) => [la.laCode, la]))
    const named = await offers.inspectorIds(records.map((record) => record.offer.id))
    return records.flatMap((record) => {
      const inspectors = (named.get(record.offer.id) ?? []).flatMap((id) => people.person(id) ?? [])
      const la = byCode.get(record.offer.laCode)
      if (!la || record.offer.endedOn) return []
      return stepsOf(record).flatMap((step) => {
        if (step.actual || !step.statutory) return []
        return remindEach(
          step.owners.flatMap((owner) =>
            inspectors.length > 0 && NAMED_OWNERS.includes(owner) ? inspectors : people.at(la, OWNER_ROLES[owner]),
          ),
          {
            kind: 'offer-2015-step',
            recordId: `${record.offer.id}:${step.key}`,
            // A window's last day, as on the home page.
            due: step.until ?? step.statutory,
            what: `${step.label}: ${la.name}`,
            path: `${offer2015Paths.offer.build({ offerId: record.offer.id })}#step-${step.key}`,
          },
        )
      })
    })
  }
}
