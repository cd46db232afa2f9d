import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { fixedClock } from '../src/clock.js'
import { openDatabase } from '../src/db/database.js'
import { prepareDatabase } from '../src/startup.js'

/**
 * Once per test run: migrate an in-memory PGlite, load the reference data, and dump it, so each
 * test file starts from a copy in under a second instead of migrating from scratch.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'ilacs-test-'))
  const handle = await openDatabase({})
  await prepareDatabase(handle.db, { demoData: false, clock: fixedClock('2026-01-01T12:00:00Z') })
  if (!handle.pglite) throw new Error('expected an embedded database')
  const path = join(dir, 'template.tar')
  const blob = await handle.pglite.dumpDataDir('none')
  await writeFile(path, Buffer.from(await blob.arrayBuffer()))
  await handle.close()
  project.provide('pgliteTemplate', path)
  return async () => {
    await rm(dir, { recursive: true, force: true })
  }
}
