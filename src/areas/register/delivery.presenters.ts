import { formatDate } from '../../rules/calendar/dates.js'
import { ADM_ACTION_PLAN, inspectionIsOf } from '../../rules/intervention.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { DELIVERY_BASES, DELIVERY_EXTENTS, DELIVERY_KINDS, type DeliveryBody, type DirectionRef } from './delivery.js'

/**
 * How the bodies with delegated functions are shown (issue 12; 002#227-237): on the LA's page in
 * full, and in one line wherever an activity, an action plan or a letter names them.
 */

const row = (key: string, html: string) => ({ key: { text: key }, value: { html } })
const kindWord = (body: DeliveryBody) => DELIVERY_KINDS[body.kind].replace(/^A /, 'a ').replace(/^Another /, 'another ')

/** Whose inspection it is while the body runs the functions (G5, 002#228, #231-232). */
function inspectionOf(body: DeliveryBody) {
  const reading = inspectionIsOf(body.basis === 'voluntary' ? 'none' : body.basis)
  return `The inspection is of ${escapeHtml(reading.inspected)} ${ruleLink(reading.rule, reading.citation)}`
}

/** What inspectors consider of the LA's arrangements, by the extent of delegation (002#234). */
function assurance(body: DeliveryBody) {
  const extent =
    body.extent === 'all'
      ? 'The body’s chief executive (or equivalent) and board discharge the responsibilities of the local authority’s leaders'
      : 'How the local authority holds the body to account is proportionate to the nature and extent of delegation'
  return `Contract monitoring that meets children’s needs, reviewed regularly; proportionate scrutiny of the corporate parent role; ${escapeHtml(extent.charAt(0).toLowerCase() + extent.slice(1))}. The report says how the local authority assures itself of the body, including contract management and quality assurance ${ruleLink('G5', '002#213, #234')}`
}

/** The body in one line: “Slough Children First (a trust, since 1 October 2015)”. */
export function deliveryLine(body: DeliveryBody): string {
  const until = body.until ? ` to ${formatDate(body.until)}` : ''
  return `${body.name} (${kindWord(body)}, ${body.until ? 'from' : 'since'} ${formatDate(body.since)}${until})`
}

/**
 * Who drafts which part of the action plan where the body runs services, and who it is copied to
 * (G5, 002#236-237): the Secretary of State too where the body was set up at their direction.
 */
export function deliveryActionPlanHtml(body: DeliveryBody): string {
  const directed = body.basis === 'voluntary' ? '' : `; ${escapeHtml(ADM_ACTION_PLAN.directedTrust)}`
  return `The local authority: ${escapeHtml(ADM_ACTION_PLAN.localAuthority)}. ${escapeHtml(body.name)}: ${escapeHtml(ADM_ACTION_PLAN.trust)}. Whether the plan is agreed is made clear, and disagreements ${escapeHtml(ADM_ACTION_PLAN.disagreements)}${directed} ${ruleLink('G5', '002#236-237')}`
}

/**
 * The summary card of each body on the LA's page. `directions` are the LA's directions for those
 * who may see its intervention record, and none for everyone else: they learn only that the body
 * follows a direction, not its date or issuer (those are the intervention record's).
 */
export function deliveryCards(
  bodies: readonly DeliveryBody[],
  directions: readonly DirectionRef[],
  options: { canManage: boolean; changeHref: (id: string) => string },
) {
  return bodies.map((body) => {
    const direction = directions.find((item) => item.id === body.directionId)
    const directionHtml = direction
      ? `<a class="govuk-link" href="${escapeHtml(direction.href)}">Direction issued ${escapeHtml(formatDate(direction.issuedOn))} by ${escapeHtml(direction.issuer)}</a>`
      : body.directionId
        ? 'A direction recorded in the local authority’s intervention record'
        : body.basis === 'voluntary'
          ? 'None'
          : '<span class="govuk-hint">Not linked to a direction recorded here</span>'
    return {
      title: deliveryLine(body),
      changeHref: options.canManage ? options.changeHref(body.id) : undefined,
      rows: [
        row('Kind', escapeHtml(DELIVERY_KINDS[body.kind])),
        row('Functions it runs', `${escapeHtml(DELIVERY_EXTENTS[body.extent])}: ${escapeHtml(body.functions)}`),
        row('Basis', `${escapeHtml(DELIVERY_BASES[body.basis])} ${ruleLink('G5', '002#231-232')}`),
        row('Direction it follows', directionHtml),
        row('Whose inspection it is', inspectionOf(body)),
        row('What inspectors consider', assurance(body)),
        row('Action plans', deliveryActionPlanHtml(body)),
        row(
          'Letters and reports copied to',
          body.email ? escapeHtml(body.email) : '<span class="govuk-hint">No address recorded</span>',
        ),
      ],
    }
  })
}
