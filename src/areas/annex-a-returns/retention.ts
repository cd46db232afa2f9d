import { recordAudit, SYSTEM_ACTOR } from '../../auth/audit.js'
import { runExclusively } from '../../jobs/job-lease.js'
import type { ActivitiesService } from '../activities/index.js'
import type { RegisterService } from '../register/index.js'
import type { AnnexAReturnsDeps } from './records.js'
import {
  activitiesWithKeptFiles,
  blobStillKept,
  keptDocumentsOf,
  keptReturnsOf,
  markDocumentFileDeleted,
  markReturnFilesDeleted,
} from './retention.repository.js'

/** How often the housekeeping runs (temporary files, retention). */
const HOUSEKEEPING_MS = 60 * 60 * 1000
/** A temporary file untouched this long is left from an interrupted upload or check. */
const TEMPORARY_STALE_MS = 10 * 60 * 1000

/**
 * The raw uploads' retention (ARCHITECTURE "Data rules": raw uploads are deleted a set period
 * after publication, and the deletion is logged): `config.uploads.retentionDays` after an
 * activity is published, its returns' files (with their marked-up workbooks and per-child
 * tables) and its documents are deleted from the file store, each deletion in the audit log.
 * The versions stay listed, with their counts, saying when their files were deleted. The
 * register's uploads of Ofsted's outcomes never confirmed are deleted here too (issue 14).
 */
export function uploadRetention(
  deps: Pick<AnnexAReturnsDeps, 'db' | 'clock' | 'blobs' | 'config'> & {
    activities: Pick<ActivitiesService, 'details'>
    /** The register's uploads of Ofsted's outcomes never confirmed (issue 14): the files it no longer holds. */
    register?: Pick<RegisterService, 'clearUnconfirmedUploads'>
  },
) {
  const { db, clock, blobs, config } = deps

  async function removeBlobs(hashes: readonly string[]): Promise<void> {
    for (const hash of new Set(hashes)) if (!(await blobStillKept(db, hash))) await blobs.remove(hash)
  }

  /** Delete what has passed its retention; how many returns, documents and unconfirmed register uploads. */
  async function deleteExpired(): Promise<{ returns: number; documents: number; importUploads: number }> {
    const now = clock.now()
    const cutoff = now.getTime() - config.uploads.retentionDays * 24 * 60 * 60 * 1000
    let returns = 0
    let documents = 0
    for (const activityId of await activitiesWithKeptFiles(db)) {
      const { activity, statusChanges } = await deps.activities.details(activityId)
      const published = statusChanges.filter((change) => change.toStatus === 'published').at(-1)
      if (activity.status !== 'published' || !published || published.changedAt.getTime() > cutoff) continue
      const summary = `after publication on ${published.changedAt.toISOString().slice(0, 10)} (kept ${config.uploads.retentionDays} days)`
      for (const kept of await keptReturnsOf(db, activityId)) {
        await db.transaction().execute(async (trx) => {
          await markReturnFilesDeleted(trx, kept.id, now)
          await recordAudit(trx, {
            actor: SYSTEM_ACTOR,
            action: 'annex-a.files-deleted',
            recordType: 'annex-a',
            recordId: kept.id,
            laCode: activity.laCode,
            summary: `Deleted the files of Annex A lists version ${kept.version} for ${activity.reference} ${summary}`,
            changes: { files: kept.hashes.length },
          })
        })
        await removeBlobs(kept.hashes)
        returns++
      }
      for (const kept of await keptDocumentsOf(db, activityId)) {
        await db.transaction().execute(async (trx) => {
          await markDocumentFileDeleted(trx, kept.id, now)
          await recordAudit(trx, {
            actor: SYSTEM_ACTOR,
            action: 'annex-a.files-deleted',
            recordType: 'annex-a-document',
            recordId: kept.id,
            laCode: activity.laCode,
            summary: `Deleted Annex A document ${kept.item} for ${activity.reference} ${summary}`,
          })
        })
        await removeBlobs([kept.hash])
        documents++
      }
    }
    // An upload for the register's import that was never confirmed is not kept (the register logs each).
    const importUploads = (await deps.register?.clearUnconfirmedUploads()) ?? []
    await removeBlobs(importUploads)
    return { returns, documents, importUploads: importUploads.length }
  }

  let timer: NodeJS.Timeout | undefined
  return {
    deleteExpired,
    /** Clear stale temporary files and delete expired uploads now, then every hour. */
    async start(log?: (message: string, detail?: Record<string, unknown>) => void): Promise<void> {
      const run = async () => {
        try {
          // File times are the machine's, not the service clock's.
          const temporary = await blobs.cleanTemporary(new Date(Date.now() - TEMPORARY_STALE_MS))
          // Every instance clears its own temporary folder; one at a time deletes expired uploads.
          const turn = await runExclusively({ db, clock }, 'upload-retention', deleteExpired)
          const deleted = turn.ran ? turn.value : { returns: 0, documents: 0, importUploads: 0 }
          if (temporary || deleted.returns || deleted.documents || deleted.importUploads)
            log?.('uploads housekeeping', { temporary, ...deleted })
        } catch (error) {
          log?.('uploads housekeeping failed', { error: String(error) })
        }
      }
      await run()
      timer ??= setInterval(() => void run(), HOUSEKEEPING_MS)
      timer.unref()
    },
    stop(): void {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
