/**
 * The rulebook's entries of RULES.md's first three sections: the calendar, the pathways and
 * proportionate timing, and activity outside inspection (C, P, O).
 */
import { RULEBOOK_SECTIONS, type RulebookEntry } from './sections.js'

const CALENDAR = RULEBOOK_SECTIONS[0]
const PATHWAYS = RULEBOOK_SECTIONS[1]
const OUTSIDE = RULEBOOK_SECTIONS[2]

export const TIMING_RULES: readonly RulebookEntry[] = [
  {
    id: 'C1',
    section: CALENDAR,
    title: 'Working days',
    statement:
      'A working day is Monday to Friday and not an England-and-Wales bank holiday, including substitute days and one-off holidays. "N working days after D" is D plus N working days, D not counted; "day N" of a timeline is day 1 plus (N − 1) working days.',
    citation: '002#52, #73; 001#42',
    quote: "We will give five working days' notice of the inspection. … Working day Activity",
    decision:
      'Bank holidays come from the maintained date-holidays library (GB, region ENG). For speed (each CLI call must answer in under 300 ms) the years 2012–2060 are served from a snapshot the library generated; tests keep the snapshot equal to the library and pin every 2012–2027 holiday against the published GOV.UK list. Where the library disagrees with GOV.UK (2012: spring bank holiday moved to 4 June) a correction with its source is applied and a test says when it is no longer needed. Dates before 2012 come from the library unverified (earlier than GOV.UK\'s list and every seed). Adding 0 working days returns the date unchanged. "Between FROM and TO" counts the working days after FROM up to and including TO; backwards it counts minus the working days from TO up to but not including FROM, so that it is always the inverse of adding.',
    implementedBy: [
      {
        module: 'calendar/working-days',
        exports: ['isWorkingDay', 'workingDayStatus', 'addWorkingDays', 'workingDaysBetween', 'timelineDay'],
      },
      {
        module: 'calendar/bank-holidays',
        exports: [
          'bankHolidays',
          'bankHolidayOn',
          'libraryBankHolidays',
          'correctedLibraryBankHolidays',
          'GOV_UK_CORRECTIONS',
        ],
      },
    ],
  },
  {
    id: 'C2',
    section: CALENDAR,
    title: 'Notification moved off a bank holiday',
    statement:
      'Notice is given five working days before fieldwork. A notification due on a Monday bank holiday moves to the previous working day (the Friday), and at Easter to the Thursday; counting five working days back gives exactly that, and also covers holidays later in the notice week.',
    citation: '002#73 fn18',
    quote:
      'The lead inspector will ensure that the local authority (usually the DCS) is notified by telephone of the inspection by 9.30am five working days before the fieldwork starts. … If notification is due on a Monday that is a bank holiday, the notification will take place on the previous working day – Friday. In the case of Easter weekend, notification would be on Thursday.',
    decision:
      'Computed as five working days before fieldwork, never as a special case: Thursday 2 and Friday 3 June 2022 (Jubilee) give notice on Thursday 26 May for fieldwork on Monday 6 June. The Annex A deadlines count from the notice actually given, so they move with it.',
    implementedBy: [{ module: 'calendar/notification', exports: ['notificationFor'] }],
  },
  {
    id: 'C3',
    section: CALENDAR,
    title: 'Christmas, New Year and August',
    statement:
      'Inspections do not usually begin over Christmas and New Year. In August the only activities are planned monitoring visits, and focused visits by agreement or if concerns arise.',
    citation: '002#14',
    quote:
      'Inspections will not usually begin over the Christmas and New Year period. And also, the only activities that might take place in August would be planned monitoring visits and focused visits by agreement or if concerns arise.',
    decision:
      '"Usually" makes these flags with reasons, not refusals. The Christmas and New Year period is 24 December to 1 January, extended to a New Year substitute bank holiday. "Begin" is checked on both the notice day and the first on-site day. The checks are not applied to the 2015 progress inspection, which predates ILACS.',
    implementedBy: [{ module: 'calendar/seasonal-checks', exports: ['seasonalChecks', 'isInChristmasPeriod'] }],
  },
  {
    id: 'C4',
    section: CALENDAR,
    title: 'No on-site activity after 6pm',
    statement: 'On-site inspection activity does not normally continue after 6pm on a fieldwork day.',
    citation: '002#83',
    quote: 'On-site inspection activity will not normally continue after 6pm on any field work day.',
    decision:
      '"Normally" makes it a flag when activity ends after 18:00, not a refusal. The evidence record flags an entry from on-site activity (a meeting, an observation of practice or a conversation) collected after 18:00; case files, documents and other sources may be read off site, so they are not flagged.',
    implementedBy: [{ module: 'calendar/on-site-hours', exports: ['onSiteHoursCheck'] }],
  },
  {
    id: 'C5',
    section: CALENDAR,
    title: 'Bare "days" are working days; the first on-site day is checked',
    statement:
      'The "days" of the publication (002#216) and Annex A (002#242) tables and of 000#14 are working days. A fieldwork or on-site start that is not a working day, or not the weekday the schedule requires, is refused with the reason.',
    citation: '002#53-55, #103, #129, #216, #242; 001#42',
    quote:
      'Report sent to local authority for factual accuracy checks 10 days after inspectors complete fieldwork … Notification / request for Annex A 5 days before fieldwork (usually Monday) … Working day Activity',
    decision:
      'Only 001#42 says "working day" explicitly; we read every bare "days" in a dated timeline as working days (RULES.md). Required first days: standard, short and post-monitoring inspections and the 2015 progress inspection on a Monday; focused and monitoring visits on a Tuesday, or a Wednesday for the Wednesday–Thursday variants (002 fn20, fn22); monitoring under the 2017 handbook on any working day.',
    implementedBy: [
      { module: 'timelines/common', exports: ['checkFirstOnsiteDay'] },
      { module: 'timelines/index', exports: ['timelineFor', 'requiredOnsiteWeekday'] },
    ],
  },
  {
    id: 'P1',
    section: PATHWAYS,
    title: 'Pathway 1: good or outstanding',
    statement:
      'An authority whose latest overall grade is good or outstanding is on pathway 1: a short inspection about three years after the previous one, usually with one focused visit or a JTAI in between.',
    citation: '002#17-18, #24',
    quote:
      'Local authorities judged to be good or outstanding at their most recent inspection will usually receive a short inspection. The short inspection will usually take place about three years after the previous inspection. … In between inspections, the local authority will usually receive one focused visit or a JTAI. … Up to two focused visits in between inspections',
    decision:
      "Conflict: 002#18 says usually one focused visit; the 002#24 table says up to two for good or outstanding authorities too. The allowance is one (max 1), and the table's two is shown beside it as a conflict; a second visit is flagged, not refused.",
    implementedBy: [
      { module: 'pathways', exports: ['pathwayStatus'] },
      { module: 'planning-checks', exports: ['checkFocusedVisits'] },
    ],
  },
  {
    id: 'P2',
    section: PATHWAYS,
    title: 'Pathway 2: requires improvement to be good',
    statement:
      'An authority judged requires improvement is on pathway 2: a standard inspection about three years after the previous one, with up to two focused visits in between; a JTAI may replace one.',
    citation: '002#20-21',
    quote:
      'Local authorities judged to require improvement to be good at their most recent inspection will receive a standard inspection. The standard inspection will usually take place about three years after the previous inspection. … In between inspections, the local authority will receive up to two focused visits. A focused visit may be replaced by a JTAI.',
    decision: null,
    implementedBy: [
      { module: 'pathways', exports: ['pathwayStatus'] },
      { module: 'planning-checks', exports: ['checkDueWindow', 'checkFocusedVisits'] },
    ],
  },
  {
    id: 'P3',
    section: PATHWAYS,
    title: 'Pathway 3: inadequate',
    statement:
      'An authority judged inadequate is on pathway 3: usually four to six monitoring visits, then a re-inspection, usually under the framework that judged it inadequate.',
    citation: '002#22-23 fn4',
    quote:
      "Local authorities judged inadequate at their most recent inspection will receive monitoring visits followed by a re-inspection. We will usually carry between four and six monitoring visits before the re-inspection. We will usually re-inspect an inadequate local authority using the same framework under which they were judged inadequate. … This re-inspection may be under this framework or our single inspection framework (SIF) for local authority children's services",
    decision:
      'The re-inspection window is the earliest and latest re-inspection of M6, taking the publication date as the day the report was received ("the effective date of publication", 000#24). Standard and short inspections are ILACS judgements; SIF and post-monitoring inspections are SIF judgements. Reading of fn4 (issue 14): it describes the 2018 move from the SIF to ILACS, not a rule for ever. In Ofsted’s published outcomes every authority judged inadequate under the SIF and re-inspected after August 2018 had an ILACS standard inspection (Birmingham: inadequate under the SIF in November 2016, standard inspection published January 2019), and those re-inspected earlier were re-inspected under the SIF (Surrey: published May 2018). So the service predicts a SIF re-inspection (or a post-monitoring inspection, M7) only while it can still take place by 31 August 2018, and an ILACS standard inspection after that.',
    implementedBy: [
      { module: 'pathways', exports: ['pathwayStatus'] },
      { module: 'history', exports: ['frameworkOf', 'latestJudgement'] },
      { module: 'planning-checks', exports: ['checkDueWindow', 'checkFocusedVisits'] },
    ],
  },
  {
    id: 'P4',
    section: PATHWAYS,
    title: 'Timing within six months of the anniversary',
    statement:
      'Standard and short inspections usually fall within six months either side of the three-year anniversary. Intelligence of significant deterioration may bring a standard inspection forward for a pathway 1 authority.',
    citation: '002#13, #19',
    quote:
      'The timing of standard and short inspections will usually be within six months before or six months after the three-year anniversary. … If we hold intelligence suggesting a significant deterioration in performance before a short inspection, including any areas of concern identified at a focused visit, we may decide to carry out a standard inspection.',
    decision:
      'What happens (issue 14, measured on Ofsted’s outcomes at 31 March 2025, shown at /register/drift by year and region, and beside each LA’s own inspections on its register page): of 103 standard and short inspections after a pathway 1 or 2 judgement, 19 started in their window, 82 after it and 2 before; a median of 11.5 months after the window closed (14.9 months for those starting in 2024). So the planner shows a late inspection of an LA whose window has closed with that explanation: it is the usual case since the 2020–21 pause, and the remedy, not a fault of the plan.',
    implementedBy: [
      { module: 'pathways', exports: ['pathwayStatus'] },
      { module: 'planning-checks', exports: ['checkDueWindow'] },
      { module: 'drift', exports: ['monthsOutsideWindow', 'median'] },
    ],
  },
  {
    id: 'P5',
    section: PATHWAYS,
    title: 'A judgement moves the authority to its pathway',
    statement:
      'A new judgement moves the authority to the pathway of its new overall grade; an authority still inadequate stays on pathway 3.',
    citation: '002#17, #20, #23',
    quote:
      'If that short inspection results in the local authority being judged requires improvement to be good, it will move to pathway two. … If, at the re-inspection, its overall effectiveness grade improves, that local authority will then enter the relevant pathway. Should it remain inadequate, it will remain in pathway three.',
    decision:
      'The pathway on a date comes from the latest graded judgement published on or before that date; entries published later are ignored.',
    implementedBy: [
      { module: 'pathways', exports: ['pathwayStatus'] },
      { module: 'history', exports: ['judgementsUpTo', 'latestJudgement'] },
      { module: 'planning-checks', exports: ['checkDueWindow'] },
    ],
  },
  {
    id: 'P6',
    section: PATHWAYS,
    title: 'Deferral',
    statement:
      "Inspections and visits are deferred only where not doing so might put staff at risk or inspectors are severely restricted in gathering secure evidence. The DCS's absence is not a reason.",
    citation: '002#16',
    quote:
      'We will not usually defer inspections or visits. Staff absence, including the absence of the DCS, is not a reason for deferral. We will only defer inspections and visits if there is a strong case that not doing so might place staff at risk or if inspectors are severely restricted in their ability to gather secure evidence.',
    decision: null,
    implementedBy: [{ module: 'pathways', exports: ['deferralAllowed'] }],
  },
  {
    id: 'P7',
    section: PATHWAYS,
    title: 'Activities by grade',
    statement:
      'The range of activity by grade: inadequate — quarterly monitoring visits and a SIF or post-monitoring SIF; requires improvement — a standard inspection once in three years; good or outstanding — a short inspection once in three years; both with up to two focused visits (a JTAI may replace one), a shared self-evaluation and an annual engagement meeting.',
    citation: '002#24',
    quote:
      'The table below summarises the range of inspections that will exist under the ILACS system by the Ofsted inspection grade. … SIF or post-monitoring SIF … Standard inspection (once in a three year period) … Short inspection (once in a three year period)',
    decision:
      'A JTAI in the register counts against the focused-visit allowance, as it "would replace a focused visit" (002#24 table; 002#18, #21). Visits count from their publication date, as judgements do, or from their last (else first) day where the source gives none.',
    implementedBy: [
      { module: 'pathways', exports: ['ACTIVITIES_BY_GRADE'] },
      { module: 'planning-checks', exports: ['checkDueWindow', 'checkFocusedVisits'] },
    ],
  },
  {
    id: 'P8',
    section: PATHWAYS,
    title: 'Due window: three-year anniversary ± 6 months',
    statement:
      'The next standard or short inspection is due from six months before to six months after the three-year anniversary of the previous judgement.',
    citation: '002#13',
    quote:
      'The timing of standard and short inspections will usually be within six months before or six months after the three-year anniversary.',
    decision:
      "The anchor is not defined (the previous inspection's fieldwork or its publication): we use the previous judgement's publication date, the date the history records. Month arithmetic clamps to the month end (29 February + 3 years = 28 February), and the window is counted from that anniversary (issue 14: it had been 30 and 42 months from publication, giving 29 August for a 29 February publication): published 29 February 2020, window 28 August 2022 to 28 August 2023.",
    implementedBy: [
      { module: 'pathways', exports: ['pathwayStatus', 'dueWindow'] },
      { module: 'calendar/dates', exports: ['addMonths'] },
    ],
  },
  {
    id: 'O1',
    section: OUTSIDE,
    title: 'Annual self-evaluation',
    statement:
      'Each year the authority is asked to share a self-evaluation answering three questions. It is voluntary, and an inadequate authority is not asked until the monitoring visits of its first 12 months are complete.',
    citation: '002#24, #27, #30, #33, #35-36',
    quote:
      'This part of the framework is voluntary … We will not ask local authorities judged inadequate to share a self-evaluation until the monitoring visits in the first 12 months are complete. … What do you know about the quality and impact of social work practice in your local authority?',
    decision:
      'A refresh is advised when the self-evaluation was shared more than three months before the meeting (002#35 says only "a significant gap"). An inadequate authority is asked from 12 months after its first monitoring visit is due: 002#30 governs the 002#24 table, which lists a self-evaluation for inadequate authorities without the condition.',
    implementedBy: [
      {
        module: 'engagement',
        exports: [
          'selfEvaluationRequested',
          'SELF_EVALUATION_QUESTIONS',
          'SELF_EVALUATION_PRINCIPLES',
          'selfEvaluationRefresh',
          'selfEvaluationAskedFrom',
        ],
      },
    ],
  },
  {
    id: 'O2',
    section: OUTSIDE,
    title: 'Annual engagement meeting',
    statement:
      "An annual meeting between Ofsted's regional representatives and the DCS reviews the self-evaluation on an agreed agenda; Ofsted writes to the DCS within a month, in an unpublished letter with set contents and no judgements.",
    citation: '002#42, #46-48',
    quote:
      'The DCS and our regional director and/or social care senior HMI or HMI will attend … We will write to the DCS within a month of the meeting. The letter will not be published nor contain any judgements about practice.',
    decision:
      '"Within a month" is one calendar month after the meeting, clamped to the month end. The next meeting is about due 12 months after the last (002#27 "each year"; 002#43: not at exactly the same point).',
    implementedBy: [
      {
        module: 'engagement',
        exports: [
          'engagementLetterDue',
          'nextEngagementAbout',
          'ENGAGEMENT_MEETING_AGENDA',
          'ENGAGEMENT_MEETING_ATTENDEES',
          'ENGAGEMENT_LETTER_CONTENTS',
        ],
      },
    ],
  },
]
