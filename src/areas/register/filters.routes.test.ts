import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser } from '../../test-support/factories/users.js'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

describe('a filter the service cannot read (issue 10)', () => {
  it.each([
    ['/register?due=2027-13', 'due'],
    ['/programme?due=2027-13', 'due'],
    ['/programme?from=January', 'from'],
  ])('%s says what is wrong (400), keeps what was typed, and shows the list without it', async (url, field) => {
    const director = await createUser(t.db, 'national-director')
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    const response = await agent.get(url)
    expect(response.statusCode).toBe(400)
    const view = page(response)
    expect(view.errorSummary).toEqual([
      { text: 'Enter a month as the year and the month, for example 2027-03', href: `#${field}` },
    ])
    expect(view.$(`#${field}-error`).text()).toContain('Enter a month as the year and the month')
    expect(view.$(`#${field}`).attr('value')).toBe(new URL(url, 'http://x').searchParams.get(field))
    expect(view.title).toMatch(/^Error: /)
  })
})
