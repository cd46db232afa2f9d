/**
 * The lifecycle of an inspection or visit (issue 6): planned → notified → on site →
 * judgements agreed → report stage → published (by its report's publication, issue 11); a planned or notified activity may instead
 * be deferred (only for the reasons of 002#16) or cancelled. A deferred activity is re-planned
 * with a new first day on site (back to planned, and notice is given again, 002#73) or
 * cancelled. Each step is a pure check here; the service records it with its audit entry.
 */
import { formatDate } from '../../rules/calendar/dates.js'
import type { DeferralReason } from '../../rules/pathways.js'

export const STATUSES = [
  'planned',
  'notified',
  'on-site',
  'judgements-agreed',
  'report-stage',
  'published',
  'deferred',
  'cancelled',
] as const
export type ActivityStatus = (typeof STATUSES)[number]

export const STATUS_LABELS: Readonly<Record<ActivityStatus, string>> = {
  planned: 'Planned',
  notified: 'Notified',
  'on-site': 'On site',
  'judgements-agreed': 'Judgements agreed',
  'report-stage': 'Report stage',
  published: 'Published',
  deferred: 'Deferred',
  cancelled: 'Cancelled',
}

export const STATUS_TAGS: Readonly<Record<ActivityStatus, string>> = {
  planned: 'govuk-tag--grey',
  notified: 'govuk-tag--blue',
  'on-site': 'govuk-tag--purple',
  'judgements-agreed': 'govuk-tag--turquoise',
  'report-stage': 'govuk-tag--yellow',
  published: 'govuk-tag--green',
  deferred: 'govuk-tag--orange',
  cancelled: 'govuk-tag--red',
}

export function isStatus(value: string): value is ActivityStatus {
  return (STATUSES as readonly string[]).includes(value)
}

/** What the checks need to know about an activity. */
export interface LifecycleFacts {
  readonly status: ActivityStatus
  readonly today: string
  readonly onsiteStart: string
  readonly onsiteEnd: string
  readonly noticeRecorded: boolean
  readonly hasLeadInspector: boolean
  /** Standard/short: all four judgements recorded and consistent; focused visit: findings recorded. */
  readonly outcomeReady: boolean
  readonly outcomeProblem: string | undefined
}

export type StepCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string }

const ok: StepCheck = { ok: true }
const no = (reason: string): StepCheck => ({ ok: false, reason })

/** May the activity move to `to` now? The reason says what is missing, in the user's terms. */
export function checkStep(facts: LifecycleFacts, to: ActivityStatus): StepCheck {
  const from = facts.status
  switch (to) {
    case 'notified':
      if (from !== 'planned') return no('Only a planned activity can be notified')
      if (!facts.hasLeadInspector) return no('Add the lead inspector to the team before giving notice')
      if (!facts.noticeRecorded) return no('Record the notice telephone call first (002#73)')
      return ok
    case 'on-site':
      if (from !== 'notified') return no('Give notice before fieldwork starts (002#73)')
      if (facts.today < facts.onsiteStart) return no(`Fieldwork starts on ${formatDate(facts.onsiteStart)}`)
      return ok
    case 'judgements-agreed':
      if (from !== 'on-site') return no('Judgements are agreed at the end of fieldwork')
      if (!facts.outcomeReady) return no(facts.outcomeProblem ?? 'Record the judgements first')
      return ok
    case 'report-stage':
      if (from !== 'judgements-agreed') return no('Agree the judgements and give feedback first (002#197)')
      if (facts.today < facts.onsiteEnd)
        return no(`Feedback is given on the last day of fieldwork, ${formatDate(facts.onsiteEnd)}`)
      return ok
    case 'published':
      // Issue 11: only the report workflow publishes (`recordPublication`, called by the reports
      // area's publication job), so no request can publish an activity without its report.
      return no('An activity is published only when its report or letter is published (002#216)')
    case 'deferred':
      if (from !== 'planned' && from !== 'notified') return no('Only a planned or notified activity can be deferred')
      return ok
    case 'cancelled':
      // A deferred activity that will not happen is closed, not left deferred for ever.
      if (from !== 'planned' && from !== 'notified' && from !== 'deferred')
        return no('Only a planned, notified or deferred activity can be cancelled')
      return ok
    case 'planned':
      if (from !== 'deferred') return no('Only a deferred activity can be planned again')
      return ok
  }
}

/** The next step in the ordinary course, for the activity page's main button. */
export function nextStep(status: ActivityStatus): ActivityStatus | undefined {
  const order: ActivityStatus[] = ['planned', 'notified', 'on-site', 'judgements-agreed', 'report-stage', 'published']
  const index = order.indexOf(status)
  return index >= 0 && index < order.length - 1 ? order[index + 1] : undefined
}

/** The reasons the deferral form offers, in the words of 002#16; only the first two allow it (P6). */
export const DEFERRAL_REASON_LABELS: Readonly<Record<DeferralReason, string>> = {
  'risk-to-staff': 'Not deferring might put staff at risk (for example serious weather)',
  'evidence-gathering-severely-restricted':
    'Inspectors would be severely restricted in gathering evidence (for example a long power failure)',
  'dcs-absence': 'The DCS is absent',
  'staff-absence': 'Other staff are absent',
}

/**
 * The notice calls made for the activity as it is planned now: all of them, or, once it has
 * been re-planned after a deferral, those recorded since. A re-planned activity needs a new call
 * for its new dates (002#73), so a call made before it was deferred no longer counts.
 */
export function noticesOfCurrentPlan<N extends { readonly recordedAt: Date }>(
  notices: readonly N[],
  statusChanges: ReadonlyArray<{
    readonly fromStatus: string | null
    readonly toStatus: string
    readonly changedAt: Date
  }>,
): N[] {
  const replanned = statusChanges.filter((change) => change.fromStatus && change.toStatus === 'planned').at(-1)
  if (!replanned) return [...notices]
  return notices.filter((notice) => notice.recordedAt.getTime() >= replanned.changedAt.getTime())
}
