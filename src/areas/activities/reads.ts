import type { Kysely } from 'kysely'
import { memoisedEach, memoisedForRequest, memoisedRowsOf, primeForRequest } from '../../db/request-scope.js'
import type { Database } from '../../db/tables.js'
import { dateChangesOf, statusChangesOf } from './history.repository.js'
import { noticedActivityIds, noticesOf } from './notice.repository.js'
import { type ActivityQuery, type ActivityRecord, findActivities, listActivities } from './repository.js'
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
  /**
   * A read of many activities' rows by activity (`many`), each activity read once per request,
   * and of one activity's (`one`), answered from an earlier `many` when it covered that activity:
   * a provider that loops over activities asks for all of them first (issue 16).
   */
  const byActivity = <R>(
    name: string,
    read: (db: Kysely<Database>, activityIds: readonly string[]) => Promise<Iterable<readonly [string, R]>>,
  ) => {
    const many = (activityIds: readonly string[]) =>
      memoisedRowsOf(`activities.${name}`, activityIds, (missing) => read(db, missing))
    const one = async (activityId: string): Promise<R[]> => (await many([activityId])).get(activityId) ?? []
    return { many, one }
  }
  const notices = byActivity('noticesOf', noticesOf)
  const statusChanges = byActivity('statusChangesOf', statusChangesOf)
  const dateChanges = byActivity('dateChangesOf', dateChangesOf)
  const flags = byActivity('flagsOf', flagsOf)
  const contacts = byActivity('contactsOf', contactsOf)
  /** Activities by id, each read once per request (a list read primes them). */
  const findMany = (ids: readonly string[]) =>
    memoisedEach('activities.byId', ids, (missing) => findActivities(db, missing))
  const list = once('listActivities', listActivities)
  return {
    findActivity: async (id: string) => (await findMany([id])).get(id),
    findActivities: findMany,
    /**
     * Activities matching the filter. A person's own activities, and an LA's or a region's, are
     * read once per request whatever statuses each provider wants, and filtered here (a home page
     * asks for four or five sets of statuses); every activity listed is then known to
     * `findActivity` without another query.
     */
    async listActivities(filter: ActivityQuery = {}): Promise<ActivityRecord[]> {
      const { statuses, ...rest } = filter
      const records =
        (rest.teamUserId || rest.laCodes) && statuses
          ? (await list(rest)).filter((record) => statuses.includes(record.status))
          : await list(filter)
      for (const record of records) primeForRequest(`activities.byId:${record.id}`, record)
      return records
    },
    milestonesOf: eachActivity('milestonesOf', milestonesOf),
    flagsOf: flags.one,
    flagsOfMany: flags.many,
    noticesOf: notices.one,
    noticesOfMany: notices.many,
    noticedActivityIds: once('noticedActivityIds', noticedActivityIds),
    dateChangesOf: dateChanges.one,
    dateChangesOfMany: dateChanges.many,
    statusChangesOf: statusChanges.one,
    statusChangesOfMany: statusChanges.many,
    teamPlacesOf: eachActivity('teamPlacesOf', teamPlacesOf),
    contactsOf: contacts.one,
    contactsOfMany: contacts.many,
  }
}
