import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPublication } from '../src/areas/publications/repository.js'
import { TestAgent } from '../src/test-support/agent.js'
import { buildTestApp, type TestApp } from '../src/test-support/build-test-app.js'
import { publishedActivity, tinyPdf } from '../src/test-support/factories/publications.js'
import { createUser } from '../src/test-support/factories/users.js'

/**
 * The other half of the authorisation walk (test/authorisation.test.ts walks every signed-in
 * route): every public route under /published answers for a published document, to a reader
 * who is not signed in and to a signed-in LA user alike, and answers "Page not found" for a
 * document that is recorded but not public (a first monitoring letter, 001#41), whose title
 * never appears on any public page.
 */
let t: TestApp
let publishedId = ''
let unpublishedId = ''

beforeAll(async () => {
  t = await buildTestApp()
  const published = await publishedActivity(t.db, t.config, {
    laCode: '887',
    type: 'focused-visit',
    onsiteStart: '2026-10-13',
    fieldworkEnd: '2026-10-14',
    publishedAt: '2026-11-23T09:30:00Z',
  })
  publishedId = published.publicationId
  unpublishedId = await insertPublication(t.db, {
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
})
afterAll(async () => t.close())

const urlOf = (pattern: string, publicationId: string) =>
  pattern.replace(':publicationId', publicationId).replace(':la', '887')

describe('the public pages show only what is published, to anyone', () => {
  it.each([
    ['a reader who is not signed in', undefined],
    ['an analyst of another LA', 'la-analyst'],
  ] as const)('answer every public /published route for %s', async (_who, role) => {
    const reader = new TestAgent(t.app)
    if (role) {
      const user = await createUser(t.db, role, { laCode: '330' })
      await reader.signIn(user.email, user.password)
    }
    const routes = t.app.routeSpecs.filter((spec) => spec.permission === 'public' && spec.url.startsWith('/published'))
    expect(routes.length).toBeGreaterThanOrEqual(7)
    for (const spec of routes) {
      expect(spec.method).toBe('GET')
      const url = urlOf(spec.url, publishedId)
      const response = await reader.get(url)
      // A focused-visit letter has no summary for children (002#202 is about reports).
      expect(response.statusCode, url).toBe(spec.url.endsWith('summary-for-children.pdf') ? 404 : 200)
      expect(response.body, url).not.toContain('A first monitoring letter')
      if (spec.url.includes(':publicationId')) {
        const hidden = urlOf(spec.url, unpublishedId)
        expect((await reader.get(hidden)).statusCode, hidden).toBe(404)
      }
    }
  })
})
