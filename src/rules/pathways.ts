/**
 * Pathways and proportionate timing (RULES.md P1–P8), from an authority's judgement history.
 *
 * - P1 good or outstanding → pathway 1: a short inspection about three years after the previous
 *   one, usually one focused visit or JTAI between (002#17-18); the 002#24 table says "up to
 *   two focused visits" — both are shown.
 * - P2 requires improvement → pathway 2: a standard inspection about three years after, up to two
 *   focused visits between, a JTAI may replace one (002#20-21).
 * - P3 inadequate → pathway 3: monitoring visits (usually four to six) then re-inspection, usually
 *   under the framework that judged it inadequate (002#22-23, fn4).
 * - P4/P8 standard and short inspections fall within six months either side of the three-year
 *   anniversary (002#13); intelligence of significant deterioration may bring a standard
 *   inspection forward for a pathway 1 authority (002#19).
 * - P5 a new judgement moves the authority to the pathway of its new overall grade (002#17, #20,
 *   #23).
 */
import { addMonths, type IsoDate } from './calendar/dates.js'
import { afterInadequate } from './after-inadequate.js'
import { latestJudgement, type HistoryEntry, type HistoryType, type Judgement } from './history.js'
import type { Grade } from './judgements.js'
import type { Cited, Flag, Outcome } from './types.js'
import { refuse } from './types.js'

/** Pathway 1, 2 or 3 (002#17-23). */
export type Pathway = 1 | 2 | 3

/** The pathway of an overall effectiveness grade (P1–P3, P5). */
function pathwayFor(overall: Grade): Pathway {
  if (overall === 'inadequate') return 3
  return overall === 'requires-improvement' ? 2 : 1
}

/**
 * The due window of the next standard or short inspection (P4, P8; 002#13): six months either
 * side of the three-year anniversary of `previous`.
 *
 * Decision P8: the anchor is not defined (the previous inspection's fieldwork or publication);
 * we use the previous judgement's publication date. Month arithmetic clamps to the month end
 * (29 February + 3 years = 28 February).
 *
 * Reading (issue 14): the window is six months either side of the anniversary, so it is counted
 * from the clamped anniversary, not as 30 and 42 months from publication (which gave 29 August
 * for a 29 February publication while the anniversary was 28 February): published 29 February
 * 2020, anniversary 28 February 2023, window 28 August 2022 to 28 August 2023.
 */
function dueWindow(previous: IsoDate): { anniversary: IsoDate; from: IsoDate; to: IsoDate } {
  const anniversary = addMonths(previous, 36)
  return { anniversary, from: addMonths(anniversary, -6), to: addMonths(anniversary, 6) }
}

/** The next judgement inspection. */
export interface NextInspection extends Cited {
  type: HistoryType
  from: IsoDate
  to: IsoDate
  /** Other types the rules allow in some circumstances. */
  alternatives: (Cited & { type: HistoryType; when: string })[]
}

/** How many focused visits may fall before the next judgement inspection. */
export interface FocusedVisitAllowance extends Cited {
  max: number
  used: number
  remaining: number
  /** A conflicting reading (P1: the 002#24 table's "up to two"). */
  conflict?: Cited & { max: number; message: string }
}

/** An authority's pathway on a date. */
export interface PathwayStatus {
  pathway: Pathway
  latest: Judgement
  next: NextInspection
  focusedVisits: FocusedVisitAllowance
  overdue: (Cited & { what: string; due: IsoDate })[]
  flags: Flag[]
}

/** Focused visits allowed between judgement inspections, by pathway (P1, P2, P7). */
function focusedVisitAllowance(pathway: Pathway, used: number): FocusedVisitAllowance {
  if (pathway === 1) {
    return {
      rule: 'P1',
      citation: '002#18',
      max: 1,
      used,
      remaining: Math.max(0, 1 - used),
      conflict: {
        rule: 'P1',
        citation: '002#24',
        max: 2,
        message:
          'The 002#24 table allows up to two focused visits between inspections for good or outstanding authorities; 002#18 says usually one focused visit or a JTAI',
      },
    }
  }
  if (pathway === 2) return { rule: 'P2', citation: '002#21, #24', max: 2, used, remaining: Math.max(0, 2 - used) }
  return { rule: 'P3', citation: '002#22, #24', max: 0, used, remaining: 0 }
}

/**
 * The next judgement inspection after `latest` (P1–P4, P8; P3 with M4–M6 for pathway 3).
 *
 * Decision (P3): for an inadequate authority the window runs from the earliest to the latest
 * re-inspection of the 2017 arrangements (M6), taking the publication date as the day the report
 * was received ("the effective date of publication", 000#24).
 */
function nextInspection(latest: Judgement): NextInspection {
  const pathway = pathwayFor(latest.overall)
  if (pathway === 3) {
    const after = afterInadequate(latest.published)
    const sif = latest.framework === 'sif'
    return {
      rule: 'P3',
      citation: '002#22 fn4; 003#The timing of the re-inspection',
      type: sif ? 'sif-inspection' : 'standard-inspection',
      from: after.reinspection.earliest,
      to: after.reinspection.latest,
      alternatives: sif
        ? [
            {
              rule: 'M7',
              citation: '001#51-52',
              type: 'post-monitoring-inspection',
              when: 'inadequacy is less widespread (not all or most judgement areas) and progress gives no concern',
            },
          ]
        : [],
    }
  }
  const window = dueWindow(latest.published)
  if (pathway === 1) {
    return {
      rule: 'P1',
      citation: '002#13, #17',
      type: 'short-inspection',
      from: window.from,
      to: window.to,
      alternatives: [
        {
          rule: 'P4',
          citation: '002#19',
          type: 'standard-inspection',
          when: 'intelligence suggests a significant deterioration in performance',
        },
      ],
    }
  }
  return {
    rule: 'P2',
    citation: '002#13, #20',
    type: 'standard-inspection',
    from: window.from,
    to: window.to,
    alternatives: [],
  }
}

/**
 * An authority's pathway, next inspection and focused-visit allowance on `on`, from its history
 * (P1–P5, P7, P8). Refused when no graded judgement was published by then.
 */
export function pathwayStatus(history: readonly HistoryEntry[], on: IsoDate): Outcome<{ status: PathwayStatus }> {
  const latest = latestJudgement(history, on)
  if (!latest) return refuse('P5', '002#17, #20, #23', `no graded judgement was published on or before ${on}`)
  const pathway = pathwayFor(latest.overall)
  const next = nextInspection(latest)
  // A JTAI takes the place of a focused visit (002#18 "one focused visit or a JTAI", #21 and the
  // 002#24 table "would replace a focused visit"), so it counts against the same allowance.
  const used = history.filter(
    (entry) =>
      (entry.type === 'focused-visit' || entry.type === 'jtai') &&
      entry.published > latest.published &&
      entry.published <= on,
  ).length
  const focusedVisits = focusedVisitAllowance(pathway, used)
  const overdue: PathwayStatus['overdue'] = []
  if (on > next.to) {
    overdue.push({
      rule: next.rule,
      citation: next.citation,
      what:
        pathway === 3 ? 're-inspection' : next.type === 'short-inspection' ? 'short inspection' : 'standard inspection',
      due: next.to,
    })
  }
  const flags: Flag[] = []
  if (pathway === 1 && used > focusedVisits.max && used <= 2) {
    flags.push({
      rule: 'P1',
      citation: '002#18, #24',
      message: `${used} focused visits since the last judgement: more than the usual one (002#18), within the table’s two (002#24)`,
    })
  } else if (used > focusedVisits.max) {
    flags.push({
      rule: focusedVisits.rule,
      citation: focusedVisits.citation,
      message: `${used} focused visits since the last judgement; the pathway allows ${focusedVisits.max}`,
    })
  }
  return { ok: true, status: { pathway, latest, next, focusedVisits, overdue, flags } }
}

/** Why an inspection or visit may be deferred (P6, 002#16). */
export type DeferralReason =
  'risk-to-staff' | 'evidence-gathering-severely-restricted' | 'dcs-absence' | 'staff-absence'

/**
 * Whether a reason allows deferral (P6, 002#16): only a strong case that not deferring might put
 * staff at risk, or that inspectors are severely restricted in gathering secure evidence (e.g.
 * serious weather, a prolonged power failure, a serious incident); staff absence, including the
 * DCS's, is not a reason.
 */
export function deferralAllowed(reason: DeferralReason): Cited & { allowed: boolean; message: string } {
  const allowed = reason === 'risk-to-staff' || reason === 'evidence-gathering-severely-restricted'
  return {
    rule: 'P6',
    citation: '002#16',
    allowed,
    message: allowed
      ? 'May be deferred if there is a strong case'
      : 'Staff absence, including the absence of the DCS, is not a reason for deferral',
  }
}

/** The range of inspection activity by grade (P7, the 002#24 table). */
export const ACTIVITIES_BY_GRADE: Record<
  'inadequate' | 'requires-improvement' | 'good-or-outstanding',
  readonly string[]
> = {
  inadequate: [
    'Quarterly monitoring visits',
    'SIF or post-monitoring SIF',
    'Shared self-evaluation',
    'Annual engagement meeting',
  ],
  'requires-improvement': [
    'Standard inspection (once in a three year period)',
    'Up to two focused visits in between inspections',
    'Possible JTAI (would replace a focused visit)',
    'Shared self-evaluation',
    'Annual engagement meeting',
  ],
  'good-or-outstanding': [
    'Short inspection (once in a three year period)',
    'Up to two focused visits in between inspections',
    'Possible JTAI (would replace a focused visit)',
    'Shared self-evaluation',
    'Annual engagement meeting',
  ],
}
