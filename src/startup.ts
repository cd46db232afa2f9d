import type { Kysely } from 'kysely'
import { loadLocalAuthorities } from './areas/register/reference-data.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { dataFile } from './data-files.js'
import { type DatabaseHandle, type DatabaseKind, openDatabase, pgliteDirectory } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { ensureChangeTriggers } from './db/change-notices.js'
import type { Database } from './db/tables.js'
import type { IsoDate } from './rules/calendar/dates.js'
import { loadDemoData } from './demo/load-demo-data.js'
import { loadDemoActivities } from './demo/demo-activities.js'
import { loadDemoMonitoring } from './demo/demo-monitoring.js'
import { loadDemoPublications } from './demo/demo-publications.js'
import { loadDemoReports } from './demo/demo-reports.js'
import { loadDemoInterventions } from './demo/demo-interventions.js'
import { withDemoLoadLock } from './demo/demo-lock.js'
import { loadDemoOffers2015 } from './demo/demo-offer-2015.js'
import { loadDemoMonitoringProgrammes } from './demo/demo-monitoring-programmes.js'

/** Where first-start progress goes: a line at a time (`npm start` writes them to stdout). */
export type StartupProgress = (line: string) => void

/**
 * The demo's steps after the register and accounts, in order (issue 10: a first start names each
 * as it begins, so the 10-30 s it takes is not silence). Inspections at every stage need the file
 * store (Annex A uploads), so these run only with a config.
 */
const DEMO_STEPS: ReadonlyArray<{
  what: string
  load: (db: Kysely<Database>, config: Config, today: IsoDate) => Promise<boolean>
}> = [
  { what: 'inspections and visits at every stage', load: loadDemoActivities },
  // Published reports and letters (their PDFs go to the file store too).
  { what: 'published reports and letters', load: loadDemoPublications },
  // One report or letter at each step of the workflow, two published by the publication job.
  { what: 'reports and letters in the workflow', load: loadDemoReports },
  // Interventions at every step and engagement meetings (issue 13); minutes go to the file store.
  { what: 'interventions and engagement meetings', load: loadDemoInterventions },
  // Monitoring visits after an inadequate judgement (issue 12): two held at one LA, a first planned at another.
  { what: 'monitoring visits', load: loadDemoMonitoring },
  // Monitoring programmes after inadequate judgements (issue 12).
  { what: 'monitoring programmes', load: loadDemoMonitoringProgrammes },
  // The 2015 improvement offer (issue 15): two real LAs judged inadequate under the SIF in 2015.
  { what: 'the 2015 improvement offers', load: loadDemoOffers2015 },
]

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`

/**
 * Bring a database to the state the service needs: schema, reference data, demo data if asked.
 * `progress` is told each step as it begins, with counts when one ends.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  options: {
    demoData: boolean
    clock: Clock
    config?: Config
    databaseKind?: DatabaseKind
    progress?: StartupProgress
  },
): Promise<{ migrations: string[]; localAuthorities: number; demoLoaded: boolean }> {
  const progress = options.progress ?? (() => undefined)
  const began = Date.now()
  progress('Migrating the database…')
  const migrations = await migrateToLatest(db)
  await ensureChangeTriggers(db)
  progress(`Migrations: ${migrations.length} applied (${seconds(began)})`)
  progress('Loading the local authorities…')
  const localAuthorities = await loadLocalAuthorities(db, dataFile('local-authorities.csv'))
  progress(`Local authorities: ${localAuthorities} (${seconds(began)})`)
  const today = options.clock.today()
  const { config } = options
  const steps = config ? DEMO_STEPS : []
  const total = steps.length + 1
  // One instance loads the demo while any other starting on the same database waits (issue 10).
  const demoLoaded = options.demoData
    ? await withDemoLoadLock(db, options.databaseKind ?? 'pglite', async () => {
        progress(`Demo step 1 of ${total}: the real register and an account for every role…`)
        let loaded = await loadDemoData(db, today, progress)
        for (const [index, step] of steps.entries()) {
          progress(`Demo step ${index + 2} of ${total}: ${step.what}…`)
          loaded = (await step.load(db, config!, today)) || loaded
        }
        progress(`Demo data ${loaded ? 'loaded' : 'already loaded'} (${seconds(began)})`)
        return loaded
      })
    : false
  return { migrations, localAuthorities, demoLoaded }
}

/**
 * Open the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 * A server listens for other instances' changes (ADR 0031); the CLI does not need to.
 */
export function openConfiguredDatabase(
  config: Config,
  options: { listenForChanges?: boolean } = {},
): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl, listenForChanges: options.listenForChanges })
    : openDatabase({ pgliteDir: pgliteDirectory(config.dataDir) })
}
