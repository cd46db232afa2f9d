import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { createServices } from '../index.js'
import { fixedClock } from '../../clock.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { plannedActivity } from '../../test-support/factories/activities.js'
import { publishedActivity, tinyPdf } from '../../test-support/factories/publications.js'
import { publishedJudgement } from '../../test-support/factories/register.js'
import { createUser } from '../../test-support/factories/users.js'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const PUBLISHED_AT = '2026-11-23T09:30:00Z'

describe('publishing a report or letter', () => {
  it('publishes an inspection report, records its judgement in the register and moves the pathway', async () => {
    // Surrey (936): judged good in 2023, so on pathway 1 until this report.
    await publishedJudgement(t.db, {
      laCode: '936',
      inspectionStart: '2023-05-08',
      inspectionEnd: '2023-05-19',
      publishedOn: '2023-06-23',
      framework: 'ilacs-2023',
      grades: {
        overall: 'good',
        'help-and-protection': 'good',
        'children-in-care': 'good',
        'care-leavers': 'good',
        leaders: 'good',
      },
    })
    expect((await t.app.services.register.show('936')).pathway?.pathway).toBe(1)
    const {
      activityId,
      publicationId,
      judgementRecordId,
      public: isPublic,
    } = await publishedActivity(t.db, t.config, {
      laCode: '936',
      onsiteStart: '2026-10-12',
      fieldworkEnd: '2026-10-23',
      publishedAt: PUBLISHED_AT,
      grade: 'requires-improvement',
    })
    expect(isPublic).toBe(true)

    const publication = await t.app.services.publications.publicOne(publicationId)
    expect(publication).toMatchObject({ laName: 'Surrey', kind: 'inspection-report', publishedOn: '2026-11-23' })
    expect(publication.grades).toMatchObject({ leaders: 'requires-improvement' })

    // The register: a record whose source is the activity and its publication; the pathway follows it.
    const history = await t.app.services.register.show('936')
    const record = history.records.find((candidate) => candidate.id === judgementRecordId)!
    expect(record).toMatchObject({ source: 'service', activityId, publicationId, publishedOn: '2026-11-23' })
    expect(history.pathway?.pathway).toBe(2)
    expect(history.pathway?.latest.published).toBe('2026-11-23')
    // P8: six months either side of the three-year anniversary of publication.
    expect(history.pathway?.next).toMatchObject({ from: '2029-05-23', to: '2030-05-23' })

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'record_id'])
      .where('la_code', '=', '936')
      .where('action', 'in', ['publication.publish', 'judgement.from-publication'])
      .execute()
    expect(audit.map((entry) => entry.action).sort()).toEqual(['judgement.from-publication', 'publication.publish'])
  })

  it('records a focused visit in the LA’s history and counts it against the pathway’s allowance', async () => {
    await publishedJudgement(t.db, {
      laCode: '887',
      inspectionStart: '2024-03-04',
      inspectionEnd: '2024-03-15',
      publishedOn: '2024-04-26',
      framework: 'ilacs-2023',
      grades: {
        overall: 'requires-improvement',
        'help-and-protection': 'good',
        'children-in-care': 'requires-improvement',
        'care-leavers': 'good',
        leaders: 'requires-improvement',
      },
    })
    expect((await t.app.services.register.show('887')).pathway?.focusedVisits.used).toBe(0)
    const { activityId, publicationId, visitId, judgementRecordId } = await publishedActivity(t.db, t.config, {
      laCode: '887',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      fieldworkEnd: '2026-10-14',
      publishedAt: PUBLISHED_AT,
    })
    expect(judgementRecordId).toBeNull()
    const history = await t.app.services.register.show('887')
    expect(history.visits).toEqual([
      expect.objectContaining({
        id: visitId,
        visitType: 'focused-visit',
        start: '2026-10-13',
        end: '2026-10-14',
        publishedOn: '2026-11-23',
        source: 'service',
        activityId,
        publicationId,
      }),
    ])
    expect(history.pathway?.focusedVisits).toMatchObject({ used: 1, max: 2, remaining: 1 })
  })

  it('records the first monitoring letter of a set but never makes it public (001#41)', async () => {
    const director = await createUser(t.db, 'national-director')
    const activityId = await plannedActivity(t.db, t.config, {
      laCode: '330',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      plannedAt: '2026-09-01T10:00:00Z',
    })
    const services = createServices({ db: t.db, clock: fixedClock(PUBLISHED_AT), config: t.config })
    const actor = await principalFor(t.db, director.id)
    const input = {
      activityId,
      laId: '330',
      kind: 'monitoring-visit-letter' as const,
      title: 'Monitoring visit to Birmingham',
      fieldworkStart: '2026-10-13',
      fieldworkEnd: '2026-10-14',
      statutoryPublicationDate: '2026-11-05',
      publishedAt: new Date(PUBLISHED_AT),
      pdf: tinyPdf(),
      firstMonitoringLetter: true,
    }
    // A focused visit gives no monitoring letter…
    await expect(services.publications.publish(input, { requestId: 'test', actor })).rejects.toThrow(ValidationError)
    // …a monitoring visit does (monitoring visits cannot be planned in the service yet, so the test makes one).
    await t.db.updateTable('activities').set({ type: 'monitoring-visit' }).where('id', '=', activityId).execute()
    const result = await services.publications.publish(input, { requestId: 'test', actor })
    expect(result.public).toBe(false)
    await expect(services.publications.publicOne(result.publicationId)).rejects.toThrow(NotFoundError)
    expect(await services.publications.publicOfLa('330')).toEqual([])
    expect((await services.publications.ofActivity(activityId)).map((item) => item.public)).toEqual([false])
    // The visit happened, so the register has it; its letter was not published.
    expect((await services.register.show('330')).visits).toEqual([
      expect.objectContaining({ id: result.visitId, visitType: 'monitoring-visit', publishedOn: null, activityId }),
    ])
  })

  it('refuses what cannot be published: another LA, grades on a letter, the future, not a PDF, twice', async () => {
    const director = await createUser(t.db, 'national-director')
    const actor = await principalFor(t.db, director.id)
    const activityId = await plannedActivity(t.db, t.config, {
      laCode: '826',
      type: 'focused-visit',
      onsiteStart: '2026-10-13',
      plannedAt: '2026-09-01T10:00:00Z',
    })
    const services = createServices({ db: t.db, clock: fixedClock(PUBLISHED_AT), config: t.config })
    const input = {
      activityId,
      laId: '826',
      kind: 'focused-visit-letter' as const,
      title: 'Focused visit to Milton Keynes',
      fieldworkStart: '2026-10-13',
      fieldworkEnd: '2026-10-14',
      statutoryPublicationDate: '2026-11-05',
      publishedAt: new Date(PUBLISHED_AT),
      pdf: tinyPdf(),
    }
    const refused = async (overrides: object) => {
      const error = await services.publications
        .publish({ ...input, ...overrides }, { requestId: 'test', actor })
        .catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ValidationError)
      return Object.keys((error as ValidationError).fieldErrors)
    }
    expect(await refused({ laId: '886' })).toEqual(['laId'])
    expect(await refused({ judgements: { framework: 'ilacs-2026', grades: { leaders: 'good' } } })).toEqual([
      'judgements',
    ])
    expect(await refused({ publishedAt: new Date('2026-11-24T09:30:00Z') })).toEqual(['publishedAt'])
    expect(await refused({ pdf: Buffer.from('<html>') })).toEqual(['pdf'])
    expect(await refused({ kind: 'inspection-report' })).toEqual(expect.arrayContaining(['kind', 'judgements']))

    await services.publications.publish(input, { requestId: 'test', actor })
    await expect(services.publications.publish(input, { requestId: 'test', actor: null })).rejects.toThrow(
      ConflictError,
    )
    expect((await t.app.services.publications.publicOfLa('826')).map((item) => item.title)).toEqual([
      'Focused visit to Milton Keynes',
    ])
  })
})
