import { formatDate } from '../../rules/calendar/dates.js'
import { FURTHER_INFORMATION_REQUEST_FIELDS } from '../../rules/evidence.js'
import {
  CONCERN_STATUS_LABELS,
  CONCERN_STATUS_TAGS,
  concernOverdue,
  RFI_STATUS_LABELS,
  RFI_STATUS_TAGS,
  rfiOverdue,
} from './fieldwork.js'
import { escapeHtml } from '../../web/html.js'
import { evidencePaths } from './paths.js'
import { multiline, tag } from './presenters.js'
import type { CaseOfConcern, FurtherInformationRequest } from './types.js'

/** The views of what fieldwork follows up: requests for further information (E3) and cases of concern. */

function dateOr(value: string | null, otherwise: string): string {
  return value ? formatDate(value) : otherwise
}

export function rfiStatusHtml(rfi: FurtherInformationRequest, today: string): string {
  return (
    tag(RFI_STATUS_LABELS[rfi.status], RFI_STATUS_TAGS[rfi.status]) +
    (rfiOverdue(rfi, today) ? ` ${tag('Overdue', 'govuk-tag--red')}` : '')
  )
}

/** The record of requests as a table (002 Annex B). */
export function rfiRows(requests: readonly FurtherInformationRequest[], today: string) {
  return requests.map((rfi) => [
    {
      html: `<a class="govuk-link" href="${evidencePaths.request.build({ activityId: rfi.activityId, rfiId: rfi.id })}">Request ${rfi.number}</a>`,
    },
    { text: rfi.requestType === 'document' ? 'Document' : 'Information' },
    { text: rfi.caseId ?? '–' },
    { text: dateOr(rfi.dateRequested, 'Not yet'), classes: 'app-nowrap' },
    { text: dateOr(rfi.dateResponseRequired, '–'), classes: 'app-nowrap' },
    { html: rfiStatusHtml(rfi, today) },
  ])
}

/** The eight fields of the record (E3, `FURTHER_INFORMATION_REQUEST_FIELDS`), in the seed's order. */
export function rfiSummaryRows(rfi: FurtherInformationRequest) {
  const values: Record<(typeof FURTHER_INFORMATION_REQUEST_FIELDS)[number]['key'], Record<string, string>> = {
    requestedBy: { text: rfi.requestedByName },
    dateRequested: {
      text: dateOr(
        rfi.dateRequested,
        rfi.status === 'awaiting-lead'
          ? 'Awaiting the lead inspector'
          : rfi.status === 'declined'
            ? 'Not requested'
            : '–',
      ),
    },
    dateResponseRequired: { text: dateOr(rfi.dateResponseRequired, '–') },
    dateReceived: { text: dateOr(rfi.dateReceived, 'Not yet received') },
    type: { text: rfi.requestType === 'document' ? 'Document' : 'Information' },
    caseId: { text: rfi.caseId ?? 'Not applicable' },
    reason: { html: multiline(rfi.reason) },
    response: rfi.response ? { html: multiline(rfi.response) } : { text: 'Not yet received' },
  }
  return FURTHER_INFORMATION_REQUEST_FIELDS.map((field) => ({ key: { text: field.label }, value: values[field.key] }))
}

export function concernStatusHtml(concern: CaseOfConcern, today: string): string {
  return (
    tag(CONCERN_STATUS_LABELS[concern.status], CONCERN_STATUS_TAGS[concern.status]) +
    (concernOverdue(concern, today) ? ` ${tag('Response overdue', 'govuk-tag--red')}` : '')
  )
}

export function concernRows(concerns: readonly CaseOfConcern[], today: string) {
  return concerns.map((concern) => [
    {
      html: `<a class="govuk-link" href="${evidencePaths.concern.build({ activityId: concern.activityId, concernId: concern.id })}">Case of concern ${concern.number}</a>`,
    },
    { text: concern.caseId },
    { text: concern.teamLocation },
    { text: dateOr(concern.responseDue, '–'), classes: 'app-nowrap' },
    { html: concernStatusHtml(concern, today) },
  ])
}

/**
 * The record of a case of concern (000 Annex C). The LA's view has the case identification, the
 * formal written note, its response and the findings; the inspector's working notes (the issues
 * as first raised, their view of significance, who they discussed it with) are Ofsted's only.
 */
export function concernSummaryRows(concern: CaseOfConcern, forLa: boolean) {
  const rows: Array<Record<string, unknown>> = [
    { key: { text: 'Case (Child Unique ID)' }, value: { text: concern.caseId } },
    { key: { text: 'Team or location' }, value: { text: concern.teamLocation } },
  ]
  if (!forLa) {
    rows.push(
      {
        key: { text: 'Raised by' },
        value: { text: `${concern.raisedByName}, ${formatDate(concern.raisedAt.toISOString().slice(0, 10))}` },
      },
      { key: { text: 'Issues of concern' }, value: { html: multiline(concern.issues) } },
      { key: { text: 'Inspector’s view of their significance' }, value: { html: multiline(concern.significance) } },
      {
        key: { text: 'Raised with (by role), and why not resolved' },
        value: { html: multiline(concern.discussedWith) },
      },
    )
  }
  if (concern.formalNote)
    rows.push({
      key: { text: 'Formal written note to the local authority' },
      value: { html: multiline(concern.formalNote) },
    })
  if (concern.responseDue)
    rows.push({ key: { text: 'Written response required by' }, value: { text: formatDate(concern.responseDue) } })
  if (concern.laResponse)
    rows.push({
      key: { text: 'The local authority’s response' },
      value: {
        html: `${multiline(concern.laResponse)}<p class="govuk-hint">${escapeHtml(concern.respondedByName ?? '')}</p>`,
      },
    })
  if (concern.findings)
    rows.push({
      key: { text: 'Findings communicated to the local authority' },
      value: { html: multiline(concern.findings) },
    })
  return rows
}
