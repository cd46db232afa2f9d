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

/** Where a progress inspection case came from (000 Annex H): the lead's 30, or the LA's four. */
export const CASE_SOURCES = {
  selected: 'Selected by the lead inspector',
  'la-child-protection': 'Offered by the LA: child protection',
  'la-child-in-need': 'Offered by the LA: child in need',
} as const
export type CaseSource = keyof typeof CASE_SOURCES

/** A case of the progress inspection's sample, by the LA's child ID (child-level data). */
export interface OfferCase {
  readonly id: string
  readonly childId: string
  readonly source: CaseSource
  readonly cse: boolean
  readonly laAudit: boolean
  readonly standardsEvident: boolean | null
  readonly riskManaged: boolean | null
}

/** A case of concern referred to the LA (000 Annex H/C), with its response once received. */
export interface OfferConcern {
  readonly id: string
  readonly number: number
  readonly childId: string
  readonly teamLocation: string
  readonly issues: string
  readonly responseDue: string
  readonly response: string | null
  readonly respondedOn: string | null
}
