import { sql } from 'kysely'
import type { Db } from './repository.js'

/**
 * The fieldwork records of many activities in counts and dates, one query a table whatever the
 * number of activities (issue 16: the home page summarises every activity a person is on). Only
 * the columns the summary counts are read; each row comes as `[activityId, row]`.
 */

/** Entries by heading: `[activityId, { headingId, count }]`. */
export async function headingCountsOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('evidence_entries')
    .select(['activity_id', 'heading_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('activity_id', 'in', [...activityIds])
    .groupBy(['activity_id', 'heading_id'])
    .execute()
  return rows.map((row) => [row.activity_id, { headingId: row.heading_id, count: Number(row.count) }] as const)
}

/**
 * Entries written since the activity's last QA note (all of them when it has none, 002#190):
 * `[activityId, count]`, absent for an activity with none.
 */
export async function entriesSinceLastQaNoteOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('evidence_entries as e')
    .select(['e.activity_id', (eb) => eb.fn.countAll<string>().as('count')])
    .where('e.activity_id', 'in', [...activityIds])
    .where(
      'e.created_at',
      '>',
      sql<Date>`coalesce((select max(n.created_at) from evidence_qa_notes n where n.activity_id = e.activity_id), '-infinity'::timestamptz)`,
    )
    .groupBy('e.activity_id')
    .execute()
  return rows.map((row) => [row.activity_id, Number(row.count)] as const)
}

/** QA notes, open or resolved: `[activityId, { resolved }]`. */
export async function qaNoteStatesOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('evidence_qa_notes')
    .select(['activity_id', 'resolved_at'])
    .where('activity_id', 'in', [...activityIds])
    .execute()
  return rows.map((row) => [row.activity_id, { resolved: row.resolved_at !== null }] as const)
}

/** The days of the keep-in-touch notes: `[activityId, meetingOn]`. */
export async function kitMeetingDaysOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('keep_in_touch_meetings')
    .select(['activity_id', 'meeting_on'])
    .where('activity_id', 'in', [...activityIds])
    .orderBy('meeting_on')
    .execute()
  return rows.map((row) => [row.activity_id, row.meeting_on] as const)
}

/** Requests for further information by status and date: `[activityId, { status, dateResponseRequired }]`. */
export async function rfiStatesOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('further_information_requests')
    .select(['activity_id', 'status', 'date_response_required'])
    .where('activity_id', 'in', [...activityIds])
    .orderBy('number')
    .execute()
  return rows.map(
    (row) => [row.activity_id, { status: row.status, dateResponseRequired: row.date_response_required }] as const,
  )
}

/** Cases of concern by status and date: `[activityId, { status, responseDue }]`. */
export async function concernStatesOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return []
  const rows = await db
    .selectFrom('cases_of_concern')
    .select(['activity_id', 'status', 'response_due'])
    .where('activity_id', 'in', [...activityIds])
    .orderBy('number')
    .execute()
  return rows.map((row) => [row.activity_id, { status: row.status, responseDue: row.response_due }] as const)
}
