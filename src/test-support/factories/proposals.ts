import { fieldworkFromMilestones } from '../../areas/programme/fieldwork.js'
import type { BookedActivity, CheckContext, Fieldwork, Proposal, ProposalCheck } from '../../areas/programme/types.js'
import type { HistoryEntry } from '../../rules/history.js'
import { type PathwayStatus, pathwayStatus } from '../../rules/pathways.js'

/**
 * Proposals, planned activities and check contexts for the planner's pure checks (issue 6,
 * 002#7-24), on real calendar dates: a standard inspection of Kent from Monday 1 March 2027
 * unless the test says otherwise.
 */

// Every LA below last had a judgement published on Monday 1 July 2024, so its next judgement
// inspection is due from 1 January 2027 to 1 January 2028 (P8: three years after publication,
// six months either side, 002#13).
const TODAY = '2026-11-23'
/** The pathway of an LA judged `overall` on 1 July 2024 (and anything else in `extra`), seen on 23 November 2026. */
export function pathwayOf(
  overall: 'good' | 'requires-improvement' | 'inadequate',
  extra: HistoryEntry[] = [],
): PathwayStatus {
  const outcome = pathwayStatus([{ published: '2024-07-01', type: 'standard-inspection', overall }, ...extra], TODAY)
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.status
}
export const PATHWAY_1 = pathwayOf('good')
export const PATHWAY_2 = pathwayOf('requires-improvement')
export const PATHWAY_3 = pathwayOf('inadequate')
// Judged requires improvement on 5 January 2026: nothing is due until July 2028, so a focused visit is the usual choice (002#9).
export const RECENT = (() => {
  const outcome = pathwayStatus(
    [{ published: '2026-01-05', type: 'standard-inspection', overall: 'requires-improvement' }],
    TODAY,
  )
  if (!outcome.ok) throw new Error(outcome.reason)
  return outcome.status
})()

/** A lead inspector and a team inspector for proposals. */
export const ALEX = { userId: 'alex', name: 'Alex Inspector', lead: true }
export const SAM = { userId: 'sam', name: 'Sam Inspector', lead: false }

/** A standard inspection of Kent from Monday 1 March 2027, with no inspectors named, unless overridden. */
export function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    laCode: '886',
    laName: 'Kent',
    type: 'standard-inspection',
    variant: null,
    onsiteStart: '2027-03-01',
    inspectors: [],
    ...overrides,
  }
}

/** A planned activity on real dates: the fieldwork of a standard inspection, short inspection or focused visit. */
export function booked(
  id: string,
  overrides: Partial<BookedActivity> & {
    onsiteStart: string
    onsiteEnd?: string
    notice?: string
    team?: Array<{ userId: string; days?: string[] }>
  },
): BookedActivity {
  const type = overrides.type ?? 'focused-visit'
  const onsiteEnd = overrides.onsiteEnd ?? overrides.onsiteStart
  const notice = overrides.notice ?? overrides.onsiteStart
  const fieldwork: Fieldwork = fieldworkFromMilestones(overrides.onsiteStart, [
    { key: 'notice', date: notice },
    { key: 'onsite.end', date: onsiteEnd },
  ])
  return {
    id,
    reference: overrides.reference ?? `${overrides.laCode ?? '886'}-${id}`,
    laCode: overrides.laCode ?? '886',
    laName: overrides.laName ?? 'Kent',
    type,
    status: overrides.status ?? 'planned',
    fieldwork,
    onsite: (overrides.team ?? []).map((member) => ({
      userId: member.userId,
      name: member.userId,
      days: member.days ?? fieldwork.onsiteDays,
    })),
  }
}

/** The checks' context: pathway 2, an empty programme, no leave and a weekly limit of one, unless overridden. */
export function context(overrides: Partial<CheckContext> = {}): CheckContext {
  return { pathway: PATHWAY_2, activities: [], leave: [], weeklyLimit: 1, ...overrides }
}

/** Each check as `severity rule`, for comparing lists of checks. */
export const summary = (checks: readonly ProposalCheck[]) => checks.map((check) => `${check.severity} ${check.rule}`)

// A focused visit of Kent, Tuesday 2 to Wednesday 3 March 2027 (notice Tuesday 23 February).
export const KENT_FV_MARCH = (id: string, extra: Partial<Parameters<typeof booked>[1]> = {}) =>
  booked(id, { onsiteStart: '2027-03-02', onsiteEnd: '2027-03-03', notice: '2027-02-23', ...extra })
// A standard inspection of Medway, Monday 1 to Friday 12 March 2027 (notice Monday 22 February).
export const MEDWAY_SI_MARCH = (team: Array<{ userId: string; days?: string[] }>) =>
  booked('medway-si', {
    laCode: '887',
    laName: 'Medway',
    type: 'standard-inspection',
    onsiteStart: '2027-03-01',
    onsiteEnd: '2027-03-12',
    notice: '2027-02-22',
    team,
  })
