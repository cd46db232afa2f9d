import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { judgementRecords, judgementsVersion } from './repository.js'
import type { JudgementRecord } from './types.js'

/**
 * Every judgement record, held in memory and reloaded only when the table has changed. The
 * table is append-only (a trigger refuses UPDATE and DELETE), so its row count and latest
 * `recorded_at` change exactly when it does; checking them is one cheap query, and it stays
 * right when several server processes share one PostgreSQL. Measured on the embedded
 * database, this takes the register page from ~60 ms to a few ms of database work.
 */
export function createJudgementCache(db: Kysely<Database>) {
  let loaded: { version: string; records: Promise<JudgementRecord[]> } | undefined

  return {
    /** The records and a version string that changes whenever they do (for derived caches). */
    async snapshot(): Promise<{ version: string; records: JudgementRecord[] }> {
      const records = await this.all()
      return { version: loaded?.version ?? '', records }
    },

    async all(): Promise<JudgementRecord[]> {
      const version = await judgementsVersion(db)
      if (loaded?.version !== version) {
        const records = judgementRecords(db)
        loaded = { version, records }
        // A failed load must not stay cached.
        records.catch(() => {
          if (loaded?.records === records) loaded = undefined
        })
      }
      return loaded.records
    },
  }
}
