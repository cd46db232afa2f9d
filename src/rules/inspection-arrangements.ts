/**
 * How standard and short inspections and focused visits are run (RULES.md S1, S3, S7, S8). The
 * dates are in `timelines/`; this file holds the arrangements the service shows and checks.
 */

/** Notice (S1, 002#52, #54, #73-75, #103). */
export const NOTICE_RULES = {
  workingDaysBefore: 5,
  by: '9.30am',
  how: 'a telephone call to the DCS, then an email confirming the start and asking for the Annex A information (002#73-74)',
  focusedVisit: 'usually five working days, with the call on the Tuesday (002#103)',
  dcsUnavailable: [
    'the most senior manager available (to notify the DCS)',
    'if the DCS is not available, the chief executive',
  ],
  neverDelays:
    'the non-availability of the DCS or a senior manager will not delay the start of the inspection (002#75)',
} as const

/** The inspection team (S3, 002#52-55, #79, #84-95). */
export const INSPECTION_TEAM = {
  socialCareInspectors: { usual: 4, note: 'fewer for some smaller local authorities (002#52 fn16, #54 fn17)' },
  arrival: 'the lead inspector and three inspectors arrive on site on Monday afternoon (002#79)',
  regulatoryInspector: {
    daysOnSite: 2,
    fosterCarerHouseholds: 4,
    adopterHouseholds: 4,
    focus: 'recruitment, assessment, training and support of foster and adoptive carers (002#84-85)',
  },
  schoolsHmi: {
    daysAllocated: 2,
    daysOnSite: 1,
    schedule: 'the first Monday of fieldwork off site, the Tuesday on site (002#92-94)',
  },
  shadowingInspector: 'optional; gathers no evidence that informs the judgements (002#53, #55)',
  focusedVisit: 'usually two inspectors on site for two days within one week (002#103)',
  monitoringVisit:
    'usually two inspectors for two days; the same inspector leads all the visits where possible (002#129)',
} as const

/** The questions of a short inspection (S8, 002#57). */
export const SHORT_INSPECTION_QUESTIONS = [
  'Has the quality and impact of practice been maintained?',
  'Are there any areas where the quality and impact of practice have improved?',
  'Are there any areas where the quality and impact of practice have deteriorated?',
] as const

/** Focused visit topics (S7, 002#106) and what every visit evaluates (002#107). */
export const FOCUSED_VISIT_TOPICS = {
  topics: [
    'The front door',
    'Children in need and those subject to a child protection plan',
    'Protection of vulnerable adolescents (contextual safeguarding)',
    'Children in care',
    'Permanency planning and achieving permanence',
    'Care leavers',
  ],
  alwaysEvaluated: [
    'performance management',
    'management oversight',
    'supervision',
    'quality assurance',
    'continuous professional development of the workforce',
  ],
} as const

/** Findings of a focused visit (S7, 002#108-110): no grades. */
export const FOCUSED_VISIT_FINDINGS = {
  graded: false,
  outcome: 'findings about strengths and areas for improvement, reported in a published letter (002#108)',
  priorityAction: [
    'an area of serious weakness that is placing children at risk of inadequate protection and significant harm',
    'unnecessary delay in identifying permanent solutions for children in care that results in their welfare not being safeguarded and promoted',
  ],
} as const
