import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { loadLocalAuthorities } from './areas/register/reference-data.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import { openDatabase, pgliteDirectory, type DatabaseHandle } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import type { Database } from './db/tables.js'
import { loadDemoData } from './demo/load-demo-data.js'
import { loadDemoActivities } from './demo/demo-activities.js'
import { loadDemoMonitoring } from './demo/demo-monitoring.js'
import { loadDemoPublications } from './demo/demo-publications.js'
import { loadDemoReports } from './demo/demo-reports.js'
import { loadDemoInterventions } from './demo/demo-interventions.js'
import { projectRoot } from './web/paths.js'

export const LOCAL_AUTHORITIES_CSV = join(projectRoot, 'data', 'local-authorities.csv')

/** Bring a database to the state the service needs: schema, reference data, demo data if asked. */
export async function prepareDatabase(
  db: Kysely<Database>,
  options: { demoData: boolean; clock: Clock; config?: Config },
): Promise<{ migrations: string[]; localAuthorities: number; demoLoaded: boolean }> {
  const migrations = await migrateToLatest(db)
  const localAuthorities = await loadLocalAuthorities(db, LOCAL_AUTHORITIES_CSV)
  let demoLoaded = options.demoData ? await loadDemoData(db, options.clock.today()) : false
  // Inspections at every stage need the file store (Annex A uploads), so only with a config.
  if (options.demoData && options.config) {
    demoLoaded = (await loadDemoActivities(db, options.config, options.clock.today())) || demoLoaded
    // Published reports and letters (their PDFs go to the file store too).
    demoLoaded = (await loadDemoPublications(db, options.config, options.clock.today())) || demoLoaded
    // One report or letter at each step of the workflow, two published by the publication job.
    demoLoaded = (await loadDemoReports(db, options.config, options.clock.today())) || demoLoaded
    // Interventions at every step and engagement meetings (issue 13); minutes go to the file store.
    demoLoaded = (await loadDemoInterventions(db, options.config, options.clock.today())) || demoLoaded
    // Monitoring visits after an inadequate judgement (issue 12): Coventry's two held, Barnet's first planned.
    demoLoaded = (await loadDemoMonitoring(db, options.config, options.clock.today())) || demoLoaded
  }
  return { migrations, localAuthorities, demoLoaded }
}

/** Open the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ url: config.databaseUrl })
    : openDatabase({ pgliteDir: pgliteDirectory(config.dataDir) })
}
