import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { publishedJudgement } from './register.js'

const INADEQUATE = {
  overall: 'inadequate',
  'help-and-protection': 'inadequate',
  'children-in-care': 'requires-improvement',
  leaders: 'inadequate',
} as const

/**
 * An LA judged inadequate at a standard inspection whose fieldwork started on `fieldworkStart`
 * (two weeks on site) and whose report was published on `published`. Returns the record's id.
 */
export function inadequateJudgement(
  db: Kysely<Database>,
  laCode: string,
  fieldworkStart: string,
  published: string,
): Promise<string> {
  const end = new Date(`${fieldworkStart}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() + 11)
  return publishedJudgement(db, {
    laCode,
    inspectionStart: fieldworkStart,
    inspectionEnd: end.toISOString().slice(0, 10),
    publishedOn: published,
    grades: INADEQUATE,
  })
}
