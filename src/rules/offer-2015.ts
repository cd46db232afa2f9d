/**
 * The 2015 improvement offer to authorities judged inadequate under the SIF (RULES.md I1–I5;
 * 000, "strand 2"), counted from the publication of the inadequate report.
 *
 * - I1 six components (000#5); improvement planning seminar 25–35 days after publication (000#8,
 *   #12; "working days" in the Annex A letter), final agenda five working days before (000#20),
 *   evidence notebook returned five days after the seminar (000#14).
 * - I2 improvement plan within 70 working days of receiving the report, "the effective date of
 *   publication" (000#24; "70 days" in 000#10); IMS chases "after 50 days" (000#27).
 * - I3 twelve monthly two-day improvement monitoring visits, the first within four weeks of the
 *   plan being judged acceptable; letters not published (000#34-35).
 * - I4 four quarterly improvement board reviews; those at six, nine and 12 months are published,
 *   the first is not (000#36, #38).
 * - I5 progress inspection 12 months after the start of the offer; framework confirmed by the end
 *   of the third quarter, a month to respond, a further month to confirm (000#39-40); a full SIF
 *   unlikely until between 2 years 6 months and 3 years after the inadequate report's
 *   publication, unless there are serious concerns (000#54).
 */
import { addDays, addMonths, type IsoDate } from './calendar/dates.js'
import { addWorkingDays } from './calendar/working-days.js'
import { milestone } from './timelines/common.js'
import type { Cited, Milestone } from './types.js'

/** The six components of the offer (I1, 000#5). */
export const OFFER_2015_COMPONENTS = [
  'notification of the inspection judgement and the improvement offer',
  'the improvement planning seminar',
  'the improvement plan',
  'monthly improvement monitoring visits',
  'quarterly improvement board review',
  'a progress inspection',
] as const

/** The seminar's attendance rules (I1, 000#8-9, #21-22; Annex A letter). */
export const SEMINAR_ATTENDANCE = {
  localParticipants: { min: 6, max: 8 },
  councillors: 'not invited (000#9, #22)',
  durationHours: 3,
  ofsted: ['the lead inspector (or another member of the inspection team)', 'a senior HMI based in the region'],
} as const

/** Who the invitation letter is copied to (I1, 000#12). */
export const SEMINAR_INVITATION_COPIES = [
  'the lead inspector',
  'the regional SHMI',
  'the National Director, Social Care',
  'the DfE inspections and interventions team',
] as const

/** What happens when the DCS declines the seminar (I1, 000#7, #15-16). */
export const SEMINAR_DECLINED_STEPS = [
  'the regional director, SHMI and lead inspector agree a further approach to persuade the DCS (000#15)',
  'the DfE inspections and interventions team is formally notified (000#7, #15)',
  'the refusal becomes part of Ofsted’s risk assessment and the timing of the next inspection (000#7, #15)',
  'if no agreement is reached the regional director records it on the SIF SharePoint site (000#16)',
] as const

/** The improvement plan review letters (I2, 000#30-33). */
export const PLAN_REVIEW_LETTERS = {
  D: 'the plan reflects the inspection (000#31)',
  E: 'the plan does not reflect the priorities; areas of difference set out (000#32)',
  F: 'differences resolved after discussion (000#32)',
  G: 'differences not resolved; the DfE and the National Director, Social Care are informed (000#33)',
} as const

/** Optional dates that later steps count from. */
export interface Offer2015Options {
  /** The agreed seminar date (agenda and evidence notebook count from it). */
  seminar?: IsoDate
  /** The day the improvement plan was judged an acceptable basis for support (I3). */
  planAccepted?: IsoDate
}

/** The dates of the 2015 offer, each also in `milestones` with its rule. */
export interface Offer2015 {
  published: IsoDate
  seminar: { earliest: IsoDate; latest: IsoDate; agendaBy?: IsoDate; evidenceNotebookReturn?: IsoDate }
  improvementPlanDue: IsoDate
  planChase: IsoDate
  monitoringVisits: { count: number; firstBy?: IsoDate; lettersPublished: false }
  boardReviews: { review: number; monthsAfterStart: number; about: IsoDate; published: boolean }[]
  progressInspection: { about: IsoDate; frameworkConfirmedBy: IsoDate; responseBy: IsoDate; finalFrameworkBy: IsoDate }
  fullInspection: { notBefore: IsoDate; by: IsoDate }
  milestones: Milestone[]
  decisions: (Cited & { decision: string })[]
}

/**
 * The 2015 offer's dates after an inadequate report published on `published` (I1–I5).
 *
 * Decisions: the seminar's "25 and 35 days" (000#8, #12) and the evidence notebook's "five days"
 * (000#14) are working days, as the Annex A letter says for the seminar (C5); the plan chase
 * "after 50 days" (000#27) is 50 working days, counted like the 70; the offer starts on the
 * publication of the inadequate report (the regional director writes "immediately after
 * publication", 000#12), so the quarterly reviews and the progress inspection count from it;
 * "the end of the third quarter" is nine months after the start; "four weeks" is 28 days.
 */
export function offer2015(published: IsoDate, options: Offer2015Options = {}): Offer2015 {
  const seminarEarliest = addWorkingDays(published, 25)
  const seminarLatest = addWorkingDays(published, 35)
  const improvementPlanDue = addWorkingDays(published, 70)
  const planChase = addWorkingDays(published, 50)
  const agendaBy = options.seminar ? addWorkingDays(options.seminar, -5) : undefined
  const evidenceNotebookReturn = options.seminar ? addWorkingDays(options.seminar, 5) : undefined
  const firstVisitBy = options.planAccepted ? addDays(options.planAccepted, 28) : undefined
  const boardReviews = [3, 6, 9, 12].map((months, index) => ({
    review: index + 1,
    monthsAfterStart: months,
    about: addMonths(published, months),
    published: index > 0,
  }))
  const frameworkConfirmedBy = addMonths(published, 9)
  const progress = {
    about: addMonths(published, 12),
    frameworkConfirmedBy,
    responseBy: addMonths(frameworkConfirmedBy, 1),
    finalFrameworkBy: addMonths(frameworkConfirmedBy, 2),
  }
  const fullInspection = { notBefore: addMonths(published, 30), by: addMonths(published, 36) }

  const milestones: Milestone[] = [
    milestone(
      'report.published',
      'Inadequate inspection report published; the regional director invites the DCS to host a seminar',
      published,
      'I1',
      '000#12',
    ),
    milestone(
      'seminar.earliest',
      'Improvement planning seminar: from 25 working days after publication',
      seminarEarliest,
      'I1',
      '000#8, #12, Annex A',
      { until: seminarLatest },
    ),
    milestone(
      'seminar.latest',
      'Improvement planning seminar: by 35 working days after publication',
      seminarLatest,
      'I1',
      '000#8, #12, Annex A',
    ),
    ...(options.seminar && agendaBy && evidenceNotebookReturn
      ? [
          milestone(
            'seminar.agenda',
            'Final seminar agenda distributed (where possible five working days before)',
            agendaBy,
            'I1',
            '000#20',
          ),
          milestone(
            'seminar',
            'Improvement planning seminar (about three hours)',
            options.seminar,
            'I1',
            '000#14, Annex A',
          ),
          milestone(
            'seminar.evidence-notebook',
            'Evidence notebook return date: five days after the seminar',
            evidenceNotebookReturn,
            'I1',
            '000#14',
          ),
        ]
      : []),
    milestone(
      'improvement-plan.chase',
      'IMS emails the authority if the improvement plan has not been received (after 50 days)',
      planChase,
      'I2',
      '000#27',
    ),
    milestone(
      'improvement-plan.due',
      'Improvement plan (written statement of action) due: 70 working days after publication',
      improvementPlanDue,
      'I2',
      '000#24',
    ),
    ...(firstVisitBy
      ? [
          milestone(
            'monitoring-visit.first-by',
            'First of 12 monthly improvement monitoring visits: within four weeks of the plan being judged acceptable',
            firstVisitBy,
            'I3',
            '000#34',
          ),
        ]
      : []),
    ...boardReviews.map((review) =>
      milestone(
        `board-review.${review.review}`,
        `Quarterly improvement board review ${review.review} (${review.monthsAfterStart} months)${review.published ? ': letter published' : ': letter not published'}`,
        review.about,
        'I4',
        '000#36, #38',
      ),
    ),
    milestone(
      'progress-inspection.framework-confirmed',
      'Progress inspection framework confirmed in writing (by the end of the third quarter)',
      progress.frameworkConfirmedBy,
      'I5',
      '000#40',
    ),
    milestone(
      'progress-inspection.response',
      'Authority responds to the framework (within one month)',
      progress.responseBy,
      'I5',
      '000#40',
    ),
    milestone(
      'progress-inspection.final-framework',
      'SHMI confirms the final framework (within a further month)',
      progress.finalFrameworkBy,
      'I5',
      '000#40',
    ),
    milestone(
      'progress-inspection.about',
      'Progress inspection: 12 months after the start of the offer',
      progress.about,
      'I5',
      '000#39',
    ),
    milestone(
      'full-inspection.not-before',
      'Full repeat SIF unlikely before 2 years 6 months after publication, unless there are serious concerns',
      fullInspection.notBefore,
      'I5',
      '000#54',
      { until: fullInspection.by },
    ),
    milestone('full-inspection.by', 'Full repeat SIF: by 3 years after publication', fullInspection.by, 'I5', '000#54'),
  ]
  const decisions = [
    {
      rule: 'I1' as const,
      citation: '000#8, #12, #14, Annex A',
      decision: 'The seminar window (25–35) and the evidence notebook’s five days are working days',
    },
    {
      rule: 'I2' as const,
      citation: '000#10, #24, #27',
      decision:
        '70 working days from publication (the effective date of receipt, 000#24); the chase "after 50 days" is 50 working days',
    },
    {
      rule: 'I4' as const,
      citation: '000#36, #39',
      decision: 'The offer starts on publication; quarterly reviews at 3, 6, 9 and 12 months after it',
    },
    {
      rule: 'I5' as const,
      citation: '000#39-40',
      decision: 'The end of the third quarter is nine months after the start of the offer',
    },
  ]
  return {
    published,
    seminar: {
      earliest: seminarEarliest,
      latest: seminarLatest,
      ...(agendaBy ? { agendaBy } : {}),
      ...(evidenceNotebookReturn ? { evidenceNotebookReturn } : {}),
    },
    improvementPlanDue,
    planChase,
    monitoringVisits: { count: 12, ...(firstVisitBy ? { firstBy: firstVisitBy } : {}), lettersPublished: false },
    boardReviews,
    progressInspection: progress,
    fullInspection,
    milestones,
    decisions,
  }
}

/**
 * When monthly improvement monitoring visit `visit` (1 to 12) falls due, counted from the first
 * visit (I3, 000#34: "a programme of 12 monthly improvement monitoring visits").
 *
 * Decision: "monthly" is read as the same day of each following month (the last day of a shorter
 * month), so visit 12 falls eleven months after the first. With the first visit four weeks after
 * an acceptable plan, the twelfth comes after the progress inspection 12 months from publication
 * (000#39): the offer's start is publication (I4), and the page shows the visits that overrun.
 */
export function offer2015VisitDue(firstVisit: IsoDate, visit: number): IsoDate {
  if (!Number.isInteger(visit) || visit < 1 || visit > 12) throw new RangeError('A visit is numbered 1 to 12')
  return addMonths(firstVisit, visit - 1)
}
