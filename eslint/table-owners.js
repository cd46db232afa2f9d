/**
 * Which module owns each table (ADR 0007). Only the owner's files query it; everyone else asks
 * the owner's service. A new table gets its line here in the same commit as its migration.
 */
export const TABLE_OWNERS = {
  // auth: accounts, sessions, tokens and the audit log
  users: 'auth',
  user_la_scopes: 'auth',
  sessions: 'auth',
  sign_in_throttles: 'auth',
  form_submissions: 'auth',
  api_tokens: 'auth',
  audit_events: 'auth',
  // notify: email and calendar feeds
  outbox: 'notify',
  calendar_feeds: 'notify',
  // files: uploads and generated files kept in the database (issue 16, several instances)
  file_blobs: 'files',
  file_blob_chunks: 'files',
  // jobs: which instance runs each periodic job (issue 16)
  job_leases: 'jobs',
  // register: the LAs and their judgement history
  regions: 'register',
  local_authorities: 'register',
  judgement_records: 'register',
  judgement_grades: 'register',
  data_loads: 'register',
  register_visits: 'register',
  register_earlier_inspections: 'register',
  register_outcome_readings: 'register',
  register_import_uploads: 'register',
  delivery_bodies: 'register',
  // activities: inspections and visits
  activities: 'activities',
  activity_milestones: 'activities',
  activity_flags: 'activities',
  activity_date_changes: 'activities',
  activity_team: 'activities',
  activity_contacts: 'activities',
  activity_notices: 'activities',
  activity_status_changes: 'activities',
  monitoring_visit_children: 'activities',
  // judgements
  activity_outcomes: 'judgements',
  activity_judgements: 'judgements',
  focused_visit_findings: 'judgements',
  feedback_meetings: 'judgements',
  // annex-a-returns
  annex_a_returns: 'annex-a-returns',
  annex_a_documents: 'annex-a-returns',
  case_samples: 'annex-a-returns',
  // programme
  inspector_leave: 'programme',
  programme_settings: 'programme',
  // evidence
  evidence_entries: 'evidence',
  evidence_case_links: 'evidence',
  evidence_qa_notes: 'evidence',
  keep_in_touch_meetings: 'evidence',
  further_information_requests: 'evidence',
  cases_of_concern: 'evidence',
  // intervention: the DfE's record and the triggers Ofsted records
  interventions: 'intervention',
  intervention_steps: 'intervention',
  intervention_instruments: 'intervention',
  improvement_boards: 'intervention',
  board_meetings: 'intervention',
  intervention_reports: 'intervention',
  intervention_concerns: 'intervention',
  intervention_checklist_answers: 'intervention',
  // engagement: the LA's self-evaluation and the annual engagement meeting
  self_evaluations: 'engagement',
  engagement_meetings: 'engagement',
  // notify: the reminders each person has stopped
  reminder_stops: 'notify',
  // publications: what is published, and all the public pages read
  publications: 'publications',
  // reports
  reports: 'reports',
  report_versions: 'reports',
  report_review_comments: 'reports',
  report_fa_comments: 'reports',
  report_steps: 'reports',
  // monitoring: the programme after an inadequate judgement
  monitoring_programmes: 'monitoring',
  monitoring_recommendations: 'monitoring',
  monitoring_action_plans: 'monitoring',
  monitoring_plan_reviews: 'monitoring',
  monitoring_progress: 'monitoring',
  // offer-2015: the 2015 improvement offer after a SIF inadequate judgement
  offer_2015_offers: 'offer-2015',
  offer_2015_steps: 'offer-2015',
  offer_2015_inspectors: 'offer-2015',
  offer_2015_cases: 'offer-2015',
  offer_2015_concerns: 'offer-2015',
}
