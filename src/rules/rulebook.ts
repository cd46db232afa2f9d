/**
 * The rulebook: one entry for every rule of RULES.md, served at /rules and by `ilacs rules`.
 * Each entry has the rule's id, a title, a plain-English statement, the citation (e.g.
 * `002#73 fn18`), the cited text quoted from the seed (Open Government Licence; excerpts joined
 * by " … ", verbatim apart from whitespace), our decision where the seeds are ambiguous, and the
 * exports of `src/rules/` that implement it. rulebook.test.ts checks every quote against the
 * seed files in data/seeds/ and every export against its module.
 */
import type { RuleId } from './types.js'

/** An export of `src/rules/` that implements a rule: `module` is its path under src/rules without `.ts`. */
export interface Implementation {
  module: string
  exports: string[]
}

/** One rule of RULES.md. */
export interface RulebookEntry {
  id: RuleId
  section: string
  title: string
  statement: string
  citation: string
  quote: string
  decision: string | null
  implementedBy: Implementation[]
}

/** The separator between excerpts of one quote. */
const QUOTE_SEPARATOR = ' … '

/** The sections of RULES.md, in order. */
export const RULEBOOK_SECTIONS = [
  'Calendar',
  'Pathways and proportionate timing',
  'Activity outside inspection',
  'Standard, short inspections and focused visits',
  'Evidence, feedback, reports',
  'After an inadequate judgement',
  'The 2015 improvement offer',
  'Government intervention',
] as const

const CALENDAR = RULEBOOK_SECTIONS[0]
const PATHWAYS = RULEBOOK_SECTIONS[1]
const OUTSIDE = RULEBOOK_SECTIONS[2]
const INSPECTIONS = RULEBOOK_SECTIONS[3]
const EVIDENCE = RULEBOOK_SECTIONS[4]
const INADEQUATE = RULEBOOK_SECTIONS[5]
const OFFER = RULEBOOK_SECTIONS[6]
const INTERVENTION = RULEBOOK_SECTIONS[7]

/** Every rule of RULES.md, in its order. */
export const RULEBOOK: readonly RulebookEntry[] = [
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
  {
    id: 'S1',
    section: INSPECTIONS,
    title: 'Notice',
    statement:
      'The lead inspector phones the DCS by 9.30am five working days before fieldwork (focused visits: usually five working days, the call on the Tuesday), then emails the Annex A request. If the DCS is unavailable, the most senior manager, then the chief executive; this never delays the start.',
    citation: '002#52, #54, #73-75, #103',
    quote:
      "Immediately following the telephone call to the local authority, the lead inspector will email the DCS to confirm the start of the inspection and ask them to share information set out in Annex A. … The non-availability of the DCS or a senior manager will not delay the start of the inspection. … We will usually give five working days' notice of the visit.",
    decision: null,
    implementedBy: [
      { module: 'calendar/notification', exports: ['notificationFor'] },
      {
        module: 'timelines/judgement-inspection',
        exports: ['noticeWeek', 'fieldworkTeamMilestones', 'actionPlanMilestone'],
      },
      { module: 'inspection-arrangements', exports: ['NOTICE_RULES'] },
    ],
  },
  {
    id: 'S2',
    section: INSPECTIONS,
    title: 'Week-by-week schedules',
    statement:
      'Standard inspections are two weeks on site, short inspections one week, focused visits two inspectors for two days (Tuesday–Wednesday), monitoring visits two days (Tuesday–Wednesday). Some focused and monitoring visits run Wednesday–Thursday, and every milestone moves one day.',
    citation: '002#52-55, #103 fn20, #129 fn22',
    quote:
      'Usually, two inspectors will be on site for two days contained within one week. … Some focused visits may take place on Wednesday and Thursday. All other milestones will be adjusted by one day to reflect this. … Some monitoring visits may take place on Wednesday and Thursday. All other milestones will be adjusted by one day to reflect this.',
    decision:
      'Fieldwork days are counted in working days from the first on-site day. A bank holiday inside a schedule breaks its weekday column: the working-day count is kept and the broken column is flagged, not relabelled (as M8 asks for the post-monitoring inspection). A focused visit starting on a Wednesday with no variant named is the Wednesday–Thursday variant (issue 14: it had been refused, while Ofsted’s published visits start on Wednesdays, e.g. Barking and Dagenham on 26 March 2025).',
    implementedBy: [
      { module: 'timelines/standard-inspection', exports: ['standardInspectionTimeline'] },
      { module: 'timelines/short-inspection', exports: ['shortInspectionTimeline'] },
      { module: 'timelines/focused-visit', exports: ['focusedVisitTimeline'] },
      { module: 'timelines/monitoring-visit', exports: ['monitoringVisitTimeline'] },
      { module: 'timelines/common', exports: ['weekdayColumnFlags'] },
    ],
  },
  {
    id: 'S3',
    section: INSPECTIONS,
    title: 'The inspection team',
    statement:
      'Usually four social care inspectors (fewer for small authorities), the lead and three arriving on Monday afternoon; a regulatory inspector on site for up to two days (up to four foster carer and four adopter households); a schools HMI allocated two days, off site the first Monday and on site the Tuesday; an optional shadowing inspector gathers no evidence.',
    citation: '002#52-53, #79, #84-85, #92-94',
    quote:
      'They will not undertake any inspection work independently or gather evidence that will inform the inspection judgements. … The lead inspector and three inspectors will arrive on site on Monday afternoon. … up to four foster carer households (including a recent carer assessment) … The schools HMI will be allocated two days the first Monday and Tuesday of fieldwork.',
    decision:
      "The regulatory inspector's two days are not dated by the seeds: the timeline shows the fieldwork span within which the lead inspector sets them.",
    implementedBy: [{ module: 'inspection-arrangements', exports: ['INSPECTION_TEAM'] }],
  },
  {
    id: 'S4',
    section: INSPECTIONS,
    title: 'Annex A milestones',
    statement:
      'In working days from the notification: standard and short — request 5 before fieldwork, child-level lists and audits +1, management information +2, case information +3; focused — request 5 before (Tuesday), lists and audits +1 (midday), management information +1, case information +2; monitoring — request 10 before fieldwork (Monday), lists and audits +1, management and case information +7. A notice given late moves the deadlines: they count from the day of the call, and fieldwork does not move.',
    citation: '002#75, #242',
    quote:
      'The non-availability of the DCS or a senior manager will not delay the start of the inspection. … Child-level data lists 1 day after notification (by the end of Tuesday) 1 day after notification (usually by midday Wednesday) 1 day after notification (usually Tuesday) … Information used by the local authority to manage services for children and young people 2 days after notification (by the end of Wednesday) 1 day after notification (usually by the end of Wednesday) 7 days after notification (usually the Wednesday before inspectors are onsite)',
    decision:
      'Counted in working days from the actual request day, the same as counting back from fieldwork. The monitoring column counts from the Monday of the visit week (the off-site day before the first on-site day), as the 002#129 table does. When the notice call is recorded on a later day than it was due, the deadlines count from the day of the call ("1 day after notification") and the first day on site stays (002#75); the timeline and notice pages say so. A call made before the day it was due is dated as made, but the deadlines still count from the due day: the seeds do not address an early call, and an authority told early gets more warning, never less time than the table gives. A focused visit is asked only for the lists and documents of its topics and of leadership (the audits list, and documents 1.01, 1.03 and 1.05 to 1.09 on what every visit evaluates, 002#107); the seeds name no lists per topic, so the choice is ours and the Annex A page shows it.',
    implementedBy: [
      { module: 'annex-a-scope', exports: ['annexAScope'] },
      {
        module: 'timelines/annex-a',
        exports: ['annexAMilestones', 'timelineAfterNotice'],
      },
    ],
  },
  {
    id: 'S5',
    section: INSPECTIONS,
    title: 'Case selection',
    statement:
      'Inspectors choose children by age, gender, disability and ethnicity, risk, education, placement type, at least one child from a large sibling group and children served by a third-party provider; children vulnerable to exploitation and missing children must be included; they test set thresholds. Six to 12 already-audited cases are requested, with audits of the last six months.',
    citation: '002#150, #153, #257-258',
    quote:
      'These children must be part of the cohort of children whose experiences inspectors evaluate … at least one child from a large sibling group … The local authority should share a list of the audits they have undertaken in the six months before the inspection/visit. … Before fieldwork the lead inspector will identify between six to 12 cases the local authority has already audited',
    decision: null,
    implementedBy: [
      {
        module: 'case-selection',
        exports: ['CASE_SELECTION_FACTORS', 'CASE_SELECTION_INDICATORS', 'AUDITED_CASES_REQUESTED'],
      },
    ],
  },
  {
    id: 'S6',
    section: INSPECTIONS,
    title: 'Judgements and their consistency',
    statement:
      'Four judgements on the four-point scale, by best fit. Widespread or serious failure means overall inadequate. Leaders may be good or requires improvement beside an inadequate judgement if they understand the failure; overall is then still inadequate. Leaders are inadequate if a practice judgement is inadequate and they lack understanding. Overall effectiveness derives from the other three.',
    citation: '002#96-101, #238, #241',
    quote:
      'If inspectors find widespread or serious failure resulting in harm, continued risk of harm or failure to safeguard the welfare of children and young people in either the arrangements to protect or care for them, they will always give an overall effectiveness judgement of inadequate. … It is possible for the impact of leaders to be judged good or requires improvement to be good even if any of the other judgements given is inadequate. … is likely to be inadequate if either of the two practice judgements is inadequate and leaders and managers have not been able to demonstrate sufficient understanding of the failure.',
    decision:
      'Leaders inadequate while both practice judgements are requires improvement or better is outside the descriptors: it is reported as a problem to explain, not accepted silently. Where overall effectiveness is not given we suggest one (inadequate if a practice judgement is inadequate, otherwise the middle of the three grades) and mark it derived; a given overall grade must lie between the best and worst of the other three. When understanding is not stated for leaders beside an inadequate judgement, we ask for it (a warning). From January 2023 care leavers are a judgement of their own (issue 14): a practice judgement like the others, so care leavers alone inadequate makes overall effectiveness inadequate, as Ofsted judged Peterborough (2024), Cheshire East (2024) and Harrow (2025). Where a framework gives no overall grade (from April 2026) the register’s pathway follows this derived grade, not the lowest area grade (issue 14: on Ofsted’s 271 ILACS judgements of 2018–2025 the derived grade matches the real overall grade 264 times, the lowest area grade 194).',
    implementedBy: [{ module: 'judgements', exports: ['checkJudgements', 'derivedOverall', 'GRADES'] }],
  },
  {
    id: 'S7',
    section: INSPECTIONS,
    title: 'Focused visits: findings, not grades',
    statement:
      'Focused visits make no graded judgements: they report strengths and areas for improvement, and areas for priority action where weaknesses are serious, on topics drawn from the scope of inspections.',
    citation: '002#106-110',
    quote:
      'Inspectors will not make graded judgements at the outcome of a focused visit. … Where inspectors find serious weaknesses, they will identify areas for priority action.',
    decision: null,
    implementedBy: [{ module: 'inspection-arrangements', exports: ['FOCUSED_VISIT_TOPICS', 'FOCUSED_VISIT_FINDINGS'] }],
  },
  {
    id: 'S8',
    section: INSPECTIONS,
    title: "The short inspection's three questions",
    statement:
      'A short inspection asks whether the quality and impact of practice has been maintained, where it has improved and where it has deteriorated.',
    citation: '002#57',
    quote:
      'Has the quality and impact of practice been maintained? … Are there any areas where the quality and impact of practice have improved? … Are there any areas where the quality and impact of practice have deteriorated?',
    decision: null,
    implementedBy: [{ module: 'inspection-arrangements', exports: ['SHORT_INSPECTION_QUESTIONS'] }],
  },
  {
    id: 'S9',
    section: INSPECTIONS,
    title: 'Annex A lists and look-back periods',
    statement:
      'Child-level lists 1–11 reach back 3, 6 or 12 months, or are "at the point of inspection"; audits cover the last six months; judgements rest on contemporary practice, usually no more than six months old.',
    citation: '002#154 fn26, #249-253, #257',
    quote:
      'List 1: All those who have been the subject of a contact in the three months before inspection. … This is practice usually not longer than six months prior to the inspection.',
    decision:
      'A period "before inspection" is counted back in calendar months from the day the data is requested, clamped to the month end. Contemporary practice is counted back six months from the first day on site, when inspectors see the practice; the case-sample page shows that date.',
    implementedBy: [{ module: 'case-selection', exports: ['listCoversFrom', 'contemporaryPracticeFrom'] }],
  },
  {
    id: 'E1',
    section: EVIDENCE,
    title: 'Evidence record entries',
    statement:
      'Entries are evaluative, follow a three-part structure, are linked to an evaluation heading, record source, date and time, never name children or family members (case references or initials) and name staff by role. The QA manager adds a note after reviewing the record.',
    citation: '002#181-191',
    quote:
      'Records of evidence should be clear and inspectors must record the source, date and time of when they collected it. … Inspectors should not use the names of individual children, young people or family members in their evidence records. They should use case reference numbers and/or initials. Inspectors should use job titles or roles for individual staff or practitioners. … The quality assurance manager will add a note to the electronic evidence record when they have reviewed it.',
    decision: null,
    implementedBy: [{ module: 'evidence', exports: ['checkEvidenceEntry', 'EVIDENCE_ENTRY_PARTS'] }],
  },
  {
    id: 'E2',
    section: EVIDENCE,
    title: 'The 17 evaluation headings',
    statement:
      'Evidence is recorded under 17 headings: six for help and protection, seven for children in care and care leavers, four for the impact of leaders.',
    citation: '002#60, #239-241',
    quote:
      'Inspectors inspect across the areas included in the scope of the inspection and record their evidence under the 17 headings in the evaluation criteria.',
    decision: null,
    implementedBy: [
      {
        module: 'evaluation-criteria',
        exports: ['EVALUATION_HEADINGS', 'EVALUATION_AREAS', 'headingsFor', 'isEvaluationHeading'],
      },
    ],
  },
  {
    id: 'E3',
    section: EVIDENCE,
    title: 'Record of requests for further information',
    statement:
      'The lead inspector sets up a record of requests for further information at the start and shares it with the DCS, who enters the responses; it has eight fields.',
    citation: '002#167, #245, Annex B',
    quote:
      'At the start of the inspection, the lead inspector will set up a record of requests for further information (Annex B) and share this with the DCS. … Requested by Date requested Date response required Date received from local authority Type of request (document or information) Case ID (if applicable) Reason for request Response from the local authority',
    decision: null,
    implementedBy: [
      { module: 'evidence', exports: ['FURTHER_INFORMATION_REQUEST_FIELDS', 'FURTHER_INFORMATION_RECORD'] },
    ],
  },
  {
    id: 'E4',
    section: EVIDENCE,
    title: 'Record of cases of concern',
    statement:
      'A case of concern not resolved with the practitioner goes to the lead inspector, who gives the authority a formal written note, keeps a copy with the response and establishes findings by the end of the inspection; on monitoring visits it is brought to the DCS.',
    citation: '000#Annex H/C; 001#36; 002#136',
    quote:
      "If a case of concern is identified by an inspector, and the concern has not been satisfactorily addressed between the inspector and the practitioner/manager, this must be brought to the attention of the LI. … give the local authority a formal written note of the concerns, seeking a written response within a specified period … If the inspector identifies a cause for concern about the help, protection or care given to a child or children, they must bring it to the DCS's attention.",
    decision: null,
    implementedBy: [{ module: 'evidence', exports: ['CASE_OF_CONCERN_RECORD'] }],
  },
  {
    id: 'E5',
    section: EVIDENCE,
    title: 'Keeping in touch and feedback',
    statement:
      'The lead inspector keeps the DCS informed of emerging findings, usually daily; there should be no surprises at feedback, which usually lasts no longer than 60 minutes.',
    citation: '002#173-175, #197-201',
    quote:
      'This is likely to be on a daily basis through a brief face-to-face meeting … there should be no surprises on the final day. … The meeting should usually last no longer than 60 minutes.',
    decision: null,
    implementedBy: [{ module: 'evidence', exports: ['FEEDBACK_RULES', 'feedbackWithinLimit'] }],
  },
  {
    id: 'E6',
    section: EVIDENCE,
    title: 'Report contents',
    statement:
      'The first page answers set questions after the judgements; areas to improve say what, not how; care leavers are always reported; standard and short reports are no more than 10 pages; a post-monitoring inspection report has set sections and usually no more than 12 pages.',
    citation: '002#205-213; 001#64-65',
    quote:
      'We will set out the area of service or practice that needs to improve but will not make a recommendation as to how the local authority should remedy this issue. … On short and standard inspections, we will always report findings about the experiences and progress of care leavers. … Reports following a standard or short inspection should be no more than 10 pages. … A post-monitoring single inspection report should not usually exceed 12 pages in total.',
    decision: null,
    implementedBy: [
      {
        module: 'reports',
        exports: ['FIRST_PAGE_QUESTIONS', 'REPORT_RULES', 'REPORT_KIND', 'PMSIF_REPORT', 'reportPageLimit'],
      },
    ],
  },
  {
    id: 'E7',
    section: EVIDENCE,
    title: 'Publication timelines',
    statement:
      "In working days after the last fieldwork day: standard and short inspections — draft 10, comments within 3, final under embargo 18, published 21; focused and monitoring visits — 5, 2, 14, 16. The 2017 handbook's monitoring timeline runs day 1 (first on-site day) to day 23.",
    citation: '002#216; 001#42',
    quote:
      "Report published on Ofsted's website 21 days after inspectors complete fieldwork 16 days after inspectors complete fieldwork … Day 11 (by 4pm) Inspection support sends draft report to local authority for factual accuracy check … Day 23 Report published",
    decision:
      'The 002#216 table applies to ILACS monitoring visits; the 001#42 day 1–23 timeline only to monitoring under the 2017 handbook (002#22 fn4). The table\'s days are working days; "complete fieldwork" is the last on-site day; the factual accuracy comments are due 3 (or 2) working days after the draft is actually sent; a step done on a day after its statutory day is late (002#216 gives no time of day). A publication’s timeliness counts working days as the milestones do (the last fieldwork day not counted, the day of publication counted), so one published on its statutory day took exactly 21 (or 16). What happens (issue 14, measured on Ofsted’s outcomes at 31 March 2025, shown at /register/drift by year and region): reports of standard and short inspections were published a median of 30 working days after fieldwork. Ofsted’s files give only the first day of fieldwork, so the last is the one the type’s timeline gives (day 10 of a standard inspection, day 5 of a short one).',
    implementedBy: [
      { module: 'drift', exports: ['reportWorkingDays', 'median'] },
      {
        module: 'timelines/publication',
        exports: ['publicationMilestones', 'factualAccuracyDeadline', 'stepTimeliness', 'publicationTimeliness'],
      },
      { module: 'timelines/monitoring-report', exports: ['monitoringReport2017'] },
      { module: 'timelines/monitoring-visit', exports: ['monitoringLetterMilestones'] },
    ],
  },
  {
    id: 'E8',
    section: EVIDENCE,
    title: 'The first monitoring letter is not published',
    statement:
      'The letter after the first monitoring visit is not published, unless it is the first of a second set of monitoring visits; later letters are published.',
    citation: '001#41; 002 fn28; 003#Next steps',
    quote:
      'Ofsted will not publish the report relating to the first monitoring visit. … Unless this is the second set of monitoring visits for a local authority. … We will not publish the first report to avoid unrealistic expectations of progress, but we will publish all subsequent quarterly reports.',
    decision:
      'Without a visit number the timeline shows the publication date and a note; with visit 1 (not a second set) it omits it.',
    implementedBy: [
      { module: 'timelines/monitoring-visit', exports: ['monitoringLetterPublished'] },
      { module: 'monitoring-planning', exports: ['monitoringVisitFacts'] },
    ],
  },
  {
    id: 'E9',
    section: EVIDENCE,
    title: 'Sample-size descriptors',
    statement:
      'Percentages of cases are described in words: 97–100 vast/overwhelming majority or almost all; 80–96 very large majority, most; 65–79 large majority; 51–64 majority; 35–49 minority; 20–34 small minority; 4–19 very small minority, few; 0–3 almost no/very few.',
    citation: '000#Annex H/B, Annex H fn3',
    quote:
      "97–100% Vast/overwhelming majority or almost all … 51–64% Majority … Inspectors will apply the descriptor 'in at least a majority of the cases seen' except where specified.",
    decision:
      'The bands have gaps — exactly 50%, and any percentage between two bands (e.g. 29 of 30 = 96.7%). A gap is reported as a gap with the bands either side, never rounded into a band; the judgement page, which gives the words for the cases an inspector counted, then suggests giving the number.',
    implementedBy: [
      {
        module: 'descriptors',
        exports: ['descriptorFor', 'descriptorForCases', 'atLeastAMajority', 'DESCRIPTOR_BANDS'],
      },
    ],
  },
  {
    id: 'E10',
    section: EVIDENCE,
    title: 'Who receives reports',
    statement:
      'The final report goes to the authority (and any delegated third party), the Children in Care Council chair and the DfE, is shared with partner inspectorates under embargo, and concerns about other agencies go by letter to their inspectorate.',
    citation: '002#216, #224-226',
    quote:
      'We will send the final version of the report to the local authority (copied to a third party where statutory functions have been delegated) and to the Chair of Children in Care Council and/or the worker who supports the council. We will also send it to the DfE. … We share the final version of our local authority reports with its partner inspectorates',
    decision: null,
    implementedBy: [{ module: 'reports', exports: ['REPORT_RECIPIENTS'] }],
  },
  {
    id: 'M1',
    section: INADEQUATE,
    title: 'The DCS is told at feedback',
    statement:
      'At the feedback meeting of an inadequate judgement the lead inspector tells the DCS of the monitoring programme: an action planning visit, quarterly monitoring visits and a re-inspection.',
    citation: '002#112; 001#5-6',
    quote:
      'The lead inspector will inform the DCS of this at the feedback meeting for the inspection where the inadequate judgement is given.',
    decision: null,
    implementedBy: [{ module: 'after-inadequate', exports: ['INADEQUATE_FEEDBACK_MESSAGES'] }],
  },
  {
    id: 'M2',
    section: INADEQUATE,
    title: 'Action planning visit',
    statement:
      "An action planning visit 25–35 working days after the authority receives its report (about 30); the regional director's letter confirms it, with copies; the final agenda is circulated five working days before; a record is kept.",
    citation: '001#5, #9-10, #14, #18; 002#116',
    quote:
      'should arrange an action planning visit between 25 and 35 days after receiving their report … The visit should take place between 25 and 35 working days after the local authority has received its inspection report. … The lead inspector will circulate the final agenda five working days before the visit. … The visit should take place about 30 working days after the local authority has received its inspection report.',
    decision: '001#5 says only "days"; 001#10 says working days, which we use.',
    implementedBy: [
      {
        module: 'after-inadequate',
        exports: [
          'afterInadequate',
          'actionPlanningVisitAgendaDue',
          'ACTION_PLANNING_VISIT_LETTER_COPIES',
          'ACTION_PLANNING_VISIT_RECORD',
        ],
      },
      { module: 'monitoring-programme', exports: ['programmeDeadlines', 'checkActionPlanningVisitDate'] },
    ],
  },
  {
    id: 'M3',
    section: INADEQUATE,
    title: 'Action plan within 70 working days',
    statement:
      'The written statement of action (action plan) is due within 70 working days of receiving the report. The regional director writes whether it reflects the findings (Annex D) or not (Annex E); an unresolved difference goes to the DfE and the Secretary of State.',
    citation: '001#6-7, #19, #21-22; 002#219',
    quote:
      "Local authorities have a maximum of 70 working days from when they receive the inspection report to submit a 'written statement of action' to the Secretary of State and HMCI. … within 70 working days of receiving that report … within 70 working days of receiving the final inspection report",
    decision:
      'The sources anchor the 70 days on different reports (pre-publication, 001#7, #49; final, 002#219; publication, 000#24, 004#Key messages), so the input is the day the authority received its report. In an inspection timeline it is the day the final report is sent (002#216). A monitoring programme stores all three days and counts from the pre-publication copy (001#7, #49: under ILACS the final report sent under embargo, 002#216), with the final report, then publication, standing in (flagged) until it is recorded; the other readings are shown beside.',
    implementedBy: [
      {
        module: 'after-inadequate',
        exports: ['afterInadequate', 'ACTION_PLAN_WORKING_DAYS', 'actionPlanReviewLetter', 'actionPlanAfter'],
      },
      { module: 'monitoring-programme', exports: ['programmeAnchor', 'programmeDeadlines', 'PROGRAMME_ANCHORS'] },
      { module: 'intervention-triggers', exports: ['interventionTriggers'] },
    ],
  },
  {
    id: 'M4',
    section: INADEQUATE,
    title: 'Monitoring visits',
    statement:
      'The first monitoring visit is usually within four weeks of the action plan deadline; visits are about quarterly, not necessarily evenly spaced, four to six before re-inspection. If the authority refuses them, the Secretary of State may direct them.',
    citation: '001#23; 002#113, #128',
    quote:
      "The monitoring visits may not be equally spaced throughout the year. The first monitoring visit will usually be within four weeks of the submission deadline for the local authority's action plan. … We will usually carry out between four and six monitoring visits before a re-inspection.",
    decision:
      'Four weeks = 28 calendar days (flagged); 20 working days is the other reading, shown beside it. Later visits are shown about a quarter apart, as an indication only.',
    implementedBy: [
      { module: 'after-inadequate', exports: ['afterInadequate', 'MONITORING_VISITS'] },
      { module: 'intervention-triggers', exports: ['interventionTriggers'] },
      { module: 'monitoring-planning', exports: ['suggestedMonitoringVisit', 'checkMonitoringProposal'] },
    ],
  },
  {
    id: 'M5',
    section: INADEQUATE,
    title: 'Monitoring visit preparation',
    statement:
      'Child-level data is requested two weeks (ten working days) before the visit and provided the next day (by the end of that week under the 2017 handbook); audited cases are named eight days before and shared at least three working days before; up to six children tracked; samples from the last three months; case numbers recorded.',
    citation: '001#26-37, #42; 002#129-137',
    quote:
      'Ten days before the visit Monday Lead inspector requests child-level data … Two weeks before the visit, the lead inspector will ask the local authority to provide up-to-date child-level data. … The local authority should share the completed audits at least three working days before the monitoring visit. … Local authority provides this data by the end of that week … Inspectors will usually only sample cases from the previous three months.',
    decision:
      'In 002#129 "days before the visit" count back from the Monday of the visit week, the off-site day before the first on-site day. Under the 2017 handbook "two weeks" is ten working days before day 1 and "the end of that week" is the last working day of the request\'s week.',
    implementedBy: [
      { module: 'timelines/monitoring-visit', exports: ['monitoringVisitTimeline'] },
      { module: 'timelines/monitoring-report', exports: ['monitoringPreparation2017'] },
    ],
  },
  {
    id: 'M6',
    section: INADEQUATE,
    title: 'When the re-inspection comes',
    statement:
      'Re-inspection is usually within 24 months of the action plan deadline and not before at least four monitoring visits; once it is decided, no further monitoring visits are scheduled and its date is not disclosed.',
    citation: '003#The timing of the re-inspection; 003#Next steps; 001#49-50',
    quote:
      'We proposed to keep the maximum time limit for re-inspection at 24 months. However, this timescale would now be measured from the point when the local authority is required to submit an action plan after the inspection. … Ofsted will usually re-inspect a local authority judged inadequate at its last inspection within two years of it submitting its action plan. … A re-inspection will not usually take place until there have been at least four quarterly monitoring visits. … At this point no further monitoring visits will be scheduled. Ofsted will not tell the local authority when that re-inspection will take place.',
    decision:
      '24 months from the action plan deadline; "of submitting" (001#49, 003#Next steps) gives the same date unless the plan was submitted early, and both are shown when the submission date is known. The earliest re-inspection is 12 months after the deadline: four quarterly visits, improvement being unlikely "in less than a year" (001#49).',
    implementedBy: [
      { module: 'after-inadequate', exports: ['afterInadequate'] },
      { module: 'monitoring-planning', exports: ['checkMonitoringProposal'] },
      { module: 'monitoring-programme', exports: ['programmeDeadlines', 'reinspectionUrgency'] },
    ],
  },
  {
    id: 'M7',
    section: INADEQUATE,
    title: 'Full re-inspection or post-monitoring inspection',
    statement:
      'A full re-inspection if the authority was inadequate across all or most areas, or if there is concern about its rate of progress or possible decline; otherwise a post-monitoring single inspection may be used, decided by the regional leadership team on set inputs.',
    citation: '001#51-52, #54; 003#Next steps',
    quote:
      'Local authorities found to be inadequate across all or most areas will receive a full repeat single inspection. … If a local authority has been judged inadequate across all key judgement areas, … Ofsted will also conduct a full single inspection if we are concerned about the rate of progress or a possible decline.',
    decision:
      '001#51 says "all or most", 003#Next steps "all": we answer with 001#51 (most = more than half of the areas) and show both readings.',
    implementedBy: [{ module: 'after-inadequate', exports: ['reinspectionKind', 'REINSPECTION_DECISION_INPUTS'] }],
  },
  {
    id: 'M8',
    section: INADEQUATE,
    title: 'Post-monitoring single inspection',
    statement:
      "Four HMI including the monitoring lead; two planning days up to three weeks before; a pre-inspection briefing; two days' notice on the Thursday before (day −2); day 1 (Monday) to day 10 (the second Friday); a keeping-in-touch meeting each day; no audit request, but a list of cases audited in the past three months.",
    citation: '001#55-63',
    quote:
      "The lead inspector will have two planning days, up to three weeks before the inspection fieldwork. … The lead inspector will notify the director of children's services two days before they arrive on site. This will usually be the Thursday before fieldwork. … The lead inspector will carry out one keeping in touch (KIT) meeting per day, including the final day of week one.",
    decision:
      'There is no day 0 or −1, so day −2 is two working days before day 1. Days 1–10 are working days; a bank holiday inside the fortnight breaks the weekday column and is flagged, not relabelled. "Up to three weeks" is 21 calendar days. Report dates "mirror the single inspection handbook" (001#66), which is not among the seeds, so none are computed.',
    implementedBy: [{ module: 'timelines/post-monitoring-inspection', exports: ['postMonitoringInspectionTimeline'] }],
  },
  {
    id: 'M9',
    section: INADEQUATE,
    title: 'Still inadequate: monitoring starts again',
    statement:
      'If the re-inspection finds the authority still inadequate, monitoring starts again, and the first letter of the second set is published.',
    citation: '001#67; 002#23 fn28',
    quote:
      'If the inspection determines that the local authority remains inadequate, the monitoring process in section one of this guidance will start again. … Unless this is the second set of monitoring visits for a local authority.',
    decision:
      'The re-inspection is the first graded judgement published after the programme’s own (any judgement, not only one the programme planned), read from the register: the programme closes on its day of publication. A second set is opened by the regional director, who is asked to on their home page.',
    implementedBy: [{ module: 'after-inadequate', exports: ['afterReinspection'] }],
  },
  {
    id: 'M10',
    section: INADEQUATE,
    title: 'Action plans after visits',
    statement:
      'After a focused visit the authority updates its existing action plan and sends it with its self-evaluation; no action plan is needed after a monitoring visit.',
    citation: '002#220-221',
    quote:
      "Following a focused visit, updating the existing action plan from the previous inspection will be deemed sufficient for Ofsted and the DfE's purposes. … The local authority does not need to submit an action plan to us after a monitoring visit.",
    decision: null,
    implementedBy: [{ module: 'after-inadequate', exports: ['actionPlanAfter'] }],
  },
  {
    id: 'I1',
    section: OFFER,
    title: 'The 2015 offer and its seminar',
    statement:
      'Six components. An improvement planning seminar 25–35 working days after publication of the inadequate report, 6–8 local participants and no councillors, about three hours, the final agenda five working days before; invitation letter and copies; a declined invitation brings persuasion, the DfE told and a risk assessment; the evidence notebook is returned five days after the seminar.',
    citation: '000#5, #7-9, #12, #14-16, #20, #22, Annex A',
    quote:
      'It takes place between 25 and 35 days after publication of the inspection report … We normally expect the seminar to take place between 25 and 35 working days after publication of the report. … This will generate an amendment to the return date for the evidence notebook on the inspection tracking system to a date five days after the seminar. … The seminar will take approximately three hours and will focus on discussion.',
    decision:
      'The seminar\'s "25 and 35 days" (000#8, #12) are working days, as the Annex A letter says; the evidence notebook\'s "five days" (000#14) are working days too (C5).',
    implementedBy: [
      {
        module: 'offer-2015',
        exports: [
          'offer2015',
          'OFFER_2015_COMPONENTS',
          'SEMINAR_ATTENDANCE',
          'SEMINAR_INVITATION_COPIES',
          'SEMINAR_DECLINED_STEPS',
        ],
      },
    ],
  },
  {
    id: 'I2',
    section: OFFER,
    title: 'Improvement plan and the 50-day chase',
    statement:
      'The improvement plan is due within 70 working days of receiving the report (the effective date of publication); IMS chases after 50 days if it has not arrived; letters D, E, F and G answer it.',
    citation: '000#10, #24, #27, #30-33',
    quote:
      'Local authorities have a maximum of 70 working days from the date they receive their inspection report (the effective date of publication) … IMS will send a further email to the local authority after 50 days if the lead inspector and SHMI confirm that the improvement plan has not already been received.',
    decision:
      '000#10 says "70 days"; 000#24 says working days, which we use. The chase "after 50 days" is read as 50 working days, counted like the 70.',
    implementedBy: [{ module: 'offer-2015', exports: ['offer2015', 'PLAN_REVIEW_LETTERS'] }],
  },
  {
    id: 'I3',
    section: OFFER,
    title: 'Twelve monthly improvement monitoring visits',
    statement:
      'Twelve monthly two-day visits, the first within four weeks of the plan being judged acceptable; their letters are not published.',
    citation: '000#34-35',
    quote:
      'A programme of 12 monthly improvement monitoring visits will begin at a date agreed between the HMI and local authority. The first date will be within four weeks of the improvement plan being judged to be an acceptable basis for improvement support to be offered. … the letter will not be published by Ofsted.',
    decision:
      'Four weeks = 28 calendar days. "Monthly" is the same day of each following month from the first visit (offer2015VisitDue); the twelfth can fall after the progress inspection, which counts from publication (I4), and the offer page shows it.',
    implementedBy: [{ module: 'offer-2015', exports: ['offer2015', 'offer2015VisitDue'] }],
  },
  {
    id: 'I4',
    section: OFFER,
    title: 'Four quarterly board reviews',
    statement:
      'Four quarterly improvement board reviews; the 6-, 9- and 12-month review letters are published, the first is not.',
    citation: '000#36-38',
    quote:
      'Each participating local authority is offered four quarterly reviews of progress as part of their improvement support offer. … Final versions of the quarterly improvement review letters undertaken at the six, nine and 12 month points are published on the local authority and Ofsted websites. However, there is no intention to publish the first quarterly report',
    decision:
      'The offer starts on publication of the inadequate report (the invitation is written "immediately after publication", 000#12); reviews are shown 3, 6, 9 and 12 months after it.',
    implementedBy: [{ module: 'offer-2015', exports: ['offer2015'] }],
  },
  {
    id: 'I5',
    section: OFFER,
    title: 'The progress inspection',
    statement:
      'A progress inspection 12 months after the start of the offer; its framework confirmed by the end of the third quarter, a month to respond and a month more to confirm; a team without the improvement HMI; 30 cases (2 with a CSE dimension, 4 offered by the authority, 6 audited); satisfactory or unsatisfactory progress; a statement of action within 70 working days of publication; a full SIF unlikely until 2½ to 3 years after the inadequate report.',
    citation: '000#39-41, #45, #51, #54, Annex H',
    quote:
      'The progress inspection takes place 12 months after the start of the improvement offer. … The framework for progress inspections will be confirmed in writing to the local authority by the end of the third quarter. The local authority will have one month to respond … Two cases will have a child sexual exploitation dimension. … it is unlikely that a full repeat SIF inspection will take place until a date between two years and six months and three years after the publication of the inspection report which found the local authority to be inadequate.',
    decision:
      'The end of the third quarter is nine months after the start of the offer (its publication date). The two CSE cases and the six audits are among the lead inspector’s 30; the LA’s four (two child protection, two children in need) come on top. The progress judgement waits until each count is met or its shortfall is recorded with a reason; satisfactory progress needs the standards in at least a majority of the cases seen (Annex H fn 3, E9) and risk managed for every child.',
    implementedBy: [
      { module: 'offer-2015', exports: ['offer2015'] },
      { module: 'progress-sample-2015', exports: ['PROGRESS_SAMPLE_2015', 'progressSampleCounts', 'progressEvidence'] },
      { module: 'timelines/progress-inspection-2015', exports: ['progressInspection2015Timeline'] },
    ],
  },
  {
    id: 'I6',
    section: OFFER,
    title: 'Progress inspection day 1 to day 35',
    statement:
      'Day 1 notice (DfE link and board chair the same day), day 2 data (four working days before on site) and case selection, on site days 6–10, draft by day 25 and comments by day 30 (three and four working weeks after day 10), final report by day 32, published by day 35; other inspectorates within five working days of publication.',
    citation: '000#42, #47-49, Annex H',
    quote:
      'The lead inspector will notify the DCS five working days before arriving on site (day one) … A progress inspection letter will be published within 35 days of notification of the start of the inspection. … Ofsted will publish a report on our website within 35 working days of the notification of the start of the inspection.',
    decision:
      'Publication is day 35 (000#42); "within 35 working days of the notification" (000#49) counted from day 1, not counted, is day 36, shown as the other reading. Cases are chosen by the end of day 2 (000#42) or by midday on day 2 (Annex H/A): both shown. The on-site week must start on a Monday (five consecutive days). Once the letter is published, the other inspectorates (five working days) and the statement of action (70) count from the actual day (afterProgressLetter).',
    implementedBy: [
      {
        module: 'timelines/progress-inspection-2015',
        exports: ['progressInspection2015Timeline', 'afterProgressLetter'],
      },
    ],
  },
  {
    id: 'G1',
    section: INTERVENTION,
    title: 'Forms of intervention',
    statement:
      'Non-statutory support, an improvement notice (not a legal instrument), a statutory direction under section 497A of the Education Act 1996, a direction to contract out or transfer functions (a trust or another council), a commissioner.',
    citation: '004#Forms of intervention',
    quote:
      'Improvement notices: are not legal instruments, but rather formal notices designed to tackle significant or enduring underperformance in a council or partnership. … The secretary of state is able to direct a council using powers in section 497A of the Education Act 1996',
    decision: null,
    implementedBy: [{ module: 'intervention', exports: ['INTERVENTION_FORMS'] }],
  },
  {
    id: 'G2',
    section: INTERVENTION,
    title: 'Two inadequate judgements in five years: a commissioner',
    statement:
      'Two inadequate judgements within five years mean a commissioner (an automatic statutory direction); there is always a commissioner where there has been sustained and significant failure.',
    citation:
      "004#When does a council children's services department go into intervention and why?; 004#What happens once Ofsted has left your council?",
    quote:
      "The DfE's 'Putting children first' publication states that two inadequate judgements within five years will result in a commissioner being appointed, so an automatic Statutory Direction. … there is always a commissioner if it is assessed that there has been sustained and significant failure",
    decision:
      'The source does not say which dates the five years run between: the service gives the answer by publication dates and by fieldwork dates, and flags where they differ for a person to decide. Only while the latest judgement is still inadequate. Exactly five years apart is not settled either: counted as within, and flagged. From April 2026 there is no overall grade: a judgement with any inadequate area is read as inadequate (002#100-101).',
    implementedBy: [
      {
        module: 'intervention',
        exports: ['commissionerDecision', 'twoInadequateWithinFiveYears', 'inadequateReading'],
      },
      { module: 'intervention-triggers', exports: ['interventionTriggers'] },
    ],
  },
  {
    id: 'G3',
    section: INTERVENTION,
    title: 'Improvement board',
    statement:
      'An improvement board meets monthly to six-weekly, usually for 12–18 months, with set members; the chair and the DfE adviser or commissioner report to the DfE on a schedule.',
    citation: '004#Setting up your improvement framework; 004#What happens once Ofsted has left your council?',
    quote:
      'This is usually a short term board that exists for the duration of the improvement notice or direction, which is usually between 12-18 months. … Improvement boards normally meet monthly to six-weekly.',
    decision:
      'The documents give no reporting dates: the schedule is set per notice or direction, each report with its own due date, late once that day has passed unreceived. A board is expected to meet again within six weeks of its last meeting.',
    implementedBy: [
      { module: 'intervention', exports: ['IMPROVEMENT_BOARD'] },
      { module: 'intervention-record', exports: ['reportState', 'nextBoardMeetingBy'] },
    ],
  },
  {
    id: 'G4',
    section: INTERVENTION,
    title: 'Re-inspection and lifting intervention',
    statement:
      'Re-inspection comes about 2.5 years after the inadequate inspection (M6 governs the computation). Requires improvement or better lifts the notice or direction, with up to 12 months of support for requires improvement; still inadequate brings escalation.',
    citation: '004#Re-inspection and the continuous journey',
    quote:
      "Ofsted will re-inspect the council about 2.5 years after the initial inspection that found services to be inadequate … (this only applies to councils that move to 'requires improvement to be good') from the DfE which will last for up to 12 months.",
    decision:
      'The 12 months of support are counted from the publication of the re-inspection judgement; 2.5 years is descriptive (30 months after publication).',
    implementedBy: [
      { module: 'intervention', exports: ['afterReinspectionInIntervention', 'reinspectionAbout'] },
      { module: 'intervention-record', exports: ['INTERVENTION_STEPS', 'nextSteps'] },
    ],
  },
  {
    id: 'G5',
    section: INTERVENTION,
    title: 'Alternative delivery models',
    statement:
      'Where functions are delegated, the inspection is of the authority (the third party is its agent) unless a section 497A(4A) direction applies; action plan responsibilities are split between the authority and the trust.',
    citation: '002#227-237',
    quote:
      'In these circumstances (with the exception of arrangements under section 497A(4AA) of the Education Act 2006), the inspection is still an inspection of the local authority. … the local authority is responsible for submitting the plan (copied to the ADM/trust)',
    decision: null,
    implementedBy: [{ module: 'intervention', exports: ['inspectionIsOf', 'ADM_ACTION_PLAN'] }],
  },
  {
    id: 'G6',
    section: INTERVENTION,
    title: 'Signatures of risk, questions for lead members and reflective questions',
    statement:
      'Thirteen signatures of risk, fourteen questions for the lead member and three reflective questions help an authority and the DfE reflect on its position; they are not a predictor. The LA and the DfE answer each item, dated, on the LA’s checklists.',
    citation:
      "004#When does a council children's services department go into intervention and why?; 004#Re-inspection and the continuous journey; 004#Ofsted inspection: reflective questions",
    quote:
      'The list is not a prescriptive predictor but an aid for strategic reflection and informed dialogue … appearing in whole or in part and in different degrees within individual authorities … Have you discussed the signatures of risk and identified any areas of concern? … What do you know about the quality and impact of social work practice with children and families in your authority?',
    decision:
      'The source gives no scale for a signature of risk: each is answered "not seen", "seen in part" or "seen in whole", from its words "in whole or in part". Each item keeps every answer with who gave it and when; the latest stands. The checklists are kept per LA, not per intervention record, as an authority can reflect on them before any record is opened.',
    implementedBy: [
      {
        module: 'intervention-checklists',
        exports: ['CHECKLISTS', 'RISK_DEGREES', 'checklistStanding'],
      },
    ],
  },
  {
    id: 'G7',
    section: INTERVENTION,
    title: "The DfE's timing",
    statement:
      'The DfE hears of an inadequate outcome before publication, about when the draft goes for factual accuracy; its notice or direction is published the same day as the report or as soon as possible after.',
    citation: '004#Introduction; 004#What happens once Ofsted has left your council?',
    quote:
      "The DfE will be made aware of inadequate inspection outcomes once they have been confirmed internally by Ofsted and before publication (usually around the same time that Ofsted share the draft report with the local authority for factual accuracy comments). … The DfE's intention is to publish the improvement notice or direction on the same day as or as soon as possible after the Ofsted report is published",
    decision: null,
    implementedBy: [
      { module: 'intervention', exports: ['DFE_TIMING'] },
      { module: 'intervention-record', exports: ['publicationTiming'] },
      { module: 'intervention-triggers', exports: ['interventionTriggers'] },
    ],
  },
]

/** The rulebook entry for `id`, if there is one. */
export function ruleById(id: string): RulebookEntry | undefined {
  return RULEBOOK.find((entry) => entry.id === id)
}

/** The excerpts of an entry's quote. */
export function quoteExcerpts(entry: RulebookEntry): string[] {
  return entry.quote.split(QUOTE_SEPARATOR)
}
