import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { loadLocalAuthorities } from './areas/register/reference-data.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { type DatabaseHandle, type DatabaseKind, openDatabase, pgliteDirectory } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import type { Database } from './db/tables.js'
import { loadDemoData } from './demo/load-demo-data.js'
import { loadDemoActivities } from './demo/demo-activities.js'
import { loadDemoMonitoring } from './demo/demo-monitoring.js'
import { loadDemoPublications } from './demo/demo-publications.js'
import { loadDemoReports } from './demo/demo-reports.js'
import { loadDemoInterventions } from './demo/demo-interventions.js'
import { withDemoLoadLock } from './demo/demo-lock.js'
import { loadDemoOffers2015 } from './demo/demo-offer-2015.js'
import { loadDemoMonitoringProgrammes } from './demo/demo-monitoring-programmes.js'
import { projectRoot } from './web/paths.js'

export const LOCAL_AUTHORITIES_CSV = join(projectRoot, 'data', 'local-authorities.csv')

/** Bring a database to the state the service needs: schema, reference data, demo data if asked. */
export async function prepareDatabase(
  db: Kysely<Database>,
  options: { demoData: boolean; clock: Clock; config?: Config; databaseKind?: DatabaseKind },
): Promise<{ migrations: string[]; localAuthorities: number; demoLoaded: boolean }> {
  const migrations = await migrateToLatest(db)
  const localAuthorities = await loadLocalAuthorities(db, LOCAL_AUTHORITIES_CSV)
  const today = options.clock.today()
  const { config } = options
  // One instance loads the demo while any other starting on the same database waits (issue 10).
  const demoLoaded = options.demoData
    ? await withDemoLoadLock(db, options.databaseKind ?? 'pglite', async () => {
        let loaded = await loadDemoData(db, today)
        // Inspections at every stage need the file store (Annex A uploads), so only with a config.
        if (config) {
          loaded = (await loadDemoActivities(db, config, today)) || loaded
          // Published reports and letters (their PDFs go to the file store too).
          loaded = (await loadDemoPublications(db, config, today)) || loaded
          // One report or letter at each step of the workflow, two published by the publication job.
          loaded = (await loadDemoReports(db, config, today)) || loaded
          // Interventions at every step and engagement meetings (issue 13); minutes go to the file store.
          loaded = (await loadDemoInterventions(db, config, today)) || loaded
          // Monitoring visits after an inadequate judgement (issue 12): two held at one LA, a first planned at another.
          loaded = (await loadDemoMonitoring(db, config, today)) || loaded
          // Monitoring programmes after inadequate judgements (issue 12).
          loaded = (await loadDemoMonitoringProgrammes(db, config, today)) || loaded
          // The 2015 improvement offer (issue 15): two real LAs judged inadequate under the SIF in 2015.
          loaded = (await loadDemoOffers2015(db, config, today)) || loaded
        }
        return loaded
      })
    : false
  return { migrations, localAuthorities, demoLoaded }
}

/** Open the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl })
    : openDatabase({ pgliteDir: pgliteDirectory(config.dataDir) })
}
