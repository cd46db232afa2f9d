import { describe, expect, it } from 'vitest'
import { demoDatabase } from '../test-support/demo-database.js'
import { pdfText } from '../documents/index.js'
import { isWorkingDay } from '../rules/calendar/working-days.js'
import { loadDemoPublications } from './demo-publications.js'

const demo = demoDatabase('2026-11-23')

describe('demo publications', () => {
  it('publishes reports and letters through the service on working days, once, and the register learns them', async () => {
    const config = demo.config
    expect(await loadDemoPublications(demo.db, config, '2026-11-23')).toBe(true)
    const services = demo.services()
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
    const activity = await services.activities.load(leeds.activityId!)
    expect(activity.status).toBe('published')
    expect(await loadDemoPublications(demo.db, config, '2026-11-23')).toBe(false)
  })
})
