import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { principalFor } from '../../auth/users.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { deliveryBody } from '../../test-support/factories/register.js'
import {
  atReportStage,
  createReportCast,
  reportAt,
  type ReportCast,
  writeEverySection,
} from '../../test-support/factories/reports.js'

/**
 * An LA with two bodies running some of its functions each (ADR 0024): the final copy under
 * embargo (002#216) is offered to both, and goes to both when the lead sends it.
 */
const clock = settableClock('2026-11-23T10:00:00Z')
let t: TestApp
let cast: ReportCast

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, '886')
  const body = { extent: 'some' as const, basis: 'voluntary' as const, since: '2021-04-01' }
  await deliveryBody(t.db, '886', cast.director.id, {
    ...body,
    name: 'Kent Children First',
    functions: 'Children in care',
    email: 'director@kentchildrenfirst.example.org.uk',
  })
  await deliveryBody(t.db, '886', cast.director.id, {
    ...body,
    name: 'Kent Adoption Partnership',
    functions: 'Adoption',
    email: 'head@kentadoption.example.org.uk',
  })
})
afterAll(async () => t?.close())

describe('the embargo form when two bodies have delegated functions', () => {
  it('prefills each body and sends the final copy to each', async () => {
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-01-11' })
    const services = t.app.services.reports
    const lead = (await principalFor(t.db, cast.lead.id))!
    await services.drafting.start(lead, id, { requestId: 'test' })
    await writeEverySection(cast, id)
    const delegation = (await services.read.page(id)).latest!.sections.delegation!
    await services.drafting.saveSection(
      lead,
      id,
      'delegation',
      {
        text: 'Leaders meet each body every month and audit its practice every quarter.',
        subject: delegation.subject ?? '',
        evidenceIds: [],
        judgements: [],
        note: '',
        version: (await services.read.page(id)).report!.version,
      },
      { requestId: 'test' },
    )
    await reportAt(cast, id, 'factual-accuracy')
    const progress = (await services.read.page(id)).progress
    const final = progress.find((step) => step.key === 'report.final-to-la')!.statutory
    const published = progress.find((step) => step.key === 'report.published')!.statutory
    clock.set(`${final}T10:00:00Z`) // the LA's comment day has passed: nothing stops the final copy
    const agent = await new TestAgent(t.app).signIn(cast.lead.email, cast.lead.password)
    const url = `/activities/${id}/report/embargo`

    const form = page(await agent.get(url))
    const rows = (name: string) =>
      form
        .$(`input[name="${name}"]`)
        .map((_, input) => form.$(input).attr('value'))
        .get() as string[]
    expect(rows('thirdPartyName')).toEqual(['Kent Adoption Partnership', 'Kent Children First'])
    expect(rows('thirdPartyEmail')).toEqual([
      'head@kentadoption.example.org.uk',
      'director@kentchildrenfirst.example.org.uk',
    ])

    const [year, month, day] = published.split('-') as [string, string, string]
    const submit = (emails: string[]) =>
      agent.post(url, {
        'publishAt-day': day,
        'publishAt-month': month,
        'publishAt-year': year,
        'publishAt-hour': '00',
        'publishAt-minute': '01',
        thirdPartyName: rows('thirdPartyName'),
        thirdPartyEmail: emails,
        careCouncilName: 'Kent Children in Care Council',
        careCouncilEmail: 'chair@kent-cicc.example.org',
        version: form.$('input[name="version"]').attr('value')!,
      })
    // A wrong address in the second row: the error is on that row, and both rows come back as typed.
    const refused = page(await submit([rows('thirdPartyEmail')[0]!, 'head-at-kentadoption']))
    expect(refused.errorSummary.map((e) => e.href)).toEqual(['#thirdPartyEmail-2'])
    expect(refused.$('#thirdPartyEmail-2').hasClass('govuk-input--error')).toBe(true)
    expect(refused.$('#thirdPartyEmail').hasClass('govuk-input--error')).toBe(false)
    expect(refused.$('input[name="thirdPartyName"]').length).toBe(2)

    const response = await submit(rows('thirdPartyEmail'))
    expect(
      response.statusCode,
      page(response)
        .errorSummary.map((e) => e.text)
        .join('; '),
    ).toBe(303)

    // The "Sent to" table lists both bodies.
    const sent = page(await agent.get(url))
    const thirdParties = sent
      .$('main table tbody tr:contains("Third party with delegated functions")')
      .map((_, row) => sent.$(row).find('td').eq(2).text().trim())
      .get() as string[]
    expect(thirdParties).toEqual(['head@kentadoption.example.org.uk', 'director@kentchildrenfirst.example.org.uk'])
  })
})
