import { recordAudit } from '../../auth/audit.js'
import type { PolicyTarget, Principal } from '../../auth/policy.js'
import { ConflictError, ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import { entryBelongsTo } from './entries.repository.js'
import { findQaNote, insertQaNote, resolveQaNote } from './qa-notes.repository.js'
import type { EvidenceDeps, EvidenceRecords } from './records.js'

export interface QaNoteInput {
  /** The entry the note is about, or '' for the record as a whole. */
  readonly entryId: string
  readonly note: string
}

/** QA manager notes on the evidence record (002#190), resolved by the lead (002#186). */
export function qaNoteService({ db, clock, activities }: EvidenceDeps, records: EvidenceRecords) {
  return {
    /** The target of one note, or null when it is not this activity's. */
    async qaNoteTarget(activityId: string, noteId: string): Promise<PolicyTarget | null> {
      const note = await findQaNote(db, noteId)
      if (!note || note.activityId !== activityId) return null
      return records.target(activityId)
    },

    /** A QA manager's note on one entry or the record as a whole (002#190). */
    async addQaNote(
      principal: Principal,
      activityId: string,
      input: QaNoteInput,
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await records.openActivity(activityId)
      if (input.entryId && !(await entryBelongsTo(db, input.entryId, activityId)))
        throw new ValidationError({ entryId: 'Select an entry of this evidence record, or the record as a whole' })
      return db.transaction().execute(async (trx) => {
        const id = await insertQaNote(trx, {
          activityId,
          entryId: input.entryId || null,
          note: input.note,
          authorId: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.qa-note',
          recordType: 'evidence-qa-note',
          recordId: id,
          laCode: activity.laCode,
          summary: `Added a QA note to the evidence record of ${activity.reference}`,
          changes: { activityId, entryId: input.entryId || null },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** The lead inspector resolves a QA note, saying what was done (002#186: the lead coordinates the record). */
    async resolveQaNote(
      principal: Principal,
      activityId: string,
      noteId: string,
      input: { resolution: string },
      context: RequestContext,
    ): Promise<void> {
      const { activity } = await activities.details(activityId)
      await db.transaction().execute(async (trx) => {
        if (!(await resolveQaNote(trx, noteId, { text: input.resolution, by: principal.id, at: clock.now() })))
          throw new ConflictError('This note has already been resolved')
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.qa-resolve',
          recordType: 'evidence-qa-note',
          recordId: noteId,
          laCode: activity.laCode,
          summary: `Resolved a QA note on the evidence record of ${activity.reference}`,
          changes: { activityId },
          requestId: context.requestId,
        })
      })
    },
  }
}
