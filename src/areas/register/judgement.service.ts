import { recordAudit } from '../../auth/audit.js'
import { canOn, type Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import { currentRecords, latestJudgement } from './history.js'
import { checkJudgement, JUDGEMENT_MESSAGES } from './judgement-input.js'
import { findLocalAuthority, insertJudgement, judgementRecords, lockJudgement } from './repository.js'
import type { JudgementCorrection, RegisterJudgementInput, JudgementRecord } from './types.js'

/** Recording published judgements and correcting them (issue 3; 002#96-97): each with its audit entry. */
export function judgementService({ db, clock }: ServiceDeps) {
  return {
    /**
     * Record a published judgement. Checked against its framework and the LA's history, then
     * written with its audit entry in one transaction. Throws ValidationError with the field map.
     */
    async record(
      principal: Principal,
      laCode: string,
      input: RegisterJudgementInput,
      context: RequestContext,
    ): Promise<string> {
      return db.transaction().execute(async (trx) => {
        const la = await findLocalAuthority(trx, laCode)
        if (!la || !canOn(principal, 'judgement.record', la)) throw new NotFoundError()
        const records = await judgementRecords(trx, [laCode])
        const { judgement, errors } = checkJudgement(input, {
          today: clock.today(),
          previous: latestJudgement(records),
        })
        if (!judgement) throw new ValidationError(errors)
        const id = await insertJudgement(trx, { ...judgement, laCode, source: 'manual', recordedBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'judgement.record',
          recordType: 'judgement',
          recordId: id,
          laCode,
          summary: `Recorded ${judgement.activityType} judgement published ${judgement.publishedOn} for ${la.name}`,
          changes: { after: judgement },
          requestId: context.requestId,
        })
        return id
      })
    },

    /**
     * Correct a judgement: a new record that names the one it corrects and why. The old record
     * stays in the history; only the latest version of each judgement counts.
     */
    async correct(
      principal: Principal,
      laCode: string,
      recordId: string,
      correction: JudgementCorrection,
      context: RequestContext,
    ): Promise<string> {
      return db.transaction().execute(async (trx) => {
        const la = await findLocalAuthority(trx, laCode)
        if (!la || !canOn(principal, 'judgement.record', la)) throw new NotFoundError()
        const locked = await lockJudgement(trx, recordId)
        if (!locked || locked.la_code !== laCode) throw new NotFoundError()
        const records = await judgementRecords(trx, [laCode])
        const original = records.find((record) => record.id === recordId)
        if (!original) throw new NotFoundError()
        if (original.correctedById)
          throw new ConflictError('This judgement has already been corrected. Correct its latest version instead.')
        const { reason, ...input } = correction
        const others = currentRecords(records).filter((record) => record.id !== recordId)
        const checked = checkJudgement(input, { today: clock.today(), previous: latestJudgement(others) })
        const errors = {
          ...checked.errors,
          ...(reason.trim() ? {} : { correctionReason: JUDGEMENT_MESSAGES.correctionReason }),
        }
        const { judgement } = checked
        if (!judgement || Object.keys(errors).length > 0) throw new ValidationError(errors)
        const id = await insertJudgement(trx, {
          ...judgement,
          laCode,
          correctsId: recordId,
          correctionReason: reason,
          source: 'manual',
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'judgement.correct',
          recordType: 'judgement',
          recordId: id,
          laCode,
          summary: `Corrected judgement ${recordId} for ${la.name}: ${reason}`,
          changes: { corrects: recordId, reason, before: pick(original), after: judgement },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
}

function pick(record: JudgementRecord) {
  const { framework, activityType, inspectionStart, inspectionEnd, publishedOn, grades } = record
  return { framework, activityType, inspectionStart, inspectionEnd, publishedOn, grades }
}
