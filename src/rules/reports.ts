/**
 * Reports and letters (RULES.md E6, E10): what they contain and who receives them (002#202-216,
 * #224-226; 001#64-65). E7 (publication timelines) is in `timelines/publication.ts`; E8 (the
 * first monitoring letter) in `timelines/monitoring-visit.ts`.
 */
import type { ActivityType, Cited } from './types.js'

/** What is published after each activity (E6, the table at 002#202). */
export const REPORT_KIND: Record<
  'standard-inspection' | 'short-inspection' | 'focused-visit' | 'monitoring-visit',
  string
> = {
  'standard-inspection':
    'Inspection report with judgements on the Ofsted four-point scale, plus a stand-alone summary written for children and young people',
  'short-inspection':
    'Inspection report with judgements on the Ofsted four-point scale, plus a stand-alone summary written for children and young people',
  'focused-visit': 'Letter setting out narrative findings about strengths and areas to improve',
  'monitoring-visit':
    'Letter setting out narrative findings about strengths and areas to improve; the letter after the first monitoring visit is not usually published',
}

/** The questions the first page of a standard or short inspection report answers, after the graded judgements (E6, 002#205). */
export const FIRST_PAGE_QUESTIONS = [
  'What do we know about the overall experiences of children living in this local authority?',
  'To what extent do leaders know about the quality of front-line practice?',
  'How well do they support practice to help it stay or become good?',
  'What has changed for children since the last inspection?',
] as const

/** The rules a report or letter is checked against (E6). */
export const REPORT_RULES = [
  {
    rule: 'E6',
    citation: '002#206',
    text: 'after the first page: the areas where improvement is needed most, then a section on each judgement area',
  },
  {
    rule: 'E6',
    citation: '002#209',
    text: 'areas to improve are proportionate to the grade and say what needs to improve, not how to remedy it',
  },
  {
    rule: 'E6',
    citation: '002#211',
    text: 'short and standard inspection reports always report the experiences and progress of care leavers',
  },
  { rule: 'E6', citation: '002#212', text: 'a standard or short inspection report is no more than 10 pages' },
  {
    rule: 'E6',
    citation: '002#213',
    text: 'where a third party provides delegated functions, report how the authority assures itself of its effectiveness',
  },
  {
    rule: 'E6',
    citation: '002#207',
    text: 'a focused visit letter may name a small number of areas for improvement, and a section on areas for priority action where weaknesses are serious',
  },
] as const

/** The sections of a post-monitoring single inspection report (E6, 001#64), and its page limit (001#65). */
export const PMSIF_REPORT = {
  sections: [
    'a one-page executive summary',
    'up to two pages per key judgement summarising the key strengths and weaknesses',
    'a one-page summary of the graded judgements',
    'recommendations for improvement',
  ],
  maxPages: 12,
} as const

/** The page limit of a report, where the seeds set one (E6, 002#212; 001#65). */
export function reportPageLimit(type: ActivityType): (Cited & { maxPages: number }) | undefined {
  if (type === 'standard-inspection' || type === 'short-inspection')
    return { rule: 'E6', citation: '002#212', maxPages: 10 }
  if (type === 'post-monitoring-inspection') return { rule: 'E6', citation: '001#65', maxPages: PMSIF_REPORT.maxPages }
  return undefined
}

/** Who receives the final report, and what else is sent (E10, 002#216, #224-226). */
export const REPORT_RECIPIENTS = {
  finalReport: [
    'the local authority (copied to a third party where statutory functions have been delegated)',
    'the Chair of the Children in Care Council and/or the worker who supports the council',
    'the DfE',
  ],
  published: "on Ofsted's website (002#216)",
  partnerInspectorates:
    'the final version is shared with the partner inspectorates (CQC, HMICFRS, HMI Probation, HMI Prisons, HMI Crown Prosecution Service Inspectorate) under embargo until publication (002#224)',
  concernsAboutOtherAgencies:
    'a letter from HMCI to the relevant inspectorate, drafted by the lead inspector and submitted with the draft report for quality assurance (002#224-225)',
  weaknessesInOtherProviders: 'recorded to inform future inspections of those providers or agencies (002#226)',
} as const
