/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own process so one
 * benchmark's memory and JIT state do not colour the next. Each benchmark prints its own
 * figures as ratios against a baseline measured in the same run (never absolute targets).
 * `npm run bench -- annex` runs only the benchmarks whose file name contains "annex".
 * `npm run bench -- soak` runs the 10-minute soak (bench/soak.ts; SOAK_SECONDS shortens it),
 * which the plain `npm run bench` leaves out.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2] ?? ''
const files =
  filter === 'soak'
    ? ['soak.ts']
    : readdirSync(here)
        .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
        .sort()

let failed = 0
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' })
  if (result.status !== 0) failed += 1
}
if (files.length === 0) process.stdout.write(`No benchmark matches "${filter}".\n`)
process.exitCode = failed === 0 ? 0 : 1
