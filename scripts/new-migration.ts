/**
 * `npm run migration:new -- what_it_does`: create `src/db/migrations/<UTC time>_what_it_does.ts`
 * from a template and add it to the list in `src/db/migrate.ts` (ADR 0006). The name is the
 * time it was made, so two branches adding migrations never pick the same name and a merge
 * needs no renumbering.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const MIGRATION_IMPORT = /^import \* as (\w+) from '\.\/migrations\/(\d{8}T\d{6}Z_\w+)\.js'$/
const MIGRATION_ENTRY = /^ {2}'(\d{8}T\d{6}Z_\w+)': (\w+),$/

/** `20261202T080544Z_what_it_does`: the UTC time to the second, then what the migration does. */
export function migrationName(now: Date, what: string): string {
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(what))
    throw new Error(
      `Name the migration in lower case words joined by underscores, e.g. add_status_checks (got "${what}")`,
    )
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
  return `${stamp}_${what}`
}

/** The text of a new migration: `up` and `down` that fail loudly until they are written. */
export function migrationTemplate(): string {
  return `import { type Kysely, sql } from 'kysely'

/**
 * TODO: what this migration changes and why. Write values out literally, never from the
 * code's constants: a migration must not change when the code changes later.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql\`TODO\`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql\`TODO\`.execute(db)
}
`
}

/**
 * `migrate.ts` with `name` imported and listed. The migration imports and the list's entries
 * are each rewritten in name order, so the list stays in timestamp order even if the clock
 * of the machine making it lags behind a merged branch's.
 */
export function addToMigrateSource(source: string, name: string): string {
  const lines = source.split('\n')
  const imports = lines.flatMap((line, index) => (MIGRATION_IMPORT.test(line) ? [index] : []))
  const entries = lines.flatMap((line, index) => (MIGRATION_ENTRY.test(line) ? [index] : []))
  for (const [what, found] of [
    ['imports', imports],
    ['list entries', entries],
  ] as const) {
    if (found.length === 0 || found[found.length - 1]! - found[0]! !== found.length - 1)
      throw new Error(`migrate.ts: expected the migration ${what} on consecutive lines`)
  }
  const listed = entries.map((index) => MIGRATION_ENTRY.exec(lines[index]!)![1]!)
  if (listed.includes(name)) throw new Error(`${name} is already listed`)
  const what = name.slice(name.indexOf('_') + 1)
  const camel = what.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())
  // A name already used in migrate.ts (another migration's, or `migrations`, `sql`…) gets its timestamp.
  const identifier = new RegExp(`\\b${camel}\\b`).test(source) ? `${camel}${name.slice(0, name.indexOf('_'))}` : camel

  const sortedBlock = (indexes: number[], line: string, pattern: RegExp, nameGroup: number): string[] =>
    [...indexes.map((index) => lines[index]!), line].sort((a, b) =>
      pattern.exec(a)![nameGroup]!.localeCompare(pattern.exec(b)![nameGroup]!),
    )
  const newImports = sortedBlock(
    imports,
    `import * as ${identifier} from './migrations/${name}.js'`,
    MIGRATION_IMPORT,
    2,
  )
  const newEntries = sortedBlock(entries, `  '${name}': ${identifier},`, MIGRATION_ENTRY, 1)
  // Entries come after the imports, so replace them first to keep the import indexes valid.
  lines.splice(entries[0]!, entries.length, ...newEntries)
  lines.splice(imports[0]!, imports.length, ...newImports)
  return lines.join('\n')
}

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const what = process.argv[2]
  if (!what || process.argv.length > 3) {
    console.error('Usage: npm run migration:new -- what_it_does')
    process.exit(2)
  }
  const name = migrationName(new Date(), what)
  const file = join(root, 'src/db/migrations', `${name}.ts`)
  if (existsSync(file)) throw new Error(`${file} already exists`)
  const migrate = join(root, 'src/db/migrate.ts')
  const updated = addToMigrateSource(readFileSync(migrate, 'utf8'), name)
  writeFileSync(file, migrationTemplate())
  writeFileSync(migrate, updated)
  console.log(`Created ${relative(root, file)} and listed it in src/db/migrate.ts`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
