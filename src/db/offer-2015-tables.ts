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

export interface Offer2015Tables {
  offer_2015_offers: Offer2015OffersTable
  offer_2015_steps: Offer2015StepsTable
}
