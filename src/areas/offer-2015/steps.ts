import { type IsoDate } from '../../rules/calendar/dates.js'
import {
  OFFER_2015_COMPONENTS,
  offer2015,
  offer2015VisitDue,
  PLAN_REVIEW_LETTERS,
  SEMINAR_DECLINED_STEPS,
  SEMINAR_INVITATION_COPIES,
} from '../../rules/offer-2015.js'
import { afterProgressLetter, progressInspection2015Timeline } from '../../rules/timelines/progress-inspection-2015.js'
import type { OfferRecord, OfferState } from './types.js'

/** Who does a step (000#12-54). */
export type Owner = 'regional-director' | 'lead-inspector' | 'senior-hmi' | 'hmi' | 'ims' | 'la' | 'hmci'

export const OWNER_LABELS: Record<Owner, string> = {
  'regional-director': 'Regional director',
  'lead-inspector': 'Lead inspector',
  'senior-hmi': 'Senior HMI',
  hmi: 'HMI',
  ims: 'Inspection management support',
  la: 'The local authority (DCS)',
  hmci: 'HMCI',
}

/** One step of the offer: its statutory date (or window), the actual date, who does it, and its rule. */
export interface OfferStep {
  readonly key: string
  readonly component: (typeof OFFER_2015_COMPONENTS)[number] | 'after the progress inspection'
  readonly label: string
  readonly statutory: IsoDate | null
  readonly until?: IsoDate
  readonly actual: IsoDate | null
  readonly owners: readonly Owner[]
  readonly rule: string
  readonly citation: string
  /** Recorded with the plain "record a step" form (the others have their own forms). */
  readonly plain: boolean
}

const [NOTIFICATION, SEMINAR, PLAN, VISITS, REVIEWS, PROGRESS] = OFFER_2015_COMPONENTS

/** The progress inspection milestones (000#42) as steps, with who does each. */
const PROGRESS_OWNERS: Record<string, Owner[]> = {
  'briefing.pre-inspection': ['lead-inspector'],
  notice: ['lead-inspector'],
  'notice.dfe-and-improvement-board': ['lead-inspector'],
  'annex-a.request': ['lead-inspector'],
  'annex-a.child-level-data': ['la'],
  'cases.selected': ['lead-inspector'],
  'onsite.start': ['lead-inspector'],
  'onsite.end': ['lead-inspector'],
  feedback: ['lead-inspector'],
  'report.to-la-for-factual-accuracy': ['lead-inspector'],
  'report.factual-accuracy-due': ['la'],
  'report.final-to-la': ['lead-inspector'],
  'report.published': ['lead-inspector'],
  'other-inspectorates.notified': ['hmci'],
  'statement-of-action.due': ['la'],
}

/** The offer's dates from the rules core (I1–I6), from what is recorded on it. */
export function datesOf(record: OfferRecord) {
  const { offer } = record
  return offer2015(offer.publishedOn, {
    ...(offer.seminarOn ? { seminar: offer.seminarOn } : {}),
    ...(offer.planAcceptedOn ? { planAccepted: offer.planAcceptedOn } : {}),
  })
}

/** The progress inspection's day 1 to day 35 milestones, once its first day on site is set (I6). */
export function progressTimelineOf(record: OfferRecord) {
  if (!record.offer.progressOnsiteOn) return undefined
  const result = progressInspection2015Timeline(record.offer.progressOnsiteOn)
  return result.ok ? result.timeline : undefined
}

/** Every step of the offer in order, with its statutory and actual dates (issue 15). */
export function stepsOf(record: OfferRecord): OfferStep[] {
  const { offer } = record
  const done = new Map(record.steps.map((step) => [step.step, step]))
  const actual = (key: string) => done.get(key)?.doneOn ?? null
  const dates = datesOf(record)
  const steps: OfferStep[] = []
  const add = (step: Omit<OfferStep, 'actual' | 'plain'> & { plain?: boolean }) =>
    steps.push({ plain: true, ...step, actual: actual(step.key) })

  add({
    key: 'invitation',
    component: NOTIFICATION,
    label: `Invitation to host the improvement planning seminar (Annex A), copied to ${SEMINAR_INVITATION_COPIES.join(', ')}`,
    statutory: offer.publishedOn,
    owners: ['regional-director'],
    rule: 'I1',
    citation: '000#12',
  })
  add({
    key: 'seminar.reply',
    component: SEMINAR,
    label: 'The DCS replies to the invitation',
    statutory: null,
    owners: ['la'],
    rule: 'I1',
    citation: '000#14-15',
    plain: false,
  })
  const reply = done.get('seminar.reply')
  if (reply?.detail['reply'] === 'declined' || done.has('seminar.persuasion')) {
    add({
      key: 'seminar.persuasion',
      component: SEMINAR,
      label: `Declined: ${SEMINAR_DECLINED_STEPS[0]}`,
      statutory: null,
      owners: ['regional-director', 'senior-hmi', 'lead-inspector'],
      rule: 'I1',
      citation: '000#15',
    })
    add({
      key: 'seminar.dfe-told',
      component: SEMINAR,
      label: `Still refused: ${SEMINAR_DECLINED_STEPS[1]}; ${SEMINAR_DECLINED_STEPS[2]}`,
      statutory: null,
      owners: ['regional-director'],
      rule: 'I1',
      citation: '000#7, #15-16',
    })
  }
  add({
    key: 'seminar.agenda',
    component: SEMINAR,
    label: 'Final seminar agenda (Annex B) distributed, where possible five working days before',
    statutory: dates.seminar.agendaBy ?? null,
    owners: ['lead-inspector', 'senior-hmi'],
    rule: 'I1',
    citation: '000#20',
  })
  add({
    key: 'seminar',
    component: SEMINAR,
    label:
      'Improvement planning seminar (25 to 35 working days after publication): 3 to 5 priorities, 6 to 8 attendees',
    statutory: dates.seminar.earliest,
    until: dates.seminar.latest,
    owners: ['lead-inspector', 'senior-hmi'],
    rule: 'I1',
    citation: '000#8, #12, Annex B',
    plain: false,
  })
  add({
    key: 'seminar.record',
    component: SEMINAR,
    label: 'Record of the seminar (Annex C) sent to the DCS, copied to the National Director, Social Care',
    statutory: offer.seminarOn,
    owners: ['senior-hmi'],
    rule: 'I1',
    citation: '000#23',
    plain: false,
  })
  add({
    key: 'seminar.evidence-notebook',
    component: SEMINAR,
    label: 'Evidence notebook returned, five days after the seminar',
    statutory: dates.seminar.evidenceNotebookReturn ?? null,
    owners: ['lead-inspector'],
    rule: 'I1',
    citation: '000#14',
  })
  add({
    key: 'plan.chase',
    component: PLAN,
    label: 'IMS emails the LA if the improvement plan has not been received (after 50 days)',
    statutory: dates.planChase,
    owners: ['ims'],
    rule: 'I2',
    citation: '000#27',
  })
  add({
    key: 'plan.received',
    component: PLAN,
    label: 'Improvement plan (written statement of action) received: 70 working days after publication',
    statutory: dates.improvementPlanDue,
    owners: ['la'],
    rule: 'I2',
    citation: '000#24',
  })
  const letter = (key: string) => (done.get(key)?.detail['letter'] as keyof typeof PLAN_REVIEW_LETTERS) ?? undefined
  const first = letter('plan.letter')
  add({
    key: 'plan.letter',
    component: PLAN,
    label: first ? `Plan reviewed, letter ${first}: ${PLAN_REVIEW_LETTERS[first]}` : 'Plan reviewed: letter D or E',
    statutory: actual('plan.received'),
    owners: ['lead-inspector'],
    rule: 'I2',
    citation: '000#30-32',
    plain: false,
  })
  if (first === 'E') {
    const second = letter('plan.resolution')
    add({
      key: 'plan.resolution',
      component: PLAN,
      label: second
        ? `After discussion, letter ${second}: ${PLAN_REVIEW_LETTERS[second]}`
        : 'After discussion with the DCS: letter F (resolved) or G (not resolved; the DfE told)',
      statutory: null,
      owners: ['lead-inspector', 'senior-hmi'],
      rule: 'I2',
      citation: '000#32-33',
      plain: false,
    })
  }
  const firstVisit = actual('visit.1') ?? dates.monitoringVisits.firstBy
  for (let visit = 1; visit <= 12; visit += 1)
    add({
      key: `visit.${visit}`,
      component: VISITS,
      label: `Monthly improvement monitoring visit ${visit} of 12 (two days; letter agreed with the senior HMI, not published)`,
      statutory: firstVisit
        ? visit === 1
          ? (dates.monitoringVisits.firstBy ?? null)
          : offer2015VisitDue(firstVisit, visit)
        : null,
      owners: ['hmi'],
      rule: 'I3',
      citation: '000#34-35',
    })
  for (const review of dates.boardReviews)
    add({
      key: `review.${review.review}`,
      component: REVIEWS,
      label: `Quarterly review ${review.review} (${review.monthsAfterStart} months): draft to the DfE before the board; ${review.published ? 'letter published' : 'letter not published'}`,
      statutory: review.about,
      owners: ['hmi', 'senior-hmi', 'regional-director'],
      rule: 'I4',
      citation: '000#36-38',
    })
  add({
    key: 'offer.at-risk',
    component: REVIEWS,
    label: 'Offer at risk: raised with the regional director and the National Director, Social Care, without delay',
    statutory: null,
    owners: ['hmi', 'senior-hmi'],
    rule: 'I4',
    citation: '000#37',
  })
  const progress = dates.progressInspection
  for (const [key, label, date, owners] of [
    [
      'framework-confirmed',
      'Progress inspection framework confirmed in writing (by the end of the third quarter)',
      progress.frameworkConfirmedBy,
      ['senior-hmi'],
    ],
    ['framework-response', 'The LA responds to the framework (within a month)', progress.responseBy, ['la']],
    [
      'framework-final',
      'The senior HMI confirms the final framework (within a further month)',
      progress.finalFrameworkBy,
      ['senior-hmi'],
    ],
  ] as const)
    add({ key: `pi.${key}`, component: PROGRESS, label, statutory: date, owners, rule: 'I5', citation: '000#40' })
  const timeline = progressTimelineOf(record)
  // Once the letter is published, the partner inspectorates and the statement of action count from that day.
  const letterOut = actual('pi.report.published')
  const after = letterOut ? afterProgressLetter(letterOut) : undefined
  const fromPublication: Record<string, IsoDate | undefined> = {
    'other-inspectorates.notified': after?.otherInspectoratesBy,
    'statement-of-action.due': after?.statementOfActionBy,
  }
  for (const milestone of timeline?.milestones ?? [])
    add({
      key: `pi.${milestone.key}`,
      component: PROGRESS,
      label: milestone.label,
      statutory: fromPublication[milestone.key] ?? milestone.date,
      owners: PROGRESS_OWNERS[milestone.key] ?? ['lead-inspector'],
      rule: milestone.rule,
      citation: milestone.citation,
    })
  const published = actual('pi.report.published')
  add({
    key: 'follow-up-seminar',
    component: 'after the progress inspection',
    label: 'Follow-up improvement planning seminar to update the plan',
    statutory: published,
    owners: ['lead-inspector', 'senior-hmi'],
    rule: 'I5',
    citation: '000#54',
  })
  add({
    key: 'final-letter',
    component: 'after the progress inspection',
    label: 'Final letter on the updated plan: the end of the improvement work; the LA re-enters the inspection cycle',
    statutory: published,
    owners: ['lead-inspector', 'senior-hmi'],
    rule: 'I5',
    citation: '000#54',
  })
  return steps
}

/** Where the offer has reached, from what is recorded (offered to ended). */
export function stateOf(record: OfferRecord): OfferState {
  const { offer } = record
  const done = new Set(record.steps.map((step) => step.step))
  if (offer.endedOn) return 'ended'
  if (offer.progressOnsiteOn || done.has('pi.framework-confirmed')) return 'progress-inspection'
  if (offer.planAcceptedOn || done.has('visit.1')) return 'monitoring'
  if (done.has('seminar') || done.has('seminar.dfe-told') || done.has('plan.received')) return 'plan'
  if (done.has('invitation')) return 'seminar'
  return 'offered'
}
