import { formatDate } from '../../rules/calendar/dates.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { letterOfStep, reviewPublished, STEP_LETTERS } from './letters.js'
import { offer2015Paths } from './paths.js'
import { isPublishedLetter } from './publish.js'
import { type Publication, publicationPaths } from '../publications/index.js'
import { type OfferStep, OWNER_LABELS } from './steps.js'
import type { OfferRecord } from './types.js'

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

/**
 * The letters generated from recorded steps, each as Word and PDF, in the order they were sent;
 * a later review letter or the progress letter with its public page once published, or its
 * publish action before (000#38, #42).
 */
export function letterLinks(record: OfferRecord, published: readonly Publication[] = []) {
  return record.steps.flatMap((step) => {
    const which = letterOfStep(step.step)
    if (!which) return []
    const number = step.step.split('.')[1]
    const publishedOrNot =
      which === 'review' ? (reviewPublished(record, Number(number)) ? ', published' : ', not published') : ''
    const params = { offerId: record.offer.id, step: step.step }
    return [
      {
        text: `${STEP_LETTERS[which]}${which === 'visit' || which === 'review' ? ` ${number}` : ''}${publishedOrNot}, ${formatDate(step.doneOn)}`,
        docx: offer2015Paths.stepLetterDocx.build(params),
        pdf: offer2015Paths.stepLetterPdf.build(params),
        ...publicationOf(record, step.step, published),
      },
    ]
  })
}

function publicationOf(record: OfferRecord, step: string, published: readonly Publication[]) {
  if (!isPublishedLetter(record, step)) return {}
  const publication = published.find((candidate) => candidate.offerStep === step)
  return publication
    ? {
        publishedOn: formatDate(publication.publishedOn),
        publishedHref: publicationPaths.show.build({ publicationId: publication.id }),
      }
    : { publishAction: offer2015Paths.publish.build({ offerId: record.offer.id, step }) }
}
