import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll } from 'vitest'
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import { type Config, loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import type { Database } from '../db/tables.js'
import { loadDemoData } from '../demo/load-demo-data.js'
import { createTestDatabase } from './test-db.js'
import type { IsoDate } from '../rules/calendar/dates.js'

/** The database a demo loader's test runs on: the demo judgements and accounts, and a data folder. */
export interface DemoDatabase {
  readonly db: Kysely<Database>
  /** The configuration with the data folder, as the demo loaders take it. */
  readonly config: Config
  /** The services at noon on the day the demo was loaded for. */
  services(): ReturnType<typeof createServices>
}

/**
 * A fresh test database with what `loadDemoData` loads on `today`, and a data folder for the
 * documents the loaders write; both removed after the file's tests. Call it at the top of a test
 * file (it registers `beforeAll` and `afterAll`).
 */
export function demoDatabase(today: IsoDate): DemoDatabase {
  let database: DatabaseHandle | undefined
  let dataDir: string | undefined
  beforeAll(async () => {
    database = await createTestDatabase()
    dataDir = await mkdtemp(join(tmpdir(), 'demo-'))
    await loadDemoData(database.db, today)
  })
  afterAll(async () => {
    await database?.close()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })
  const ready = () => {
    if (!database || !dataDir) throw new Error('the demo database is made in beforeAll')
    return { db: database.db, config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }) }
  }
  return {
    get db() {
      return ready().db
    },
    get config() {
      return ready().config
    },
    services: () => createServices({ ...ready(), clock: fixedClock(`${today}T12:00:00Z`) }),
  }
}
