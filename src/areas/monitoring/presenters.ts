import { formatDate } from '../../rules/calendar/dates.js'
import { REINSPECTION_DECISION_INPUTS } from '../../rules/after-inadequate.js'
import {
  PROGRAMME_ANCHORS,
  type ProgrammeDeadlines,
  programmeDeadlines,
  reinspectionUrgency,
} from '../../rules/monitoring-programme.js'
import {
  ACTION_PLAN_WORKING_DAYS,
  actionPlanAfter,
  actionPlanningVisitAgendaDue,
  reinspectionKind,
} from '../../rules/after-inadequate.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { publicationPaths } from '../publications/index.js'
import type { JudgementRecord, VisitRecord } from '../register/index.js'
import {
  type Programme,
  type ProgrammeRecord,
  PROGRESS_LEVELS,
  RECOMMENDATION_KINDS,
  REINSPECTION_KINDS,
  REVIEW_OUTCOMES,
} from './types.js'

/** A planned monitoring visit or post-monitoring inspection of the LA, as the activities area lists it. */
export interface ProgrammeActivity {
  readonly id: string
  readonly type: string
  readonly onsiteStart: string
  /** Undefined for those who may not open the activity (the DfE case lead). */
  readonly href: string | undefined
  readonly title: string
  /** Its days on site and status, e.g. "On site 10 November 2026 to 11 November 2026; planned". */
  readonly detail: string
}

type Cell = { text: string } | { html: string }
const text = (value: string): Cell => ({ text: value })
const html = (value: string): Cell => ({ html: value })
const dated = (date: string | null | undefined, fallback = 'Not yet') => text(date ? formatDate(date) : fallback)
const tag = (label: string, colour: string) =>
  `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(label)}</strong>`

/** The deadlines of a programme, or undefined until one of its three dates is recorded. */
export function deadlinesOf(record: ProgrammeRecord): ProgrammeDeadlines | undefined {
  const first = record.plans[0]
  return programmeDeadlines(record.programme.dates, first ? { actionPlanSubmitted: first.submittedOn } : {})
}

/**
 * Every step of the programme with its statutory date (and rule), actual date and owner (issue
 * 12): the Ofsted letters and visit (001#9-18), the LA's plan and its review (001#19-22), the
 * monitoring visits (001#23, 002#128) and the re-inspection (001#49-54; 003).
 */
export function stepRows(record: ProgrammeRecord, activities: readonly ProgrammeActivity[], today: string): Cell[][] {
  const { programme, plans, reviews } = record
  const deadlines = deadlinesOf(record)
  const timeline = deadlines?.timeline
  const visits = activities.filter((activity) => activity.type === 'monitoring-visit')
  const reinspection = activities.find((activity) => activity.type === 'post-monitoring-inspection')
  const statutory = (words: string, rule: string, citation: string) =>
    html(`${escapeHtml(words)} ${ruleLink(rule, citation)}`)
  const late = (due: string | undefined, actual: string | null | undefined) =>
    due && !actual && today > due ? ` ${tag('Late', 'red')}` : ''
  const visitOn = programme.planningVisitOn
  const agendaDue = visitOn ? actionPlanningVisitAgendaDue(visitOn) : undefined
  const unknown = 'When the date the report was received is recorded'
  const latestUrgency = timeline ? reinspectionUrgency(timeline.reinspection.latest, today) : 'not-yet'
  return [
    [
      text('Programme opened'),
      statutory('When the inadequate judgement is given', 'M1', '001#4-5; 002#112'),
      dated(programme.openedOn),
      text('Regional director'),
    ],
    [
      text('Letter confirming the action planning visit'),
      statutory(
        deadlines ? `Once the LA has its report (${formatDate(deadlines.anchor.date)})` : unknown,
        'M2',
        '001#9; 002#118',
      ),
      html(
        `${escapeHtml(programme.letterSentOn ? formatDate(programme.letterSentOn) : 'Not yet')}${late(deadlines?.anchor.date, programme.letterSentOn)}`,
      ),
      text('Regional director'),
    ],
    [
      text('Action planning visit'),
      statutory(
        timeline
          ? `${formatDate(timeline.actionPlanningVisit.earliest)} to ${formatDate(timeline.actionPlanningVisit.latest)}`
          : unknown,
        'M2',
        '001#10',
      ),
      html(
        `${escapeHtml(visitOn ? `${visitOn <= today ? '' : 'Arranged for '}${formatDate(visitOn)}` : 'Not yet arranged')}${late(timeline?.actionPlanningVisit.latest, visitOn)}`,
      ),
      text('Lead inspector and senior HMI'),
    ],
    [
      text('Final agenda circulated'),
      statutory(agendaDue ? formatDate(agendaDue) : 'Five working days before the visit', 'M2', '001#14; 002#121'),
      html(
        `${escapeHtml(programme.agendaCirculatedOn ? formatDate(programme.agendaCirculatedOn) : 'Not yet')}${late(agendaDue, programme.agendaCirculatedOn)}`,
      ),
      text('Lead inspector'),
    ],
    [
      text('Record of the visit sent to the DCS'),
      statutory('After the visit', 'M2', '001#18, Annex C'),
      dated(programme.recordSentOn),
      text('Senior HMI'),
    ],
    [
      text('Action plan submitted'),
      statutory(
        timeline
          ? `${formatDate(timeline.actionPlanDue)} (${ACTION_PLAN_WORKING_DAYS} working days after the report)`
          : unknown,
        'M3',
        '001#19; 002#219',
      ),
      html(
        `${escapeHtml(plans[0] ? formatDate(plans[0].submittedOn) : 'Not yet')}${late(timeline?.actionPlanDue, plans[0]?.submittedOn)}`,
      ),
      text('Director of children’s services'),
    ],
    [
      text('Letter on the action plan'),
      statutory('As soon as possible after the plan arrives', 'M3', '001#20-21'),
      dated(reviews[0]?.letterSentOn),
      text('Regional director'),
    ],
    [
      text('First monitoring visit'),
      statutory(
        timeline ? `Usually by ${formatDate(timeline.firstMonitoringVisitBy)}` : unknown,
        'M4',
        '001#23; 002#128',
      ),
      dated(visits[0]?.onsiteStart, 'Not yet planned'),
      text('Lead monitoring inspector'),
    ],
    [
      text('Monitoring visits'),
      statutory('Four to six, about quarterly', 'M4', '002#22, #128'),
      text(`${visits.length} planned or held`),
      text('Lead monitoring inspector'),
    ],
    [
      text('Re-inspection decided and LA told'),
      statutory(
        timeline
          ? `After at least four monitoring visits, from about ${formatDate(timeline.reinspection.earliest)}`
          : unknown,
        'M6',
        '001#49-50',
      ),
      dated(programme.decision?.laToldOn ?? programme.decision?.decidedOn),
      text('Regional leadership team'),
    ],
    [
      text('Re-inspection'),
      statutory(
        timeline ? `Usually by ${formatDate(timeline.reinspection.latest)}` : unknown,
        'M6',
        '001#49; 003#The timing of the re-inspection',
      ),
      html(
        `${escapeHtml(reinspection ? formatDate(reinspection.onsiteStart) : 'Not yet')}${
          reinspection
            ? ''
            : latestUrgency === 'near'
              ? ` ${tag('Due soon', 'yellow')}`
              : latestUrgency === 'passed'
                ? ` ${tag('Late', 'red')}`
                : ''
        }`,
      ),
      text('Ofsted'),
    ],
  ]
}

/** The three dates, and each deadline with the day it counts from and the other readings (001#7, #49; 002#219; 000#10). */
export function dateRows(record: ProgrammeRecord) {
  const { dates } = record.programme
  return (Object.keys(PROGRAMME_ANCHORS) as (keyof typeof PROGRAMME_ANCHORS)[]).map((key) => ({
    key: { text: `The day ${PROGRAMME_ANCHORS[key].label}` },
    value: {
      html: `${escapeHtml(dates[key] ? formatDate(dates[key]) : 'Not recorded')} <span class="govuk-body-s">(${escapeHtml(PROGRAMME_ANCHORS[key].citation)})</span>`,
    },
  }))
}

export function deadlineRows(deadlines: ProgrammeDeadlines | undefined): Cell[][] {
  if (!deadlines) return []
  return deadlines.deadlines.map((deadline) => [
    html(`${escapeHtml(deadline.label)} ${ruleLink(deadline.rule, deadline.citation)}`),
    text(formatDate(deadline.date)),
    text(`The day ${PROGRAMME_ANCHORS[deadline.countsFrom].label}`),
    text(
      deadline.otherReadings.length
        ? deadline.otherReadings
            .map(
              (other) =>
                `${formatDate(other.date)} from the day ${PROGRAMME_ANCHORS[other.anchor].label} (${other.citation})`,
            )
            .join('; ')
        : 'None recorded',
    ),
  ])
}

/** The thread from each item to its outcome: the plan's actions against it, then progress seen (issue 12). */
export function threadRows(record: ProgrammeRecord, activityTitles: ReadonlyMap<string, string>): Cell[][] {
  const latest = record.plans.at(-1)
  return record.recommendations.map((item) => {
    const action = latest?.actions.find((candidate) => candidate.recommendationId === item.id)?.action
    const progress = record.progress.filter((entry) => entry.recommendationId === item.id)
    return [
      html(`<strong>${escapeHtml(item.ref)}</strong>`),
      text(`${RECOMMENDATION_KINDS[item.kind]}: ${item.text}`),
      text(action ? `${action} (plan version ${latest!.versionNumber})` : 'No action in the plan yet'),
      text(
        progress.length
          ? progress
              .map(
                (entry) =>
                  `${formatDate(entry.assessedOn)}${entry.activityId && activityTitles.get(entry.activityId) ? `, ${activityTitles.get(entry.activityId)}` : ''}: ${PROGRESS_LEVELS[entry.progress]}${entry.note ? ` – ${entry.note}` : ''}`,
              )
              .join('\n')
          : 'Not yet assessed',
      ),
    ]
  })
}

/** The plan's versions, newest first, with its reviews. */
export function planRows(record: ProgrammeRecord, fileHref: (versionNumber: number) => string): Cell[][] {
  return [...record.plans].reverse().map((plan) => {
    const reviews = record.reviews.filter((review) => review.planId === plan.id)
    return [
      text(`Version ${plan.versionNumber}`),
      text(formatDate(plan.submittedOn)),
      plan.file
        ? html(`<a class="govuk-link" href="${fileHref(plan.versionNumber)}">${escapeHtml(plan.file.name)}</a>`)
        : text('No file'),
      text(
        reviews.length
          ? reviews
              .map((review) => `${REVIEW_OUTCOMES[review.outcome]}, letter ${formatDate(review.letterSentOn)}`)
              .join('; ')
          : 'Not yet reviewed',
      ),
    ]
  })
}

/** The decision's five inputs (001#54) beside what was recorded. */
export function decisionRows(record: ProgrammeRecord) {
  const decision = record.programme.decision
  if (!decision) return []
  return REINSPECTION_DECISION_INPUTS.map((input, index) => ({
    key: { text: input.charAt(0).toUpperCase() + input.slice(1) },
    value: { text: decision.inputs[index] ?? '' },
  }))
}

const WHICH = { full: REINSPECTION_KINDS.full, 'post-monitoring-possible': 'A post-monitoring inspection may be used' }

/**
 * What the rules say from the programme's inadequate judgement itself: what the action plan
 * answers (M3, actionPlanAfter) and which re-inspection the key judgements point to (M7,
 * reinspectionKind), under 001#51's "all or most" (the answer) and 003's "all" (shown beside).
 * Advice for the regional leadership, who decide with the five inputs of 001#54.
 */
export function judgementAdvice(judgement: JudgementRecord | undefined) {
  if (!judgement) return undefined
  const grades = Object.entries(judgement.grades)
    .filter(([area]) => area !== 'overall')
    .map(([, grade]) => grade)
  const kind = reinspectionKind({ grades })
  const plan =
    judgement.activityType === 'standard-inspection' || judgement.activityType === 'short-inspection'
      ? actionPlanAfter(judgement.activityType)
      : actionPlanAfter('standard-inspection')
  return {
    plan: plan.what,
    kind: `${WHICH[kind.kind]}: ${kind.reasons.join('; ')}.`,
    otherReading:
      kind.readings.all === kind.readings.allOrMost
        ? undefined
        : `Reading "inadequate across all areas" (003#Next steps): ${WHICH[kind.readings.all].toLowerCase()}.`,
  }
}

/**
 * The programme's monitoring visits as the register holds them once their letters are sent, for
 * every role that sees the programme, the DfE too (issue 12): the visit's dates and its letter,
 * linked when published; the first letter of a set goes to the LA only (E8, 001#41).
 */
export function visitRows(visits: readonly VisitRecord[], programme: Programme) {
  return visits
    .filter(
      (visit) =>
        visit.visitType === 'monitoring-visit' &&
        // After the inadequate judgement's publication: a programme may be recorded after it began.
        visit.start >= (programme.dates.publication ?? programme.openedOn) &&
        (!programme.closedOn || visit.start <= programme.closedOn),
    )
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((visit) => [
      {
        text: `${formatDate(visit.start)}${visit.end && visit.end !== visit.start ? ` to ${formatDate(visit.end)}` : ''}`,
      },
      {
        html: !visit.publishedOn
          ? escapeHtml('Letter sent to the local authority, not published (the first letter of a set, 001#41)')
          : visit.publicationId
            ? `<a class="govuk-link" href="${publicationPaths.pdf.build({ publicationId: visit.publicationId })}">Letter published ${escapeHtml(formatDate(visit.publishedOn))} (PDF)</a>`
            : escapeHtml(`Letter published ${formatDate(visit.publishedOn)}`),
      },
    ])
}
