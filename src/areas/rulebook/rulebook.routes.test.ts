import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RULEBOOK } from '../../rules/rulebook.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'

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

  it('finds a rule whatever the case of its id', async () => {
    expect(page(await new TestAgent(t.app).get('/rules/c2')).heading).toBe('Notification moved off a bank holiday')
  })

  it('answers 404 for a rule that does not exist', async () => {
    expect((await new TestAgent(t.app).get('/rules/Z9')).statusCode).toBe(404)
  })
})
