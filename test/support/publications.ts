import { Readable } from 'node:stream'
import { insertPublication } from '../../src/areas/publications/repository.js'
import type { TestApp } from '../../src/test-support/build-test-app.js'
import { publishedActivity, tinyPdf } from '../../src/test-support/factories/publications.js'

/**
 * For the authorisation walk: a published focused-visit letter (Medway), and a first monitoring
 * letter recorded beside it that is never public (001#41), whose address must answer 404.
 */
export async function publishedAndHidden(t: TestApp): Promise<{ publishedId: string; unpublishedId: string }> {
  const published = await publishedActivity(t.db, t.config, {
    laCode: '887',
    type: 'focused-visit',
    onsiteStart: '2026-10-13',
    fieldworkEnd: '2026-10-14',
    publishedAt: '2026-11-23T09:30:00Z',
  })
  const unpublishedId = await insertPublication(t.db, {
    activityId: published.activityId,
    laCode: '887',
    kind: 'monitoring-visit-letter',
    activityType: 'focused-visit',
    title: 'A first monitoring letter',
    fieldworkStart: '2026-10-13',
    fieldworkEnd: '2026-10-14',
    statutoryPublicationDate: '2026-11-05',
    publishedAt: new Date('2026-11-23T09:30:00Z'),
    public: false,
    judgements: null,
    pdf: await t.app.services.blobs.put(Readable.from([Buffer.from(tinyPdf())])),
    summaryPdf: null,
    recordedBy: null,
  })
  return { publishedId: published.publicationId, unpublishedId }
}
