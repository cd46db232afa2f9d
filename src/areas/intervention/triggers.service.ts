import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { interventionTriggers, type Trigger } from '../../rules/intervention-triggers.js'
import type { Cited } from '../../rules/types.js'
import type { RequestContext } from '../deps.js'
import type { ProgrammeRecord } from '../monitoring/index.js'
import { type InterventionDeps, type InterventionRecords, datedJudgements } from './records.js'
import { concernsOf, insertConcern, listInterventions, resolveConcern } from './repository.js'
import { CONCERN_KINDS, type Concern, type ConcernKind, type RecordedConcernKind } from './types.js'

/**
 * The day Ofsted referred an unresolved action-plan difference to the DfE (001#22, 002#126), while
 * it stands: the latest review of an open programme's plan says so.
 */
function referredOn(programmes: readonly ProgrammeRecord[]): string | undefined {
  return programmes
    .filter((record) => !record.programme.closedOn && record.reviews.at(-1)?.outcome === 'referred-to-dfe')
    .map((record) => record.reviews.at(-1)!.letterSentOn)
    .sort()[0]
}

/**
 * The day the LA declined its monitoring programme (002#113, 001#3), while it stands: an open
 * programme recorded as declined and not since accepted (the monitoring area keeps it).
 */
function declinedOn(programmes: readonly ProgrammeRecord[]): string | undefined {
  return programmes
    .filter((record) => !record.programme.closedOn && record.programme.declined?.acceptedOn === null)
    .map((record) => record.programme.declined!.declinedOn)
    .sort()[0]
}

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
  const { db, clock, register, monitoring } = deps

  /** The triggers of one LA from its history, its recorded triggers and its records. */
  function compute(
    history: Parameters<typeof datedJudgements>[0],
    concerns: readonly Concern[],
    interventions: ReadonlyArray<{ inadequatePublishedOn: string | null }>,
    programmes: readonly ProgrammeRecord[],
  ): Trigger[] {
    const open = (kind: ConcernKind) =>
      concerns.filter((concern) => concern.kind === kind && !concern.resolvedOn).at(-1)?.notedOn
    // An action-plan difference is recorded here by Ofsted's directors, or comes from the
    // monitoring area's review of the plan, referred to the DfE (001#22): the earlier counts.
    const difference = [open('action-plan-difference'), referredOn(programmes)]
      .filter((on): on is string => on !== undefined)
      .sort()[0]
    const judgements = datedJudgements(history)
    const latestPublished = judgements
      .map((judgement) => judgement.published)
      .sort()
      .at(-1)
    const referred = referredOn(programmes)
    const declined = declinedOn(programmes)
    // A refusal noted by hand before the refusal was a state of the programme stays where no
    // programme was open to move it to (migration 20261203T080551Z); the earlier counts.
    const refused = [open('monitoring-refused'), declined].filter((on): on is string => on !== undefined).sort()[0]
    return interventionTriggers({
      judgements,
      on: clock.today(),
      acknowledgedPublished: interventions.some((i) => i.inadequatePublishedOn === latestPublished)
        ? latestPublished
        : undefined,
      monitoringRefusedOn: refused,
      actionPlanDifferenceOn: difference,
    }).map((trigger) =>
      trigger.key === 'action-plan-difference' && referred && referred === difference
        ? {
            ...trigger,
            detail: `${trigger.detail}. Referred by Ofsted's review of the plan in the monitoring programme`,
          }
        : trigger.key === 'monitoring-refused' && declined && declined === refused
          ? { ...trigger, detail: `${trigger.detail}. Recorded on the monitoring programme` }
          : trigger,
    )
  }

  async function triggersOf(laCode: string): Promise<{
    triggers: Trigger[]
    concerns: Concern[]
    /** How the latest judgement is read as inadequate or not (G2: from April 2026 there is no overall grade). */
    reading: (Cited & { reading: string; published: string }) | undefined
  }> {
    const [{ records: history }, concerns, interventions, programmes] = await Promise.all([
      register.show(laCode),
      concernsOf(db, [laCode]),
      listInterventions(db, [laCode]),
      monitoring.ofLa(laCode),
    ])
    const latest = datedJudgements(history)
      .sort((a, b) => a.published.localeCompare(b.published))
      .at(-1)
    return {
      triggers: compute(history, concerns, interventions, programmes),
      concerns,
      reading: latest ? { ...latest.reading, published: latest.published } : undefined,
    }
  }

  return {
    triggersOf,

    /** The triggers that apply today to each of these LAs, by LA (the DfE's national dashboard). */
    async activeTriggers(laCodes: readonly string[]): Promise<Map<string, Trigger[]>> {
      const [concerns, interventions, programmes, histories] = await Promise.all([
        concernsOf(db, laCodes),
        listInterventions(db, laCodes),
        monitoring.inScope('everyone'),
        register.histories(),
      ])
      const of = <T extends { laCode: string }>(rows: readonly T[], laCode: string) =>
        rows.filter((row) => row.laCode === laCode)
      return new Map(
        laCodes.map((laCode) => [
          laCode,
          compute(
            histories.get(laCode)?.records ?? [],
            of(concerns, laCode),
            of(interventions, laCode),
            programmes.filter((record) => record.programme.laCode === laCode),
          ).filter((trigger) => trigger.active),
        ]),
      )
    },

    /**
     * The new inadequate judgements with no record yet, in these LAs (the DfE's alerts, G7): for
     * each person's home page and the alert emails.
     */
    async alerts(laCodes: readonly string[]): Promise<InadequateAlert[]> {
      const las = (await register.localAuthorities()).filter((la) => laCodes.includes(la.laCode))
      // One query each for every LA's recorded triggers and records; the histories are the register's cache.
      const [concerns, interventions] = await Promise.all([concernsOf(db, laCodes), listInterventions(db, laCodes)])
      const histories = await register.histories()
      const alerts: InadequateAlert[] = []
      for (const la of las) {
        const trigger = compute(
          histories.get(la.laCode)?.records ?? [],
          concerns.filter((concern) => concern.laCode === la.laCode),
          interventions.filter((intervention) => intervention.laCode === la.laCode),
          [],
        ).find((t) => t.key === 'new-inadequate')
        if (trigger?.active) alerts.push({ laCode: la.laCode, laName: la.name, trigger })
      }
      return alerts
    },

    /**
     * Record a trigger Ofsted owns by hand: an action-plan difference (001#22). An LA refusing its
     * monitoring programme (002#113) is recorded on the programme itself (the monitoring area).
     */
    async recordConcern(
      principal: Principal,
      laCode: string,
      input: { kind: RecordedConcernKind; notedOn: string; note: string },
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
