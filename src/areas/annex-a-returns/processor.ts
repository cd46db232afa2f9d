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
import { claimReturn, nextWaitingReturn, recordChecked, recordUnchecked } from './returns.repository.js'
import type { StoredProfile, StoredResult } from './types.js'

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
function storedResult(result: AnnexAResult): { result: StoredResult; profile: StoredProfile } {
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

  async function processOne(returnId: string): Promise<void> {
    const row = await claimReturn(db, returnId, clock.now(), new Date(clock.now().getTime() + LEASE_MS))
    if (!row) return
    const started = Date.now()
    const input = { path: blobs.path(row.fileHash), fileName: row.fileName }
    try {
      const result = await processAnnexA(input, {
        asOf: row.asOf,
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
      await recordChecked(db, returnId, {
        status: result.hasErrors ? 'errors' : 'valid',
        result: stored.result,
        profile: stored.profile,
        childrenHash: children.hash,
        reportHash,
        errorCount: result.counts.bySeverity.error ?? 0,
        warningCount: result.counts.bySeverity.warning ?? 0,
        rows: result.lists.reduce((sum, list) => sum + list.rows, 0),
        processedAt: clock.now(),
        processingMs: Date.now() - started,
      })
    } catch (error) {
      const unreadable = error instanceof AnnexAFileError
      if (!unreadable) deps.log?.('annex A: processing failed', { returnId, error: String(error) })
      await recordUnchecked(db, returnId, {
        status: unreadable ? 'unreadable' : 'failed',
        errorCode: unreadable ? error.code : 'FAILED',
        errorMessage: unreadable
          ? error.userMessage
          : 'Something went wrong while checking this file. It has been kept; try uploading it again, and if it fails again contact the lead inspector.',
        processedAt: clock.now(),
        processingMs: Date.now() - started,
      })
    } finally {
      live.delete(returnId)
    }
  }

  async function run(): Promise<void> {
    while (!stopped) {
      let next = queue.shift()
      if (!next) {
        // Anything left waiting by this or a crashed process whose lease has run out.
        next = await nextWaitingReturn(db, clock.now())
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
        if (queue.length > 0 && !stopped) void kick()
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
