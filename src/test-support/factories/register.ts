import type { Kysely } from 'kysely'
import { insertJudgement, type NewJudgement } from '../../areas/register/repository.js'
import type { Database } from '../../db/tables.js'

/**
 * A published judgement in an LA's history, as if loaded from Ofsted's outcomes: an ILACS
 * standard inspection recorded by no one, unless the test says otherwise.
 */
export async function publishedJudgement(
  db: Kysely<Database>,
  judgement: Pick<NewJudgement, 'laCode' | 'inspectionStart' | 'inspectionEnd' | 'publishedOn' | 'grades'> &
    Partial<NewJudgement>,
): Promise<string> {
  return insertJudgement(db, {
    framework: 'ilacs-2018',
    activityType: 'standard-inspection',
    source: 'manual',
    recordedBy: null,
    ...judgement,
  })
}
