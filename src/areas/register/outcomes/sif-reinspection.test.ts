import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../auth/audit.js'
import { addDays } from '../../../rules/calendar/dates.js'
import type { DatabaseHandle } from '../../../db/database.js'
import { createTestDatabase } from '../../../test-support/test-db.js'
import { registerPathway } from '../pathway.js'
import { judgementRecords } from '../repository.js'
import type { JudgementRecord } from '../types.js'
import { dataFile } from '../../../data-files.js'
import { outcomesImportService } from './import.service.js'

/**
 * Issue 14, the SIF re-inspection reading (P3, 002#22 fn4, `reinspectedUnderSif`): on Ofsted's
 * shipped outcomes, every authority judged inadequate under the SIF is predicted, the day before
 * its next judgement was published, the type of inspection it then had: under the SIF until
 * August 2018, an ILACS standard inspection after.
 */
let database: DatabaseHandle
let records: JudgementRecord[]

beforeAll(async () => {
  database = await createTestDatabase()
  const importer = outcomesImportService({ db: database.db })
  for (const file of [
    'Childrens_social_care_in_England_2023_underlying_data.ods',
    'LA_Inspection_Outcomes_as_at_31_March_2025.ods',
  ])
    await importer.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', file), file)
  records = (await judgementRecords(database.db)).sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
}, 180_000)
afterAll(async () => database.close())

/** The judgement after each SIF inadequate one, with the prediction made the day before it was published. */
function cases() {
  const found: Array<{ laCode: string; judged: string; next: JudgementRecord; predicted: string | undefined }> = []
  for (const laCode of new Set(records.map((record) => record.laCode))) {
    const history = records.filter((record) => record.laCode === laCode)
    history.forEach((record, index) => {
      const next = history[index + 1]
      if (!next || record.framework !== 'sif' || record.grades.overall !== 'inadequate') return
      const on = addDays(next.publishedOn, -1)
      const known = history.filter((earlier) => earlier.publishedOn <= on)
      found.push({ laCode, judged: record.publishedOn, next, predicted: registerPathway(known, on)?.next.type })
    })
  }
  return found
}

describe('the re-inspection of an LA judged inadequate under the SIF (P3, 002#22 fn4)', () => {
  it('is predicted as it happened: under the SIF to August 2018, an ILACS standard inspection after', () => {
    const all = cases()
    const birmingham = all.find((one) => one.laCode === '330' && one.judged === '2016-11-25')!
    // Birmingham: inadequate under the SIF (published 25 November 2016), then an ILACS standard
    // inspection published 17 January 2019; the day before, it is predicted a standard inspection.
    expect(birmingham.next).toMatchObject({ framework: 'ilacs-2018', activityType: 'standard-inspection' })
    expect(birmingham.predicted).toBe('standard-inspection')
    // Surrey: inadequate under the SIF (3 June 2015), re-inspected under it (published 16 May 2018).
    const surrey = all.find((one) => one.laCode === '936' && one.judged === '2015-06-03')!
    expect(surrey.next).toMatchObject({ framework: 'sif', publishedOn: '2018-05-16' })
    expect(surrey.predicted).toBe('sif-inspection')
    // Every real case: the prediction is the type the LA then had.
    const wrong = all.filter((one) => one.predicted !== one.next.activityType)
    expect(
      wrong.map(
        (one) => `${one.laCode} ${one.judged} → ${one.next.activityType} ${one.next.publishedOn}: ${one.predicted}`,
      ),
    ).toEqual([])
    // Measured on the shipped files: 19 re-inspected by an ILACS standard inspection, the rest under the SIF.
    expect(all.filter((one) => one.next.framework !== 'sif').length).toBe(19)
  })
})
