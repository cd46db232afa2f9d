import { gzip } from 'node:zlib'
import { writeFile, rm } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Kysely } from 'kysely'
import {
  AnnexAFileError,
  annexAOptions,
  processAnnexA,
  writeErrorReport,
  type AnnexAProgress,
  type AnnexAResult,
  type ListNumber,
} from '../../annex-a/index.js'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'
import { keepOutOfPageCache } from '../../db/request-scope.js'
import type { BlobStore, LocalCopy } from '../../files/blob-store.js'
import {
  claimReturn,
  recordChecked,
  recordUnchecked,
  renewClaim,
  waitingReturns,
  type ClaimedReturn,
} from './returns.repository.js'
import type { StoredProfile, StoredResult } from './types.js'

const gzipAsync = promisify(gzip)

export interface ProcessorLimits {
  /** How long one return's check may take (issue 10: a 27 MB file ran for 245 s). */
  readonly timeLimitMs: number
  /** Returns checked at once by this process, each of a different LA. */
  readonly parallel: number
  /** How often the queue is looked at for returns a crashed process left. */
  readonly sweepMs: number
}

export const DEFAULT_PROCESSOR_LIMITS: ProcessorLimits = {
  timeLimitMs: 5 * 60 * 1000,
  parallel: 4,
  sweepMs: 60 * 1000,
}

export interface Processor {
  /** Ask for a return to be checked (now, or when its LA's earlier return is done). */
  enqueue(returnId: string): void
  /** Progress of a return this process is working on. */
  progress(returnId: string): AnnexAProgress | undefined
  /** Check everything waiting, including returns a crashed process left behind; resolves when idle. */
  drain(): Promise<void>
  /** Take up waiting returns now and then every `sweepMs` (abandoned ones once their lease ends). */
  start(): void
  stop(): Promise<void>
}

/** The result without the per-child table, which is child-level data and kept apart (a blob). */
function storedResult(result: AnnexAResult): { result: StoredResult; profile: StoredProfile } {
  const { profile, ...rest } = result
  const { children: _children, ...profileWithoutChildren } = profile
  return { result: rest, profile: profileWithoutChildren }
}

/**
 * Checks uploaded returns off the request, so the LA's browser is not held: validation,
 * profile, the marked-up workbook. Fair between LAs (issue 10: one LA's 2.8 MB file held up
 * another's one-row return for 427 s): up to `parallel` returns at once, never two of one LA, the
 * next taken from the LA that has waited longest; each check has a time limit. Returns are
 * claimed with a lease under FOR UPDATE SKIP LOCKED, renewed while the check runs, so two
 * instances never check one twice and a return a crashed process left is taken up when its
 * lease ends: at start and on a timer (`start`), not only when another upload arrives.
 */
export function createProcessor(deps: {
  db: Kysely<Database>
  clock: Clock
  blobs: BlobStore
  limits?: Partial<ProcessorLimits>
  log?: (message: string, detail?: Record<string, unknown>) => void
}): Processor {
  const { db, clock, blobs } = deps
  const limits = { ...DEFAULT_PROCESSOR_LIMITS, ...deps.limits }
  // The lease outlives the time limit, and is renewed while a check runs.
  const leaseMs = limits.timeLimitMs * 2
  const live = new Map<string, AnnexAProgress>()
  /** LA code → the check of its return this process is running. */
  const running = new Map<string, Promise<void>>()
  let filling: Promise<void> | undefined
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  async function check(returnId: string, row: ClaimedReturn): Promise<void> {
    const started = Date.now()
    const renew = setInterval(
      () => void renewClaim(db, returnId, new Date(clock.now().getTime() + leaseMs)).catch(() => undefined),
      Math.max(1000, leaseMs / 4),
    )
    renew.unref()
    // The reader needs paths: the files themselves on disk, or copies out of the database.
    const copies: LocalCopy[] = []
    try {
      for (const file of row.files) copies.push(await blobs.localCopy(file.hash))
      const inputs = row.files.map((file, i) => ({ path: copies[i]!.path, fileName: file.fileName }))
      const result = await processAnnexA(inputs, {
        ...annexAOptions({
          asOf: row.asOf,
          asked: row.listsAsked as ListNumber[],
          declaredEmpty: row.declaredEmpty as ListNumber[],
        }),
        signal: AbortSignal.timeout(limits.timeLimitMs),
        onProgress: (progress) => live.set(returnId, progress),
      })
      const childrenFile = await blobs.temporaryPath('.json.gz')
      await writeFile(childrenFile, await gzipAsync(JSON.stringify(result.profile.children)))
      const children = await blobs.adopt(childrenFile)
      const reportFile = await blobs.temporaryPath('.xlsx')
      let reportHash: string | null = null
      try {
        await writeErrorReport(inputs, result, reportFile)
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
        listsCovered: result.listsCovered,
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
          ? error.code === 'TIME_LIMIT'
            ? `Checking the file took longer than ${limits.timeLimitMs / 60_000} minutes, the most one return may take. ${error.whatToDo}`
            : error.userMessage
          : 'Something went wrong while checking this file. It has been kept; try uploading it again, and if it fails again contact the lead inspector.',
        processedAt: clock.now(),
        processingMs: Date.now() - started,
      })
    } finally {
      clearInterval(renew)
      live.delete(returnId)
      await Promise.all(copies.map((copy) => copy.release().catch(() => undefined)))
    }
  }

  /** Start checks for waiting returns, fairly, while there is room. */
  async function fill(): Promise<void> {
    if (stopped || running.size >= limits.parallel) return
    const waiting = await waitingReturns(db, clock.now())
    for (const { id, laCode } of waiting) {
      if (stopped || running.size >= limits.parallel) break
      if (running.has(laCode)) continue
      const row = await claimReturn(db, id, clock.now(), new Date(clock.now().getTime() + leaseMs))
      if (!row) continue
      const job = check(id, row)
        .catch((error: unknown) => deps.log?.('annex A: check stopped', { returnId: id, error: String(error) }))
        .finally(() => {
          running.delete(laCode)
          void kick()
        })
      running.set(laCode, job)
    }
  }

  function kick(): Promise<void> {
    filling ??= fill()
      .catch((error: unknown) => deps.log?.('annex A queue stopped', { error: String(error) }))
      .finally(() => {
        filling = undefined
      })
    return filling
  }

  return {
    enqueue() {
      // The queue is the database: the new return is taken in its turn.
      void kick()
    },
    progress: (returnId) => {
      // Held in this process's memory, moving without a write: a page showing it is never kept (ADR 0031).
      keepOutOfPageCache('it shows an Annex A check in progress')
      return live.get(returnId)
    },
    async drain() {
      for (;;) {
        await kick()
        if (running.size === 0) return
        await Promise.all(running.values())
      }
    },
    start() {
      if (timer || stopped) return
      void kick()
      timer = setInterval(() => void kick(), limits.sweepMs)
      timer.unref()
    },
    async stop() {
      stopped = true
      if (timer) clearInterval(timer)
      await filling
      await Promise.all(running.values())
    },
  }
}
