import { concernsOf } from './concerns.repository.js'
import { entryCounts, reviewState } from './entries.repository.js'
import { fieldworkDays, headingCoverage, kitDays } from './fieldwork.js'
import { kitMeetingsOf } from './keep-in-touch.repository.js'
import { qaNotesOf } from './qa-notes.repository.js'
import type { EvidenceDeps } from './records.js'
import { rfisOf } from './requests.repository.js'

/** The fieldwork records in counts and dates, for the activity page and home page (no child-level data). */
export function summaryService({ db, clock, activities }: EvidenceDeps) {
  return {
    /** Counts for the task list and the home page. */
    async summary(activityId: string) {
      const [counts, notes, meetings, rfis, concerns, details, review] = await Promise.all([
        entryCounts(db, activityId),
        qaNotesOf(db, activityId),
        kitMeetingsOf(db, activityId),
        rfisOf(db, activityId),
        concernsOf(db, activityId),
        activities.withMilestones(activityId),
        reviewState(db, activityId),
      ])
      const onsiteEnd = details.milestones.find((m) => m.key === 'onsite.end')?.date ?? details.activity.onsiteStart
      const days = kitDays(
        fieldworkDays(details.activity.onsiteStart, onsiteEnd),
        meetings.map((meeting) => meeting.meetingOn),
        clock.today(),
      )
      return {
        entries: [...counts.byHeading.values()].reduce((sum, count) => sum + count, 0),
        coverage: headingCoverage(counts.byHeading),
        openQaNotes: notes.filter((note) => !note.resolvedAt).length,
        entriesSinceQa: review.entriesSinceQa,
        kitMissing: days.filter((day) => day.state === 'missing').length,
        kitRecorded: meetings.length,
        /** Every fieldwork day has its note: nothing more to keep in touch about. */
        kitComplete: days.every((day) => day.state === 'recorded'),
        fieldworkStarted: details.activity.onsiteStart <= clock.today(),
        /** The last day on site has passed: nothing more is added to the fieldwork records. */
        fieldworkOver: onsiteEnd < clock.today(),
        rfis: rfis.map((rfi) => ({ status: rfi.status, dateResponseRequired: rfi.dateResponseRequired })),
        concerns: concerns.map((concern) => ({ status: concern.status, responseDue: concern.responseDue })),
        today: clock.today(),
      }
    },
  }
}
