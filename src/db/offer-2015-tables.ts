import type { ColumnType, Generated } from 'kysely'

/**
 * Table types of the 2015 improvement offer (migration 20261202T203408Z_offer_2015), composed
 * into `Database` in tables.ts. Kept in their own file so areas adding tables in parallel do not
 * edit the same lines.
 */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>

export interface Offer2015OffersTable {
  id: Generated<string>
  la_code: string
  judgement_id: string
  published_on: string
  opened_on: string
  opened_by: string
  seminar_on: string | null
  plan_accepted_on: string | null
  progress_onsite_on: string | null
  progress_judgement: 'satisfactory' | 'unsatisfactory' | null
  ended_on: string | null
  version: Generated<number>
}

export interface Offer2015StepsTable {
  id: Generated<string>
  offer_id: string
  step: string
  done_on: string
  note: Generated<string>
  detail: ColumnType<Record<string, unknown>, string | undefined, string>
  recorded_by: string
  recorded_at: GeneratedTimestamp
}

/** An inspector named for the offer (000#34-41): its steps are their tasks, its child IDs theirs to read. */
export interface Offer2015InspectorsTable {
  offer_id: string
  user_id: string
  named_by: string
  named_at: GeneratedTimestamp
}

/** Where a progress inspection case came from (000 Annex H): the lead's 30, or one of the LA's four. */
export type Offer2015CaseSource = 'selected' | 'la-child-protection' | 'la-child-in-need'

export interface Offer2015CasesTable {
  id: Generated<string>
  offer_id: string
  child_id: string
  source: Offer2015CaseSource
  cse: Generated<boolean>
  la_audit: Generated<boolean>
  standards_evident: boolean | null
  risk_managed: boolean | null
  added_by: string
  added_at: GeneratedTimestamp
}

export interface Offer2015ConcernsTable {
  id: Generated<string>
  offer_id: string
  number: number
  child_id: string
  team_location: string
  issues: string
  response_due: string
  response: string | null
  responded_on: string | null
  raised_by: string
  raised_at: GeneratedTimestamp
}

export interface Offer2015Tables {
  offer_2015_offers: Offer2015OffersTable
  offer_2015_steps: Offer2015StepsTable
  offer_2015_inspectors: Offer2015InspectorsTable
  offer_2015_cases: Offer2015CasesTable
  offer_2015_concerns: Offer2015ConcernsTable
}
