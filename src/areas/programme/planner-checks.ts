/**
 * What the planner checks, as /programme/checks explains it: the planner's own decisions where
 * the guidance sets no rule (PC1-PC4), and the rules core's checks it runs with the severity it
 * gives each (002#7-24).
 */
import type { RuleId } from '../../rules/types.js'

/** The planner's own checks: decisions where the guidance sets no rule, shown on /programme/checks. */
export const PLANNER_CHECKS = {
  PC1: {
    title: 'One activity at a time in a local authority',
    citation: '002#73-74, #242',
    severity: 'error',
    statement:
      'An activity occupies its local authority from the notice day to the last day of fieldwork: the notice call, the Annex A request and its deadlines (002#73-74, #242) and the fieldwork. Two activities of one authority whose periods share a day clash.',
    decision:
      'The guidance does not say how close two activities in one authority may be. We refuse an overlap of notice-to-fieldwork periods (an error), because the authority would be answering two Annex A requests and hosting two teams at once. Cancelled and deferred activities do not count.',
  },
  PC2: {
    title: 'Inspector capacity: on-site activities per week',
    citation: 'Planner decision',
    severity: 'warning',
    statement:
      'Each inspector takes part in at most a set number of on-site activities in a week (Monday to Sunday). The national director sets the number; it starts at one.',
    decision:
      'The guidance sets no limit. We count the activities on whose fieldwork days an inspector is on the team (lead, team, regulatory, schools or shadowing inspector; QA managers and senior HMI overseeing the team are not on site). Going over the limit is a warning the director may confirm, not a refusal: a heavy week can be a deliberate choice.',
  },
  PC3: {
    title: 'Inspectors on leave',
    citation: 'Planner decision',
    severity: 'error',
    statement:
      'An inspector on leave on a day of fieldwork cannot be on the team. The lead inspector makes the notice call (002#73), so the lead on leave on the notice day is a warning.',
    decision:
      'Leave is recorded as date ranges only, never the reason. Leave on a fieldwork day is an error; the lead inspector on leave on the notice day is a warning (someone else may make the call).',
  },
  PC4: {
    title: 'No inspector in two places at once',
    citation: 'Planner decision',
    severity: 'error',
    statement: 'An inspector cannot be on site at two activities on the same day.',
    decision:
      'We compare the days each inspector is on site: their team days where the team page records them, otherwise every working day of fieldwork. A shared day is an error.',
  },
} as const

export type PlannerCheckId = keyof typeof PLANNER_CHECKS

/** The rules core's checks the planner runs, with the severity it gives each (shown on /programme/checks). */
export const CORE_CHECKS: ReadonlyArray<{ rule: RuleId; citation: string; severity: string; what: string }> = [
  {
    rule: 'C5',
    citation: '002#52-55, #103',
    severity: 'Error',
    what: 'The first day on site is not a working day, or not the weekday the schedule needs (Monday for inspections, Tuesday for focused visits, Wednesday for the Wednesday–Thursday variant); refused by the rules core’s timeline.',
  },
  {
    rule: 'C3',
    citation: '002#14',
    severity: 'Warning',
    what: 'The activity would begin (notice day or first day on site) over Christmas and New Year, or be on site in August, when only planned monitoring visits and focused visits by agreement take place. “Usually” makes these warnings.',
  },
  {
    rule: 'S2',
    citation: '002#52-55, #103',
    severity: 'Warning',
    what: 'A bank holiday moves a day of the schedule off the weekday its table names.',
  },
  {
    rule: 'P4',
    citation: '002#13, #19',
    severity: 'Warning',
    what: 'A standard or short inspection outside its due window (six months either side of the three-year anniversary, P8). A standard inspection for a pathway 1 authority is a warning with the note that 002#19 allows it on intelligence of significant deterioration, and allows it earlier.',
  },
  {
    rule: 'P4',
    citation: '002#9',
    severity: 'Warning',
    what: 'A focused visit while the next judgement inspection is due: a focused visit is usually chosen when it is not.',
  },
  {
    rule: 'P2',
    citation: '002#20',
    severity: 'Error',
    what: 'A short inspection for a pathway 2 (requires improvement) authority, which receives a standard inspection.',
  },
  {
    rule: 'P3',
    citation: '002#22-23',
    severity: 'Error',
    what: 'A short inspection or a focused visit for a pathway 3 (inadequate) authority, which receives monitoring visits and then a re-inspection.',
  },
  {
    rule: 'P1',
    citation: '002#18, #24',
    severity: 'Warning, then error',
    what: 'Focused visits for pathway 1: a second one is a warning (002#18 says usually one), a third an error (the 002#24 table says up to two). Both readings are shown.',
  },
  {
    rule: 'P2',
    citation: '002#21, #24',
    severity: 'Error',
    what: 'A third focused visit for a pathway 2 authority (up to two between inspections).',
  },
  {
    rule: 'P7',
    citation: '002#24',
    severity: 'Warning',
    what: 'A second standard or short inspection planned in the same cycle (one in a three-year period).',
  },
  {
    rule: 'P5',
    citation: '002#17, #20, #23',
    severity: 'Warning',
    what: 'No graded judgement is recorded, so the pathway checks cannot run.',
  },
]

export function isPlannerCheck(rule: string): rule is PlannerCheckId {
  return rule in PLANNER_CHECKS
}
