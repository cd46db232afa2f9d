import type { Person } from '../../auth/people.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { engagementLetterDue } from '../../rules/engagement.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { engagementPaths } from './paths.js'
import type { EngagementStanding } from './standing.js'
import { AGENDA_ITEMS, type EngagementMeeting, type MeetingStatus, type SelfEvaluation } from './types.js'

/** Shape the engagement records for GOV.UK macros; HTML escapes what users typed. */

const tag = (text: string, colour: string) =>
  `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`
const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>')
const row = (key: string, html: string) => ({ key: { text: key }, value: { html } })

export const STATUS_TAGS: Readonly<Record<MeetingStatus, string>> = {
  scheduled: tag('Arranged', 'blue'),
  held: tag('Held: letter to send', 'orange'),
  'letter-sent': tag('Letter sent', 'green'),
  cancelled: tag('Cancelled', 'grey'),
}

/** Where the LA's engagement stands, each answer with its rule (O1, O2). */
export function standingRows(standing: EngagementStanding, today: string) {
  const rows = [
    row(
      'Self-evaluation',
      `${escapeHtml(standing.requested.message)}${standing.askedFrom ? `: from ${escapeHtml(formatDate(standing.askedFrom.date))}. ${escapeHtml(standing.askedFrom.reading)}` : ''} ${ruleLink(standing.requested.rule, standing.requested.citation)}`,
    ),
    row(
      'Latest shared',
      standing.latest
        ? `${escapeHtml(formatDate(standing.latest.sharedOn))}${standing.refresh?.refreshAdvised ? `<br>${tag('Refresh', 'yellow')} ${escapeHtml(standing.refresh.message)} (decision: more than three months) ${ruleLink(standing.refresh.rule, standing.refresh.citation)}` : ''}`
        : 'None shared yet',
    ),
    row(
      'Next meeting',
      standing.upcoming
        ? `<a class="govuk-link" href="${engagementPaths.meeting.build({ engagementId: standing.upcoming.id })}">${escapeHtml(formatDate(standing.upcoming.meetingOn))}</a>`
        : standing.nextAbout
          ? `${standing.nextAbout.date < today ? tag('Due', 'red') + ' ' : ''}Not arranged: about ${escapeHtml(formatDate(standing.nextAbout.date))}, a year after the last ${ruleLink(standing.nextAbout.rule, standing.nextAbout.citation)}`
          : `${tag('Due', 'red')} None held yet: each year, at a mutually convenient time ${ruleLink('O2', '002#27, #43')}`,
    ),
  ]
  for (const { meeting, due } of standing.lettersDue)
    rows.push(
      row(
        'Letter to the DCS',
        `${due.date < today ? tag('Late', 'red') + ' ' : ''}Due by ${escapeHtml(formatDate(due.date))}, within a month of the meeting of ${escapeHtml(formatDate(meeting.meetingOn))} ${ruleLink(due.rule, due.citation)}`,
      ),
    )
  return rows
}

export function selfEvaluationRows(laCode: string, items: readonly SelfEvaluation[]) {
  const link = (href: string, text: string) => `<a class="govuk-link" href="${href}">${escapeHtml(text)}</a>`
  return items.map((item) => [
    { text: formatDate(item.sharedOn) },
    {
      html:
        [
          item.document
            ? link(
                engagementPaths.selfEvaluationDocument.build({ laCode, selfEvaluationId: item.id }),
                item.document.name,
              )
            : '',
          item.whatWeKnow ? 'Answers to the three questions' : '',
        ]
          .filter(Boolean)
          .join('<br>') || '–',
    },
    {
      html: item.actionPlan
        ? link(
            engagementPaths.selfEvaluationActionPlan.build({ laCode, selfEvaluationId: item.id }),
            item.actionPlan.name,
          )
        : '–',
    },
  ])
}

export function meetingRows(meetings: readonly EngagementMeeting[]) {
  return meetings.map((meeting) => [
    {
      html: `<a class="govuk-link" href="${engagementPaths.meeting.build({ engagementId: meeting.id })}">${escapeHtml(formatDate(meeting.meetingOn))}</a>`,
    },
    { html: STATUS_TAGS[meeting.status] },
    { text: meeting.jointWithEducation ? 'With education and early years' : "Children's social care" },
  ])
}

/** The meeting's summary: date, chair, attendees, agenda and what was discussed (002#42-47). */
export function meetingSummaryRows(meeting: EngagementMeeting, chair: Person | undefined) {
  const items = AGENDA_ITEMS.filter((item) => meeting.agendaItems.includes(item.key)).map(
    (item) => `<li>${escapeHtml(item.text)}</li>`,
  )
  if (meeting.otherItems) items.push(`<li>${multiline(meeting.otherItems)}</li>`)
  return [
    row('Date', escapeHtml(formatDate(meeting.meetingOn))),
    row('Status', STATUS_TAGS[meeting.status]),
    row('Chair', chair ? escapeHtml(chair.displayName) : 'Not known'),
    row(
      'Scope',
      meeting.jointWithEducation
        ? 'Part of a broader meeting with education and early years (002#39)'
        : "Children's social care only (002#39)",
    ),
    row('Ofsted attendees', meeting.ofstedAttendees ? multiline(meeting.ofstedAttendees) : 'Not recorded'),
    row('Local authority attendees', meeting.laAttendees ? multiline(meeting.laAttendees) : 'Not recorded'),
    row(
      'Agenda',
      meeting.agendaAgreedOn
        ? `Agreed ${escapeHtml(formatDate(meeting.agendaAgreedOn))} ${ruleLink('O2', '002#47')}<ul class="govuk-list govuk-list--bullet">${items.join('')}</ul>`
        : `Not agreed yet: the regional senior HMI and the DCS agree it in advance ${ruleLink('O2', '002#47')}`,
    ),
    ...(meeting.discussion ? [row('Summary of the discussion', multiline(meeting.discussion))] : []),
  ]
}

/** The letter to the DCS as sent (002#48): its five contents, unpublished and without judgements. */
export function letterRows(meeting: EngagementMeeting) {
  if (!meeting.letterSentOn) return []
  const due = engagementLetterDue(meeting.meetingOn)
  return [
    row(
      'Sent',
      `${escapeHtml(formatDate(meeting.letterSentOn))}${meeting.letterSentOn > due.date ? ` ${tag('Late', 'red')} due by ${escapeHtml(formatDate(due.date))}` : ''} ${ruleLink(due.rule, due.citation)}`,
    ),
    row(
      'Date of the meeting and who attended',
      `${escapeHtml(formatDate(meeting.meetingOn))}<br>${multiline(meeting.ofstedAttendees)}<br>${multiline(meeting.laAttendees)}`,
    ),
    row('Summary of the agenda items discussed', multiline(meeting.discussion)),
    row('Possible scope of a future focused visit', multiline(meeting.letterFocusedVisitScope)),
    row("Timing of next year's self-evaluation and meeting", multiline(meeting.letterNextTiming)),
    row('Next steps agreed', multiline(meeting.letterNextSteps)),
  ]
}
