import type { Kysely } from 'kysely'
import { insertJudgement, type NewJudgement } from '../../areas/register/repository.js'
import { insertEarlierInspections, type NewEarlierInspection } from '../../areas/register/earlier.repository.js'
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
 * An inspection under a framework before the SIF, as Ofsted's 2009–2023 history gives it: a
 * safeguarding and looked after children inspection known by its publication date only.
 */
export async function earlierInspection(
  db: Kysely<Database>,
  inspection: Pick<NewEarlierInspection, 'laCode' | 'publishedOn' | 'grades'> & Partial<NewEarlierInspection>,
): Promise<string> {
  const [id] = await insertEarlierInspections(db, [
    {
      framework: 'slac',
      inspectionType: 'slac-inspection',
      inspectionStart: null,
      sourceDetail: 'Childrens_social_care_in_England_2023_underlying_data.ods, LA_inspections_2009-2023 row 6',
      predecessor: null,
      recordedBy: null,
      ...inspection,
    },
  ])
  return id!
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
