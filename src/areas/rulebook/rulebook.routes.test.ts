import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RULEBOOK } from '../../rules/rulebook.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { publishedJudgement } from '../../test-support/factories/register.js'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('/rules', () => {
  it('lists every rule of the rulebook with its citation, to anyone', async () => {
    const response = await new TestAgent(t.app).get('/rules')
    expect(response.statusCode).toBe(200)
    const { $ } = page(response)
    const ids = $('.govuk-summary-list__row')
      .map((_, row) => $(row).attr('id'))
      .get()
    expect(ids).toEqual(RULEBOOK.map((entry) => entry.id))
    expect($('#C2').text()).toContain('002#73 fn18')
  })

  it('shows one rule with its statement, quoted source and decision', async () => {
    const entry = RULEBOOK.find((rule) => rule.id === 'P8')!
    const { heading, $ } = page(await new TestAgent(t.app).get('/rules/P8'))
    expect(heading).toBe(entry.title)
    expect($('main').text()).toContain(entry.citation)
    expect($('blockquote').text()).toContain(entry.quote.split(' … ')[0]!.slice(0, 60))
    expect($('main').text()).toContain('Our decision')
  })

  it('says what the register does for P8: a leap-day publication’s window runs from 28 February three years on (issue 14)', async () => {
    // Kent judged requires improvement, published Thursday 29 February 2024: the anniversary
    // clamps to Saturday 28 February 2027, and the window to six months either side of it.
    await publishedJudgement(t.db, {
      laCode: '886',
      inspectionStart: '2024-01-08',
      inspectionEnd: '2024-01-19',
      publishedOn: '2024-02-29',
      grades: {
        overall: 'requires-improvement',
        'help-and-protection': 'requires-improvement',
        'children-in-care': 'requires-improvement',
        leaders: 'requires-improvement',
      },
    })
    expect((await t.app.services.register.show('886')).pathway?.next).toMatchObject({
      from: '2026-08-28',
      to: '2027-08-28',
    })
    const rule = page(await new TestAgent(t.app).get('/rules/P8'))
      .$('main')
      .text()
    expect(rule).toContain('29 February + 3 years = 28 February')
    expect(rule).toContain('published 29 February 2020, window 28 August 2022 to 28 August 2023')
  })

  it('finds a rule whatever the case of its id', async () => {
    expect(page(await new TestAgent(t.app).get('/rules/c2')).heading).toBe('Notification moved off a bank holiday')
  })

  it('answers 404 for a rule that does not exist', async () => {
    expect((await new TestAgent(t.app).get('/rules/Z9')).statusCode).toBe(404)
  })
})
