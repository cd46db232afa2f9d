import { type Kysely, sql } from 'kysely'

/**
 * Columns that hold one of a fixed set of values refuse anything else, as their types in
 * tables.ts say (issue 9). The values are written out here, not taken from the code's
 * constants, so this migration means the same thing whatever the code becomes: a new value is a
 * new migration that drops and re-adds the constraint. `fixed-values.test.ts` checks that the
 * constraints and the code's unions agree. JSON arrays of roles or keys are checked with `<@`
 * (every element is one of the list).
 */
const CHECKS: ReadonlyArray<readonly [table: string, constraint: string, condition: string]> = [
  [
    'users',
    'users_role_check',
    `role in ('national-director', 'regional-director', 'senior-hmi', 'hmi', 'qa-manager', 'inspection-support',
      'la-dcs', 'la-link', 'la-analyst', 'dfe-case-lead', 'dfe-adviser', 'commissioner', 'administrator')`,
  ],
  [
    'judgement_records',
    'judgement_records_framework_check',
    `framework in ('sif', 'ilacs-2018', 'ilacs-2023', 'ilacs-2026')`,
  ],
  [
    'judgement_records',
    'judgement_records_activity_type_check',
    `activity_type in ('sif-inspection', 'post-monitoring-inspection', 'standard-inspection', 'short-inspection')`,
  ],
  ['judgement_records', 'judgement_records_source_check', `source in ('manual', 'demo', 'import')`],
  [
    'activities',
    'activities_type_check',
    `type in ('standard-inspection', 'short-inspection', 'focused-visit', 'monitoring-visit',
      'post-monitoring-inspection', 'progress-inspection-2015')`,
  ],
  // 002#103 fn20, #129 fn22: the Wednesday–Thursday variant of a visit.
  ['activities', 'activities_variant_check', `variant in ('tue-wed', 'wed-thu')`],
  [
    'activities',
    'activities_status_check',
    `status in ('planned', 'notified', 'on-site', 'judgements-agreed', 'report-stage', 'published', 'deferred',
      'cancelled')`,
  ],
  [
    'activity_team',
    'activity_team_team_role_check',
    `team_role in ('lead-inspector', 'team-inspector', 'regulatory-inspector', 'schools-hmi', 'shadowing-inspector',
      'qa-manager', 'senior-hmi')`,
  ],
  ['activity_contacts', 'activity_contacts_contact_role_check', `contact_role in ('dcs', 'link-person')`],
  [
    'activity_notices',
    'activity_notices_spoke_to_role_check',
    `spoke_to_role in ('dcs', 'senior-manager', 'chief-executive')`,
  ],
  [
    'activity_status_changes',
    'activity_status_changes_from_status_check',
    `from_status in ('planned', 'notified', 'on-site', 'judgements-agreed', 'report-stage', 'published', 'deferred',
      'cancelled')`,
  ],
  [
    'activity_status_changes',
    'activity_status_changes_to_status_check',
    `to_status in ('planned', 'notified', 'on-site', 'judgements-agreed', 'report-stage', 'published', 'deferred',
      'cancelled')`,
  ],
  ['outbox', 'outbox_kind_check', `kind in ('notice', 'further-information-request', 'case-of-concern')`],
  [
    'annex_a_returns',
    'annex_a_returns_status_check',
    `status in ('processing', 'valid', 'errors', 'unreadable', 'failed')`,
  ],
  [
    'activity_outcomes',
    'activity_outcomes_framework_check',
    `framework in ('sif', 'ilacs-2018', 'ilacs-2023', 'ilacs-2026')`,
  ],
  // 002#109: the only two grounds for an area for priority action.
  [
    'focused_visit_findings',
    'focused_visit_findings_ground_check',
    `ground in ('serious-weakness', 'permanence-delay')`,
  ],
  [
    'feedback_meetings',
    'feedback_meetings_attendees_check',
    `jsonb_typeof(attendees) = 'array'
      and attendees <@ '["dcs", "la-senior-leaders", "lead-inspector", "team-inspectors", "qa-manager"]'::jsonb`,
  ],
  [
    'feedback_meetings',
    'feedback_meetings_set_out_check',
    `jsonb_typeof(set_out) = 'array'
      and set_out <@ '["provisional", "no-surprises", "factual-accuracy", "publication", "complaints", "monitoring"]'::jsonb`,
  ],
  [
    'evidence_entries',
    'evidence_entries_source_type_check',
    `source_type in ('case-file', 'meeting', 'observation', 'practitioner', 'child-or-family', 'partner', 'document',
      'other')`,
  ],
  [
    'evidence_entries',
    'evidence_entries_significance_check',
    `significance in ('none', 'significant-concern', 'outstanding-practice')`,
  ],
  [
    'keep_in_touch_meetings',
    'keep_in_touch_meetings_attendee_roles_check',
    `jsonb_typeof(attendee_roles) = 'array'
      and attendee_roles <@ '["dcs", "senior-manager", "link-person", "lead-inspector", "team-inspector",
        "qa-manager"]'::jsonb`,
  ],
  [
    'further_information_requests',
    'further_information_requests_status_check',
    `status in ('awaiting-lead', 'declined', 'requested', 'answered', 'accepted', 'not-accepted')`,
  ],
  [
    'further_information_requests',
    'further_information_requests_request_type_check',
    `request_type in ('document', 'information')`,
  ],
  [
    'cases_of_concern',
    'cases_of_concern_status_check',
    `status in ('with-lead', 'escalated', 'responded', 'concluded')`,
  ],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, constraint, condition] of CHECKS) {
    const check = sql`check (${sql.raw(condition)})`
    await sql`alter table ${sql.table(table)} add constraint ${sql.id(constraint)} ${check}`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, constraint] of [...CHECKS].reverse())
    await sql`alter table ${sql.table(table)} drop constraint ${sql.id(constraint)}`.execute(db)
}
