/**
 * The rulebook's entries of inspections and focused visits, and of evidence, feedback and
 * reports (S, E).
 */
import { RULEBOOK_SECTIONS, type RulebookEntry } from './sections.js'

const INSPECTIONS = RULEBOOK_SECTIONS[3]
const EVIDENCE = RULEBOOK_SECTIONS[4]

export const INSPECTION_RULES: readonly RulebookEntry[] = [
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
]
