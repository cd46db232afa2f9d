import type { Kysely } from 'kysely'
import { createServices } from '../../areas/index.js'
import { principalFor } from '../../auth/users.js'
import { fixedClock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import type { TestUser } from './users.js'

/**
 * An evidence entry written through the evidence service by `author` (a team inspector or the
 * lead of the activity) at `at` (an instant later than 09:30 that day), for tests that start with evidence already on the record: a
 * case-file entry on management oversight, naming nobody (002#191). Returns the entry's id.
 */
export async function evidenceEntry(
  db: Kysely<Database>,
  config: Config,
  options: { activityId: string; author: TestUser; at: string; headingId?: string },
): Promise<string> {
  const services = createServices({ db, clock: fixedClock(options.at), config })
  const author = (await principalFor(db, options.author.id))!
  return services.evidence.addEntry(
    author,
    options.activityId,
    {
      headingId: options.headingId ?? 'help-and-protection.3',
      sourceType: 'case-file',
      sourceDetail: '',
      collectedOn: options.at.slice(0, 10),
      // Collected at 09:30 on the day of `at` (tests write entries later in the morning).
      collectedTime: '09:30',
      evaluativeStatement: 'Management oversight is consistently strong.',
      evidenceSummary: 'In 9 of 10 cases supervision gave clear direction.',
      impact: 'Plans progress without drift.',
      significance: 'none',
      teamAgreed: false,
      caseIds: 'C104532',
      names: { confirmed: false, fingerprint: '' },
    },
    {},
    { requestId: 'test' },
  )
}
