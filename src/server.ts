import { pathToFileURL } from 'node:url'
import { buildApp } from './app.js'
import { systemClock } from './clock.js'
import { ConfigError, loadConfig } from './config.js'
import { DatabaseInUseError } from './db/folder-lock.js'
import { reminderSources } from './areas/index.js'
import { createDispatcher } from './notify/dispatcher.js'
import { createReminderJob } from './notify/reminders.js'
import { startReportJob } from './areas/reports/job.js'
import { serverLogging } from './logging.js'
import { openConfiguredDatabase, prepareDatabase } from './startup.js'

/**
 * `npm start`: configure, open and migrate the database, load reference (and demo) data,
 * then serve. Stops cleanly on SIGINT/SIGTERM so the embedded database is closed intact.
 * `npm start` runs it from a bundle (scripts/serve.mjs, ADR 0034); `tsx src/server.ts` runs it too.
 */
export async function start(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  process.stdout.write(
    `Preparing the ${config.databaseUrl ? 'PostgreSQL' : 'embedded'} database${config.demoData ? ' (the first start also builds the demo data, which takes a little while)' : ''}…\n`,
  )
  const database = await openConfiguredDatabase(config, { listenForChanges: true }).catch((error: unknown) => {
    if (!(error instanceof DatabaseInUseError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  })
  const prepared = await prepareDatabase(database.db, {
    demoData: config.demoData,
    clock: systemClock,
    config,
    databaseKind: database.kind,
    // Each step as it begins (issue 10): a first start takes a while, and says what it is doing.
    progress: (line) => process.stdout.write(`  ${line}\n`),
  })
  const app = await buildApp({
    config,
    db: database.db,
    databaseKind: database.kind,
    changes: database.changes,
    clock: systemClock,
    ...serverLogging(config),
  })
  // Emails wait in the outbox until sent; several instances share it safely (SKIP LOCKED).
  const dispatcher = createDispatcher({
    db: database.db,
    clock: systemClock,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    log: (message, detail) => app.log.warn(detail ?? {}, message),
  })
  dispatcher.start()
  // Reminders of every deadline, once per step: one instance at a time (job_leases), and the outbox's dedupe key.
  const reminders = createReminderJob({
    db: database.db,
    clock: systemClock,
    baseUrl: config.baseUrl,
    sources: reminderSources(app.services),
    log: (message, detail) => app.log.warn(detail ?? {}, message),
  })
  reminders.start()
  // Reports under embargo are published at their time, and late steps flagged (issue 11); what a
  // publication makes due today (the DfE's alert of an inadequate judgement) is reminded at once.
  const reportJob = startReportJob(
    app.services.reports,
    (level, detail, message) => app.log[level](detail, message),
    60_000,
    { db: database.db, clock: systemClock },
    () => reminders.runOnce(),
  )
  // Annex A: returns a stopped process left are checked again (at start, then on a timer, once
  // their lease ends); temporary files of interrupted uploads are cleared and raw uploads past
  // their retention deleted (at start, then hourly).
  app.services.processor.start()
  await app.services.uploadRetention.start((message, detail) => app.log.warn(detail ?? {}, message))
  if (!config.smtpUrl)
    app.log.info('SMTP_URL is not set: emails stay in the outbox unsent (see each activity’s notice page)')
  app.log.info(
    {
      database: database.kind,
      migrations: prepared.migrations,
      localAuthorities: prepared.localAuthorities,
      demoLoaded: prepared.demoLoaded,
    },
    'database ready',
  )
  let closing = false
  const stop = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    await reminders.stop()
    await reportJob.stop()
    await app.close()
    await dispatcher.stop()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  await app.listen({ port: config.port, host: config.host })
  app.log.info(
    `Serving ${config.baseUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`,
  )
}

// Run directly (`tsx src/server.ts`), not when imported: the launcher calls `start` itself, and
// Annex A's scan worker loads the bundle this module is in (src/annex-a/scan-worker.ts).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await start()
