import type { PeopleDirectory } from '../../auth/people.js'
import { type Action, canOn, laFilter, type PolicyTarget, type Principal } from '../../auth/policy.js'
import type { BlobStore } from '../../files/blob-store.js'
import { NotFoundError } from '../../errors.js'
import { type DatedJudgement, inadequateReading } from '../../rules/intervention.js'
import type { ServiceDeps } from '../deps.js'
import type { MonitoringService } from '../monitoring/index.js'
import { FRAMEWORK_INFO, type JudgementRecord, type RegisterService } from '../register/index.js'
import { boardsOf, meetingsOf, reportsOf } from './board.repository.js'
import { findIntervention, instrumentsOf, listInterventions, stepsOf } from './repository.js'
import type { Intervention, InterventionRecord } from './types.js'

export interface InterventionDeps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'show' | 'target' | 'localAuthorities' | 'histories'>
  readonly people: PeopleDirectory
  readonly blobs: BlobStore
  /** The monitoring area's programmes: an action-plan difference Ofsted referred to the DfE is a trigger (001#22). */
  readonly monitoring: Pick<MonitoringService, 'ofLa' | 'inScope'>
}

/** A register judgement as the triggers read it: current versions only, both dates, inadequate or not. */
export function datedJudgements(
  records: readonly JudgementRecord[],
): Array<DatedJudgement & { record: JudgementRecord; reading: ReturnType<typeof inadequateReading> }> {
  return records
    .filter((record) => record.correctedById === null)
    .map((record) => {
      const areas = FRAMEWORK_INFO[record.framework].areas
        .filter((area) => area.key !== 'overall')
        .flatMap((area) => (record.grades[area.key] ? [record.grades[area.key]!] : []))
      const reading = inadequateReading(record.grades.overall, areas)
      return {
        record,
        reading,
        // An imported SIF judgement has only its publication date (issue 14): the latest its fieldwork could have started.
        fieldworkStart: record.inspectionStart ?? record.publishedOn,
        published: record.publishedOn,
        inadequate: reading.inadequate,
      }
    })
}

/**
 * Reading intervention records: one record with everything recorded against it, the records of an
 * LA or of everyone in the principal's scope, and the policy target of each.
 */
export function interventionRecords({ db, register }: InterventionDeps) {
  async function assemble(interventions: readonly Intervention[]): Promise<InterventionRecord[]> {
    const ids = interventions.map((intervention) => intervention.id)
    const [steps, instruments, boards, meetings, reports] = await Promise.all([
      stepsOf(db, ids),
      instrumentsOf(db, ids),
      boardsOf(db, ids),
      meetingsOf(db, ids),
      reportsOf(db, ids),
    ])
    return interventions.map((intervention) => {
      const mine = <T extends { interventionId: string }>(rows: readonly T[]) =>
        rows.filter((row) => row.interventionId === intervention.id)
      return {
        intervention,
        steps: mine(steps),
        instruments: mine(instruments),
        board: boards.get(intervention.id) ?? null,
        meetings: mine(meetings),
        reports: mine(reports),
      }
    })
  }

  /** The policy target of a record: its LA, or null when there is no such record (404). */
  async function target(interventionId: string): Promise<PolicyTarget | null> {
    const intervention = await findIntervention(db, interventionId)
    return intervention ? register.target(intervention.laCode) : null
  }

  /** Throw NotFoundError unless the principal may do `action` on the LA (the route checked it too). */
  async function guard(principal: Principal, action: Action, laCode: string): Promise<PolicyTarget> {
    const found = await register.target(laCode)
    if (!found || !canOn(principal, action, found)) throw new NotFoundError()
    return found
  }

  return {
    target,
    guard,
    assemble,

    /** One record with its steps, instruments, board, meetings and reports; NotFoundError if none. */
    async record(interventionId: string): Promise<InterventionRecord> {
      const intervention = await findIntervention(db, interventionId)
      if (!intervention) throw new NotFoundError()
      return (await assemble([intervention]))[0]!
    },

    /** Every record of every LA (the reminder job). */
    async assembleAll(): Promise<InterventionRecord[]> {
      return assemble(await listInterventions(db))
    },

    /** An LA's records, newest first. */
    async ofLa(laCode: string): Promise<InterventionRecord[]> {
      return assemble(await listInterventions(db, [laCode]))
    },

    /**
     * The directions under section 497A recorded for an LA, which a body with delegated functions
     * may follow (002#231-232): a direction to contract out or transfer, or a statutory direction.
     */
    async directionsOf(laCode: string) {
      const records = await assemble(await listInterventions(db, [laCode]))
      return records.flatMap((record) =>
        record.instruments
          .filter(
            (instrument) => instrument.form === 'contract-out-or-transfer' || instrument.form === 'statutory-direction',
          )
          .map((instrument) => ({
            id: instrument.id,
            interventionId: record.intervention.id,
            issuedOn: instrument.issuedOn,
            issuer: instrument.issuer,
          })),
      )
    },

    /** Every record the principal may see, newest first. */
    async inScope(principal: Principal): Promise<InterventionRecord[]> {
      const filter = laFilter(principal, 'intervention.view')
      if (filter.kind === 'none' || filter.kind === 'team') return []
      if (filter.kind === 'las') return assemble(await listInterventions(db, filter.laCodes))
      const all = await listInterventions(db)
      if (filter.kind === 'all') return assemble(all)
      const inRegion = new Set(
        (await register.localAuthorities()).filter((la) => la.regionCode === filter.regionCode).map((la) => la.laCode),
      )
      return assemble(all.filter((intervention) => inRegion.has(intervention.laCode)))
    },
  }
}

export type InterventionRecords = ReturnType<typeof interventionRecords>
