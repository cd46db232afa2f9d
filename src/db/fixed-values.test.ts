import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEAM_ROLES } from '../areas/activities/activity-types.js'
import { STATUSES } from '../areas/activities/lifecycle.js'
import type { Contact } from '../areas/activities/types.js'
import type { NoticeRole } from '../areas/activities/activity-types.js'
import type { ReturnStatus } from '../areas/annex-a-returns/types.js'
import { KIT_ATTENDEE_ROLES, SIGNIFICANCE, SOURCE_TYPES } from '../areas/evidence/fieldwork.js'
import type { ConcernStatus, FurtherInformationRequest, RfiStatus } from '../areas/evidence/types.js'
import { ATTENDEE_ROLES, SET_OUT_ITEMS } from '../areas/judgements/feedback.js'
import { FINDING_KINDS, PRIORITY_ACTION_GROUNDS } from '../areas/judgements/focused-visit-findings.js'
import type { Outcome } from '../areas/judgements/types.js'
import { EARLIER_FRAMEWORKS, EARLIER_INSPECTION_TYPES } from '../areas/register/earlier-frameworks.js'
import { FRAMEWORKS, GRADES, JUDGEMENT_ACTIVITY_TYPES } from '../areas/register/frameworks.js'
import type { NewJudgement } from '../areas/register/repository.js'
import { PUBLISHED_KINDS } from '../areas/publications/kinds.js'
import { VISIT_SOURCES, VISIT_TYPES } from '../areas/register/visits.js'
import { ROLES } from '../auth/roles.js'
import { OUTBOX_KINDS } from '../notify/outbox.js'
import type { FaComment, ReportVersion } from '../areas/reports/types.js'
import { REPORT_EVENTS, REPORT_KINDS, REPORT_STEPS, REVIEW_STEPS } from '../areas/reports/workflow.js'
import { PUBLICATION_MILESTONE_KEYS } from '../areas/reports/progress.js'
import type { VisitVariant } from '../rules/timelines/focused-visit.js'
import { ACTIVITY_TYPES } from '../rules/types.js'
import { CHECKLISTS, RISK_DEGREES } from '../rules/intervention-checklists.js'
import { DELIVERY_BASES, DELIVERY_EXTENTS, DELIVERY_KINDS } from '../areas/register/delivery.js'
import { createTestDatabase, testDatabaseKinds } from '../test-support/test-db.js'
import type { DatabaseHandle } from './database.js'
import * as fixedValueChecks from './migrations/20261202T081747Z_fixed_value_checks.js'

/**
 * The values of a union the code has no list of. `Record<T, true>` makes the compiler check that
 * the object names every member of the union and nothing else, so this list cannot drift either.
 */
function membersOf<T extends string>(members: Record<T, true>): T[] {
  return Object.keys(members) as T[]
}

/**
 * Each CHECK constraint on a fixed-value column, with the values the code's union allows. A value
 * added to the code without a migration fails here, not on the first insert in production.
 */
const CONSTRAINTS: ReadonlyArray<readonly [constraint: string, values: readonly string[]]> = [
  ['users_role_check', ROLES],
  ['judgement_records_framework_check', FRAMEWORKS],
  ['judgement_records_activity_type_check', JUDGEMENT_ACTIVITY_TYPES],
  [
    'judgement_records_source_check',
    membersOf<NewJudgement['source']>({ manual: true, demo: true, import: true, service: true }),
  ],
  ['judgement_grades_grade_check', GRADES],
  ['register_visits_visit_type_check', VISIT_TYPES],
  ['register_visits_source_check', VISIT_SOURCES],
  ['register_earlier_inspections_framework_check', EARLIER_FRAMEWORKS],
  ['register_earlier_inspections_inspection_type_check', EARLIER_INSPECTION_TYPES],
  ['publications_kind_check', PUBLISHED_KINDS],
  ['publications_activity_type_check', ACTIVITY_TYPES],
  ['activities_type_check', ACTIVITY_TYPES],
  ['activities_variant_check', membersOf<VisitVariant>({ 'tue-wed': true, 'wed-thu': true })],
  ['activities_status_check', STATUSES],
  ['activity_team_team_role_check', TEAM_ROLES],
  ['activity_contacts_contact_role_check', membersOf<Contact['contactRole']>({ dcs: true, 'link-person': true })],
  [
    'activity_notices_spoke_to_role_check',
    membersOf<NoticeRole>({ dcs: true, 'senior-manager': true, 'chief-executive': true }),
  ],
  ['activity_status_changes_from_status_check', STATUSES],
  ['activity_status_changes_to_status_check', STATUSES],
  ['outbox_kind_check', OUTBOX_KINDS],
  [
    'annex_a_returns_status_check',
    membersOf<ReturnStatus>({ processing: true, valid: true, errors: true, unreadable: true, failed: true }),
  ],
  ['activity_outcomes_kind_check', membersOf<Outcome['kind']>({ judgements: true, findings: true })],
  ['activity_outcomes_framework_check', FRAMEWORKS],
  ['activity_judgements_grade_check', GRADES],
  ['focused_visit_findings_kind_check', FINDING_KINDS],
  ['focused_visit_findings_ground_check', PRIORITY_ACTION_GROUNDS.map((ground) => ground.key)],
  ['feedback_meetings_attendees_check', ATTENDEE_ROLES.map((role) => role.key)],
  ['feedback_meetings_set_out_check', SET_OUT_ITEMS.map((item) => item.key)],
  ['evidence_entries_source_type_check', Object.keys(SOURCE_TYPES)],
  ['evidence_entries_significance_check', Object.keys(SIGNIFICANCE)],
  ['keep_in_touch_meetings_attendee_roles_check', Object.keys(KIT_ATTENDEE_ROLES)],
  [
    'further_information_requests_status_check',
    membersOf<RfiStatus>({
      'awaiting-lead': true,
      declined: true,
      requested: true,
      answered: true,
      accepted: true,
      'not-accepted': true,
    }),
  ],
  [
    'further_information_requests_request_type_check',
    membersOf<FurtherInformationRequest['requestType']>({ document: true, information: true }),
  ],
  [
    'cases_of_concern_status_check',
    membersOf<ConcernStatus>({ 'with-lead': true, escalated: true, responded: true, concluded: true }),
  ],
  ['reports_kind_check', REPORT_KINDS],
  ['reports_step_check', REPORT_STEPS],
  ['report_versions_status_check', membersOf<ReportVersion['status']>({ draft: true, embargoed: true, final: true })],
  ['report_review_comments_stage_check', REVIEW_STEPS],
  [
    'report_fa_comments_response_check',
    membersOf<NonNullable<FaComment['response']>>({ accepted: true, 'not-accepted': true }),
  ],
  [
    'report_fa_comments_dispute_decision_check',
    membersOf<NonNullable<FaComment['disputeDecision']>>({ upheld: true, 'correction-agreed': true }),
  ],
  ['report_steps_event_check', REPORT_EVENTS],
  ['report_steps_to_step_check', REPORT_STEPS],
  ['report_steps_milestone_check', PUBLICATION_MILESTONE_KEYS],
  ['intervention_checklist_answers_list_check', Object.keys(CHECKLISTS)],
  ['intervention_checklist_answers_degree_check', Object.keys(RISK_DEGREES)],
  ['delivery_bodies_kind_check', Object.keys(DELIVERY_KINDS)],
  ['delivery_bodies_basis_check', Object.keys(DELIVERY_BASES)],
  ['delivery_bodies_extent_check', Object.keys(DELIVERY_EXTENTS)],
]

/** The values a constraint allows: the `in (…)` list, or the JSON array a jsonb column must be within. */
function allowedValues(definition: string): string[] {
  const json = /'(\[.*\])'::jsonb/s.exec(definition)
  if (json) return JSON.parse(json[1]!) as string[]
  return [...definition.matchAll(/'([^']*)'::text/g)].map((match) => match[1]!)
}

describe.each(testDatabaseKinds())('fixed-value columns (%s)', (kind) => {
  let database: DatabaseHandle
  beforeAll(async () => {
    database = await createTestDatabase(kind)
  })
  afterAll(async () => database.close())

  it.each(CONSTRAINTS)('%s allows exactly the values of the code', async (constraint, values) => {
    const { rows } = await sql<{ definition: string }>`
      select pg_get_constraintdef(c.oid) as definition
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = current_schema() and c.conname = ${constraint}`.execute(database.db)
    expect(rows, constraint).toHaveLength(1)
    expect(allowedValues(rows[0]!.definition).sort()).toEqual([...values].sort())
  })

  it('refuses a value outside the set', async () => {
    await expect(
      sql`insert into outbox (kind, recipient, subject, body_text, dedupe_key)
        values ('newsletter', 'someone@example.gov.uk', 'Hello', 'Hello', 'fixed-values-test')`.execute(database.db),
    ).rejects.toThrow(/outbox_kind_check/)
  })

  it('drops the constraints it added when migrated down, and adds them again when migrated up', async () => {
    // A database of its own: migrating down and up again brings back this migration's versions
    // of constraints a later migration changed, which the other tests here must not see.
    const own = await createTestDatabase(kind)
    const db = own.db
    const count = async (): Promise<number> => {
      const { rows } = await sql<{ count: string }>`
        select count(*) as count from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = current_schema() and c.contype = 'c'`.execute(db)
      return Number(rows[0]!.count)
    }
    try {
      const before = await count()
      await fixedValueChecks.down(db)
      // The constraints of the earlier migrations (grades, kinds) stay.
      expect(await count()).toBe(before - 24)
      await fixedValueChecks.up(db)
      expect(await count()).toBe(before)
    } finally {
      await own.close()
    }
  })
})
