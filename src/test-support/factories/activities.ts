import type { Kysely } from 'kysely'
import { createServices } from '../../areas/index.js'
import type { TeamRole } from '../../areas/activities/activity-types.js'
import { principalFor } from '../../auth/users.js'
import { fixedClock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import type { PlannableType } from '../../areas/activities/activity-types.js'
import { createUser } from './users.js'

/**
 * An activity planned in the past and notified, for tests that start during fieldwork: it is
 * planned and its notice recorded with a clock set before the notice day, through the real
 * services, so the app under test (with its own clock) finds it as a user would.
 */
export async function notifiedActivity(
  db: Kysely<Database>,
  config: Config,
  options: {
    laCode?: string
    type?: PlannableType
    onsiteStart: string
    plannedAt: string
    noticeAt: string
    team: ReadonlyArray<{ userId: string; teamRole: TeamRole }>
    dcsEmail?: string
  },
): Promise<string> {
  const services = createServices({ db, clock: fixedClock(options.plannedAt), config })
  const director = (await principalFor(db, (await createUser(db, 'national-director')).id))!
  const context = { requestId: 'test' }
  const laCode = options.laCode ?? '886'
  const id = await services.activities.plan(
    director,
    {
      laCode,
      type: options.type ?? 'standard-inspection',
      variant: null,
      onsiteStart: options.onsiteStart,
      topics: options.type === 'focused-visit' ? ['Children in care'] : [],
    },
    context,
  )
  for (const member of options.team)
    await services.activities.addTeamMember(
      director,
      id,
      { userId: member.userId, teamRole: member.teamRole, days: [] },
      context,
    )
  await services.activities.setContact(
    director,
    id,
    { contactRole: 'dcs', name: 'A Director', email: options.dcsEmail ?? `dcs.${laCode}@example.gov.uk`, phone: '' },
    context,
  )
  // The call is recorded when it is made (a call in the future is refused).
  const atNotice = createServices({ db, clock: fixedClock(options.noticeAt), config })
  await atNotice.activities.recordNotice(
    director,
    id,
    {
      calledAt: new Date(options.noticeAt),
      spokeToRole: 'dcs',
      spokeToName: 'A Director',
      notes: '',
      version: undefined,
    },
    context,
  )
  return id
}
