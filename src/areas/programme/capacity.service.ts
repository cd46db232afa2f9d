import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import type { IsoDate } from '../../rules/calendar/dates.js'
import type { RequestContext } from '../deps.js'
import { DEFAULT_WEEKLY_LIMIT, type ProgrammeDeps, type ProgrammeRecords, WEEKLY_LIMIT_KEY } from './records.js'
import { deleteLeave, insertLeave, writeSetting } from './repository.js'

/** An inspector's leave: dates only, never the reason (PC3). */
export interface LeaveInput {
  readonly userId: string
  readonly startsOn: IsoDate
  readonly endsOn: IsoDate
}

/** PC2's limit: on-site activities per inspector per week, a whole number from 1 to 5. */
export const WEEKLY_LIMIT_RANGE = { min: 1, max: 5 } as const

/** Inspectors' leave (PC3) and the weekly limit of on-site activities (PC2), both audited. */
export function capacityService({ db, clock }: ProgrammeDeps, records: ProgrammeRecords) {
  return {
    weeklyLimit: records.weeklyLimit,

    /** Inspectors who can be given leave or put on a proposal, by name. */
    inspectors: records.inspectors,

    /** Leave from `from` on (or all of it), with names. */
    leave: (from?: IsoDate) => records.leave(from),

    /** Record an inspector's leave (dates only). Audited. */
    async addLeave(principal: Principal, input: LeaveInput, context: RequestContext): Promise<string> {
      const person = (await records.inspectors()).find((candidate) => candidate.id === input.userId)
      const errors: Record<string, string> = {}
      if (!person) errors.userId = 'Select the inspector'
      if (input.endsOn < input.startsOn)
        errors.endsOn = 'The last day of leave must be the same as or after the first day'
      if (Object.keys(errors).length > 0 || !person) throw new ValidationError(errors)
      const { startsOn, endsOn } = input
      return db.transaction().execute(async (trx) => {
        const id = await insertLeave(trx, { userId: person.id, startsOn, endsOn, createdBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'leave.add',
          recordType: 'inspector-leave',
          recordId: id,
          summary: `Recorded leave for ${person.email} from ${startsOn} to ${endsOn}`,
          changes: { after: { userId: person.id, startsOn, endsOn } },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Remove a leave record. Audited; refused when there is no such record (removed already). */
    async removeLeave(principal: Principal, leaveId: string, context: RequestContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const removed = await deleteLeave(trx, leaveId)
        if (!removed)
          throw new ValidationError({ leave: 'That leave is not recorded: it may have been removed already' })
        await recordAudit(trx, {
          actor: principal,
          action: 'leave.remove',
          recordType: 'inspector-leave',
          recordId: leaveId,
          summary: `Removed leave from ${removed.startsOn} to ${removed.endsOn}`,
          changes: { before: removed },
          requestId: context.requestId,
        })
      })
    },

    /** PC2: set the limit of on-site activities per inspector per week. Audited. */
    async setWeeklyLimit(principal: Principal, limit: number, context: RequestContext): Promise<void> {
      if (!Number.isInteger(limit) || limit < WEEKLY_LIMIT_RANGE.min || limit > WEEKLY_LIMIT_RANGE.max)
        throw new ValidationError({ weeklyLimit: 'Enter a whole number of activities from 1 to 5' })
      await db.transaction().execute(async (trx) => {
        const before = await writeSetting(trx, WEEKLY_LIMIT_KEY, limit, principal.id, clock.now())
        await recordAudit(trx, {
          actor: principal,
          action: 'programme.configure',
          recordType: 'programme-setting',
          recordId: WEEKLY_LIMIT_KEY,
          summary: `Set the limit of on-site activities per inspector per week to ${limit}`,
          changes: { before: before ?? DEFAULT_WEEKLY_LIMIT, after: limit },
          requestId: context.requestId,
        })
      })
    },
  }
}
