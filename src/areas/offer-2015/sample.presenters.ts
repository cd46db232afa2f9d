import { type Action, canOn, type PolicyTarget } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { PROGRESS_SAMPLE_2015 } from '../../rules/progress-sample-2015.js'
import { dateFieldOf, dateInputItems, type FormState, valueOf } from '../../web/forms.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import type { SignedInRequest } from '../../web/routing.js'
import { namesWarning } from '../evidence/index.js'
import { offer2015Paths } from './paths.js'
import { SHORTFALL_STEP } from './sample.service.js'
import type { Offer2015Service } from './service.js'
import { CASE_SOURCES, type OfferRecord } from './types.js'

/** The offer page's forms of the inspectors, the case sample and the cases of concern. */
export const SAMPLE_FORMS = [
  'inspectors',
  'cases',
  'caseChange',
  'caseRemove',
  'shortfall',
  'concerns',
  'concernResponse',
] as const
export type SampleForm = (typeof SAMPLE_FORMS)[number]

const answer = (value: boolean | null) => (value === null ? 'Not yet' : value ? 'Yes' : 'No')

/**
 * The offer page's "Inspectors" and "Progress inspection cases" sections (issue 15; 000 Annex H):
 * the named inspectors, the Annex H counts with Annex B's words for what the cases show (no child
 * ID: every Ofsted manager of the offer sees them), and, for the offer's named inspectors only,
 * the cases and cases of concern by child ID (the read audited).
 */
export async function sampleView(
  offers: Offer2015Service,
  request: SignedInRequest,
  record: OfferRecord,
  target: PolicyTarget,
  today: string,
  state: FormState | undefined,
  which: string | undefined,
) {
  const { offer } = record
  const offerId = offer.id
  const may = (action: Action) => !offer.endedOn && canOn(request.principal, action, target)
  const mine = (name: SampleForm) => (which === name ? (state?.values ?? {}) : {})
  const errors = (name: SampleForm) => (which === name ? (state?.errors ?? {}) : {})
  const readsCases = canOn(request.principal, 'offer-2015.cases', target)
  const [people, summary, detail] = await Promise.all([
    offers.sample.inspectors(offerId),
    offers.sample.counts(offerId),
    readsCases ? offers.sample.sample(request.principal, offerId, { requestId: request.id }) : undefined,
  ])
  const named = new Set(people.named.map((person) => person.id))
  const shortfall = record.steps.find((step) => step.step === SHORTFALL_STEP)
  const chosen = valueOf(mine('caseChange'), 'caseId')
  return {
    inspectors: people.named.map((person) => person.displayName),
    mayAssign: may('offer-2015.assign'),
    inspectorItems: people.candidates.map((person) => ({
      value: person.id,
      text: `${person.displayName} (${person.role === 'hmi' ? 'HMI' : 'Senior HMI'})`,
      checked:
        which === 'inspectors'
          ? ([mine('inspectors')['inspectors']].flat() as unknown[]).includes(person.id)
          : named.has(person.id),
    })),
    counts: summary.counts.map((count) => ({
      text: count.text,
      tag: count.met ? { text: 'Met', classes: 'govuk-tag--green' } : { text: 'Short', classes: 'govuk-tag--red' },
    })),
    met: summary.counts.every((count) => count.met),
    evidence: summary.evidence,
    concernCount: summary.concerns.length,
    shortfall: shortfall ? { on: formatDate(shortfall.doneOn), reason: shortfall.note } : undefined,
    rule: ruleLink('I5', '000 Annex H'),
    descriptorRule: ruleLink('E9', '000#Annex H/B, Annex H fn3'),
    required: PROGRESS_SAMPLE_2015,
    readsCases,
    mayManage: may('offer-2015.manage'),
    mayRecord: readsCases && !offer.endedOn,
    cases: (detail?.cases ?? []).map((item) => ({
      id: item.id,
      childId: item.childId,
      source: CASE_SOURCES[item.source],
      cse: item.cse ? 'Yes' : 'No',
      laAudit: item.laAudit ? 'Yes' : 'No',
      standards: answer(item.standardsEvident),
      risk: answer(item.riskManaged),
    })),
    removeAction: offer2015Paths.caseRemove.build({ offerId }),
    caseItems: [
      { value: '', text: 'Select the case' },
      ...(detail?.cases ?? []).map((item) => ({ value: item.id, text: item.childId, selected: chosen === item.id })),
    ],
    concerns: (detail?.concerns ?? []).map((concern) => ({
      number: concern.number,
      rows: [
        { key: { text: 'Child ID' }, value: { text: concern.childId } },
        { key: { text: 'Team or location' }, value: { text: concern.teamLocation } },
        { key: { text: 'Issues and their significance' }, value: { text: concern.issues } },
        { key: { text: 'Response due' }, value: { text: formatDate(concern.responseDue) } },
        {
          key: { text: 'The LA’s response' },
          value: {
            html: concern.respondedOn
              ? `${escapeHtml(concern.response ?? '')} <span class="govuk-hint">(received ${escapeHtml(formatDate(concern.respondedOn))})</span>`
              : concern.responseDue < today
                ? '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
                : 'Not yet',
          },
        },
      ],
    })),
    concernItems: [
      { value: '', text: 'Select the case of concern' },
      ...(detail?.concerns ?? []).map((concern) => ({
        value: concern.id,
        text: `Case of concern ${concern.number} (child ${concern.childId})`,
        selected: valueOf(mine('concernResponse'), 'concernId') === concern.id,
      })),
    ],
    sourceItems: Object.entries(CASE_SOURCES).map(([value, text]) => ({
      value,
      text,
      checked: (valueOf(mine('cases'), 'source') || 'selected') === value,
    })),
    forms: {
      errors: Object.fromEntries(SAMPLE_FORMS.map((name) => [name, errors(name)])),
      childIds: valueOf(mine('cases'), 'childIds'),
      cse: valueOf(mine('cases'), 'cse') === 'yes',
      laAudit: valueOf(mine('cases'), 'laAudit') === 'yes',
      concern: {
        childId: valueOf(mine('concerns'), 'childId'),
        teamLocation: valueOf(mine('concerns'), 'teamLocation'),
        issues: valueOf(mine('concerns'), 'issues'),
        // The words that look like names, shown back before anything is saved (002#191).
        names: which === 'concerns' ? namesWarning(state) : undefined,
        dueItems: dateInputItems(
          'responseDue',
          dateFieldOf(mine('concerns'), 'responseDue'),
          Boolean(errors('concerns')['responseDue']),
        ),
      },
      response: {
        text: valueOf(mine('concernResponse'), 'response'),
        items: dateInputItems(
          'respondedOn',
          dateFieldOf(mine('concernResponse'), 'respondedOn', which === 'concernResponse' ? undefined : today),
          Boolean(errors('concernResponse')['respondedOn']),
        ),
      },
      reason: valueOf(mine('shortfall'), 'reason'),
    },
    paths: Object.fromEntries(
      (['inspectors', 'cases', 'caseChange', 'shortfall', 'concerns', 'concernResponse'] as const).map((key) => [
        key,
        offer2015Paths[key].build({ offerId }),
      ]),
    ),
  }
}
