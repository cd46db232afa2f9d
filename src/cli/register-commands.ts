/**
 * `ilacs register import FILE [--dry-run] [--json]` and `ilacs register export [--json]` (issue 14):
 * the national register against the service's own database (`DATABASE_URL`, or the embedded one
 * in `DATA_DIR`, migrated and given its reference data if new).
 * Contract: `import --json` prints `{"created","updated","unchanged","conflicts","unread":[{"sheet","row","reason"}]}`
 * and, an extra key, `"disagreements":[{"sheet","row","laCode","field","kept","fileSays"}]` where
 * Ofsted's files disagree (ADR 0030; not a conflict, so not in the exit code)
 * (exit 0; 1 when there are conflicts or unread rows), `export --json` a list of
 * `{"laCode","gssCode","name","history","pathway","next"}`. Modules load inside each action so
 * the other commands stay fast.
 */
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import type { RegisterService } from '../areas/register/index.js'
import { UsageError, action, printJson } from './io.js'

async function withRegister<T>(run: (register: RegisterService) => Promise<T>): Promise<T> {
  const [
    { loadConfig },
    { systemClock },
    { openConfiguredDatabase, prepareDatabase },
    registerModule,
    { DatabaseInUseError },
  ] = await Promise.all([
    import('../config.js'),
    import('../clock.js'),
    import('../startup.js'),
    import('../areas/register/service.js'),
    import('../db/folder-lock.js'),
  ])
  // Only the database settings: the command serves no pages, so the web settings do not apply.
  const env = process.env
  const config = loadConfig({
    ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
    ...(env.DATA_DIR ? { DATA_DIR: env.DATA_DIR } : {}),
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
  })
  // The server running on the same embedded database: said in a line, not a stack trace.
  const database = await openConfiguredDatabase(config).catch((error: unknown) => {
    throw error instanceof DatabaseInUseError ? new UsageError(error.message) : error
  })
  try {
    // The server's own preparation (schema and reference data), without the demo.
    await prepareDatabase(database.db, { demoData: false, clock: systemClock })
    return await run(registerModule.createRegisterService({ db: database.db, clock: systemClock, config }))
  } finally {
    await database.close()
  }
}

export function registerRegisterCommands(program: Command): void {
  const register = program.command('register').description('The national register: import Ofsted’s outcomes, export')

  register
    .command('import')
    .description("Import Ofsted's published outcomes (.ods, .xlsx or .csv) into the register")
    .argument('<file>', 'the workbook Ofsted published')
    .option('--dry-run', 'show what would change, and change nothing')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string, options: { dryRun?: boolean; json?: boolean }) => {
        if (!existsSync(file)) throw new UsageError(`FILE must be a file that exists (got ${JSON.stringify(file)})`)
        const result = await withRegister((service) =>
          service.importOutcomes({ id: null, email: 'ilacs register import' }, file, basename(file), {
            dryRun: options.dryRun ?? false,
          }),
        )
        const { changes, asAt: _asAt, ...summary } = result
        if (options.json) printJson(summary)
        else {
          const lines = [
            `${options.dryRun ? 'Would add' : 'Added'} ${result.created}, ${options.dryRun ? 'would complete or change' : 'completed or changed'} ${result.updated}, unchanged ${result.unchanged}.`,
            ...(options.dryRun ? changes.map((change) => `  ${change}`) : []),
            ...result.conflicts.map((c) => `Conflict: ${c.sheet} row ${c.row} (LA ${c.laCode}): ${c.reason}`),
            ...result.unread.map((u) => `Not read: ${u.sheet} row ${u.row}: ${u.reason}`),
            ...result.disagreements.map(
              (d) => `Disagrees: ${d.sheet} row ${d.row} (LA ${d.laCode}): ${d.field} ${d.fileSays}; kept ${d.kept}`,
            ),
          ]
          process.stdout.write(`${lines.join('\n')}\n`)
        }
        return result.conflicts.length + result.unread.length > 0 ? 1 : 0
      }),
    )

  register
    .command('export')
    .description('Every LA with its history, pathway and next window')
    .option('--json', 'print as JSON (the only format)')
    .action(
      action(async () => {
        printJson(await withRegister((service) => service.exportAll()))
      }),
    )
}
