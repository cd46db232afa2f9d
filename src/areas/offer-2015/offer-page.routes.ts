import type { FastifyReply } from 'fastify'
import { type Action, canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { OFFER_2015_COMPONENTS, PLAN_REVIEW_LETTERS, SEMINAR_ATTENDANCE } from '../../rules/offer-2015.js'
import { dateFieldOf, dateInputItems, type Form, type FormState, submittedVersion, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, type SignedInRequest } from '../../web/routing.js'
import type { RegisterService } from '../register/index.js'
import {
  caseForm,
  caseRemoveForm,
  casesForm,
  concernForm,
  inspectorsForm,
  planLetterForm,
  progressForm,
  replyForm,
  responseForm,
  seminarForm,
  shortfallForm,
  stepForm,
} from './forms.js'
import { type SampleForm, sampleView } from './sample.presenters.js'
import { offer2015Paths } from './paths.js'
import { letterLinks, stepRows } from './presenters.js'
import type { Offer2015Service } from './service.js'
import { datesOf, progressTimelineOf, stateOf, stepsOf } from './steps.js'
import { OFFER_STATES, PROGRESS_JUDGEMENTS, SEMINAR_REPLIES } from './types.js'

type OfferRequest = SignedInRequest<{ offerId: string }>

export type Which = 'step' | 'reply' | 'seminar' | 'planLetter' | 'progress' | SampleForm
/** The forms that carry the offer's version (optimistic locking). */
const VERSIONED_FORMS: readonly Which[] = ['reply', 'seminar', 'planLetter', 'progress', 'step', 'shortfall']

const FORMS: Record<Which, Form<unknown>> = {
  step: stepForm,
  reply: replyForm,
  seminar: seminarForm,
  planLetter: planLetterForm,
  progress: progressForm,
  inspectors: inspectorsForm,
  cases: casesForm,
  caseChange: caseForm,
  caseRemove: caseRemoveForm,
  shortfall: shortfallForm,
  concerns: concernForm,
  concernResponse: responseForm,
} as Record<Which, Form<unknown>>

const radios = (record: Record<string, string>, chosen: string) =>
  Object.entries(record).map(([value, text]) => ({ value, text, checked: chosen === value }))

/** The offer page (issue 15): where it has reached, every step with its dates and owner, the choices made, and the forms of whoever may act. */
export function offerPages(deps: {
  offers: Offer2015Service
  register: Pick<RegisterService, 'show' | 'target'>
  clock: Clock
}) {
  const { offers, register, clock } = deps

  async function offerPage(request: OfferRequest, reply: FastifyReply, state?: FormState, which?: Which) {
    const record = await offers.record(request.params.offerId)
    const { offer } = record
    const { la } = await register.show(offer.laCode)
    const target = (await offers.target(offer.id))!
    const today = clock.today()
    const steps = stepsOf(record)
    const dates = datesOf(record)
    const timeline = progressTimelineOf(record)
    const done = new Map(record.steps.map((step) => [step.step, step]))
    const mine = (name: Which) => (which === name ? (state?.values ?? {}) : {})
    const errors = (name: Which) => (which === name ? (state?.errors ?? {}) : {})
    const dateItems = (name: Which, fieldName: string, stored?: string | null) =>
      dateInputItems(
        fieldName,
        dateFieldOf(mine(name), fieldName, which === name ? undefined : stored),
        Boolean(errors(name)[fieldName]),
      )
    const may = (action: Action) => !offer.endedOn && canOn(request.principal, action, target)
    const seminar = done.get('seminar')
    const replied = done.get('seminar.reply')
    const offerId = offer.id
    const groups = [...OFFER_2015_COMPONENTS, 'after the progress inspection' as const]
      .map((component) => ({
        heading: component.charAt(0).toUpperCase() + component.slice(1),
        rows: stepRows(
          steps.filter((step) => step.component === component),
          today,
        ),
      }))
      .filter((group) => group.rows.length > 0)
    const sample = await sampleView(offers, request, record, target, today, state, which)
    return reply.page('offer-2015/offer.njk', {
      sample,
      la,
      offer,
      // Each form's version: the one it was built from when it is shown again for an error.
      versions: Object.fromEntries(
        VERSIONED_FORMS.map((name) => [name, (which === name ? submittedVersion(state) : undefined) ?? offer.version]),
      ),
      state: OFFER_STATES[stateOf(record)],
      publishedOn: formatDate(offer.publishedOn),
      backHref: offer2015Paths.la.build({ laCode: offer.laCode }),
      groups,
      // The rulebook's choices where the handbook is ambiguous, shown with the dates they give (issue 15).
      decisions: [
        ...dates.decisions.map((item) => ({ text: item.decision, rule: ruleLink(item.rule, item.citation) })),
        {
          text: '"Monthly" visits fall on the same day of each month from the first; the twelfth can come after the progress inspection',
          rule: ruleLink('I3', '000#34, #39'),
        },
        {
          text: 'The progress inspection letter is published by day 35 (000#42); day 36 is the other reading (000#49). Cases are chosen by the end of day 2, or by midday (Annex H/A)',
          rule: ruleLink('I6', '000#42, #49'),
        },
        ...(timeline?.notes ?? []).map((note) => ({ text: note.message, rule: ruleLink(note.rule, note.citation) })),
      ],
      fullInspection: `${formatDate(dates.fullInspection.notBefore)} to ${formatDate(dates.fullInspection.by)}`,
      fullInspectionRule: ruleLink('I5', '000#54'),
      judgement: offer.progressJudgement ? PROGRESS_JUDGEMENTS[offer.progressJudgement] : undefined,
      reply: replied
        ? {
            text: SEMINAR_REPLIES[replied.detail['reply'] as keyof typeof SEMINAR_REPLIES],
            on: formatDate(replied.doneOn),
            persuasion: replied.note,
          }
        : undefined,
      seminar: seminar
        ? {
            on: formatDate(seminar.doneOn),
            priorities: (seminar.detail['priorities'] as string[]) ?? [],
            attendees: (seminar.detail['attendees'] as string[]) ?? [],
          }
        : undefined,
      attendance: SEMINAR_ATTENDANCE,
      hasPlanLetter: done.has('plan.letter'),
      letters: letterLinks(record, await offers.published(offer.id)),
      may: {
        manage: may('offer-2015.manage'),
        reply: may('offer-2015.reply'),
      },
      paths: Object.fromEntries(
        (
          [
            'step',
            'reply',
            'seminar',
            'planLetter',
            'progress',
            'invitationDocx',
            'invitationPdf',
            'planLetterDocx',
            'planLetterPdf',
          ] as const
        ).map((key) => [key, offer2015Paths[key].build({ offerId })]),
      ),
      forms: {
        step: {
          errors: errors('step'),
          steps: [
            { value: '', text: 'Select the step' },
            ...steps
              .filter((step) => step.plain && !step.actual)
              .map((step) => ({
                value: step.key,
                text: `${step.label}${step.statutory ? ` (due ${formatDate(step.statutory)})` : ''}`,
                selected: valueOf(mine('step'), 'step') === step.key,
              })),
          ],
          note: valueOf(mine('step'), 'note'),
          atRisk: valueOf(mine('step'), 'atRisk') === 'yes',
          items: dateItems('step', 'doneOn', today),
        },
        reply: {
          errors: errors('reply'),
          replies: radios(
            SEMINAR_REPLIES,
            which === 'reply' ? valueOf(mine('reply'), 'reply') : String(replied?.detail['reply'] ?? ''),
          ),
          repliedItems: dateItems('reply', 'repliedOn', replied?.doneOn ?? today),
          seminarItems: dateItems('reply', 'seminarOn', offer.seminarOn),
          persuasion: which === 'reply' ? valueOf(mine('reply'), 'persuasion') : (replied?.note ?? ''),
        },
        seminar: {
          errors: errors('seminar'),
          heldItems: dateItems('seminar', 'heldOn', seminar?.doneOn ?? offer.seminarOn),
          sentItems: dateItems('seminar', 'recordSentOn', done.get('seminar.record')?.doneOn),
          priorities:
            which === 'seminar'
              ? valueOf(mine('seminar'), 'priorities')
              : ((seminar?.detail['priorities'] as string[]) ?? []).join('\n'),
          attendees:
            which === 'seminar'
              ? valueOf(mine('seminar'), 'attendees')
              : ((seminar?.detail['attendees'] as string[]) ?? []).join('\n'),
          evidence:
            which === 'seminar' ? valueOf(mine('seminar'), 'evidence') : String(seminar?.detail['evidence'] ?? ''),
          discussion:
            which === 'seminar' ? valueOf(mine('seminar'), 'discussion') : String(seminar?.detail['discussion'] ?? ''),
        },
        planLetter: {
          errors: errors('planLetter'),
          letters: radios(
            Object.fromEntries(
              Object.entries(PLAN_REVIEW_LETTERS).map(([key, text]) => [key, `Letter ${key}: ${text}`]),
            ),
            valueOf(mine('planLetter'), 'letter'),
          ),
          sentItems: dateItems('planLetter', 'sentOn', today),
          differences: valueOf(mine('planLetter'), 'differences'),
        },
        progress: {
          errors: errors('progress'),
          onsiteItems: dateItems('progress', 'onsite', offer.progressOnsiteOn),
          judgements: radios(
            PROGRESS_JUDGEMENTS,
            which === 'progress' ? valueOf(mine('progress'), 'judgement') : (offer.progressJudgement ?? ''),
          ),
        },
      },
      errorList: which ? formErrorList(FORMS[which], state) : [],
    })
  }

  return { offerPage }
}
