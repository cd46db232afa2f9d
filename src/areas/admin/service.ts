import type { Kysely } from 'kysely'
import { type AuditSearch, auditVocabulary, searchAudit } from '../../auth/audit.js'
import type { Database } from '../../db/tables.js'

/**
 * The admin area's service: the audit log as administrators search it. Auth keeps the log and
 * the accounts (its accounts service); the register keeps the regions and LAs.
 */
export function createAdminService({ db }: { db: Kysely<Database> }) {
  return {
    /** A page of the log, newest first. */
    searchAudit: (search: AuditSearch) => searchAudit(db, search),

    /** The choices of the search form's selects. */
    auditVocabulary: () => auditVocabulary(db),
  }
}

export type AdminService = ReturnType<typeof createAdminService>
