/**
 * The rulebook's entries of what follows an inadequate judgement: monitoring, the 2015
 * improvement offer and government intervention (M, I, G).
 */
import { RULEBOOK_SECTIONS, type RulebookEntry } from './sections.js'

const INADEQUATE = RULEBOOK_SECTIONS[5]
const OFFER = RULEBOOK_SECTIONS[6]
const INTERVENTION = RULEBOOK_SECTIONS[7]

export const AFTER_INADEQUATE_RULES: readonly RulebookEntry[] = [
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
      'The source does not say which dates the five years run between: the service gives the answer by publication dates and by fieldwork dates, shows the trigger when either says within five years, and flags where they differ for a person to decide. The intervention record and `ilacs intervention` ask the same function (the CLI reads by publication dates only when its history gives no fieldwork dates). Only while the latest judgement is still inadequate. Exactly five years apart is not settled either: counted as within, and flagged. From April 2026 there is no overall grade: a judgement with any inadequate area is read as inadequate (002#100-101).',
    implementedBy: [
      {
        module: 'intervention',
        exports: ['commissionerDecision', 'inadequateReading'],
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
