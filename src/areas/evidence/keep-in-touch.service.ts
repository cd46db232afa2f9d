import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import type { RequestContext } from '../deps.js'
import { fieldworkDays, type KitAttendeeRole, kitDays } from './fieldwork.js'
import { insertKitMeeting, kitMeetingsOf } from './keep-in-touch.repository.js'
import type { EvidenceDeps, EvidenceRecords } from './records.js'
import type { KitMeeting, NameConfirmation } from './types.js'

export interface KitMeetingInput {
  /** `YYYY-MM-DD`: a fieldwork day, today or earlier, without a note yet. */
  readonly meetingOn: string
  readonly attendeeRoles: readonly KitAttendeeRole[]
  readonly otherAttendees: string
  readonly dcsDeclined: boolean
  readonly findingsShared: string
  readonly dcsClear: boolean
  readonly noSurprises: boolean
  readonly names: NameConfirmation
}

/** Keep-in-touch meetings (002#173-175, E5): a note for each fieldwork day. */
export function keepInTouchService({ db, clock, activities }: EvidenceDeps, records: EvidenceRecords) {
  async function keepInTouch(activityId: string) {
    const details = await activities.details(activityId)
    const stored = await kitMeetingsOf(db, activityId)
    const nameOf = await records.namesOf(stored.map((meeting) => meeting.recordedById))
    const meetings: KitMeeting[] = stored.map(({ recordedById, ...meeting }) => ({
      ...meeting,
      recordedByName: nameOf(recordedById),
    }))
    const onsiteEnd = details.milestones.find((m) => m.key === 'onsite.end')?.date ?? details.activity.onsiteStart
    const days = kitDays(
      fieldworkDays(details.activity.onsiteStart, onsiteEnd),
      meetings.map((meeting) => meeting.meetingOn),
      clock.today(),
    )
    return { details, meetings, days }
  }

  return {
    /** The activity's meeting notes and each fieldwork day with whether it has one. */
    keepInTouch,

    /** Record the note of a keep-in-touch meeting on a fieldwork day. */
    async addKitMeeting(
      principal: Principal,
      activityId: string,
      input: KitMeetingInput,
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await records.openActivity(activityId)
      const { days, meetings } = await keepInTouch(activityId)
      const { meetingOn } = input
      if (!days.some((day) => day.day === meetingOn))
        throw new ValidationError({
          meetingOn: `Enter a fieldwork day, from ${formatLongDate(days[0]?.day ?? activity.onsiteStart)} to ${formatLongDate(days.at(-1)?.day ?? activity.onsiteStart)}`,
        })
      if (meetingOn > clock.today())
        throw new ValidationError({ meetingOn: 'The meeting date must be today or in the past' })
      if (meetings.some((meeting) => meeting.meetingOn === meetingOn))
        throw new ValidationError({
          meetingOn: `A keep-in-touch note for ${formatLongDate(meetingOn)} is already recorded`,
        })
      await records.guardNames(
        { findingsShared: input.findingsShared, otherAttendees: input.otherAttendees },
        input.names,
      )
      return db.transaction().execute(async (trx) => {
        const id = await insertKitMeeting(trx, {
          activityId,
          meetingOn,
          attendeeRoles: input.attendeeRoles,
          otherAttendees: input.otherAttendees || null,
          // 002#175: the DCS may choose not to engage; recorded, and not a judgement matter.
          dcsDeclined: input.dcsDeclined,
          findingsShared: input.findingsShared,
          dcsClear: input.dcsClear,
          noSurprises: input.noSurprises,
          recordedBy: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.keep-in-touch',
          recordType: 'keep-in-touch-meeting',
          recordId: id,
          laCode: activity.laCode,
          summary: `Recorded the keep-in-touch meeting of ${formatLongDate(meetingOn)} for ${activity.reference}`,
          changes: {
            activityId,
            meetingOn,
            attendeeRoles: input.attendeeRoles,
            dcsDeclined: input.dcsDeclined,
            noSurprises: input.noSurprises,
          },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
}
