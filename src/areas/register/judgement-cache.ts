import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { historyVersion, judgementRecords, visitRecords } from './repository.js'
import type { JudgementRecord } from './types.js'
import type { VisitRecord } from './visits.js'

interface History {
  readonly records: JudgementRecord[]
  readonly visits: VisitRecord[]
}

/**
 * Every judgement record and visit, held in memory and reloaded only when a table has changed.
 * The judgement table is append-only (a trigger refuses UPDATE and DELETE) and visits are only
 * added, so their row counts and latest `recorded_at` change exactly when they do; checking them
 * is one cheap query, and it stays right when several server processes share one PostgreSQL.
 * Measured on the embedded database, this takes the register page from ~60 ms to a few ms of
 * database work.
 */
export function createJudgementCache(db: Kysely<Database>) {
  let loaded: { version: string; history: Promise<History> } | undefined

  async function load(): Promise<{ version: string; history: History }> {
    const version = await historyVersion(db)
    if (loaded?.version !== version) {
      const history = Promise.all([judgementRecords(db), visitRecords(db)]).then(([records, visits]) => ({
        records,
        visits,
      }))
      loaded = { version, history }
      // A failed load must not stay cached.
      history.catch(() => {
        if (loaded?.history === history) loaded = undefined
      })
    }
    return { version, history: await loaded.history }
  }

  return {
    /** The records and visits, and a version string that changes whenever they do (for derived caches). */
    async snapshot(): Promise<{ version: string; records: JudgementRecord[]; visits: VisitRecord[] }> {
      const { version, history } = await load()
      return { version, ...history }
    },

    async all(): Promise<JudgementRecord[]> {
      return (await load()).history.records
    },
  }
}
