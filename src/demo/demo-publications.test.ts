import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { pdfText } from '../documents/index.js'
import { isWorkingDay } from '../rules/calendar/working-days.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { loadDemoPublications } from './demo-publications.js'
import { loadDemoData } from './load-demo-data.js'

let database: DatabaseHandle
let dataDir: string
beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = await mkdtemp(join(tmpdir(), 'demo-'))
  await loadDemoData(database.db, '2026-11-23')
})
afterAll(async () => {
  await database.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('demo publications', () => {
  it('publishes reports and letters through the service on working days, once, and the register learns them', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    expect(await loadDemoPublications(database.db, config, '2026-11-23')).toBe(true)
    const services = createServices({ db: database.db, clock: fixedClock('2026-11-23T12:00:00Z'), config })
    const page = await services.publications.listPublic({})
    expect(page.items.map((item) => item.laName).sort()).toEqual([
      'Bristol, City of',
      'Cornwall',
      'Essex',
      'Leeds',
      'Manchester',
    ])
    for (const item of page.items) {
      expect(isWorkingDay(item.publishedOn), item.title).toBe(true)
      expect(item.publishedOn <= '2026-11-23').toBe(true)
    }
    // Late and on time, as Ofsted's are.
    const leeds = page.items.find((item) => item.laCode === '383')!
    expect(leeds.publishedOn > leeds.statutoryPublicationDate).toBe(true)
    expect(leeds.childrenSummaryPdf).not.toBeNull()
    // The PDF is the real template's.
    const { stream } = await services.publications.publicFile(leeds.id, 'report')
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    expect((await pdfText(new Uint8Array(Buffer.concat(chunks)))).join(' ')).toContain('Leeds')
    // The register holds the judgement (Leeds) and the visit (Manchester), from the service.
    expect((await services.register.show('383')).records.some((record) => record.source === 'service')).toBe(true)
    expect((await services.register.show('352')).visits).toEqual([
      expect.objectContaining({ visitType: 'focused-visit', source: 'service' }),
    ])
    const activity = await services.activities.load(leeds.activityId)
    expect(activity.status).toBe('published')
    expect(await loadDemoPublications(database.db, config, '2026-11-23')).toBe(false)
  })
})
