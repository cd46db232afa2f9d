import { formatDate } from '../../rules/calendar/dates.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { type OfferStep, OWNER_LABELS } from './steps.js'

/** The steps as table rows: the step with its rule, the statutory date (or window), the actual date, the owner. */
export function stepRows(steps: readonly OfferStep[], today: string) {
  return steps.map((step) => {
    const late = !step.actual && step.statutory && (step.until ?? step.statutory) < today
    const statutory = step.statutory
      ? `${formatDate(step.statutory)}${step.until ? ` to ${formatDate(step.until)}` : ''}`
      : 'No date set'
    return [
      {
        html: `${escapeHtml(step.label)} ${ruleLink(step.rule, step.citation)}`,
        attributes: { id: `step-${step.key}` },
      },
      { text: statutory },
      {
        html: step.actual
          ? escapeHtml(formatDate(step.actual))
          : late
            ? '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
            : 'Not yet',
      },
      { text: step.owners.map((owner) => OWNER_LABELS[owner]).join(', ') },
    ]
  })
}
