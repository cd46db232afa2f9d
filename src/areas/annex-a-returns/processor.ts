import { gzip } from 'node:zlib'
import { writeFile, rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Kysely } from 'kysely'
import {
  AnnexAFileError,
  processAnnexA,
  writeErrorReport,
  type AnnexAProgress,
  type AnnexAResult,
} from '../../annex-a/index.js'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'
import type { BlobStore } from '../../files/blob-store.js'
import { workingDaysBetween } from '../../rules/calendar/working-days.js'

const gzipAsync = promisify(gzip)

/** How long one process may hold a return before another may take it over (a crashed worker). */
const LEASE_MS = 10 * 60 * 1000

export interface Processor {
  /** Ask for a return to be processed (now, or after what is ahead of it). */
  enqueue(returnId: string): void
  /** Progress of a return this process is working on. */
  progress(returnId: string): AnnexAProgress | undefined
  /** Process everything waiting, including returns a crashed process left behind; resolves when idle. */
  drain(): Promise<void>
  stop(): Promise<void>
}

/** The result without the per-child table, which is child-level data and kept apart (a blob). */
function storedResult(result: AnnexAResult) {
  const { profile, ...rest } = result
  const { children: _children, ...profileWithoutChildren } = profile
  return { result: rest, profile: profileWithoutChildren }
}

/**
 * Runs uploaded returns through the Annex A pipeline one at a time (a bounded amount of memory
 * per process), off the request so the LA's browser is not held: validation, profile, the
 * marked-up workbook. Returns are claimed with a lease under FOR UPDATE SKIP LOCKED, so two
 * instances never process one twice, and one a crashed process left is taken up again.
 */
export function createProcessor(deps: {
  db: Kysely<Database>
  clock: Clock
  blobs: BlobStore
  log?: (message: string, detail?: Record<string, unknown>) => void
}): Processor {
  const { db, clock, blobs } = deps
  const queue: string[] = []
  const live = new Map<string, AnnexAProgress>()
  let running: Promise<void> | undefined
  let stopped = false

  async function claim(returnId: string) {
    return db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('annex_a_returns')
        .select(['id', 'file_name', 'file_hash', 'as_of', 'claimed_until', 'status'])
        .where('id', '=', returnId)
        .where('status', '=', 'processing')
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!row) return undefined
      if (row.claimed_until && new Date(row.claimed_until).getTime() > clock.now().getTime()) return undefined
      await trx
        .updateTable('annex_a_returns')
        .set({ claimed_until: new Date(clock.now().getTime() + LEASE_MS) })
        .where('id', '=', returnId)
        .execute()
      return row
    })
  }

  async function processOne(returnId: string): Promise<void> {
    const row = await claim(returnId)
    if (!row) return
    const started = Date.now()
    const input = { path: blobs.path(row.file_hash), fileName: row.file_name }
    try {
      const result = await processAnnexA(input, {
        asOf: row.as_of,
        workingDaysBetween,
        onProgress: (progress) => live.set(returnId, progress),
      })
      const childrenFile = await blobs.temporaryPath('.json.gz')
      await writeFile(childrenFile, await gzipAsync(JSON.stringify(result.profile.children)))
      const children = await blobs.adopt(childrenFile)
      const reportFile = await blobs.temporaryPath('.xlsx')
      let reportHash: string | null = null
      try {
        await writeErrorReport(input, result, reportFile)
        reportHash = (await blobs.adopt(reportFile)).hash
      } catch (error) {
        // The findings stand without the marked-up copy; say so rather than fail the return.
        await rm(reportFile, { force: true })
        deps.log?.('annex A: marked-up workbook failed', { returnId, error: String(error) })
      }
      const stored = storedResult(result)
      await db
        .updateTable('annex_a_returns')
        .set({
          status: result.hasErrors ? 'errors' : 'valid',
          result: JSON.stringify(stored.result),
          profile: JSON.stringify(stored.profile),
          children_hash: children.hash,
          report_hash: reportHash,
          error_count: result.counts.bySeverity.error ?? 0,
          warning_count: result.counts.bySeverity.warning ?? 0,
          rows: result.lists.reduce((sum, list) => sum + list.rows, 0),
          processed_at: clock.now(),
          processing_ms: Date.now() - started,
          claimed_until: null,
        })
        .where('id', '=', returnId)
        .execute()
    } catch (error) {
      const unreadable = error instanceof AnnexAFileError
      if (!unreadable) deps.log?.('annex A: processing failed', { returnId, error: String(error) })
      await db
        .updateTable('annex_a_returns')
        .set({
          status: unreadable ? 'unreadable' : 'failed',
          error_code: unreadable ? error.code : 'FAILED',
          error_message: unreadable
            ? error.userMessage
            : 'Something went wrong while checking this file. It has been kept; try uploading it again, and if it fails again contact the lead inspector.',
          processed_at: clock.now(),
          processing_ms: Date.now() - started,
          claimed_until: null,
        })
        .where('id', '=', returnId)
        .execute()
    } finally {
      live.delete(returnId)
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let next = queue.shift()
      if (!next) {
        // Anything left waiting by this or a crashed process whose lease has run out.
        const waiting = await db
          .selectFrom('annex_a_returns')
          .select('id')
          .where('status', '=', 'processing')
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', clock.now())]))
          .orderBy('uploaded_at')
          .limit(1)
          .executeTakeFirst()
        next = waiting?.id
      }
      if (!next) return
      await processOne(next)
    }
  }

  const kick = () => {
    running ??= run()
      .catch((error: unknown) => deps.log?.('annex A queue stopped', { error: String(error) }))
      .finally(() => {
        running = undefined
        if (queue.length > 0 && !stopped) kick()
      })
    return running
  }

  return {
    enqueue(returnId) {
      queue.push(returnId)
      void kick()
    },
    progress: (returnId) => live.get(returnId),
    async drain() {
      while (running || queue.length > 0) await (running ?? kick())
      await kick()
    },
    async stop() {
      stopped = true
      await running
    },
  }
}
