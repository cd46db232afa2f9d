/** The 2015 improvement offer's domain types (issue 15; 000). */

/** The reply to the seminar invitation (000#7, #14-16). */
export const SEMINAR_REPLIES = {
  accepted: 'Accepted: the DCS will host the seminar',
  declined: 'Declined: the DCS will not host the seminar',
} as const
export type SeminarReply = keyof typeof SEMINAR_REPLIES

/** The improvement plan letters of 000 Annexes D to G (000#31-33); which ones make the plan acceptable. */
export const PLAN_LETTER_ACCEPTS = { D: true, E: false, F: true, G: false } as const
export type PlanLetter = keyof typeof PLAN_LETTER_ACCEPTS

/** The progress inspection's judgement (000#45). */
export const PROGRESS_JUDGEMENTS = {
  satisfactory: 'Satisfactory progress',
  unsatisfactory: 'Unsatisfactory progress',
} as const
export type ProgressJudgement = keyof typeof PROGRESS_JUDGEMENTS

/** Where the offer has reached, from offered to ended. */
export const OFFER_STATES = {
  offered: 'Offered',
  seminar: 'Improvement planning seminar',
  plan: 'Improvement plan',
  monitoring: 'Monthly visits and quarterly reviews',
  'progress-inspection': 'Progress inspection',
  ended: 'Ended',
} as const
export type OfferState = keyof typeof OFFER_STATES

/** One offer: the answer to one SIF inadequate judgement. */
export interface Offer {
  readonly id: string
  readonly laCode: string
  readonly judgementId: string
  readonly publishedOn: string
  readonly openedOn: string
  readonly seminarOn: string | null
  readonly planAcceptedOn: string | null
  readonly progressOnsiteOn: string | null
  readonly progressJudgement: ProgressJudgement | null
  readonly endedOn: string | null
  readonly version: number
}

/** A step as done: when, a note, and what the step's own form recorded. */
export interface DoneStep {
  readonly step: string
  readonly doneOn: string
  readonly note: string
  readonly detail: Readonly<Record<string, unknown>>
}

export interface OfferRecord {
  readonly offer: Offer
  readonly steps: readonly DoneStep[]
}
