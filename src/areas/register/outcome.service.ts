import type { Transaction } from 'kysely'
import { type AuditEntry, recordAudit } from '../../auth/audit.js'
import type { Database } from '../../db/tables.js'
import { ValidationError } from '../../errors.js'
import type { ServiceDeps } from '../deps.js'
import { latestJudgement } from './history.js'
import { checkJudgement } from './judgement-input.js'
import { findLocalAuthority, insertJudgement, insertVisit, judgementRecords } from './repository.js'
import type { RegisterJudgementInput } from './types.js'
import { type NewVisit, VISIT_TYPE_LABELS } from './visits.js'

/** Who caused a write from another area, for the audit entry (a person, or the system at a set time). */
export interface OutcomeContext {
  readonly actor: AuditEntry['actor']
  readonly requestId: string
}

/** Where a judgement or visit the service published came from: linked both ways. */
export interface OutcomeSource {
  readonly activityId: string
  readonly publicationId: string
}

/**
 * The register learning from the service (issue 11): a published report's judgement and a
 * published letter's visit are written in the publishing area's transaction, so the publication
 * and the history change together; the pathway and due window follow on the next read (the
 * cache's version changes with the tables).
 */
export function outcomeService({ clock }: ServiceDeps) {
  return {
    /**
     * Record the judgement of a published report, checked as a typed-in one is. Throws
     * ValidationError with the field map when it does not fit its framework or dates.
     */
    async recordPublishedJudgement(
      trx: Transaction<Database>,
      laCode: string,
      input: RegisterJudgementInput,
      source: OutcomeSource,
      context: OutcomeContext,
    ): Promise<string> {
      const la = await findLocalAuthority(trx, laCode)
      if (!la) throw new ValidationError({ laCode: 'No LA has this code' })
      const records = await judgementRecords(trx, [laCode])
      const { judgement, errors } = checkJudgement(input, { today: clock.today(), previous: latestJudgement(records) })
      if (!judgement) throw new ValidationError(errors)
      const id = await insertJudgement(trx, {
        ...judgement,
        laCode,
        source: 'service',
        recordedBy: context.actor.id,
        activityId: source.activityId,
        publicationId: source.publicationId,
      })
      await recordAudit(trx, {
        actor: context.actor,
        action: 'judgement.from-publication',
        recordType: 'judgement',
        recordId: id,
        laCode,
        summary: `Recorded ${judgement.activityType} judgement published ${judgement.publishedOn} for ${la.name}, from its published report`,
        changes: { after: judgement, ...source },
        requestId: context.requestId,
      })
      return id
    },

    /** Record a visit in the LA's history: from a published letter (with its source), an import or the demo. */
    async recordVisit(trx: Transaction<Database>, visit: NewVisit, context: OutcomeContext): Promise<string> {
      const la = await findLocalAuthority(trx, visit.laCode)
      if (!la) throw new ValidationError({ laCode: 'No LA has this code' })
      const id = await insertVisit(trx, { ...visit, recordedBy: visit.recordedBy ?? context.actor.id })
      await recordAudit(trx, {
        actor: context.actor,
        action: 'visit.record',
        recordType: 'visit',
        recordId: id,
        laCode: visit.laCode,
        summary: `Recorded ${VISIT_TYPE_LABELS[visit.visitType].toLowerCase()} of ${visit.start} for ${la.name}`,
        changes: { after: visit },
        requestId: context.requestId,
      })
      return id
    },
  }
}
