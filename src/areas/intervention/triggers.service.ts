import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { interventionTriggers, type Trigger } from '../../rules/intervention-triggers.js'
import type { RequestContext } from '../deps.js'
import { type InterventionDeps, type InterventionRecords, datedJudgements } from './records.js'
import { concernsOf, insertConcern, listInterventions, resolveConcern } from './repository.js'
import { CONCERN_KINDS, type Concern, type ConcernKind } from './types.js'

/** An LA whose latest judgement is inadequate and has no intervention record for it yet (G7). */
export interface InadequateAlert {
  readonly laCode: string
  readonly laName: string
  readonly trigger: Trigger
}

/**
 * The triggers of an LA, each with its rule (G2, G7, M3, M4), read from the register's judgement
 * history (published or recorded alike) and the triggers Ofsted records here.
 */
export function triggersService(deps: InterventionDeps, records: InterventionRecords) {
  const { db, clock, register } = deps

  /** The triggers of one LA from its history, its recorded triggers and its records. */
  function compute(
    history: Parameters<typeof datedJudgements>[0],
    concerns: readonly Concern[],
    interventions: ReadonlyArray<{ inadequatePublishedOn: string | null }>,
  ): Trigger[] {
    const open = (kind: ConcernKind) =>
      concerns.filter((concern) => concern.kind === kind && !concern.resolvedOn).at(-1)?.notedOn
    const judgements = datedJudgements(history)
    const latestPublished = judgements
      .map((judgement) => judgement.published)
      .sort()
      .at(-1)
    return interventionTriggers({
      judgements,
      on: clock.today(),
      acknowledgedPublished: interventions.some((i) => i.inadequatePublishedOn === latestPublished)
        ? latestPublished
        : undefined,
      monitoringRefusedOn: open('monitoring-refused'),
      actionPlanDifferenceOn: open('action-plan-difference'),
    })
  }

  async function triggersOf(laCode: string): Promise<{ triggers: Trigger[]; concerns: Concern[] }> {
    const [{ records: history }, concerns, interventions] = await Promise.all([
      register.show(laCode),
      concernsOf(db, [laCode]),
      listInterventions(db, [laCode]),
    ])
    return { triggers: compute(history, concerns, interventions), concerns }
  }

  return {
    triggersOf,

    /**
     * The new inadequate judgements with no record yet, in these LAs (the DfE's alerts, G7): for
     * each person's home page and the alert emails.
     */
    async alerts(laCodes: readonly string[]): Promise<InadequateAlert[]> {
      const las = (await register.localAuthorities()).filter((la) => laCodes.includes(la.laCode))
      // One query each for every LA's recorded triggers and records; the histories are the register's cache.
      const [concerns, interventions] = await Promise.all([concernsOf(db, laCodes), listInterventions(db, laCodes)])
      const alerts: InadequateAlert[] = []
      for (const la of las) {
        const { records: history } = await register.show(la.laCode)
        const trigger = compute(
          history,
          concerns.filter((concern) => concern.laCode === la.laCode),
          interventions.filter((intervention) => intervention.laCode === la.laCode),
        ).find((t) => t.key === 'new-inadequate')
        if (trigger?.active) alerts.push({ laCode: la.laCode, laName: la.name, trigger })
      }
      return alerts
    },

    /** Record a trigger Ofsted owns: the monitoring programme refused (002#113), or an action-plan difference (001#22). */
    async recordConcern(
      principal: Principal,
      laCode: string,
      input: { kind: ConcernKind; notedOn: string; note: string },
      context: RequestContext,
    ): Promise<string> {
      await records.guard(principal, 'intervention.trigger', laCode)
      if (input.notedOn > clock.today()) throw new ValidationError({ notedOn: 'The date must be today or in the past' })
      return db.transaction().execute(async (trx) => {
        const id = await insertConcern(trx, { laCode, ...input, recordedBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.trigger',
          recordType: 'intervention-trigger',
          recordId: id,
          laCode,
          summary: `${CONCERN_KINDS[input.kind]}: recorded ${formatLongDate(input.notedOn)}`,
          changes: input,
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Mark a recorded trigger resolved (the programme agreed, the difference settled). */
    async resolveConcern(
      principal: Principal,
      laCode: string,
      concernId: string,
      input: { resolvedOn: string },
      context: RequestContext,
    ): Promise<void> {
      await records.guard(principal, 'intervention.trigger', laCode)
      const concern = (await concernsOf(db, [laCode])).find((candidate) => candidate.id === concernId)
      if (!concern) throw new NotFoundError()
      if (concern.resolvedOn) throw new ValidationError({ resolvedOn: 'This trigger is already resolved' })
      if (input.resolvedOn < concern.notedOn || input.resolvedOn > clock.today())
        throw new ValidationError({
          resolvedOn: `The date must be from ${formatLongDate(concern.notedOn)} to today`,
        })
      await db.transaction().execute(async (trx) => {
        await resolveConcern(trx, concernId, input.resolvedOn)
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.trigger-resolve',
          recordType: 'intervention-trigger',
          recordId: concernId,
          laCode,
          summary: `${CONCERN_KINDS[concern.kind]}: resolved ${formatLongDate(input.resolvedOn)}`,
          changes: input,
          requestId: context.requestId,
        })
      })
    },
  }
}
