import { createServices } from '../../src/areas/index.js'
import type { Role } from '../../src/auth/roles.js'
import { principalFor } from '../../src/auth/users.js'
import type { TestApp } from '../../src/test-support/build-test-app.js'
import { judgementsGivenAtFeedback, settableClock } from '../../src/test-support/factories/judgements.js'
import { reportAt } from '../../src/test-support/factories/reports.js'
import type { TestUser } from '../../src/test-support/factories/users.js'

/**
 * For the authorisation walk: each inspection goes on site; its lead gives the judgements at
 * feedback (so the LA's DCS can see them, 002#197), agrees them, and takes the report to the LA
 * for factual accuracy.
 */
export async function toFactualAccuracy(
  t: TestApp,
  users: ReadonlyMap<Role, TestUser>,
  inspections: ReadonlyArray<readonly [activityId: string, lead: TestUser]>,
): Promise<void> {
  for (const [activityId, lead] of inspections) {
    await judgementsGivenAtFeedback({
      db: t.db,
      config: t.config,
      director: users.get('national-director')!,
      lead,
      activityId,
      lastDay: '2027-01-22',
    })
    const clock = settableClock('2027-01-22T16:00:00Z')
    const atFeedback = createServices({ db: t.db, clock, config: t.config })
    const leadPrincipal = (await principalFor(t.db, lead.id))!
    for (const to of ['judgements-agreed', 'report-stage'] as const) {
      const version = (await atFeedback.activities.load(activityId)).version
      await atFeedback.activities.changeStatus(
        leadPrincipal,
        activityId,
        { to, note: '', version },
        { requestId: 'test' },
      )
    }
    await reportAt(
      {
        db: t.db,
        config: t.config,
        clock,
        director: users.get('national-director')!,
        lead,
        qa: users.get('qa-manager')!,
        regional: users.get('regional-director')!,
        dcs: users.get('la-dcs')!,
      },
      activityId,
      'factual-accuracy',
    )
  }
}
