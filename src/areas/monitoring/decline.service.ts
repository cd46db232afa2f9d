import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ConflictError, ValidationError } from '../../errors.js'
import { enqueueEmail } from '../../notify/outbox.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import type { RequestContext } from '../deps.js'
import { monitoringPaths } from './paths.js'
import type { MonitoringDeps, MonitoringRecords } from './records.js'
import { findProgramme, type ProgrammeChanges, updateProgramme } from './repository.js'

/**
 * An LA that will not agree its programme of quarterly monitoring visits (002#113, 001#3): the
 * regional director records that it declined, what it said and the persuasion tried, and the
 * DfE case lead(s) of the LA are told, since Ofsted refers the LA to the Secretary of State, who
 * is likely to direct Ofsted to carry out the visits. The LA may later accept. The intervention
 * record's trigger reads this state (`Programme.declined`).
 */
export function declineService(deps: MonitoringDeps, records: MonitoringRecords) {
  const { db, clock, people, register, config } = deps

  /** Write the change under the programme's lock, with its audit entry and the DfE's emails. */
  async function write(
    principal: Principal,
    programmeId: string,
    version: number | undefined,
    context: RequestContext,
    change: { changes: ProgrammeChanges; action: 'monitoring.declined' | 'monitoring.accepted'; summary: string },
    email: { subject: string; lines: string[] },
  ): Promise<void> {
    const { programme } = await records.record(programmeId)
    const target = await records.guard(principal, 'monitoring.decline', programme.laCode)
    const caseLeads = await people.reaching(['dfe-case-lead'], target)
    const url = `${config.baseUrl}${monitoringPaths.programme.build({ programmeId })}`
    await db.transaction().execute(async (trx) => {
      const locked = await findProgramme(trx, programmeId, true)
      if (!locked || (version !== undefined && locked.version !== version))
        throw new ConflictError('Someone else changed this programme. Reload the page and try again.')
      await updateProgramme(trx, programmeId, change.changes)
      for (const lead of caseLeads)
        await enqueueEmail(trx, {
          kind: 'monitoring-dfe',
          recipient: lead.email,
          subject: email.subject,
          bodyText: [...email.lines, `The programme: ${url}`].join('\n\n'),
          dedupeKey: `${change.action}:${programmeId}:${locked.version}:${lead.id}`,
        })
      await recordAudit(trx, {
        actor: principal,
        action: change.action,
        recordType: 'monitoring-programme',
        recordId: programmeId,
        laCode: programme.laCode,
        summary: `${change.summary}; ${caseLeads.length} DfE case lead(s) told`,
        changes: change.changes as Record<string, unknown>,
        requestId: context.requestId,
      })
    })
  }

  return {
    /** Record that the LA declined the programme (002#113, 001#3); the DfE is told. */
    async recordDeclined(
      principal: Principal,
      programmeId: string,
      input: { declinedOn: string; said: string; persuasion: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { programme } = await records.record(programmeId)
      if (programme.closedOn) throw new ValidationError({ declinedOn: 'This programme is closed' })
      if (programme.declined && !programme.declined.acceptedOn)
        throw new ValidationError({ declinedOn: 'The LA’s refusal is already recorded' })
      const from = programme.declined?.acceptedOn
      if (input.declinedOn > clock.today() || (from && input.declinedOn < from))
        throw new ValidationError({
          declinedOn: from
            ? `The date must be from ${formatLongDate(from)}, when the LA accepted, to today`
            : 'The date must be today or in the past',
        })
      if (!input.said.trim()) throw new ValidationError({ said: 'Enter what the LA said' })
      if (!input.persuasion.trim())
        throw new ValidationError({ persuasion: 'Enter what was done to persuade the LA to agree' })
      const { la } = await register.show(programme.laCode)
      await write(
        principal,
        programmeId,
        input.version,
        context,
        {
          changes: {
            declined: {
              declinedOn: input.declinedOn,
              said: input.said.trim(),
              persuasion: input.persuasion.trim(),
              acceptedOn: null,
              declinedById: principal.id,
            },
          },
          action: 'monitoring.declined',
          summary: `The LA declined monitoring programme ${programme.setNumber} on ${formatLongDate(input.declinedOn)}`,
        },
        {
          subject: `${la.name}: the LA will not agree its monitoring programme`,
          lines: [
            `${la.name} told Ofsted on ${formatLongDate(input.declinedOn)} that it will not agree the programme of quarterly monitoring visits after its inadequate judgement.`,
            `What the LA said: ${input.said.trim()}`,
            `What Ofsted did to persuade it: ${input.persuasion.trim()}`,
            'Ofsted refers the authority to the Secretary of State, who is likely to intervene and direct Ofsted to carry out the visits under section 118(2) of the Education and Inspections Act 2006 (001#3; 002#113).',
          ],
        },
      )
    },

    /** Record that the LA, having declined, now accepts the programme; the DfE is told. */
    async recordAccepted(
      principal: Principal,
      programmeId: string,
      input: { acceptedOn: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { programme } = await records.record(programmeId)
      const declined = programme.declined
      if (!declined || declined.acceptedOn)
        throw new ValidationError({ acceptedOn: 'The LA has not declined the programme' })
      if (input.acceptedOn < declined.declinedOn || input.acceptedOn > clock.today())
        throw new ValidationError({
          acceptedOn: `The date must be from ${formatLongDate(declined.declinedOn)}, when the LA declined, to today`,
        })
      const { la } = await register.show(programme.laCode)
      await write(
        principal,
        programmeId,
        input.version,
        context,
        {
          changes: { acceptedOn: input.acceptedOn },
          action: 'monitoring.accepted',
          summary: `The LA accepted monitoring programme ${programme.setNumber} on ${formatLongDate(input.acceptedOn)}`,
        },
        {
          subject: `${la.name}: the LA now agrees its monitoring programme`,
          lines: [
            `${la.name}, which declined its monitoring programme on ${formatLongDate(declined.declinedOn)}, agreed it on ${formatLongDate(input.acceptedOn)}.`,
          ],
        },
      )
    },
  }
}
