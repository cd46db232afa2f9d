import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { pdfText } from '../../documents/index.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { deliveryBody } from '../../test-support/factories/register.js'
import { atReportStage, createReportCast, type ReportCast } from '../../test-support/factories/reports.js'

/**
 * An inspection of an LA whose children's services a trust runs (002#213, #216): the report names
 * the trust, says how the LA assures itself of it, and the final copy is addressed to it.
 */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '886')
  await deliveryBody(t.db, '886', cast.director.id, { name: 'Kent Children First', since: '2020-04-01' })
})
afterAll(async () => t?.close())

const services = () => createServices({ db: t.db, clock, config: t.config })

describe('a report where a trust runs the services', () => {
  it('names the trust, asks how the LA assures itself of it, and offers it the final copy', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-01-11' })
    const lead = (await principalFor(t.db, cast.lead.id))!
    await services().reports.drafting.start(lead, id, { requestId: 'test' })
    let page = await services().reports.read.page(id)
    expect(page.latest!.sections.delegation!.subject).toBe('Kent Children First')
    expect(page.problems).toContainEqual({
      message:
        'Say how the local authority assures itself of Kent Children First, including its contract management and quality assurance',
      citation: '002#213',
    })
    expect(page.delivery?.map((body) => [body.name, body.email])).toEqual([
      ['Kent Children First', 'director@childrenfirst.example.org.uk'],
    ])

    await services().reports.drafting.saveSection(
      lead,
      id,
      'delegation',
      {
        text: 'Leaders monitor the trust’s contract closely and audit its practice every quarter.',
        subject: 'Kent Children First',
        evidenceIds: [],
        judgements: [],
        note: '',
        version: page.report!.version,
      },
      { requestId: 'test' },
    )
    page = await services().reports.read.page(id)
    expect(page.problems?.map((problem) => problem.citation)).not.toContain('002#213')
    const pdf = await services().reports.drafting.file(id, page.latest!.number, 'report.pdf')
    expect((await pdfText(pdf.bytes)).join('\n')).toContain('Kent Children First')
  })
})
