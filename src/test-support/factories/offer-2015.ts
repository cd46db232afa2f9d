import type { Kysely } from 'kysely'
import type { Database } from '../../db/tables.js'
import { publishedJudgement } from './register.js'

/**
 * An LA judged inadequate under the single inspection framework (the judgement the 2015
 * improvement offer answers, 000#5), its report published on `published`. Returns the record's id.
 */
export function sifInadequateJudgement(db: Kysely<Database>, laCode: string, published: string): Promise<string> {
  return publishedJudgement(db, {
    laCode,
    framework: 'sif',
    activityType: 'sif-inspection',
    inspectionStart: null,
    inspectionEnd: null,
    publishedOn: published,
    grades: {
      overall: 'inadequate',
      'help-and-protection': 'inadequate',
      'looked-after': 'requires-improvement',
      leadership: 'inadequate',
    },
  })
}
