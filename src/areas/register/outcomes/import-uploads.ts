import { recordAudit, SYSTEM_ACTOR } from '../../../auth/audit.js'
import type { ServiceDeps } from '../../deps.js'
import {
  confirmImportUpload,
  deleteUnconfirmedUploads,
  findImportUpload,
  recordImportUpload,
} from '../earlier.repository.js'
import type { ImportActor } from './import.service.js'

/** An upload the administrator never confirmed is deleted this long after it was uploaded. */
export const UNCONFIRMED_UPLOAD_HOURS = 24

/**
 * The administrator's uploads of Ofsted's outcomes between the dry run and the confirmation
 * (issue 14): each is recorded when uploaded and when confirmed, so the retention job can delete
 * those never confirmed (the file was shown in a dry run, then left).
 */
export function importUploads({ db, clock }: Pick<ServiceDeps, 'db' | 'clock'>) {
  return {
    /** An administrator's upload, kept for its confirmation (the file is in the file store under its hash). */
    recordImportUpload: (actor: ImportActor, hash: string, fileName: string) =>
      recordImportUpload(db, { hash, fileName, uploadedBy: actor.id, at: clock.now() }),

    /** Whether an upload is still waiting for (or has had) its confirmation: not cleared by retention. */
    importUploadKept: async (hash: string, fileName: string) =>
      (await findImportUpload(db, hash, fileName)) !== undefined,

    confirmImportUpload: (hash: string, fileName: string) => confirmImportUpload(db, hash, fileName, clock.now()),

    /**
     * Retention: the uploads never confirmed within UNCONFIRMED_UPLOAD_HOURS are deleted, each in the
     * audit log. Returns the hashes of their files no other upload holds, for the file store to delete.
     */
    async clearUnconfirmedUploads(): Promise<string[]> {
      const cutoff = new Date(clock.now().getTime() - UNCONFIRMED_UPLOAD_HOURS * 60 * 60 * 1000)
      return db.transaction().execute(async (trx) => {
        const deleted = await deleteUnconfirmedUploads(trx, cutoff)
        for (const upload of deleted)
          await recordAudit(trx, {
            actor: SYSTEM_ACTOR,
            action: 'register.import-upload-deleted',
            recordType: 'data-load',
            recordId: upload.fileName,
            summary: `Deleted the upload of ${upload.fileName} of ${upload.uploadedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC: not confirmed within ${UNCONFIRMED_UPLOAD_HOURS} hours`,
          })
        return [...new Set(deleted.filter((upload) => !upload.stillHeld).map((upload) => upload.hash))]
      })
    },
  }
}
