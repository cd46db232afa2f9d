import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxText, pdfText } from '../../documents/index.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'
import { dateFields as date } from '../../test-support/date-fields.js'

// Monday 23 November 2026 (TEST_NOW). Barnet (302, London) judged inadequate, its report
// received before publication on Monday 7 September 2026 and published on Monday 14 September.
let t: TestApp
const LA = '302'
const LONDON = 'E12000007'

beforeAll(async () => {
  t = await buildTestApp()
  await inadequateJudgement(t.db, LA, '2026-07-06', '2026-09-14')
})
afterAll(async () => t.close())

const signIn = (user: TestUser) => new TestAgent(t.app).signIn(user.email, user.password)
const text = (html: string) => html.replace(/\s+/g, ' ')

describe('a monitoring programme from the inadequate judgement to the re-inspection decision (001; 002#112-139)', () => {
  it('opens, counts the deadlines from the pre-publication copy, and runs every step', async () => {
    const director = await signIn(
      await createUser(t.db, 'regional-director', { regionCode: LONDON, displayName: 'Jo Clarke' }),
    )
    const senior = await signIn(await createUser(t.db, 'senior-hmi'))
    const dcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: LA, displayName: 'Sam Patel' }))
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: [LA] })
    const dfe = await signIn(caseLead)

    expect(text((await director.get('/')).body)).toContain('Open the monitoring programme: Barnet')
    const la = page(await director.get(`/monitoring/las/${LA}`))
    expect(la.heading).toBe('Monitoring after an inadequate judgement')
    const opened = await director.post(`/monitoring/las/${LA}/open`, { ...date('prePublication', '2026-09-07') })
    expect(opened.statusCode).toBe(303)
    const url = opened.headers.location as string
    // Each owner's home page: the letter (late since 7 September) and the plan due 14 December.
    expect(text((await director.get('/')).body)).toContain(
      'Send the letter confirming the action planning visit: Barnet',
    )
    const home = text((await dcs.get('/')).body)
    expect(home).toContain('Submit the action plan: Barnet')
    expect(home).toContain('Due 14 December 2026')

    // 001#10: 25 to 35 working days after Monday 7 September 2026; 001#19: 70 working days.
    let programme = page(await senior.get(url))
    const steps = text(programme.$('#steps + table').text())
    expect(steps).toContain('12 October 2026 to 26 October 2026')
    expect(steps).toContain('14 December 2026')
    expect(text(programme.$('#dates ~ p').first().text())).toContain('The deadlines count from 7 September 2026.')
    // Counted from publication (14 September) the plan would be due five working days later.
    expect(text(programme.$('table').eq(1).text())).toContain('21 December 2026 from the day the report was published')
    const version = () => programme.$('input[name="version"]').first().attr('value')!

    programme = page(await director.get(url))
    expect(
      (
        await director.post(`${url}/planning-visit/letter`, {
          letterCopies: '002#118',
          ...date('sentOn', '2026-09-08'),
          version: version(),
        })
      ).statusCode,
    ).toBe(303)

    programme = page(await senior.get(url))
    const early = await senior.post(`${url}/planning-visit`, { ...date('visitOn', '2026-10-06'), version: version() })
    expect(early.statusCode).toBe(400)
    expect(page(early).errorSummary[0]?.text).toBe(
      '6 October 2026 is 21 working days after the report was received on 7 September 2026: the visit takes place between 25 and 35 working days after',
    )
    expect(
      (
        await senior.post(`${url}/planning-visit`, {
          ...date('visitOn', '2026-10-14'),
          ...date('agendaCirculatedOn', '2026-10-07'),
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    programme = page(await senior.get(url))
    expect(
      (
        await senior.post(`${url}/planning-visit/record`, {
          attendees: 'DCS, chief executive, lead inspector, senior HMI',
          discussion: 'The recommendations and the evidence behind them',
          planning: '',
          ...date('recordSentOn', '2026-10-16'),
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    for (const item of ['Improve the quality of supervision', 'Reduce drift in child protection plans'])
      expect((await senior.post(`${url}/recommendations`, { kind: 'recommendation', text: item })).statusCode).toBe(303)

    // The agenda (001 Annex B) with the items, and the record (001 Annex C) as sent, as documents.
    const agenda = await dcs.get(`${url}/planning-visit/agenda.docx`)
    expect(agenda.headers['content-disposition']).toMatch(/filename="Action planning visit agenda.docx"/)
    const agendaText = docxText(new Uint8Array(agenda.rawPayload)).join('\n')
    expect(agendaText).toContain('Visit on 14 October 2026. Final agenda circulated 7 October 2026.')
    expect(agendaText).toContain('R1: Improve the quality of supervision')
    const visitRecord = (await pdfText(new Uint8Array((await dfe.get(`${url}/planning-visit/record.pdf`)).rawPayload)))
      .join(' ')
      .replace(/\s+/g, ' ')
    expect(visitRecord).toContain('DCS, chief executive, lead inspector, senior HMI')
    expect(visitRecord).toContain('Date of record: 16 October 2026')
    expect(visitRecord).toContain('Sent to Sam Patel')

    // The DCS submits the plan with an action against each item (001#19).
    programme = page(await dcs.get(url))
    const actions = programme.$('textarea[name^="action-"]')
    expect(actions.length).toBe(2)
    const fields = Object.fromEntries(
      actions.map((index, element) => [[programme.$(element).attr('name')!, `Action ${index + 1}`]]).get(),
    )
    const missing = await dcs.upload(
      `${url}/action-plan`,
      { ...fields, [Object.keys(fields)[1]!]: '' },
      { field: 'plan', name: 'Plan.docx', content: Buffer.from('plan') },
    )
    expect(missing.statusCode).toBe(400)
    expect(page(missing).errorSummary[0]?.text).toBe('Enter your action against R2')
    // A file of the wrong kind is refused, and the actions typed come back with the page.
    const wrongKind = await dcs.upload(`${url}/action-plan`, fields, {
      field: 'plan',
      name: 'Plan.exe',
      content: Buffer.from('MZ'),
    })
    expect(wrongKind.statusCode).toBe(400)
    const kept = page(wrongKind)
    expect(kept.errorSummary[0]?.text).toContain('The selected file must be a document, spreadsheet or PDF')
    for (const [name, value] of Object.entries(fields))
      expect(kept.$(`textarea[name="${name}"]`).text().trim()).toBe(value)
    const submitted = await dcs.upload(`${url}/action-plan`, fields, {
      field: 'plan',
      name: 'Barnet action plan.docx',
      content: Buffer.from('the plan'),
    })
    expect(submitted.statusCode).toBe(303)
    programme = page(await dcs.get(url))
    expect(text(programme.$('#action-plan + table').text())).toContain('Barnet action plan.docx')
    expect(programme.$('form[action$="/decision"]').length).toBe(0)

    // The review: the plan does not reflect the recommendations (Annex E), the DfE told by email.
    const review = await director.post(`${url}/action-plan/review`, {
      outcome: 'does-not-reflect',
      differences: 'The plan has no action on supervision',
      ...date('letterSentOn', '2026-11-23'),
    })
    expect(review.statusCode).toBe(303)
    const emails = await t.db.selectFrom('outbox').selectAll().where('kind', '=', 'monitoring-dfe').execute()
    expect(emails.map((email) => email.recipient)).toEqual([caseLead.email])
    expect(emails[0]?.body_text).toContain('The plan has no action on supervision')

    const letter = await director.get(`${url}/action-plan/review-letter.docx`)
    expect(letter.headers['content-disposition']).toMatch(/^attachment; filename="Action plan letter.docx"/)
    const letterText = docxText(new Uint8Array(letter.rawPayload)).join('\n')
    expect(letterText).toContain('Dear Sam Patel')
    expect(letterText).toContain('I write to advise you that the plan does not reflect the recommendations')
    expect(letterText).toContain('Jo Clarke\nRegional Director, Ofsted')
    const visitLetter = await dfe.get(`${url}/planning-visit/letter.pdf`)
    expect(visitLetter.statusCode).toBe(200)
    const visitText = text((await pdfText(new Uint8Array(visitLetter.rawPayload))).join(' '))
    expect(visitText).toContain('In your case, this means between 12 October 2026 and 26 October 2026.')
    expect(visitText).toContain('cc the DfE inspections and interventions team')

    // Not resolved after the discussion: referred to the DfE (001#22).
    expect(
      (
        await director.post(`${url}/action-plan/review`, {
          outcome: 'referred-to-dfe',
          differences: 'Still no action on supervision',
          ...date('letterSentOn', '2026-11-23'),
          ...date('discussedOn', '2026-11-23'),
        })
      ).statusCode,
    ).toBe(303)

    // Two monitoring visits held, their letters in the register: the DfE sees both (E8: the first unpublished).
    await t.db
      .insertInto('register_visits')
      .values(
        [
          ['2026-11-10', null],
          ['2026-11-17', '2026-11-20'],
        ].map(([start, publishedOn]) => ({
          id: randomUUID(),
          la_code: LA,
          visit_type: 'monitoring-visit',
          visit_start: start!,
          visit_end: start!,
          published_on: publishedOn ?? null,
          source: 'import',
        })),
      )
      .execute()
    const letters = text(
      page(await dfe.get(url))
        .$('#visit-letters')
        .text(),
    )
    expect(letters).toContain('10 November 2026 Letter sent to the local authority, not published')
    expect(letters).toContain('17 November 2026 Letter published 20 November 2026')

    // The re-inspection decision with the five inputs of 001#54.
    programme = page(await director.get(url))
    // M7 from the key judgements (two of three inadequate): full under 001#51, not under 003's "all".
    expect(text(programme.$('#decision + .govuk-inset-text').text())).toContain(
      'Full re-inspection: inadequate in most judgement areas. Reading "inadequate across all areas" (003#Next steps): a post-monitoring inspection may be used.',
    )
    expect(text(programme.$('#plan-rule').text())).toContain('within 70 working days of receiving the final report')
    const incomplete = await director.post(`${url}/decision`, {
      ...date('decidedOn', '2026-11-23'),
      decisionKind: 'post-monitoring',
      input1: 'Steady progress',
      reasons: 'Inadequate in help and protection only',
      version: version(),
    })
    expect(incomplete.statusCode).toBe(400)
    expect(
      (
        await director.post(`${url}/decision`, {
          ...date('decidedOn', '2026-11-23'),
          decisionKind: 'post-monitoring',
          input1: 'Four visits found steady progress',
          input2: 'The LA considers itself ready',
          input3: 'The DfE agrees',
          input4: 'Re-referrals down',
          input5: 'No concerns from regulated settings',
          reasons: 'Inadequate in help and protection only (001#51)',
          ...date('laToldOn', '2026-11-23'),
          version: version(),
        })
      ).statusCode,
    ).toBe(303)
    const decided = page(await dfe.get(url))
    expect(text(decided.$('#decision ~ dl').first().text())).toContain('Post-monitoring inspection')

    // The thread as Excel: each item with the plan's action.
    const xlsx = await dfe.get(`/monitoring/las/${LA}/thread.xlsx`)
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('Thread')!
    expect(sheet.getRow(2).getCell(2).value).toBe('R1')
    expect(sheet.getRow(2).getCell(4).value).toBe('Improve the quality of supervision')
    expect(sheet.getRow(3).getCell(5).value).toBe('Action 2')
  })

  it('is Page not found to another LA’s DCS and a DfE case lead of another LA (ADR 0005)', async () => {
    // Its own programme (Bexley, 303), so the test passes alone and in any order (ADR 0011).
    const bexley = '303'
    await inadequateJudgement(t.db, bexley, '2026-07-06', '2026-09-14')
    const director = await signIn(await createUser(t.db, 'regional-director', { regionCode: LONDON }))
    const opened = await director.post(`/monitoring/las/${bexley}/open`, { ...date('prePublication', '2026-09-07') })
    expect(opened.statusCode).toBe(303)
    const url = opened.headers.location as string
    const otherDcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: '886' }))
    const otherCaseLead = await signIn(await createUser(t.db, 'dfe-case-lead', { laCodes: ['886'] }))
    expect((await otherDcs.get(url)).statusCode).toBe(404)
    expect((await otherCaseLead.get(url)).statusCode).toBe(404)
    expect((await otherDcs.get(`/monitoring/las/${bexley}`)).statusCode).toBe(404)
    // Bexley's own DCS does see it.
    const ownDcs = await signIn(await createUser(t.db, 'la-dcs', { laCode: bexley }))
    expect((await ownDcs.get(url)).statusCode).toBe(200)
  })
})
