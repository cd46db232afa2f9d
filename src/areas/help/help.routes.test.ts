import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser } from '../../test-support/factories/users.js'

let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ env: { FEEDBACK_EMAIL: 'ilacs-team@example.gov.uk' } })
})
afterAll(async () => t.close())

describe('the pages every service has', () => {
  it('links the Beta banner to a feedback page that says where feedback goes', async () => {
    const agent = new TestAgent(t.app)
    const signIn = page(await agent.get('/sign-in'))
    const link = signIn.$('.govuk-phase-banner a')
    expect(link.text()).toBe('give your feedback')
    expect(link.attr('href')).toBe('/feedback')
    const feedback = await agent.get('/feedback', { referer: 'http://localhost/register' })
    expect(feedback.statusCode).toBe(200)
    const parsed = page(feedback)
    expect(parsed.heading).toBe('Give feedback')
    const mail = parsed.$('main a[href^="mailto:"]')
    expect(mail.text()).toBe('ilacs-team@example.gov.uk')
    expect(decodeURIComponent(mail.attr('href') ?? '')).toContain('Page: http://localhost/register')
  })

  it('names, signed in, the page each feedback came from, however often it is opened (ADR 0031)', async () => {
    const user = await createUser(t.db, 'hmi')
    const agent = await new TestAgent(t.app).signIn(user.email, user.password)
    const from = async (referer: string) => {
      const feedback = await agent.get('/feedback', { referer })
      expect(feedback.statusCode).toBe(200)
      return decodeURIComponent(page(feedback).$('main a[href^="mailto:"]').attr('href') ?? '')
    }
    expect(await from('http://localhost/register')).toContain('Page: http://localhost/register')
    expect(await from('http://localhost/programme')).toContain('Page: http://localhost/programme')
  })

  it('shows the service status in words, linked from the footer, where /health stays JSON', async () => {
    const agent = new TestAgent(t.app)
    const signIn = page(await agent.get('/sign-in'))
    expect(signIn.$('.govuk-footer a:contains("Service status")').attr('href')).toBe('/status')
    const status = await agent.get('/status')
    expect(status.statusCode).toBe(200)
    expect(status.headers['content-type']).toContain('text/html')
    const parsed = page(status)
    expect(parsed.heading).toBe('Service status')
    expect(parsed.$('[data-testid="service-status"]').text()).toBe('The service is working normally.')
  })

  it('names the person in the header without repeating their role', async () => {
    const named = await createUser(t.db, 'qa-manager', { displayName: 'Priya Shah' })
    const agent = await new TestAgent(t.app).signIn(named.email, named.password)
    expect(
      page(await agent.get('/'))
        .$('.app-account__name')
        .text(),
    ).toBe('Priya Shah (QA manager)')
    const demoLike = await createUser(t.db, 'hmi', { displayName: "Demo His Majesty's Inspector (HMI)" })
    const demoAgent = await new TestAgent(t.app).signIn(demoLike.email, demoLike.password)
    expect(
      page(await demoAgent.get('/'))
        .$('.app-account__name')
        .text(),
    ).toBe("Demo His Majesty's Inspector (HMI)")
  })
})
