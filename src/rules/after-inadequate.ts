/**
 * After an inadequate judgement (RULES.md M1–M10): the 2017 monitoring arrangements of 001 and
 * the ILACS section "Monitoring inadequate local authorities" (002#112-139), counted from the
 * day the authority receives its inspection report.
 *
 * - M2 action planning visit 25–35 working days after receiving the report (001#10; 001#5 says
 *   only "days"; "about 30 working days" in 002#116); final agenda five working days before it
 *   (001#14, 002#121).
 * - M3 action plan (written statement of action) within 70 working days of receiving the report
 *   (001#6, #19; 002#219).
 * - M4 first monitoring visit usually within four weeks of the action plan deadline (001#23,
 *   002#128); four to six quarterly visits before re-inspection (002#22, #128).
 * - M6 re-inspection usually within 24 months of the action plan deadline (003#The timing of the
 *   re-inspection), not before at least four monitoring visits (001#49, 003#Next steps).
 */
import { addDays, addMonths, type IsoDate } from './calendar/dates.js'
import { addWorkingDays } from './calendar/working-days.js'
import type { Grade } from './judgements.js'
import type { Cited, Milestone } from './types.js'
import { milestone } from './timelines/common.js'

/** The dates that follow an inadequate judgement, each in `milestones` with its rule. */
export interface AfterInadequate {
  reportReceived: IsoDate
  actionPlanningVisit: { earliest: IsoDate; latest: IsoDate; about: IsoDate }
  actionPlanDue: IsoDate
  firstMonitoringVisitBy: IsoDate
  monitoringVisits: { minimum: number; maximum: number; indicative: { visit: number; about: IsoDate }[] }
  reinspection: {
    earliest: IsoDate
    latest: IsoDate
    minimumMonitoringVisits: number
    /** M6's other reading: 24 months from the day the plan was actually submitted (001#49, 003#Next steps). */
    latestFromSubmission?: IsoDate
  }
  milestones: Milestone[]
  decisions: (Cited & { decision: string })[]
}

/** Options: the day the action plan was submitted, when known (M6's second reading). */
export interface AfterInadequateOptions {
  actionPlanSubmitted?: IsoDate
}

/** Working days after receiving the report within which the action planning visit falls (001#10). */
export const ACTION_PLANNING_VISIT_WINDOW = { from: 25, to: 35, about: 30 } as const
/** Working days to submit the action plan (001#19). */
export const ACTION_PLAN_WORKING_DAYS = 70
/** Monitoring visits before re-inspection (002#22, #128; at least four, 001#49). */
export const MONITORING_VISITS = { minimum: 4, maximum: 6 } as const

/**
 * The 2017 arrangements after an inadequate judgement, from the day the authority received its
 * inspection report (M2–M6).
 *
 * Decisions:
 * - the input is the day the report was received, because the sources anchor the 70 days
 *   differently (pre-publication report 001#7, #49; final report 002#219; publication 000#24,
 *   004#Key messages);
 * - "within four weeks" of the action plan deadline is 28 calendar days (M4); 20 working days
 *   is the other reading and is shown beside it;
 * - the earliest re-inspection is 12 months after the action plan deadline: four quarterly
 *   monitoring visits, because improvement is unlikely to show "in less than a year" (001#49);
 * - limits counted in calendar weeks or months are given as the calendar date, even when it is
 *   not a working day: the activity must fall on a working day on or before it.
 */
export function afterInadequate(reportReceived: IsoDate, options: AfterInadequateOptions = {}): AfterInadequate {
  const earliestVisit = addWorkingDays(reportReceived, ACTION_PLANNING_VISIT_WINDOW.from)
  const latestVisit = addWorkingDays(reportReceived, ACTION_PLANNING_VISIT_WINDOW.to)
  const aboutVisit = addWorkingDays(reportReceived, ACTION_PLANNING_VISIT_WINDOW.about)
  const actionPlanDue = addWorkingDays(reportReceived, ACTION_PLAN_WORKING_DAYS)
  const firstMonitoringVisitBy = addDays(actionPlanDue, 28)
  const firstBy20WorkingDays = addWorkingDays(actionPlanDue, 20)
  const reinspectionLatest = addMonths(actionPlanDue, 24)
  const reinspectionEarliest = addMonths(actionPlanDue, 12)
  const indicative = Array.from({ length: MONITORING_VISITS.maximum }, (_, index) => ({
    visit: index + 1,
    about: addMonths(firstMonitoringVisitBy, 3 * index),
  }))
  const latestFromSubmission = options.actionPlanSubmitted ? addMonths(options.actionPlanSubmitted, 24) : undefined

  const milestones: Milestone[] = [
    milestone('report.received', 'Local authority receives the inspection report', reportReceived, 'M3', '001#6-7'),
    milestone(
      'action-planning-visit.earliest',
      'Action planning visit: earliest (25 working days after receiving the report)',
      earliestVisit,
      'M2',
      '001#10',
      { until: latestVisit },
    ),
    milestone(
      'action-planning-visit.about',
      'Action planning visit: about 30 working days after receiving the report',
      aboutVisit,
      'M2',
      '002#116',
    ),
    milestone(
      'action-planning-visit.latest',
      'Action planning visit: latest (35 working days after receiving the report)',
      latestVisit,
      'M2',
      '001#10',
    ),
    milestone(
      'action-plan.due',
      'Action plan (written statement of action) due to the Secretary of State and HMCI: 70 working days after receiving the report',
      actionPlanDue,
      'M3',
      '001#6, #19; 002#219',
    ),
    milestone(
      'monitoring-visit.first-by',
      'First monitoring visit: usually within four weeks of the action plan deadline',
      firstMonitoringVisitBy,
      'M4',
      '001#23, 002#128',
      {
        alternatives: [
          { reading: 'four weeks read as 20 working days', date: firstBy20WorkingDays, rule: 'M4', citation: '001#23' },
        ],
      },
    ),
    ...indicative
      .slice(1)
      .map((visit) =>
        milestone(
          `monitoring-visit.${visit.visit}.about`,
          `Monitoring visit ${visit.visit}: about a quarter after the last (not necessarily evenly spaced${visit.visit > MONITORING_VISITS.minimum ? '; only if more than four visits are needed' : ''})`,
          visit.about,
          'M4',
          '001#23, 002#128',
        ),
      ),
    milestone(
      'reinspection.earliest',
      'Re-inspection: not before at least four quarterly monitoring visits (about a year after the action plan deadline)',
      reinspectionEarliest,
      'M6',
      '001#49, 003#Next steps',
    ),
    milestone(
      'reinspection.latest',
      'Re-inspection: usually within 24 months of the action plan deadline',
      reinspectionLatest,
      'M6',
      '003#The timing of the re-inspection',
      {
        alternatives: latestFromSubmission
          ? [
              {
                reading: 'within 24 months of submitting the action plan',
                date: latestFromSubmission,
                rule: 'M6',
                citation: '001#49, 003#Next steps',
              },
            ]
          : [],
      },
    ),
  ]
  const decisions = [
    {
      rule: 'M3' as const,
      citation: '001#7, #49; 002#219; 000#24',
      decision:
        'The 70 working days run from the day the authority received its report (the input), because the sources name different reports',
    },
    {
      rule: 'M4' as const,
      citation: '001#23',
      decision: 'Four weeks = 28 calendar days; 20 working days is shown as the other reading',
    },
    {
      rule: 'M6' as const,
      citation: '001#49',
      decision:
        'Earliest re-inspection = action plan deadline + 12 months (four quarterly monitoring visits; improvement unlikely in less than a year)',
    },
    {
      rule: 'M6' as const,
      citation: '003#The timing of the re-inspection; 001#49',
      decision:
        '24 months run from the action plan deadline; "of submitting" gives the same date unless the plan was submitted early (pass the submission date to see both)',
    },
  ]
  return {
    reportReceived,
    actionPlanningVisit: { earliest: earliestVisit, latest: latestVisit, about: aboutVisit },
    actionPlanDue,
    firstMonitoringVisitBy,
    monitoringVisits: { ...MONITORING_VISITS, indicative },
    reinspection: {
      earliest: reinspectionEarliest,
      latest: reinspectionLatest,
      minimumMonitoringVisits: MONITORING_VISITS.minimum,
      ...(latestFromSubmission ? { latestFromSubmission } : {}),
    },
    milestones,
    decisions,
  }
}

/** The day the final agenda of an action planning visit on `visitDate` is circulated: five working days before (M2, 001#14, 002#121). */
export function actionPlanningVisitAgendaDue(visitDate: IsoDate): IsoDate {
  return addWorkingDays(visitDate, -5)
}

/** Who the regional director's letter confirming the action planning visit is copied to (M2, 001#9). */
export const ACTION_PLANNING_VISIT_LETTER_COPIES = [
  'the lead inspector from the single inspection',
  'the inspector who will lead the monitoring visits (if already identified)',
  'the regional SHMI',
  'the Ofsted national director (social care)',
  'the DfE inspections and interventions team',
] as const

/** The record of an action planning visit (M2, 001#18, Annex C). */
export const ACTION_PLANNING_VISIT_RECORD = [
  'List of attendees',
  'Details of discussion',
  'Details of formal planning',
  'Agreed and signed by Ofsted HMI and SHMI',
  'Date of record',
] as const

/** The regional director's letter after reviewing the action plan (M3, 001#21-22, Annexes D and E). */
export function actionPlanReviewLetter(reflectsFindings: boolean): Cited & { annex: 'D' | 'E'; nextStep: string } {
  return reflectsFindings
    ? {
        rule: 'M3',
        citation: '001#21, Annex D',
        annex: 'D',
        nextStep: 'Ofsted tracks the plan through the monitoring visits',
      }
    : {
        rule: 'M3',
        citation: '001#21-22, Annex E',
        annex: 'E',
        nextStep:
          'The lead inspector discusses the differences with the DCS; if unresolved, the DfE and the Secretary of State are asked to consider action',
      }
}

/** The inputs the regional leadership team weighs for a post-monitoring single inspection (M7, 001#54). */
export const REINSPECTION_DECISION_INPUTS = [
  'information gathered during the quarterly monitoring visits',
  "the local authority's evaluation of its improvement journey and performance, including whether it considers it is ready for re-inspection",
  'the view of the Department for Education',
  'performance data',
  'other regional intelligence, for example inspection outcomes of regulated settings run by the local authority',
] as const

/** The key judgements at the inadequate inspection, and concerns since (M7 inputs). */
export interface ReinspectionInputs {
  grades: Grade[]
  concernAboutRateOfProgress?: boolean
  possibleDecline?: boolean
}

/** Which re-inspection the rules point to (M7), under both readings of how widespread inadequacy must be. */
export interface ReinspectionKind extends Cited {
  kind: 'full' | 'post-monitoring-possible'
  reasons: string[]
  /** 001#51 says "all or most" areas; 003#Next steps says "all": the answer under each. */
  readings: { allOrMost: 'full' | 'post-monitoring-possible'; all: 'full' | 'post-monitoring-possible' }
}

/**
 * Full re-inspection or a post-monitoring single inspection (M7): full if inadequate across all
 * or most judgement areas (001#51; "all" in 003#Next steps), or if Ofsted is concerned about the
 * rate of progress or a possible decline (003#Next steps); otherwise a post-monitoring single
 * inspection may be used (001#51-52), decided by the regional leadership team (001#54).
 *
 * Decision: "most" is more than half of the judgement areas given. We answer with the 001#51
 * reading and show both.
 */
export function reinspectionKind(inputs: ReinspectionInputs): ReinspectionKind {
  const inadequate = inputs.grades.filter((grade) => grade === 'inadequate').length
  const total = inputs.grades.length
  const concern = Boolean(inputs.concernAboutRateOfProgress || inputs.possibleDecline)
  const all = total > 0 && inadequate === total
  const most = inadequate * 2 > total
  const reasons: string[] = []
  if (all) reasons.push('inadequate in all judgement areas')
  else if (most) reasons.push('inadequate in most judgement areas')
  if (inputs.concernAboutRateOfProgress) reasons.push('concern about the rate of progress')
  if (inputs.possibleDecline) reasons.push('possible decline')
  const allOrMost = all || most || concern ? 'full' : 'post-monitoring-possible'
  const allOnly = all || concern ? 'full' : 'post-monitoring-possible'
  if (allOrMost === 'post-monitoring-possible')
    reasons.push('inadequacy less widespread: a post-monitoring single inspection may be used')
  return {
    rule: 'M7',
    citation: '001#51-52, #54; 003#Next steps',
    kind: allOrMost,
    reasons,
    readings: { allOrMost, all: allOnly },
  }
}

/** What follows a re-inspection's outcome (M9, 001#67; 002#23): still inadequate → monitoring starts again. */
export function afterReinspection(
  overall: Grade,
): Cited & { monitoringRestarts: boolean; firstLetterPublished: boolean; message: string } {
  if (overall === 'inadequate') {
    return {
      rule: 'M9',
      citation: '001#67, 002 fn28',
      monitoringRestarts: true,
      firstLetterPublished: true,
      message:
        'Still inadequate: the monitoring process starts again, and the first letter of the second set of visits is published',
    }
  }
  return {
    rule: 'M9',
    citation: '002#23',
    monitoringRestarts: false,
    firstLetterPublished: false,
    message: 'The authority enters the pathway of its new overall grade',
  }
}

/** Whether an action plan follows an activity, and when (M10, 002#219-221). */
export function actionPlanAfter(
  type: 'standard-inspection' | 'short-inspection' | 'focused-visit' | 'monitoring-visit',
): Cited & { required: boolean; what: string } {
  switch (type) {
    case 'standard-inspection':
    case 'short-inspection':
      return {
        rule: 'M3',
        citation: '002#219',
        required: true,
        what: 'An action plan responding to the report, within 70 working days of receiving the final report',
      }
    case 'focused-visit':
      return {
        rule: 'M10',
        citation: '002#220',
        required: true,
        what: 'Update the existing action plan and send it with the self-evaluation before the next annual engagement meeting',
      }
    case 'monitoring-visit':
      return {
        rule: 'M10',
        citation: '002#221',
        required: false,
        what: 'No action plan is needed after a monitoring visit',
      }
  }
}

/** What the lead inspector tells the DCS at the feedback meeting of an inadequate judgement (M1, 002#112; 001#5-6). */
export const INADEQUATE_FEEDBACK_MESSAGES = [
  'Ofsted will carry out monitoring: an action planning visit, quarterly monitoring visits and a re-inspection (002#112)',
  'Arrange an action planning visit between 25 and 35 working days after receiving the report (001#5, #10)',
  'Produce a written statement of proposed action within 70 working days of receiving the report (001#6)',
  'If the authority will not agree the programme of quarterly monitoring visits, the Secretary of State is likely to direct Ofsted to carry them out (002#113, 001#3)',
] as const
