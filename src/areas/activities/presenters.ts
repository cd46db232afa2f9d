import { addDays, formatDate, formatLongDate } from '../../rules/calendar/dates.js'
import { RULEBOOK } from '../../rules/rulebook.js'
import { monitoringLetterPublished } from '../../rules/timelines/monitoring-visit.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { TEAM_ROLE_LABELS, TYPE_LABELS } from './activity-types.js'
import { STATUS_LABELS, STATUS_TAGS, type ActivityStatus } from './lifecycle.js'
import { activityPaths } from './paths.js'
import type { Activity, MilestoneActual, MonitoringFacts, StoredMilestone, TeamMember } from './types.js'

export function statusTag(status: ActivityStatus): string {
  return `<strong class="govuk-tag ${STATUS_TAGS[status]}">${STATUS_LABELS[status]}</strong>`
}

export function activityTitle(activity: Activity): string {
  return `${TYPE_LABELS[activity.type]} of ${activity.laName}`
}

/** Rows for the activities table. */
export function activityRows(
  items: ReadonlyArray<{ activity: Activity; milestones: readonly StoredMilestone[]; team: readonly TeamMember[] }>,
): Array<Array<Record<string, unknown>>> {
  return items.map(({ activity, milestones, team }) => {
    const end = milestones.find((m) => m.key === 'onsite.end')?.date
    const lead = team.find((member) => member.teamRole === 'lead-inspector')
    return [
      {
        html: `<a class="govuk-link" href="${activityPaths.show.build({ activityId: activity.id })}">${escapeHtml(activity.laName)}</a><br><span class="govuk-body-s">${escapeHtml(activity.reference)}</span>`,
      },
      { text: TYPE_LABELS[activity.type] },
      {
        text: `${formatDate(activity.onsiteStart)}${end && end !== activity.onsiteStart ? ` to ${formatDate(end)}` : ''}`,
        classes: 'app-nowrap',
      },
      { text: lead?.displayName ?? 'Not yet chosen' },
      { html: statusTag(activity.status) },
    ]
  })
}

const ACTUAL_TAGS: Readonly<Record<MilestoneActual['timeliness'], string>> = {
  'on-time': '<strong class="govuk-tag govuk-tag--green">On time</strong>',
  late: '<strong class="govuk-tag govuk-tag--red">Late</strong>',
  overdue: '<strong class="govuk-tag govuk-tag--red">Overdue</strong>',
  due: '<strong class="govuk-tag govuk-tag--grey">Not done yet</strong>',
}

/** "Done 8 February 2027 · Late", or what is known of a step not done yet. */
function actualHtml(actual: MilestoneActual): string {
  if (actual.skipped) return 'Not needed: no comments were sent'
  const due = actual.deadline ? ` (due ${escapeHtml(formatDate(actual.deadline))})` : ''
  if (actual.actual) return `Done ${escapeHtml(formatLongDate(actual.actual))} ${ACTUAL_TAGS[actual.timeliness]}`
  return `${ACTUAL_TAGS[actual.timeliness]}${actual.timeliness === 'overdue' ? due : ''}`
}

/**
 * Timeline items for the appTimeline component, each with a link to its rule (issue 4). A
 * milestone another area records (the report's steps, 002#216) shows its actual day beside its
 * date and is greyed out only once it has happened, not because its date has passed.
 */
export function timelineItems(
  milestones: readonly StoredMilestone[],
  today: string,
  actuals: ReadonlyMap<string, MilestoneActual> = new Map(),
) {
  const todayIndex = milestones.findIndex((m) => m.date >= today)
  return milestones.map((m, index) => {
    const actual = actuals.get(m.key)
    return {
      date: `${formatLongDate(m.date)}${m.until && m.until !== m.date ? ` to ${formatLongDate(m.until)}` : ''}${m.time ? `, ${m.time}` : ''}`,
      datetime: m.date,
      title: m.label,
      html: `${escapeHtml(m.citation)} ${ruleLink(m.rule, m.citation)}${actual ? `<br>${actualHtml(actual)}` : ''}`,
      past: actual ? Boolean(actual.actual || actual.skipped) : (m.until ?? m.date) < today,
      current: index === todayIndex && m.date === today,
    }
  })
}

/** The same milestones as a table, for people who would rather scan dates: the date, what, the actual day, the rule. */
export function milestoneRows(
  milestones: readonly StoredMilestone[],
  actuals: ReadonlyMap<string, MilestoneActual> = new Map(),
): Array<Array<Record<string, unknown>>> {
  const titles = new Map(RULEBOOK.map((entry) => [entry.id as string, entry.title]))
  return milestones.map((m) => [
    {
      text: formatDate(m.date) + (m.until && m.until !== m.date ? ` to ${formatDate(m.until)}` : ''),
      classes: 'app-nowrap',
    },
    { text: m.label + (m.time ? ` (${m.time})` : '') },
    { html: actuals.has(m.key) ? actualHtml(actuals.get(m.key)!) : '' },
    {
      html: `${ruleLink(m.rule, m.citation)} <span class="govuk-body-s">${escapeHtml(titles.get(m.rule) ?? '')}; ${escapeHtml(m.citation)}</span>`,
    },
  ])
}

export function teamRows(
  team: readonly TeamMember[],
  removeHref: string | undefined,
  csrfToken: string,
): Array<Array<Record<string, unknown>>> {
  return team.map((member) => [
    { text: member.displayName },
    { text: TEAM_ROLE_LABELS[member.teamRole] },
    { text: member.days.length > 0 ? member.days.map((day) => formatDate(day)).join(', ') : 'Whole fieldwork' },
    {
      html: removeHref
        ? `<form method="post" action="${removeHref}"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}"><input type="hidden" name="userId" value="${escapeHtml(member.userId)}"><button class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> ${escapeHtml(member.displayName)}</span></button></form>`
        : '',
    },
  ])
}

/** The week days of fieldwork, for choosing a team member's days on site. */
export function fieldworkDayItems(onsiteStart: string, onsiteEnd: string, checked: readonly string[]) {
  const items: Array<{ value: string; text: string; checked: boolean }> = []
  for (let day = onsiteStart; day <= onsiteEnd; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    if (weekday === 0 || weekday === 6) continue
    items.push({
      value: day,
      text: WEEKDAY_AND_DATE.format(new Date(`${day}T12:00:00Z`)),
      checked: checked.includes(day),
    })
  }
  return items
}

const WEEKDAY_AND_DATE = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})

/** The weekday an activity's fieldwork must start on, in words (C5). */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** The date and time now in England, as a date input and hour and minute boxes show it. */
export function londonNowFields(now: Date): { date: string; hour: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${part('year')}-${part('month')}-${part('day')}`, hour: part('hour'), minute: part('minute') }
}

/**
 * A monitoring visit's number, arrangements (E7: ILACS 002#129, #216 or the 2017 handbook 001#42,
 * by the framework that judged the LA, 002#22 fn4), letter (E8) and focus, for its page.
 */
export function monitoringSummary(monitoring: MonitoringFacts) {
  return {
    visit: escapeHtml(monitoringVisitLabel(monitoring)),
    arrangements:
      monitoring.handbook === '2017'
        ? `The 2017 handbook: the LA was judged inadequate under the single inspection framework ${ruleLink('E7', '001#42; 002#22 fn4')}`
        : `ILACS ${ruleLink('E7', '002#129, #216')}`,
    letter: monitoringLetterHtml(monitoring),
    focus: monitoring.focus,
  }
}

/** "Visit 2", or "Visit 1 of a second set" (001#67): how the activity, planner and report pages name a monitoring visit. */
export function monitoringVisitLabel(monitoring: { visitNumber: number; secondSet: boolean }): string {
  return `Visit ${monitoring.visitNumber}${monitoring.secondSet ? ' of a second set' : ''}`
}

/** Whether the visit's letter is published (E8), in words with the rule linked, as HTML. */
export function monitoringLetterHtml(monitoring: { visitNumber: number; secondSet: boolean }): string {
  const letter = monitoringLetterPublished(monitoring.visitNumber, monitoring.secondSet)
  return `${escapeHtml(letter.reason)} ${ruleLink(letter.rule, letter.citation)}`
}
