import { memoisedRowsOf } from '../../db/request-scope.js'
import { NotFoundError } from '../../errors.js'
import type { RfiStatus, ConcernStatus } from './types.js'
import { fieldworkDays, headingCoverage, kitDays } from './fieldwork.js'
import type { EvidenceDeps } from './records.js'
import {
  concernStatesOf,
  entriesSinceLastQaNoteOf,
  headingCountsOf,
  kitMeetingDaysOf,
  qaNoteStatesOf,
  rfiStatesOf,
} from './summary.repository.js'

/** An activity's fieldwork records in counts and dates (no child-level data). */
export interface EvidenceSummary {
  readonly entries: number
  readonly coverage: ReturnType<typeof headingCoverage>
  readonly openQaNotes: number
  /** Entries since the last QA note (002#190). */
  readonly entriesSinceQa: number
  readonly kitMissing: number
  readonly kitRecorded: number
  /** Every fieldwork day has its note: nothing more to keep in touch about. */
  readonly kitComplete: boolean
  readonly fieldworkStarted: boolean
  /** The last day on site has passed: nothing more is added to the fieldwork records. */
  readonly fieldworkOver: boolean
  readonly rfis: ReadonlyArray<{ readonly status: RfiStatus; readonly dateResponseRequired: string | null }>
  readonly concerns: ReadonlyArray<{ readonly status: ConcernStatus; readonly responseDue: string | null }>
  readonly today: string
}

/** The fieldwork records in counts and dates, for the activity page and home page (no child-level data). */
export function summaryService({ db, clock, activities }: EvidenceDeps) {
  /** One table's rows for these activities, each activity read once per request. */
  const rowsOf =
    <R>(
      name: string,
      read: (db: EvidenceDeps['db'], ids: readonly string[]) => Promise<Iterable<readonly [string, R]>>,
    ) =>
    (ids: readonly string[]) =>
      memoisedRowsOf(`evidence.${name}`, ids, (missing) => read(db, missing))
  const headings = rowsOf('headingCountsOf', headingCountsOf)
  const sinceQa = rowsOf('entriesSinceLastQaNoteOf', entriesSinceLastQaNoteOf)
  const notes = rowsOf('qaNoteStatesOf', qaNoteStatesOf)
  const meetings = rowsOf('kitMeetingDaysOf', kitMeetingDaysOf)
  const rfis = rowsOf('rfiStatesOf', rfiStatesOf)
  const concerns = rowsOf('concernStatesOf', concernStatesOf)

  /**
   * Counts for the task list and the home page, for many activities at once: one query a table
   * whatever their number (issue 16). An unknown activity is absent.
   */
  async function summaries(activityIds: readonly string[]) {
    const [details, byHeading, since, noteStates, meetingDays, rfiStates, concernStates] = await Promise.all([
      activities.withMilestonesOf(activityIds),
      headings(activityIds),
      sinceQa(activityIds),
      notes(activityIds),
      meetings(activityIds),
      rfis(activityIds),
      concerns(activityIds),
    ])
    const today = clock.today()
    const found = new Map<string, EvidenceSummary>()
    for (const [activityId, { activity, milestones }] of details) {
      const counts = new Map((byHeading.get(activityId) ?? []).map((row) => [row.headingId, row.count]))
      const days = meetingDays.get(activityId) ?? []
      const onsiteEnd = milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
      const kit = kitDays(fieldworkDays(activity.onsiteStart, onsiteEnd), days, today)
      found.set(activityId, {
        entries: [...counts.values()].reduce((sum, count) => sum + count, 0),
        coverage: headingCoverage(counts),
        openQaNotes: (noteStates.get(activityId) ?? []).filter((note) => !note.resolved).length,
        entriesSinceQa: since.get(activityId)?.[0] ?? 0,
        kitMissing: kit.filter((day) => day.state === 'missing').length,
        kitRecorded: days.length,
        kitComplete: kit.every((day) => day.state === 'recorded'),
        fieldworkStarted: activity.onsiteStart <= today,
        fieldworkOver: onsiteEnd < today,
        rfis: rfiStates.get(activityId) ?? [],
        concerns: concernStates.get(activityId) ?? [],
        today,
      })
    }
    return found
  }

  return {
    summaries,

    /** Counts for the task list and the home page. */
    async summary(activityId: string): Promise<EvidenceSummary> {
      const summary = (await summaries([activityId])).get(activityId)
      if (!summary) throw new NotFoundError()
      return summary
    },
  }
}
