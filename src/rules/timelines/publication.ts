/**
 * Publication timelines (RULES.md E7, 002#216 table), in working days after inspectors complete
 * fieldwork: standard and short inspections — draft for factual accuracy 10, comments within 3,
 * final version under embargo 18, published 21; focused visits and monitoring visits — 5, 2,
 * 14, 16.
 *
 * Decisions: the table's bare "days" are working days (C5); "complete fieldwork" is the last
 * on-site day (the feedback day); the factual-accuracy deadline counts its 3 (or 2) days from
 * the day the draft is sent.
 */
import type { IsoDate } from '../calendar/dates.js'
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days.js'
import type { Milestone } from '../types.js'
import { milestone } from './common.js'

/** Which column of 002#216: inspections (a report) or visits (a letter). */
export type PublicationKind = 'inspection' | 'visit'

/** The working-day offsets of 002#216. */
const PUBLICATION_DAYS: Record<PublicationKind, { draft: number; comments: number; final: number; published: number }> =
  {
    inspection: { draft: 10, comments: 3, final: 18, published: 21 },
    visit: { draft: 5, comments: 2, final: 14, published: 16 },
  }

/** The report or letter milestones after fieldwork ending on `lastFieldworkDay` (E7, 002#216). */
export function publicationMilestones(kind: PublicationKind, lastFieldworkDay: IsoDate): Milestone[] {
  const days = PUBLICATION_DAYS[kind]
  const document = kind === 'inspection' ? 'report' : 'letter'
  const draft = addWorkingDays(lastFieldworkDay, days.draft)
  return [
    milestone(
      'report.to-la-for-factual-accuracy',
      `Draft ${document} sent to the local authority for factual accuracy checks`,
      draft,
      'E7',
      '002#216',
    ),
    milestone(
      'report.factual-accuracy-due',
      `Local authority returns its factual accuracy comments (within ${days.comments} working days)`,
      addWorkingDays(draft, days.comments),
      'E7',
      '002#216',
    ),
    milestone(
      'report.final-to-la',
      `Final ${document} sent to the local authority (pre-publication, under embargo)`,
      addWorkingDays(lastFieldworkDay, days.final),
      'E7',
      '002#216',
    ),
    milestone(
      'report.published',
      `${document === 'report' ? 'Report' : 'Letter'} published on Ofsted’s website`,
      addWorkingDays(lastFieldworkDay, days.published),
      'E7',
      '002#216',
    ),
  ]
}

/** How a publication's date compares with 002#216 (E7). */
export interface PublicationTimeliness {
  /** Working days from the last day of fieldwork to the day of publication. */
  readonly workingDays: number
  /** What 002#216 sets: 21 for a report, 16 for a visit letter. */
  readonly statutory: number
  /** Working days after the statutory date (0 when on time or early). */
  readonly daysLate: number
  readonly statutoryDate: IsoDate
  readonly rule: 'E7'
  readonly citation: '002#216'
}

/**
 * The working days a report or letter took from the end of fieldwork to publication, against
 * the 21 (reports) or 16 (visit letters) of 002#216 (E7). Ofsted publishes a median 30 working
 * days after fieldwork (issue 11, "Drift is real"), so this is shown, not enforced.
 *
 * Decision: counted as `addWorkingDays` counts (the last fieldwork day not counted, the day of
 * publication counted), so a report published on its statutory date took exactly 21.
 */
export function publicationTimeliness(
  kind: PublicationKind,
  lastFieldworkDay: IsoDate,
  publishedOn: IsoDate,
): PublicationTimeliness {
  const statutory = PUBLICATION_DAYS[kind].published
  const workingDays = workingDaysBetween(lastFieldworkDay, publishedOn)
  return {
    workingDays,
    statutory,
    daysLate: Math.max(0, workingDays - statutory),
    statutoryDate: addWorkingDays(lastFieldworkDay, statutory),
    rule: 'E7',
    citation: '002#216',
  }
}

/**
 * The day the local authority's factual accuracy comments are due, counted from the day the draft
 * was actually sent (E7, 002#216: "3 days" for inspections, "2 days" for visits, working days,
 * decision C5). The statutory milestone counts from the statutory draft day; once a draft is sent
 * (on time or not) the LA still has its full 3 (or 2) working days.
 */
export function factualAccuracyDeadline(kind: PublicationKind, sentOn: IsoDate): IsoDate {
  return addWorkingDays(sentOn, PUBLICATION_DAYS[kind].comments)
}

/**
 * Where a step of the publication timeline stands on `today` (E7): done on time, done late (its
 * actual day after its statutory day), overdue (not done and its day has passed), or due.
 * Decision: a step is late when its actual day in England is after its statutory day; 002#216
 * gives no time of day, so anything on the day is on time.
 */
export type StepTimeliness = 'on-time' | 'late' | 'overdue' | 'due'

export function stepTimeliness(statutory: IsoDate, actual: IsoDate | undefined, today: IsoDate): StepTimeliness {
  if (actual) return actual > statutory ? 'late' : 'on-time'
  return today > statutory ? 'overdue' : 'due'
}
