import type { Kysely } from 'kysely'
import { memoisedForRequest } from '../../db/request-scope.js'
import type { Database } from '../../db/tables.js'
import {
  dateChangesOf,
  findActivity,
  flagsOf,
  listActivities,
  milestonesOf,
  noticedActivityIds,
  noticesOf,
  statusChangesOf,
} from './repository.js'
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
  return {
    findActivity: once('findActivity', findActivity),
    listActivities: once('listActivities', listActivities),
    milestonesOf: once('milestonesOf', milestonesOf),
    flagsOf: once('flagsOf', flagsOf),
    noticesOf: once('noticesOf', noticesOf),
    noticedActivityIds: once('noticedActivityIds', noticedActivityIds),
    dateChangesOf: once('dateChangesOf', dateChangesOf),
    statusChangesOf: once('statusChangesOf', statusChangesOf),
    teamPlacesOf: once('teamPlacesOf', teamPlacesOf),
    contactsOf: once('contactsOf', contactsOf),
  }
}
