import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { atReportStage, createReportCast, type ReportCast, reportAt } from '../../test-support/factories/reports.js'
import { publishedJudgement } from '../../test-support/factories/register.js'

/**
 * Monitoring letters and post-monitoring inspection reports through the report workflow (issue
 * 12): each test takes its own visit or inspection of Kent from agreed findings or judgements.
 */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '886')
  // Kent was judged inadequate under the SIF, so it is re-inspected under it (002#22 fn4, 001#48).
  await publishedJudgement(t.db, {
    laCode: '886',
    framework: 'sif',
    activityType: 'sif-inspection',
    inspectionStart: '2017-10-02',
    inspectionEnd: '2017-10-26',
    publishedOn: '2017-12-11',
    grades: {
      overall: 'inadequate',
      'help-and-protection': 'inadequate',
      'looked-after': 'inadequate',
      leadership: 'inadequate',
    },
  })
})
afterAll(async () => t?.close())

const services = () => createServices({ db: t.db, clock, config: t.config })
const context = { requestId: 'test' }

/** Take the letter to the LA under embargo, then run the publication job after its time. */
async function throughTheJob(id: string): Promise<string> {
  await reportAt(cast, id, 'embargoed')
  const due = (await services().reports.read.page(id)).progress.find((p) => p.key === 'report.published')!.statutory
  clock.set(`${due}T00:02:00Z`)
  const run = await services().reports.publication.runDueWork()
  expect(run, JSON.stringify(run)).toMatchObject({ published: 1, failed: [] })
  return due
}

describe('monitoring letters (E7, E8)', () => {
  it('ends the first letter sent to the LA and not published, with the visit in the register', async () => {
    // Visit 1 on site Tuesday 12 and Wednesday 13 January 2027: the 002#216 visit column from the
    // Wednesday: draft Wednesday 20 January (5), final Tuesday 2 February (14), day 16 Thursday 4 February.
    const id = await atReportStage(cast, {
      type: 'monitoring-visit',
      onsite: '2027-01-12',
      monitoring: { visitNumber: 1 },
    })
    const before = await services().reports.read.page(id)
    expect(before.progress.map((p) => [p.key, p.statutory, p.citation])).toEqual([
      ['report.to-la-for-factual-accuracy', '2027-01-20', '002#216'],
      ['report.factual-accuracy-due', '2027-01-22', '002#216'],
      ['report.final-to-la', '2027-02-02', '002#216'],
      ['report.published', '2027-02-04', '002#216'],
    ])
    expect(await throughTheJob(id)).toBe('2027-02-04')
    // The letter counts from the inadequate inspection (its last day, 26 October 2017), not the visit.
    const version = await t.db
      .selectFrom('report_versions')
      .innerJoin('reports', 'reports.id', 'report_versions.report_id')
      .select('report_versions.document')
      .where('reports.activity_id', '=', id)
      .orderBy('report_versions.number', 'desc')
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(version.document)).toContain(
      'since the local authority was judged inadequate in October 2017',
    )
    const publication = await t.db
      .selectFrom('publications')
      .select(['public', 'kind'])
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(publication).toEqual({ public: false, kind: 'monitoring-visit-letter' })
    const visit = await t.db
      .selectFrom('register_visits')
      .select(['visit_type', 'visit_start', 'published_on'])
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(visit).toEqual({ visit_type: 'monitoring-visit', visit_start: '2027-01-12', published_on: null })
    const audit = await t.db
      .selectFrom('audit_events')
      .select('summary')
      .where('record_id', '=', (await services().reports.read.page(id)).report!.id)
      .where('action', '=', 'report.publish')
      .executeTakeFirstOrThrow()
    expect(audit.summary).toContain('to the local authority, not published (the first monitoring letter, 001#41)')
    const told = await t.db
      .selectFrom('outbox')
      .select('subject')
      .where('activity_id', '=', id)
      .where('kind', '=', 'report-published')
      .execute()
    expect(told.map((email) => email.subject).join('\n')).toContain('The letter is final: it is not published')

    // Its recipients were told it is not published, and their link still opens their copy.
    const sent = await t.db
      .selectFrom('outbox')
      .select(['subject', 'body_text'])
      .where('activity_id', '=', id)
      .where('kind', '=', 'report-embargoed')
      .execute()
    expect(sent.length).toBeGreaterThan(0)
    for (const email of sent) {
      expect(email.subject).toContain('Final letter: sent to the local authority, not published')
      expect(email.body_text).not.toContain('then the published one')
    }
    const token = /\/embargoed\/([A-Za-z0-9_-]+)/.exec(sent[0]!.body_text)![1]!
    const copy = await services().reports.embargo.copyFor(token)
    expect(copy.published).toBe(false)
    if (!copy.published) expect(Buffer.from(copy.file.bytes).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('publishes the second letter', async () => {
    const id = await atReportStage(cast, {
      type: 'monitoring-visit',
      onsite: '2027-04-13',
      monitoring: { visitNumber: 2 },
    })
    const due = await throughTheJob(id)
    const publication = await t.db
      .selectFrom('publications')
      .select('public')
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(publication.public).toBe(true)
    const visit = await t.db
      .selectFrom('register_visits')
      .select('published_on')
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(visit.published_on).toBe(due)
  })

  it('dates a 2017-handbook letter by the 001#42 day 1–23 timeline', async () => {
    // Day 1 Tuesday 8 June 2027: day 11 Tuesday 22 June, day 15 Monday 28 June, day 21 Tuesday 6 July, day 23 Thursday 8 July.
    const id = await atReportStage(cast, {
      type: 'monitoring-visit',
      onsite: '2027-06-08',
      monitoring: { handbook: '2017', visitNumber: 3 },
    })
    const page = await services().reports.read.page(id)
    expect(page.progress.map((p) => [p.key, p.statutory, p.citation])).toEqual([
      ['report.to-la-for-factual-accuracy', '2027-06-22', '001#42'],
      ['report.factual-accuracy-due', '2027-06-28', '001#42'],
      ['report.final-to-la', '2027-07-06', '001#42'],
      ['report.published', '2027-07-08', '001#42'],
    ])
  })
})

describe('post-monitoring inspection reports (001#64-65)', () => {
  it('checks the rendered report against 12 pages and puts the SIF judgement in the register on publication', async () => {
    const id = await atReportStage(cast, {
      type: 'post-monitoring-inspection',
      onsite: '2027-09-13',
      grade: 'requires-improvement',
    })
    const lead = (await principalFor(t.db, cast.lead.id))!
    await reportAt(cast, id, 'drafting')
    const started = await services().reports.read.page(id)
    expect(started.latest!.pageLimit).toBe(12)
    // Its recommendations, as the monitoring programme takes them (issue 12), start from the findings.
    expect(await services().reports.read.reportItems(id)).toEqual([
      { kind: 'recommendation', text: 'The quality of supervision in the assessment teams.' },
      { kind: 'recommendation', text: 'The timeliness of return home interviews.' },
    ])

    // Far too long: a section of many paragraphs renders past 12 pages and cannot go to QA.
    const sentence = 'Inspectors found that practice in this area is improving steadily, though not yet everywhere.'
    const long = Array.from({ length: 200 }, (_, i) => `Paragraph ${i + 1}. ${sentence} ${sentence} ${sentence}`)
    await services().reports.drafting.saveSection(
      lead,
      id,
      'help-and-protection',
      {
        text: long.join('\n\n'),
        subject: '',
        evidenceIds: [],
        judgements: [],
        note: 'Too long',
        version: started.report!.version,
      },
      context,
    )
    const tooLong = await services().reports.read.page(id)
    expect(tooLong.latest!.pages).toBeGreaterThan(12)
    await expect(
      services().reports.review.submit(lead, id, { version: tooLong.report!.version }, context),
    ).rejects.toThrow()

    await services().reports.drafting.saveSection(
      lead,
      id,
      'help-and-protection',
      {
        text: 'Help and protection has improved.',
        subject: '',
        evidenceIds: [],
        judgements: [],
        note: 'Shorter',
        version: tooLong.report!.version,
      },
      context,
    )
    await throughTheJob(id)
    const record = await t.db
      .selectFrom('judgement_records')
      .select(['framework', 'activity_type', 'inspection_start'])
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(record).toEqual({
      framework: 'sif',
      activity_type: 'post-monitoring-inspection',
      inspection_start: '2027-09-13',
    })
  })
})
