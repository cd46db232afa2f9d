import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { pdfPageCount, pdfText } from '../../documents/index.js'
import type { OutboxKind } from '../../notify/outbox.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { publicationMilestones } from '../../rules/timelines/publication.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { atReportStage, createReportCast, type ReportCast, reportAt } from '../../test-support/factories/reports.js'

/**
 * The workflow through the services (issue 11): each test takes its own inspection or visit of
 * Kent from agreed judgements or findings to the step it checks.
 */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '886')
})
afterAll(async () => t?.close())

const services = () => createServices({ db: t.db, clock, config: t.config })
const outbox = (kind: OutboxKind) =>
  t.db.selectFrom('outbox').selectAll().where('kind', '=', kind).orderBy('id').execute()

describe('drafting a report from the agreed judgements', () => {
  it('fills each judgement’s section from its rationale, renders a draft and keeps every save', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-01-11' })
    const lead = (await principalFor(t.db, cast.lead.id))!
    await services().reports.drafting.start(lead, id, { requestId: 'test' })
    const page = await services().reports.read.page(id)
    expect(page.latest!.sections['help-and-protection']!.text).toBe('Evidence from case 1234 supports good.')
    expect(page.latest!.sections['help-and-protection']!.judgements).toEqual(['help-and-protection'])
    expect(page.problems?.map((p) => p.citation)).toContain('002#205')
    const pdf = await services().reports.drafting.file(id, 1, 'report.pdf')
    const text = (await pdfText(pdf.bytes)).join('\n')
    expect(text).toContain('DRAFT')
    expect(text).toContain('[Not yet written: What do we know about the overall experiences')
    expect(await pdfPageCount(pdf.bytes)).toBe(page.latest!.pages)

    const version = page.report!.version
    const saved = await services().reports.drafting.saveSection(
      lead,
      id,
      'leaders',
      {
        text: 'Leaders know their services well.',
        subject: '',
        evidenceIds: [],
        judgements: ['leaders'],
        note: '',
        version,
      },
      { requestId: 'test' },
    )
    expect(saved).toBe(2)
    const pair = await services().reports.read.pair(id, 1, 2)
    expect(pair.after.sections.leaders!.text).toBe('Leaders know their services well.')
    expect(pair.before.sections.leaders!.text).toBe('Evidence from case 1234 supports good.')
    // A save from a page built before the last one is refused.
    await expect(
      services().reports.drafting.saveSection(
        lead,
        id,
        'leaders',
        { text: 'Other words.', subject: '', evidenceIds: [], judgements: [], note: '', version },
        { requestId: 'test' },
      ),
    ).rejects.toThrow(/Someone else changed this report/)
  })
})

describe('the whole workflow to the final copy under embargo', () => {
  it('dates each step against 002#216, tells the DfE of an inadequate grade and sends the embargoed copy', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-02-01', grade: 'inadequate' })
    await reportAt(cast, id, 'embargoed')
    const page = await services().reports.read.page(id)
    const expected = publicationMilestones('inspection', '2027-02-12')
    expect(page.report!.step).toBe('embargoed')
    expect(page.progress.map((p) => [p.key, p.statutory, p.actual, p.timeliness])).toEqual([
      ['report.to-la-for-factual-accuracy', expected[0]!.date, expected[0]!.date, 'on-time'],
      ['report.factual-accuracy-due', expected[1]!.date, expected[0]!.date, 'on-time'],
      ['report.final-to-la', expected[2]!.date, expected[2]!.date, 'on-time'],
      ['report.published', expected[3]!.date, undefined, 'due'],
    ])
    const dfe = await outbox('report-dfe-inadequate')
    expect(dfe.map((email) => email.recipient)).toEqual(['dfe.reports@example.gov.uk'])
    expect(dfe[0]!.body_text).toContain('inadequate')
    const embargoed = (await outbox('report-embargoed')).filter((email) => email.activity_id === id)
    expect(embargoed.map((email) => email.recipient)).toEqual(
      expect.arrayContaining([
        'dcs.886@example.gov.uk',
        'chair@care-council.example.org',
        'dfe.reports@example.gov.uk',
        'reports@cqc.example.gov.uk',
      ]),
    )
    const attached = embargoed[0]!.attachment!
    const text = (await pdfText(new Uint8Array(attached))).join('\n')
    expect(text).toContain(`EMBARGOED UNTIL ${formatDate(expected[3]!.date).toUpperCase()} 00:01`)
    expect(page.versions?.at(-1)!.status).toBe('embargoed')

    // Before the embargo lifts the job publishes nothing; at its time, the report is published.
    clock.set(`${expected[3]!.date}T00:00:00Z`)
    expect((await services().reports.publication.publishDue()).published).toBe(0)
    clock.set(`${expected[3]!.date}T00:02:00Z`)
    expect(await services().reports.publication.runDueWork()).toMatchObject({ published: 1, failed: [] })
    expect((await services().activities.load(id)).status).toBe('published')
    const published = await services().reports.read.page(id)
    expect(published.report!.step).toBe('published')
    expect(published.progress.at(-1)).toMatchObject({ actual: expected[3]!.date, timeliness: 'on-time' })
    const final = await services().reports.drafting.file(id, published.latest!.number, 'report.pdf')
    const finalText = (await pdfText(final.bytes)).join('\n')
    expect(finalText).not.toContain('EMBARGOED')
    expect(finalText).not.toContain('DRAFT')
    const register = await services().register.show('886')
    expect(register.records.some((record) => record.inspectionStart === '2027-02-01')).toBe(true)
  })

  it('refuses the final copy while a comment is unanswered, and the status route cannot publish', async () => {
    const id = await atReportStage(cast, { type: 'focused-visit', onsite: '2027-03-02' })
    await reportAt(cast, id, 'factual-accuracy')
    const dcs = (await principalFor(t.db, cast.dcs.id))!
    const page = await services().reports.read.page(id)
    await services().reports.factualAccuracy.add(
      dcs,
      id,
      { anchor: 'findings:1', correction: 'Weekly, not daily.', evidence: 'The rota.' },
      { requestId: 'test' },
    )
    await services().reports.factualAccuracy.submit(dcs, id, { version: page.report!.version }, { requestId: 'test' })
    expect(await services().reports.embargo.blockers(id)).toEqual([
      'Answer every comment of the local authority (1 not yet answered) (002#215)',
    ])
    const lead = (await principalFor(t.db, cast.lead.id))!
    const activity = await services().activities.load(id)
    await expect(
      services().activities.changeStatus(
        lead,
        id,
        { to: 'published', note: '', version: activity.version },
        { requestId: 'test' },
      ),
    ).rejects.toThrow()
  })
})
