import type { Db } from './repository.js'
import type { KitMeeting } from './types.js'

/** Keep-in-touch meeting notes, one per fieldwork day (002#173-175). */

/** A meeting note as stored: who recorded it by id only (the service adds the name). */
export type StoredKitMeeting = Omit<KitMeeting, 'recordedByName'> & { readonly recordedById: string }

export async function kitMeetingsOf(db: Db, activityId: string): Promise<StoredKitMeeting[]> {
  const rows = await db
    .selectFrom('keep_in_touch_meetings')
    .selectAll()
    .where('activity_id', '=', activityId)
    .orderBy('meeting_on')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    meetingOn: row.meeting_on,
    attendeeRoles: row.attendee_roles ?? [],
    otherAttendees: row.other_attendees,
    dcsDeclined: row.dcs_declined,
    findingsShared: row.findings_shared,
    dcsClear: row.dcs_clear,
    noSurprises: row.no_surprises,
    recordedById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertKitMeeting(
  trx: Db,
  meeting: {
    activityId: string
    meetingOn: string
    attendeeRoles: readonly string[]
    otherAttendees: string | null
    dcsDeclined: boolean
    findingsShared: string
    dcsClear: boolean
    noSurprises: boolean
    recordedBy: string
    at: Date
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('keep_in_touch_meetings')
    .values({
      activity_id: meeting.activityId,
      meeting_on: meeting.meetingOn,
      attendee_roles: JSON.stringify(meeting.attendeeRoles),
      other_attendees: meeting.otherAttendees,
      dcs_declined: meeting.dcsDeclined,
      findings_shared: meeting.findingsShared,
      dcs_clear: meeting.dcsClear,
      no_surprises: meeting.noSurprises,
      recorded_by: meeting.recordedBy,
      recorded_at: meeting.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
