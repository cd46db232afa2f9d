/**
 * Shape the planner's data for GOV.UK macros (tables, summary lists, tags). HTML built here
 * escapes every value with `escapeHtml`.
 */
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { monthsOutsideWindow } from '../../rules/drift.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink, withCitationLinks } from '../../web/rule-links.js'
import { activityPaths, isStatus, STATUS_LABELS, STATUS_TAGS, TYPE_LABELS } from '../activities/index.js'
import { registerPaths } from '../register/index.js'
import { barChart, CHART_COLOURS } from './chart.presenters.js'
import { programmePaths } from './paths.js'
import type { CapacityMonth, LoadCell, WindowsMonth } from './plan-model.js'
import { isPlannerCheck } from './planner-checks.js'
import type { PlanActivity, PlanLa, ProposalCheck, Severity } from './types.js'

type Cell = Record<string, unknown>

/** A link to the rule behind a check: the rulebook for the rules core, /programme/checks for the planner's own. */
export function checkLink(check: Pick<ProposalCheck, 'rule' | 'citation'>): string {
  if (!isPlannerCheck(check.rule)) return ruleLink(check.rule, check.citation)
  return `<a class="govuk-link app-rule-link" href="${programmePaths.checks.build({})}#${check.rule}" title="${escapeHtml(check.citation)}">${check.rule}<span class="govuk-visually-hidden"> (planner check, ${escapeHtml(check.citation)})</span></a>`
}

export function severityTag(severity: Severity): string {
  return severity === 'error'
    ? '<strong class="govuk-tag govuk-tag--red">Error</strong>'
    : '<strong class="govuk-tag govuk-tag--yellow">Warning</strong>'
}

/** Rows of the rule-checks table: severity, what was found (and the note), the rule. Each row has an id for the error summary. */
export function checkRows(checks: readonly ProposalCheck[]): Cell[][] {
  return checks.map((check, index) => [
    { html: `<span id="check-${index + 1}">${severityTag(check.severity)}</span>` },
    {
      html: `${escapeHtml(check.message)}${check.note ? `<br><span class="govuk-body-s">${escapeHtml(check.note)}</span>` : ''}`,
    },
    {
      html: `${checkLink(check)} <span class="govuk-body-s">${escapeHtml(check.citation)}</span>`,
      classes: 'app-nowrap',
    },
  ])
}

/** The error summary entries for checks that refuse a proposal. */
export function checkErrorList(checks: readonly ProposalCheck[]): Array<{ text: string; href: string }> {
  return checks.flatMap((check, index) =>
    check.severity === 'error'
      ? // Words only: the row it links to shows the rule and its citation (issue 10).
        [{ text: check.message, href: `#check-${index + 1}` }]
      : [],
  )
}

function statusTag(status: string): string {
  return isStatus(status)
    ? `<strong class="govuk-tag ${STATUS_TAGS[status]}">${STATUS_LABELS[status]}</strong>`
    : escapeHtml(status)
}

/** Each failed check in words with its rule after it, shown, not folded away (issue 10). */
export function checksList(checks: readonly ProposalCheck[]): string {
  if (checks.length === 0) return '<span class="govuk-hint">None</span>'
  const items = [...checks]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .map((check) => `<li>${severityTag(check.severity)} ${withCitationLinks(check.message)} ${checkLink(check)}</li>`)
    .join('')
  return `<ul class="govuk-list govuk-body-s app-checks">${items}</ul>`
}

/** A month's planned activities: LA, type, dates, lead, status, checks and what the director can do. */
export function activityRows(activities: readonly PlanActivity[], canPlan: boolean): Cell[][] {
  return activities.map((activity) => {
    const show = activityPaths.show.build({ activityId: activity.id })
    const deferrable = canPlan && (activity.status === 'planned' || activity.status === 'notified')
    // Five columns, stacked where they belong together (type and reference under the LA, the
    // way to defer under the status), so a desktop shows every column and every check (issue 10).
    return [
      {
        html: `<a class="govuk-link" href="${show}">${escapeHtml(activity.laName)}</a><br>${escapeHtml(TYPE_LABELS[activity.type])}<br><span class="govuk-body-s">${escapeHtml(activity.reference)}</span>`,
      },
      {
        html: `<span class="app-nowrap">${formatDate(activity.fieldwork.onsiteStart)}</span>${activity.fieldwork.onsiteEnd !== activity.fieldwork.onsiteStart ? ` to <span class="app-nowrap">${formatDate(activity.fieldwork.onsiteEnd)}</span>` : ''}`,
      },
      { text: activity.lead?.name ?? 'Not yet chosen' },
      {
        html: `${statusTag(activity.status)}${
          deferrable
            ? `<br><a class="govuk-link govuk-body-s" href="${show}">Defer or cancel<span class="govuk-visually-hidden"> ${escapeHtml(activity.reference)}</span></a> ${ruleLink('P6', '002#16')}`
            : ''
        }`,
      },
      { html: checksList(activity.checks) },
    ]
  })
}

const NEXT_TYPE: Readonly<Record<string, string>> = {
  'short-inspection': 'Short inspection',
  'standard-inspection': 'Standard inspection',
  'sif-inspection': 'Re-inspection (SIF)',
  'post-monitoring-inspection': 'Post-monitoring inspection',
}

/** The type the proposal form should start with for an LA's next judgement inspection. */
function proposedType(la: PlanLa): string {
  return la.pathway?.next.type === 'short-inspection' ? 'short-inspection' : 'standard-inspection'
}

export function proposeHref(laCode: string, type?: string): string {
  const params = new URLSearchParams({ laCode, ...(type ? { type } : {}) })
  return `${programmePaths.propose.build({})}?${params.toString()}`
}

/** LAs with a due window and nothing planned: LA, region, pathway, next inspection and window, and a link to propose. */
export function windowRows(las: readonly PlanLa[], canPropose: boolean): Cell[][] {
  return las.map((la) => {
    const next = la.pathway!.next
    return [
      {
        html: `<a class="govuk-link" href="${registerPaths.show.build({ laCode: la.laCode })}">${escapeHtml(la.name)}</a>`,
      },
      { text: la.regionName },
      { text: `Pathway ${la.pathway!.pathway}` },
      {
        html: `${escapeHtml(NEXT_TYPE[next.type] ?? next.type)}<br><span class="govuk-body-s app-nowrap">${formatDate(next.from)} to ${formatDate(next.to)}</span> ${ruleLink(next.rule, next.citation)}`,
      },
      {
        html: canPropose
          ? `<a class="govuk-link" href="${escapeHtml(proposeHref(la.laCode, proposedType(la)))}">Propose<span class="govuk-visually-hidden"> an inspection of ${escapeHtml(la.name)}</span></a>`
          : '',
      },
    ]
  })
}

/**
 * Overdue LAs (P3, P4) and what is planned for them; for a standard or short inspection, how many
 * months past its window the LA is today, beside the national median of how late inspections
 * start (issue 14, "show drift as drift"; /register/drift).
 */
export function overdueRows(
  items: ReadonlyArray<{ la: PlanLa; planned: PlanActivity | undefined }>,
  canPropose: boolean,
  national?: { today: IsoDate; medianMonths: number | undefined },
): Cell[][] {
  return items.map(({ la, planned }) => {
    const overdue = la.pathway!.overdue[0]!
    const pastWindow =
      national && la.pathway!.pathway !== 3 && national.medianMonths !== undefined
        ? `: ${monthsOutsideWindow(la.pathway!.latest.published, national.today)} months past its window (<a class="govuk-link" href="${registerPaths.drift.build({})}">national median ${national.medianMonths}</a>)`
        : ''
    return [
      {
        html: `<a class="govuk-link" href="${registerPaths.show.build({ laCode: la.laCode })}">${escapeHtml(la.name)}</a>`,
      },
      { text: la.regionName },
      {
        html: `${escapeHtml(overdue.what)}, due by ${formatDate(overdue.due)}${pastWindow} ${ruleLink(overdue.rule, overdue.citation)}`,
      },
      {
        html: planned
          ? `<a class="govuk-link" href="${activityPaths.show.build({ activityId: planned.id })}">${escapeHtml(TYPE_LABELS[planned.type])} from ${formatDate(planned.fieldwork.onsiteStart)}</a>`
          : canPropose
            ? `<strong class="govuk-tag govuk-tag--red">Nothing planned</strong> <a class="govuk-link" href="${escapeHtml(proposeHref(la.laCode, proposedType(la)))}">Propose<span class="govuk-visually-hidden"> an inspection of ${escapeHtml(la.name)}</span></a>`
            : '<strong class="govuk-tag govuk-tag--red">Nothing planned</strong>',
      },
    ]
  })
}

const shortMonth = (label: string) => `${label.slice(0, 3)} ${label.slice(-4)}`

/** The capacity chart (inspector-weeks needed against available) and its table. */
export function capacityChart(months: readonly CapacityMonth[], weeklyLimit: number) {
  return {
    svg: barChart({
      id: 'chart-capacity',
      title: 'Inspector-weeks needed against available, by month',
      description: `For each month, the inspector-weeks the planned fieldwork needs (the team, or the usual team of four or two if larger) against the inspector-weeks available (inspectors not on leave, ${weeklyLimit} on-site ${weeklyLimit === 1 ? 'activity' : 'activities'} a week each). The table beside the chart gives the figures.`,
      categories: months.map((month) => shortMonth(month.label)),
      series: [
        { name: 'Needed', colour: CHART_COLOURS.blue, values: months.map((month) => month.needed) },
        { name: 'Available', colour: CHART_COLOURS.darkGrey, values: months.map((month) => month.available) },
      ],
    }),
    rows: months.map((month) => [
      { text: month.label },
      { text: String(month.activities), format: 'numeric' },
      { text: String(month.needed), format: 'numeric' },
      { text: String(month.available), format: 'numeric' },
      { html: month.needed > month.available ? '<strong class="govuk-tag govuk-tag--red">Over capacity</strong>' : '' },
    ]),
  }
}

/** The due-windows chart (windows opening against judgement inspections planned) and its table. */
export function windowsChart(months: readonly WindowsMonth[]) {
  return {
    svg: barChart({
      id: 'chart-windows',
      title: 'Due windows opening and judgement inspections planned, by month',
      description:
        'For each month, the local authorities whose next judgement inspection’s due window opens (P4, P8), and the standard and short inspections planned to start. The table beside the chart gives the figures.',
      categories: months.map((month) => shortMonth(month.label)),
      series: [
        { name: 'Windows opening', colour: CHART_COLOURS.darkGrey, values: months.map((month) => month.opening) },
        { name: 'Inspections planned', colour: CHART_COLOURS.blue, values: months.map((month) => month.planned) },
      ],
    }),
    rows: months.map((month) => [
      { text: month.label },
      { text: String(month.opening), format: 'numeric' },
      { text: String(month.planned), format: 'numeric' },
    ]),
  }
}

/** Weeks per load table: eight fit a desktop screen without scrolling. */
export const WEEKS_PER_TABLE = 8

/** The weeks shown, in blocks of `size`, each with the index of its first week. */
export function weekBlocks(mondays: readonly IsoDate[], size: number): Array<{ mondays: IsoDate[]; offset: number }> {
  const blocks: Array<{ mondays: IsoDate[]; offset: number }> = []
  for (let offset = 0; offset < mondays.length; offset += size)
    blocks.push({ mondays: mondays.slice(offset, offset + size), offset })
  return blocks
}

/** A load-by-week table: one row per inspector, one column for each of `count` weeks from `offset`. */
export function loadRows(
  people: ReadonlyArray<{ id: string; displayName: string }>,
  load: ReadonlyMap<string, readonly LoadCell[]>,
  offset = 0,
  count = Number.POSITIVE_INFINITY,
): Cell[][] {
  return people.map((person) => [
    { text: person.displayName },
    ...(load.get(person.id) ?? []).slice(offset, offset + count).map((cell) => {
      const parts = cell.activities.map(
        (item) =>
          `<a class="govuk-link" href="${activityPaths.show.build({ activityId: item.id })}">${escapeHtml(item.reference)}</a> <span class="govuk-body-s">(${item.days} ${item.days === 1 ? 'day' : 'days'})</span>`,
      )
      if (cell.leaveDays > 0)
        parts.push(
          `<strong class="govuk-tag govuk-tag--grey">Leave ${cell.leaveDays} ${cell.leaveDays === 1 ? 'day' : 'days'}</strong>`,
        )
      if (cell.over) parts.push('<strong class="govuk-tag govuk-tag--red">Over limit</strong>')
      return { html: parts.length > 0 ? parts.join('<br>') : '<span class="govuk-hint">Free</span>' }
    }),
  ])
}

export function weekHeads(mondays: readonly IsoDate[]): Cell[] {
  return [
    { text: 'Inspector' },
    // The week may wrap onto two lines: eight weeks then fit a desktop screen (issue 10).
    ...mondays.map((monday) => ({ text: `w/c ${formatDate(monday)}` })),
  ]
}

/** Leave records, with a remove button for those who manage leave. */
export function leaveRows(
  leave: ReadonlyArray<{ id: string; name: string; startsOn: string; endsOn: string }>,
  canManage: boolean,
  csrfToken: string,
): Cell[][] {
  return leave.map((item) => [
    { text: item.name },
    { text: formatDate(item.startsOn), classes: 'app-nowrap' },
    { text: formatDate(item.endsOn), classes: 'app-nowrap' },
    {
      html: canManage
        ? `<form method="post" action="${programmePaths.removeLeave.build({})}"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}"><input type="hidden" name="leaveId" value="${escapeHtml(item.id)}"><button class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> leave of ${escapeHtml(item.name)} from ${formatDate(item.startsOn)}</span></button></form>`
        : '',
    },
  ])
}
