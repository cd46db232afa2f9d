import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import type { Person } from '../../auth/people.js'
import { ConflictError, ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import type { MonitoringDeps, MonitoringRecords } from './records.js'
import { findProgramme, updateProgramme } from './repository.js'

/** The accounts that may lead a programme's monitoring visits: inspectors (002#129). */
const LEAD_ROLES = ['hmi', 'senior-hmi'] as const

/**
 * The programme's named lead inspector (002#129: wherever possible the same inspector leads all
 * the monitoring visits), named by the senior HMI or the regional director. The inspector's steps
 * are reminded to them, not to the region's director (ADR 0025).
 */
export function leadService(deps: MonitoringDeps, records: MonitoringRecords) {
  const { db, people } = deps
  return {
    /** The inspectors who may be named, by name. */
    leadCandidates: (): Promise<Person[]> => people.withRoles(LEAD_ROLES),

    /** The named lead inspector's name, or undefined when none is named. */
    async leadInspectorName(programme: { leadInspectorId: string | null }): Promise<string | undefined> {
      const id = programme.leadInspectorId
      return id ? ((await people.byIds([id])).get(id)?.displayName ?? 'Unknown account') : undefined
    },

    /** Name the lead inspector, or none (`leadInspectorId` empty). */
    async nameLeadInspector(
      principal: Principal,
      programmeId: string,
      input: { leadInspectorId: string | undefined; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { programme } = await records.record(programmeId)
      await records.guard(principal, 'monitoring.lead', programme.laCode)
      const id = input.leadInspectorId || null
      const person = id ? (await people.byIds([id])).get(id) : undefined
      if (id && (!person?.active || !(LEAD_ROLES as readonly string[]).includes(person.role)))
        throw new ValidationError({ leadInspectorId: 'Select an inspector' })
      await db.transaction().execute(async (trx) => {
        const locked = await findProgramme(trx, programmeId, true)
        if (!locked || (input.version !== undefined && locked.version !== input.version))
          throw new ConflictError('Someone else changed this programme. Reload the page and try again.')
        await updateProgramme(trx, programmeId, { leadInspectorId: id })
        await recordAudit(trx, {
          actor: principal,
          action: 'monitoring.lead-inspector',
          recordType: 'monitoring-programme',
          recordId: programmeId,
          laCode: programme.laCode,
          summary: person
            ? `${person.displayName} named lead inspector of monitoring programme ${programme.setNumber}`
            : `No lead inspector named for monitoring programme ${programme.setNumber}`,
          changes: { before: locked.leadInspectorId, after: id },
          requestId: context.requestId,
        })
      })
    },
  }
}
