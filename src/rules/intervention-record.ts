/**
 * The DfE's intervention record (RULES.md G3, G4, G7): the steps of its lifecycle, the reporting
 * schedule a notice or direction sets, when the notice is published, and the board's rhythm.
 */
import { addDays, daysBetween, formatDate, type IsoDate } from './calendar/dates.js'
import type { Cited, Flag } from './types.js'

const AFTER_OFSTED = '004#What happens once Ofsted has left your council?'
const REINSPECTION = '004#Re-inspection and the continuous journey'
const FRAMEWORK = '004#Setting up your improvement framework'

/**
 * The steps of an intervention, in order (004 "What happens once Ofsted has left your council?",
 * "Re-inspection and the continuous journey"). A record ends lifted or escalated; an escalated
 * record is followed by a new one with the stronger instrument.
 */
export const INTERVENTION_STEPS = [
  {
    key: 'dfe-told',
    label: 'DfE told of the inadequate outcome',
    rule: 'G7',
    citation: '004#Introduction',
    hint: 'Before publication, about when the draft report goes to the authority for factual accuracy comments',
  },
  {
    key: 'case-lead-named',
    label: 'Case lead named',
    rule: 'G7',
    citation: AFTER_OFSTED,
    hint: 'The DfE Improvement and Interventions Unit names a case lead and discusses next steps',
  },
  {
    key: 'instrument-drafted',
    label: 'Notice or direction drafted',
    rule: 'G1',
    citation: '004#Forms of intervention',
    hint: 'For an improvement notice, the council is consulted on its content before it is final',
  },
  {
    key: 'issued-published',
    label: 'Issued and published',
    rule: 'G7',
    citation: AFTER_OFSTED,
    hint: 'Published on the day of the Ofsted report or as soon as possible after',
  },
  { key: 'in-force', label: 'In force', rule: 'G3', citation: FRAMEWORK, hint: 'Usually 12 to 18 months' },
  {
    key: 'reinspection',
    label: 'Re-inspected',
    rule: 'G4',
    citation: REINSPECTION,
    hint: 'About 2.5 years after the inspection that found services inadequate',
  },
  {
    key: 'lifted',
    label: 'Lifted',
    rule: 'G4',
    citation: REINSPECTION,
    hint: 'After requires improvement or better; for requires improvement, up to 12 months of support and supervision follow',
  },
  {
    key: 'escalated',
    label: 'Escalated',
    rule: 'G4',
    citation: REINSPECTION,
    hint: 'Still inadequate: a statutory direction, or a direction that another body performs the functions',
  },
] as const

export type InterventionStep = (typeof INTERVENTION_STEPS)[number]['key']

/** The steps that may be recorded after `current`: the next in order, and from re-inspection either end. */
export function nextSteps(current: InterventionStep | undefined): InterventionStep[] {
  if (current === 'lifted' || current === 'escalated') return []
  if (current === 'reinspection') return ['lifted', 'escalated']
  const index = current === undefined ? -1 : INTERVENTION_STEPS.findIndex((step) => step.key === current)
  const next = INTERVENTION_STEPS[index + 1]
  return next ? [next.key] : []
}

export type ReportState = 'received' | 'received-late' | 'overdue' | 'due-soon' | 'scheduled'

/** How soon a report counts as due soon. */
export const REPORT_DUE_SOON_DAYS = 14

/** "1 day", "2 days": the words of a count of days. */
const days = (count: number) => (count === 1 ? '1 day' : `${count} days`)

/**
 * Where a report of the reporting schedule stands on `today` (G3). The notice or direction sets
 * the schedule and the documents give no fixed dates, so each report has its own due date; a
 * report received after its due date was late, one not received by then is overdue.
 */
export function reportState(
  dueOn: IsoDate,
  receivedOn: IsoDate | null | undefined,
  today: IsoDate,
): Cited & { state: ReportState; label: string; daysLate?: number } {
  const cited = { rule: 'G3', citation: AFTER_OFSTED } as const
  if (receivedOn) {
    const late = daysBetween(dueOn, receivedOn)
    return late > 0
      ? {
          ...cited,
          state: 'received-late',
          label: `Received ${formatDate(receivedOn)}, ${days(late)} late`,
          daysLate: late,
        }
      : { ...cited, state: 'received', label: `Received ${formatDate(receivedOn)}` }
  }
  if (dueOn < today) {
    const late = daysBetween(dueOn, today)
    return { ...cited, state: 'overdue', label: `Late: due ${formatDate(dueOn)}, ${days(late)} ago`, daysLate: late }
  }
  if (dueOn <= addDays(today, REPORT_DUE_SOON_DAYS))
    return { ...cited, state: 'due-soon', label: `Due ${formatDate(dueOn)}` }
  return { ...cited, state: 'scheduled', label: `Due ${formatDate(dueOn)}` }
}

/**
 * Whether a notice or direction was published when the DfE intends (G7): on the day of the
 * Ofsted report or as soon as possible after. Published before the report is flagged (the report
 * is embargoed until then); after it, the gap is shown.
 */
export function publicationTiming(
  reportPublished: IsoDate,
  instrumentPublished: IsoDate,
): Cited & { flags: Flag[]; message: string } {
  const gap = daysBetween(reportPublished, instrumentPublished)
  const cited = { rule: 'G7', citation: AFTER_OFSTED } as const
  if (gap < 0)
    return {
      ...cited,
      message: `Published ${days(-gap)} before the Ofsted report`,
      flags: [
        {
          ...cited,
          message: 'Published before the Ofsted report, which is embargoed until its publication (004#Introduction)',
        },
      ],
    }
  return {
    ...cited,
    message: gap === 0 ? 'Published on the day of the Ofsted report' : `Published ${days(gap)} after the Ofsted report`,
    flags: [],
  }
}

/** Improvement boards meet monthly to six-weekly (G3): the longest gap before a meeting is late. */
const BOARD_MEETING_GAP_DAYS = 42

/**
 * When the board's next meeting is expected by (G3, 004#Setting up your improvement framework):
 * six weeks after the last, or after the board was set up when it has not met.
 */
export function nextBoardMeetingBy(
  lastMetOn: IsoDate | undefined,
  setUpOn: IsoDate,
  today: IsoDate,
): Cited & { by: IsoDate; late: boolean } {
  const by = addDays(lastMetOn ?? setUpOn, BOARD_MEETING_GAP_DAYS)
  return { rule: 'G3', citation: FRAMEWORK, by, late: by < today }
}
