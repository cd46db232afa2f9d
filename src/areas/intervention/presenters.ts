import type { Person } from '../../auth/people.js'
import { formatDate } from '../../rules/calendar/dates.js'
import {
  ADM_ACTION_PLAN,
  IMPROVEMENT_BOARD,
  INTERVENTION_FORMS,
  inspectionIsOf,
  reinspectionAbout,
} from '../../rules/intervention.js'
import {
  INTERVENTION_STEPS,
  publicationTiming,
  reportState,
  nextBoardMeetingBy,
} from '../../rules/intervention-record.js'
import type { Trigger } from '../../rules/intervention-triggers.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { interventionPaths } from './paths.js'
import {
  type InterventionRecord,
  type Instrument,
  REPORT_SOURCES,
  type ScheduledReport,
  type InterventionStep,
} from './types.js'

/** Shape intervention records for GOV.UK macros (STYLE.md: presenters are plain functions); HTML escapes what users typed. */

const tag = (text: string, colour: string) =>
  `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`
const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')
const row = (key: string, html: string) => ({ key: { text: key }, value: { html } })

export const formName = (form: string) => INTERVENTION_FORMS.find((f) => f.key === form)?.name ?? form
export const stepLabel = (step: InterventionStep) => INTERVENTION_STEPS.find((s) => s.key === step)?.label ?? step

const REPORT_TAGS = {
  received: 'green',
  'received-late': 'yellow',
  overdue: 'red',
  'due-soon': 'orange',
  scheduled: 'grey',
} as const

/** The record's summary: where it stands, who leads it, and the support after lifting (G4). */
export function summaryRows(record: InterventionRecord, caseLead: Person | undefined, laName: string) {
  const { intervention } = record
  const ended = intervention.step === 'lifted' || intervention.step === 'escalated'
  return [
    row('Local authority', escapeHtml(laName)),
    row('Step', `${tag(stepLabel(intervention.step), ended ? 'grey' : 'blue')}`),
    row('Opened', escapeHtml(formatDate(intervention.openedOn))),
    row(
      'Inadequate judgement answered',
      intervention.inadequatePublishedOn
        ? `Published ${escapeHtml(formatDate(intervention.inadequatePublishedOn))}; re-inspection expected about ${escapeHtml(formatDate(reinspectionAbout(intervention.inadequatePublishedOn)))} ${ruleLink('G4', '004#Re-inspection and the continuous journey')}`
        : 'None recorded',
    ),
    row('Case lead', caseLead ? escapeHtml(caseLead.displayName) : 'Not named yet'),
    ...(intervention.closedOn
      ? [row(intervention.step === 'lifted' ? 'Lifted' : 'Escalated', escapeHtml(formatDate(intervention.closedOn)))]
      : []),
    ...(intervention.supportUntil
      ? [
          row(
            'DfE support and supervision until',
            `${escapeHtml(formatDate(intervention.supportUntil))} ${ruleLink('G4', '004#Re-inspection and the continuous journey')}`,
          ),
        ]
      : []),
  ]
}

/** The lifecycle as a table: each step done with its date and note, then the steps to come with their rule. */
export function stepRows(record: InterventionRecord) {
  const done = record.steps.map((step) => [
    { text: stepLabel(step.step) },
    { text: formatDate(step.happenedOn) },
    { text: step.note || '–' },
  ])
  const reached = new Set(record.steps.map((step) => step.step))
  const ended = record.intervention.step === 'lifted' || record.intervention.step === 'escalated'
  const toCome = ended
    ? []
    : INTERVENTION_STEPS.filter((step) => !reached.has(step.key)).map((step) => [
        { text: step.label },
        { html: tag('To come', 'grey') },
        { html: `${escapeHtml(step.hint)} ${ruleLink(step.rule, step.citation)}` },
      ])
  return [...done, ...toCome]
}

/** A notice or direction as a summary card's rows (G1), with its publication timing (G7). */
export function instrumentRows(instrument: Instrument, inadequatePublishedOn: string | null) {
  const timing =
    instrument.publishedOn && inadequatePublishedOn
      ? publicationTiming(inadequatePublishedOn, instrument.publishedOn)
      : undefined
  return [
    row('Issued by', escapeHtml(instrument.issuer)),
    ...(instrument.consultedOn ? [row('Council consulted', escapeHtml(formatDate(instrument.consultedOn)))] : []),
    row('Issued', escapeHtml(formatDate(instrument.issuedOn))),
    row(
      'Published',
      instrument.publishedOn
        ? `${escapeHtml(formatDate(instrument.publishedOn))}${timing ? `<br><span class="govuk-hint">${escapeHtml(timing.message)}</span> ${ruleLink(timing.rule, timing.citation)}` : ''}${timing?.flags.map((flag) => `<br>${tag('Check', 'yellow')} ${escapeHtml(flag.message)}`).join('') ?? ''}`
        : 'Not yet published',
    ),
    ...(instrument.basis ? [row('On what basis', multiline(instrument.basis))] : []),
    row('Areas of improvement', multiline(instrument.areasOfImprovement)),
    row('What must improve', multiline(instrument.improvementsRequired)),
    row(
      'How and when it is assessed',
      `${multiline(instrument.assessment)}${instrument.assessBy ? `<br>By ${escapeHtml(formatDate(instrument.assessBy))}` : ''}`,
    ),
    row('If improvement is not achieved', multiline(instrument.ifNotAchieved)),
    ...(instrument.form === 'contract-out-or-transfer' ? alternativeDeliveryRows() : []),
  ]
}

/**
 * Where functions are contracted out or transferred (G5, 002#227-237): whose inspection it is and
 * who drafts which part of the action plan. Decision: the record does not hold which subsection of
 * section 497A the direction uses, so both answers are shown.
 */
function alternativeDeliveryRows() {
  const [agent, nominee] = [inspectionIsOf('s497A(4)'), inspectionIsOf('s497A(4A)')]
  return [
    row(
      'Whose inspection it is',
      `Under section 497A(4): ${escapeHtml(agent.inspected)} ${ruleLink(agent.rule, agent.citation)}<br>Under section 497A(4A): ${escapeHtml(nominee.inspected)} ${ruleLink(nominee.rule, nominee.citation)}`,
    ),
    row(
      'Action plan after an inspection',
      `The local authority: ${escapeHtml(ADM_ACTION_PLAN.localAuthority)}.<br>The trust: ${escapeHtml(ADM_ACTION_PLAN.trust)}. Disagreements ${escapeHtml(ADM_ACTION_PLAN.disagreements)}; ${escapeHtml(ADM_ACTION_PLAN.directedTrust)} ${ruleLink('G5', '002#236-237')}`,
    ),
  ]
}

/** The board form's guidance and its adviser or commissioner choices (G3, 004#Setting up your improvement framework). */
export function boardFormView(adviserKind: string) {
  const { meets, usualDurationMonths, chair, members, reportsToDfE } = IMPROVEMENT_BOARD
  return {
    guide: `The board governs the delivery of the improvement plan. It meets ${meets}, usually for ${usualDurationMonths.from} to ${usualDurationMonths.to} months (the duration of the notice or direction); its chair is ${chair}. Its members: ${members.join(', ')}. Reports to the DfE come from ${reportsToDfE}.`,
    adviserItems: [
      { value: 'none', text: 'None named yet' },
      { value: 'adviser', text: 'DfE social care adviser' },
      { value: 'commissioner', text: 'Commissioner' },
    ].map((item) => ({ ...item, checked: adviserKind === item.value })),
  }
}

/** The board's rows (G3): chair, members, adviser or commissioner, and when it should next meet. */
export function boardRows(record: InterventionRecord, today: string) {
  const { board, meetings } = record
  if (!board) return []
  const next = nextBoardMeetingBy(meetings.at(-1)?.metOn, board.setUpOn, today)
  return [
    row('Chair', `${escapeHtml(board.chairName)}${board.chairIndependent ? ' (independent)' : ''}`),
    row('Members', board.members ? multiline(board.members) : 'Not recorded'),
    row('Set up', escapeHtml(formatDate(board.setUpOn))),
    row(
      'Adviser or commissioner',
      board.adviserKind && board.adviserName
        ? `${escapeHtml(board.adviserName)} (${board.adviserKind === 'commissioner' ? 'commissioner' : 'DfE social care adviser'})`
        : 'None named',
    ),
    row(
      'Next meeting expected by',
      `${next.late ? tag('Late', 'red') + ' ' : ''}${escapeHtml(formatDate(next.by))}: boards meet monthly to six-weekly ${ruleLink(next.rule, next.citation)}`,
    ),
  ]
}

export function meetingRows(record: InterventionRecord) {
  const interventionId = record.intervention.id
  return record.meetings.map((meeting) => [
    { text: formatDate(meeting.metOn) },
    { text: meeting.summary || '–' },
    {
      html: meeting.minutes
        ? `<a class="govuk-link" href="${interventionPaths.minutes.build({ interventionId, boardMeetingId: meeting.id })}">${escapeHtml(meeting.minutes.name)}</a>`
        : 'No minutes uploaded',
    },
  ])
}

/** Where a report stands (G3): received, late, due soon or scheduled. */
export function reportStatus(report: ScheduledReport, today: string) {
  return reportState(report.dueOn, report.receivedOn, today)
}

export function reportRows(record: InterventionRecord, today: string) {
  const interventionId = record.intervention.id
  return record.reports.map((report) => {
    const state = reportStatus(report, today)
    return {
      id: report.id,
      received: Boolean(report.receivedOn),
      receiveHref: interventionPaths.receiveReport.build({ interventionId, reportId: report.id }),
      title: report.title,
      cells: [
        { text: report.title },
        { text: REPORT_SOURCES[report.dueFrom] },
        { text: formatDate(report.dueOn) },
        {
          html: `${tag(state.state === 'overdue' ? 'Late' : state.state === 'received-late' ? 'Received late' : state.state === 'received' ? 'Received' : state.state === 'due-soon' ? 'Due soon' : 'Scheduled', REPORT_TAGS[state.state])} ${escapeHtml(state.label)}${
            report.document
              ? `<br><a class="govuk-link" href="${interventionPaths.reportFile.build({ interventionId, reportId: report.id })}">${escapeHtml(report.document.name)}</a>`
              : ''
          }`,
        },
      ],
    }
  })
}

/** A trigger as a summary card: whether it applies, why, and its rule (G2, G7, M3, M4). */
export function triggerCard(trigger: Trigger) {
  const rows = [
    row('Applies now', trigger.active ? tag('Yes', 'red') : tag('No', 'grey')),
    row('Why', `${escapeHtml(trigger.detail)} ${ruleLink(trigger.rule, trigger.citation)}`),
    ...trigger.flags.map((flag) =>
      row('Check', `${tag('Check', 'yellow')} ${escapeHtml(flag.message)} ${ruleLink(flag.rule, flag.citation)}`),
    ),
  ]
  const fiveYears = trigger.fiveYears
  const readings = fiveYears?.byPublication.pair
    ? [fiveYears.byPublication, fiveYears.byFieldwork]
        .flatMap((reading) => (reading ? [reading] : []))
        .map((reading) => [
          { text: reading.basis === 'publication' ? 'Publication dates' : 'Fieldwork start dates' },
          {
            text: reading.dates ? `${formatDate(reading.dates[0])} and ${formatDate(reading.dates[1])}` : '–',
          },
          { text: reading.yearsApart === undefined ? '–' : `${reading.yearsApart} years` },
          {
            html: reading.commissionerRequired ? tag('Within five years', 'red') : tag('More than five years', 'grey'),
          },
        ])
    : []
  const milestones = (trigger.active ? (trigger.milestones ?? []) : []).map((milestone) => [
    { text: milestone.label },
    { text: formatDate(milestone.date) },
    { html: ruleLink(milestone.rule, milestone.citation) },
  ])
  return { title: trigger.title, active: trigger.active, rows, readings, milestones }
}
