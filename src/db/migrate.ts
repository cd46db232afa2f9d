import { type Kysely, sql } from 'kysely'
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration'
import * as foundation from './migrations/20261123T182712Z_foundation.js'
import * as activities from './migrations/20261123T190323Z_activities.js'
import * as apiTokens from './migrations/20261123T190958Z_api_tokens.js'
import * as annexAReturns from './migrations/20261123T192958Z_annex_a_returns.js'
import * as judgements from './migrations/20261123T193936Z_judgements.js'
import * as programme from './migrations/20261123T202525Z_programme.js'
import * as evidence from './migrations/20261123T202837Z_evidence.js'
import * as fixedValueChecks from './migrations/20261202T081747Z_fixed_value_checks.js'
import * as publicationsAndRegisterVisits from './migrations/20261202T132326Z_publications_and_register_visits.js'
import * as reports from './migrations/20261202T132607Z_reports.js'
import * as reportEmails from './migrations/20261202T132631Z_report_emails.js'
import * as signInSlowdown from './migrations/20261202T132648Z_sign_in_slowdown.js'
import * as interventionAndEngagement from './migrations/20261202T133241Z_intervention_and_engagement.js'
import * as annexAReturnFilesAndRetention from './migrations/20261202T134346Z_annex_a_return_files_and_retention.js'
import * as apiTokenExpiry from './migrations/20261202T140856Z_api_token_expiry.js'
import * as formSubmissions from './migrations/20261202T142205Z_form_submissions.js'
import * as monitoringVisits from './migrations/20261202T172011Z_monitoring_visits.js'
import * as importedRegisterRecords from './migrations/20261202T172055Z_imported_register_records.js'
import * as monitoringProgrammes from './migrations/20261202T172251Z_monitoring_programmes.js'
import * as fileBlobsInDatabase from './migrations/20261202T203330Z_file_blobs_in_database.js'
import * as offer2015 from './migrations/20261202T203408Z_offer_2015.js'
import * as interventionChecklists from './migrations/20261202T203537Z_intervention_checklists.js'
import * as delegatedDelivery from './migrations/20261203T040733Z_delegated_delivery.js'
import * as earlierFrameworkInspections from './migrations/20261203T040853Z_earlier_framework_inspections.js'
import * as offerAtRiskEmail from './migrations/20261203T041412Z_offer_at_risk_email.js'
import * as offer2015InspectorsCasesAndConcerns from './migrations/20261203T074619Z_offer_2015_inspectors_cases_and_concerns.js'
import * as publicationsOfOffers from './migrations/20261203T074620Z_publications_of_offers.js'
import * as monitoringDeclined from './migrations/20261203T080551Z_monitoring_declined.js'
import * as monitoringLeadInspector from './migrations/20261203T082502Z_monitoring_lead_inspector.js'
import * as registerOutcomeReadings from './migrations/20261203T121558Z_register_outcome_readings.js'
import type { Database } from './tables.js'

/**
 * Every migration, named by the UTC time it was made (ADR 0006) and run in name order on a
 * fresh database. Listed here rather than read from the folder so the same list runs under tsx,
 * in tests and in a bundle (STYLE.md: order is greppable, nothing auto-loaded).
 * `npm run migration:new -- what_it_does` adds a file and its line here.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '20261123T182712Z_foundation': foundation,
  '20261123T190323Z_activities': activities,
  '20261123T190958Z_api_tokens': apiTokens,
  '20261123T192958Z_annex_a_returns': annexAReturns,
  '20261123T193936Z_judgements': judgements,
  '20261123T202525Z_programme': programme,
  '20261123T202837Z_evidence': evidence,
  '20261202T081747Z_fixed_value_checks': fixedValueChecks,
  '20261202T132326Z_publications_and_register_visits': publicationsAndRegisterVisits,
  '20261202T132607Z_reports': reports,
  '20261202T132631Z_report_emails': reportEmails,
  '20261202T132648Z_sign_in_slowdown': signInSlowdown,
  '20261202T133241Z_intervention_and_engagement': interventionAndEngagement,
  '20261202T134346Z_annex_a_return_files_and_retention': annexAReturnFilesAndRetention,
  '20261202T140856Z_api_token_expiry': apiTokenExpiry,
  '20261202T142205Z_form_submissions': formSubmissions,
  '20261202T172011Z_monitoring_visits': monitoringVisits,
  '20261202T172055Z_imported_register_records': importedRegisterRecords,
  '20261202T172251Z_monitoring_programmes': monitoringProgrammes,
  '20261202T203330Z_file_blobs_in_database': fileBlobsInDatabase,
  '20261202T203408Z_offer_2015': offer2015,
  '20261202T203537Z_intervention_checklists': interventionChecklists,
  '20261203T040733Z_delegated_delivery': delegatedDelivery,
  '20261203T040853Z_earlier_framework_inspections': earlierFrameworkInspections,
  '20261203T041412Z_offer_at_risk_email': offerAtRiskEmail,
  '20261203T074619Z_offer_2015_inspectors_cases_and_concerns': offer2015InspectorsCasesAndConcerns,
  '20261203T074620Z_publications_of_offers': publicationsOfOffers,
  '20261203T080551Z_monitoring_declined': monitoringDeclined,
  '20261203T082502Z_monitoring_lead_inspector': monitoringLeadInspector,
  '20261203T121558Z_register_outcome_readings': registerOutcomeReadings,
}

/**
 * The names migrations had before ADR 0006, mapped once to their new names so a database made
 * before the change does not run them again. The timestamps are each file's first commit, except
 * programme and evidence: they take the time of the merge that gave them their last old name, as
 * that is the order they ran in. The `0600_programme` and `0004_evidence` names are those the two
 * had on their branches before that merge, so a database migrated on a branch carries on too.
 * Never remove an entry: a database last started long ago may still carry an old name.
 */
export const LEGACY_NAMES: Readonly<Record<string, string>> = {
  '2026_11_23_0001_foundation': '20261123T182712Z_foundation',
  '2026_11_23_0002_activities': '20261123T190323Z_activities',
  '2026_11_24_0006_api_tokens': '20261123T190958Z_api_tokens',
  '2026_11_24_0007_annex_a_returns': '20261123T192958Z_annex_a_returns',
  '2026_11_24_0700_judgements': '20261123T193936Z_judgements',
  '2026_11_24_0900_programme': '20261123T202525Z_programme',
  '2026_11_24_1000_evidence': '20261123T202837Z_evidence',
  '2026_11_24_0600_programme': '20261123T202525Z_programme',
  '2026_11_24_0004_evidence': '20261123T202837Z_evidence',
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) }

/** Bring the schema up to date. Throws with the failing migration's name and error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one; on a server where
  // another schema (another service, or a parallel test file) already has them, it would skip
  // creating ours and then fail to find them. Pin them to the schema this connection uses.
  const migrationTableSchema = await currentSchema(db)
  await renameLegacyMigrations(db, migrationTableSchema)
  const migrator = new Migrator({
    db,
    provider,
    // ADR 0006: a migration merged from a branch may be older than one already applied here.
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((result) => result.status === 'Error')
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? 'unknown error')
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error })
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName)
}

/** The schema unqualified names resolve to on this connection (the one Kysely's tables belong in). */
export async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ?? undefined
}

/**
 * Rename the rows of Kysely's migration table from the names of before ADR 0006 to their new
 * names, all or none, so the migrator sees those migrations as applied. Does nothing on a new
 * database (no table yet) or one already renamed.
 */
async function renameLegacyMigrations(db: Kysely<Database>, schema: string | undefined): Promise<void> {
  if (!schema) return
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ found: number }>`
      select 1 as found from information_schema.tables
      where table_schema = ${schema} and table_name = 'kysely_migration'`.execute(trx)
    if (rows.length === 0) return
    const pairs = Object.entries(LEGACY_NAMES).map(([from, to]) => sql`(${from}, ${to})`)
    await sql`
      update ${sql.id(schema, 'kysely_migration')} as m set name = legacy.new_name
      from (values ${sql.join(pairs)}) as legacy (old_name, new_name)
      where m.name = legacy.old_name`.execute(trx)
  })
}
