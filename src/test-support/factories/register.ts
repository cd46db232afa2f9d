import type { Kysely } from 'kysely'
import { insertJudgement, type NewJudgement } from '../../areas/register/repository.js'
import type { Database } from '../../db/tables.js'
import type { DeliveryBodyInput } from '../../areas/register/delivery.js'
import { insertDeliveryBody } from '../../areas/register/delivery.repository.js'

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

/**
 * A trust running all of an LA's children's services under a section 497A(4) direction since
 * 1 October 2015 (002#227-237), recorded by `recordedBy`, unless the test says otherwise.
 */
export async function deliveryBody(
  db: Kysely<Database>,
  laCode: string,
  recordedBy: string,
  overrides: Partial<DeliveryBodyInput> = {},
): Promise<string> {
  return insertDeliveryBody(
    db,
    laCode,
    {
      name: 'Children First Trust',
      kind: 'trust',
      basis: 's497A(4)',
      extent: 'all',
      functions: 'Children’s social care',
      email: 'director@childrenfirst.example.org.uk',
      directionId: null,
      since: '2015-10-01',
      until: null,
      ...overrides,
    },
    recordedBy,
  )
}
