/**
 * Shapes shared by every rule: a value that names the rule that produced it. Every computed
 * date is a `Milestone` carrying its rule id and citation (e.g. `S4`, `002#242`), and an
 * expected refusal is a `Refusal` value, not an exception (STYLE.md §3).
 */
import type { IsoDate } from './calendar/dates.js'

/** The rule ids of RULES.md, one per rulebook entry. */
export const RULE_IDS = [
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'P8',
  'O1',
  'O2',
  'S1',
  'S2',
  'S3',
  'S4',
  'S5',
  'S6',
  'S7',
  'S8',
  'S9',
  'E1',
  'E2',
  'E3',
  'E4',
  'E5',
  'E6',
  'E7',
  'E8',
  'E9',
  'E10',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
  'M7',
  'M8',
  'M9',
  'M10',
  'I1',
  'I2',
  'I3',
  'I4',
  'I5',
  'I6',
  'G1',
  'G2',
  'G3',
  'G4',
  'G5',
  'G6',
  'G7',
] as const

/** A rule id from RULES.md, e.g. `C2`. */
export type RuleId = (typeof RULE_IDS)[number]

/** Anything that names its rule and where the rule comes from (`002#242`, `002#73 fn18`). */
export interface Cited {
  rule: RuleId
  citation: string
}

/** Another reading of an ambiguous source, shown beside the one we chose. */
export interface Alternative extends Cited {
  reading: string
  date: IsoDate
}

/** A dated step of a timeline. `until` closes a span (e.g. days on site). */
export interface Milestone extends Cited {
  key: string
  label: string
  date: IsoDate
  until?: IsoDate
  time?: string
  alternatives?: Alternative[]
}

/** Something a check found that a person should look at; not a refusal. */
export interface Flag extends Cited {
  message: string
}

/** An input the rules refuse, with the reason and where the rule comes from. */
export interface Refusal extends Cited {
  ok: false
  reason: string
}

/** A rule's answer: the value, or a refusal. */
export type Outcome<T> = ({ ok: true } & T) | Refusal

/** Build a refusal. */
export function refuse(rule: RuleId, citation: string, reason: string): Refusal {
  return { ok: false, rule, citation, reason }
}

/** The activity types that have a timeline (002#1, 001 section two, 000#42). */
export const ACTIVITY_TYPES = [
  'standard-inspection',
  'short-inspection',
  'focused-visit',
  'monitoring-visit',
  'post-monitoring-inspection',
  'progress-inspection-2015',
] as const

/** One of `ACTIVITY_TYPES`. */
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** The names the guidance uses, for labels and messages. */
export const ACTIVITY_NAMES: Record<ActivityType, string> = {
  'standard-inspection': 'standard inspection',
  'short-inspection': 'short inspection',
  'focused-visit': 'focused visit',
  'monitoring-visit': 'monitoring visit',
  'post-monitoring-inspection': 'post-monitoring single inspection',
  'progress-inspection-2015': 'progress inspection (2015 improvement offer)',
}
