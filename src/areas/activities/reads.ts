import type { Kysely } from 'kysely'
import { memoisedEach, memoisedForRequest, primeForRequest } from '../../db/request-scope.js'
import type { Database } from '../../db/tables.js'
import { dateChangesOf, statusChangesOf } from './history.repository.js'
import { noticedActivityIds, noticesOf } from './notice.repository.js'
import { type ActivityQuery, type ActivityRecord, findActivity, listActivities } from './repository.js'
import { flagsOf, milestonesOf } from './timeline.repository.js'
import { contactsOf, teamPlacesOf } from './team.repository.js'

/**
 * The activities area's reads, each made once per web request (issue 16): the home page asks
 * for the same activity, its team and its notices from every area's dashboard provider, and an
 * activity's page from every area's task provider. Within a request the second ask gets the
 * first answer; a write in the request forgets them all (src/db/request-scope.ts). Outside a
 * request (jobs, the CLI) every call reads. Transactions use the repository directly.
 */
export function activityReads(db: Kysely<Database>) {
  const once =
    <A extends unknown[], R>(name: string, read: (db: Kysely<Database>, ...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      memoisedForRequest(`activities.${name}:${JSON.stringify(args)}`, () => read(db, ...args))
  /** A read of many activities' rows, each activity's rows read once per request. */
  const eachActivity =
    <R extends { readonly activityId: string }>(
      name: string,
      read: (db: Kysely<Database>, activityIds: readonly string[]) => Promise<R[]>,
    ) =>
    async (activityIds: readonly string[]): Promise<R[]> => {
      const byActivity = await memoisedEach(`activities.${name}`, activityIds, async (missing) => {
        const rows = await read(db, missing)
        const grouped = new Map<string, R[]>(missing.map((id) => [id, []]))
        for (const row of rows) grouped.get(row.activityId)?.push(row)
        return grouped
      })
      return [...byActivity.values()].flatMap((rows) => rows ?? [])
    }
  const findOne = once('findActivity', findActivity)
  const list = once('listActivities', listActivities)
  return {
    findActivity: findOne,
    /**
     * Activities matching the filter. A person's own activities are read once per request
     * whatever statuses each provider wants, and filtered here; every activity listed is then
     * known to `findActivity` without another query.
     */
    async listActivities(filter: ActivityQuery = {}): Promise<ActivityRecord[]> {
      const { statuses, ...rest } = filter
      const records =
        rest.teamUserId && statuses
          ? (await list(rest)).filter((record) => statuses.includes(record.status))
          : await list(filter)
      for (const record of records) primeForRequest(`activities.findActivity:${JSON.stringify([record.id])}`, record)
      return records
    },
    milestonesOf: eachActivity('milestonesOf', milestonesOf),
    flagsOf: once('flagsOf', flagsOf),
    noticesOf: once('noticesOf', noticesOf),
    noticedActivityIds: once('noticedActivityIds', noticedActivityIds),
    dateChangesOf: once('dateChangesOf', dateChangesOf),
    statusChangesOf: once('statusChangesOf', statusChangesOf),
    teamPlacesOf: eachActivity('teamPlacesOf', teamPlacesOf),
    contactsOf: once('contactsOf', contactsOf),
  }
}
