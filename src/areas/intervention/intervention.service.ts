import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { afterReinspectionInIntervention } from '../../rules/intervention.js'
import { INTERVENTION_STEPS, nextSteps } from '../../rules/intervention-record.js'
import type { RequestContext } from '../deps.js'
import { pathwayGrade } from '../register/index.js'
import { type InterventionDeps, type InterventionRecords, datedJudgements } from './records.js'
import {
  insertInstrument,
  insertIntervention,
  insertStep,
  lockIntervention,
  type NewInstrument,
  updateIntervention,
} from './repository.js'
import type { InterventionStep } from './types.js'

export interface StepInput {
  readonly step: InterventionStep
  readonly happenedOn: string
  readonly note: string
  readonly version: number | undefined
}

const stepLabel = (step: InterventionStep) => INTERVENTION_STEPS.find((s) => s.key === step)!.label

/** Opening a record and running its lifecycle; its notices and directions (004). */
export function interventionService(deps: InterventionDeps, records: InterventionRecords) {
  const { db, clock, register } = deps

  return {
    /**
     * Open a record for an LA, starting from the day the DfE was told of the outcome (G7). It
     * answers the LA's latest judgement when that is inadequate, which stops the alert.
     */
    async open(
      principal: Principal,
      laCode: string,
      input: { dfeToldOn: string; note: string },
      context: RequestContext,
    ): Promise<string> {
      await records.guard(principal, 'intervention.manage', laCode)
      if (input.dfeToldOn > clock.today())
        throw new ValidationError({ dfeToldOn: 'The date the DfE was told must be today or in the past' })
      const { la, records: history } = await register.show(laCode)
      const latest = datedJudgements(history)
        .sort((a, b) => a.published.localeCompare(b.published))
        .at(-1)
      return db.transaction().execute(async (trx) => {
        const id = await insertIntervention(trx, {
          laCode,
          step: 'dfe-told',
          inadequatePublishedOn: latest?.inadequate ? latest.published : null,
          caseLeadId: null,
          openedOn: input.dfeToldOn,
          createdBy: principal.id,
        })
        await insertStep(trx, {
          interventionId: id,
          step: 'dfe-told',
          happenedOn: input.dfeToldOn,
          note: input.note,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.open',
          recordType: 'intervention',
          recordId: id,
          laCode,
          summary: `Opened an intervention record for ${la.name}: DfE told ${formatLongDate(input.dfeToldOn)}`,
          changes: { dfeToldOn: input.dfeToldOn, inadequatePublishedOn: latest?.inadequate ? latest.published : null },
          requestId: context.requestId,
        })
        return id
      })
    },

    /**
     * Record the next step of the lifecycle, dated (004; G4, G7). Naming the case lead names the
     * person recording it; issuing needs a notice or direction on record; lifting needs a
     * re-inspection judgement of requires improvement or better in the register, and for
     * requires improvement sets the end of the 12 months of support (G4).
     */
    async recordStep(principal: Principal, interventionId: string, input: StepInput, context: RequestContext) {
      const { intervention, steps, instruments } = await records.record(interventionId)
      await records.guard(principal, 'intervention.manage', intervention.laCode)
      const allowed = nextSteps(intervention.step)
      if (!allowed.includes(input.step))
        throw new ValidationError({
          step: allowed.length
            ? `Choose the next step: ${allowed.map(stepLabel).join(' or ')}`
            : 'This intervention has ended',
        })
      const last = steps.at(-1)?.happenedOn
      if (last && input.happenedOn < last)
        throw new ValidationError({
          happenedOn: `The date must be on or after the last step (${formatLongDate(last)})`,
        })
      if (input.happenedOn > clock.today())
        throw new ValidationError({ happenedOn: 'The date must be today or in the past' })
      if (input.step === 'issued-published' && instruments.length === 0)
        throw new ValidationError({ step: 'Record the notice or direction before recording that it was issued' })
      let supportUntil: string | null | undefined
      if (input.step === 'lifted') {
        const { records: history } = await register.show(intervention.laCode)
        const after = history
          .filter(
            (record) =>
              record.correctedById === null &&
              record.publishedOn > (intervention.inadequatePublishedOn ?? intervention.openedOn),
          )
          .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
          .at(-1)
        const grade = after ? pathwayGrade(after.framework, after.grades)?.grade : undefined
        if (!after || !grade || grade === 'inadequate')
          throw new ValidationError({
            step: 'A notice or direction is lifted after a re-inspection judged requires improvement or better: that judgement is not in the register yet (G4)',
          })
        supportUntil = afterReinspectionInIntervention(grade, after.publishedOn).supportUntil ?? null
      }
      await db.transaction().execute(async (trx) => {
        const locked = await lockIntervention(trx, interventionId)
        if (!locked) throw new NotFoundError()
        if (input.version !== undefined && locked.version !== input.version)
          throw new ConflictError('Someone else changed this record. Reload the page and try again.')
        await insertStep(trx, { interventionId, ...input, recordedBy: principal.id })
        await updateIntervention(trx, interventionId, {
          step: input.step,
          ...(input.step === 'case-lead-named' ? { caseLeadId: principal.id } : {}),
          ...(input.step === 'lifted' || input.step === 'escalated' ? { closedOn: input.happenedOn } : {}),
          ...(supportUntil !== undefined ? { supportUntil } : {}),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.step',
          recordType: 'intervention',
          recordId: interventionId,
          laCode: intervention.laCode,
          summary: `${stepLabel(input.step)}: ${formatLongDate(input.happenedOn)}`,
          changes: { from: intervention.step, to: input.step, happenedOn: input.happenedOn, supportUntil },
          requestId: context.requestId,
        })
      })
    },

    /**
     * Record a notice or direction (G1, 004#Forms of intervention): issued on a day no later than
     * today, published on or after it; an improvement notice is discussed with the council before
     * it is final, so the consultation date is asked for and must come first.
     */
    async addInstrument(
      principal: Principal,
      interventionId: string,
      input: NewInstrument,
      context: RequestContext,
    ): Promise<string> {
      const { intervention } = await records.record(interventionId)
      await records.guard(principal, 'intervention.manage', intervention.laCode)
      const errors: Record<string, string> = {}
      if (input.issuedOn > clock.today()) errors.issuedOn = 'The date it was issued must be today or in the past'
      if (input.publishedOn && input.publishedOn < input.issuedOn)
        errors.publishedOn = 'The date it was published must be on or after the date it was issued'
      if (input.form === 'improvement-notice' && !input.consultedOn)
        errors.consultedOn = 'Enter when the council was consulted on the notice’s content (004#Forms of intervention)'
      if (input.consultedOn && input.consultedOn > input.issuedOn)
        errors.consultedOn = 'The council is consulted before the notice is issued'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      return db.transaction().execute(async (trx) => {
        const id = await insertInstrument(trx, interventionId, input, principal.id)
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.instrument',
          recordType: 'intervention-instrument',
          recordId: id,
          laCode: intervention.laCode,
          summary: `Recorded a ${input.form} issued ${formatLongDate(input.issuedOn)} by ${input.issuer}`,
          changes: { interventionId, ...input },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
}
