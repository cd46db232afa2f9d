import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../../auth/audit-actions.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser, type TestUser } from '../../test-support/factories/users.js'

let t: TestApp
let admin: TestUser
beforeAll(async () => {
  t = await buildTestApp()
  admin = await createUser(t.db, 'administrator')
})
afterAll(async () => t.close())

describe('accounts', () => {
  it('creates an LA account that can then sign in, and audits it', async () => {
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    await agent.get('/admin/users/new')
    const created = await agent.post('/admin/users/new', {
      displayName: 'Priya Analyst',
      email: 'Priya.Analyst@Kent.gov.uk',
      role: 'la-analyst',
      laCode: '886',
      password: 'a long enough passphrase',
    })
    expect(created.statusCode).toBe(303)
    const signedIn = await new TestAgent(t.app).signIn('priya.analyst@kent.gov.uk', 'a long enough passphrase')
    expect(page(await signedIn.get('/register')).$('tbody tr')).toHaveLength(1)
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.create').execute()
    expect(audit[0]!.summary).toContain('priya.analyst@kent.gov.uk')
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('a long enough passphrase')
  })

  it('explains what is wrong with an account form', async () => {
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    await agent.get('/admin/users/new')
    const response = await agent.post('/admin/users/new', {
      displayName: '',
      email: 'not-an-email',
      role: 'dfe-case-lead',
      laCodes: '886, 999',
      password: 'short',
    })
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary.map((error) => error.text)).toEqual([
      'Enter an email address in the correct format, like name@example.gov.uk',
      'Enter the person’s name',
      'These are not LA codes: 999',
      'Password must be 12 characters or more',
    ])
  })

  it('disables an account and ends its sessions at once', async () => {
    const victim = await createUser(t.db, 'hmi')
    const theirs = await new TestAgent(t.app).signIn(victim.email, victim.password)
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    await agent.get(`/admin/users/${victim.id}`)
    expect((await agent.post(`/admin/users/${victim.id}/disable`)).statusCode).toBe(303)
    expect((await theirs.get('/')).statusCode).toBe(303)
    expect(
      (await new TestAgent(t.app).post('/sign-in', { email: victim.email, password: victim.password })).statusCode,
    ).toBe(401)
  })

  it('shows when sign-in with an account’s address is slowed, and lets the administrator clear the wait', async () => {
    const person = await createUser(t.db, 'hmi')
    for (let n = 0; n < 5; n++)
      await new TestAgent(t.app).post('/sign-in', { email: person.email, password: `typo ${n}` })
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    const shown = page(await agent.get(`/admin/users/${person.id}`))
    expect(shown.$('.govuk-summary-list').text()).toMatch(/sign-in attempts must wait until/)
    expect((await agent.post(`/admin/users/${person.id}/unlock`)).statusCode).toBe(303)
    expect(
      page(await agent.get(`/admin/users/${person.id}`))
        .$('.govuk-summary-list')
        .text(),
    ).not.toMatch(/must wait/)
    await new TestAgent(t.app).signIn(person.email, person.password)
  })
})

describe('audit log', () => {
  it('lets an administrator search by who and what, newest first', async () => {
    const hmi = await createUser(t.db, 'hmi', { email: 'searchable.hmi@ofsted.gov.uk' })
    await new TestAgent(t.app).signIn(hmi.email, hmi.password)
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    const result = page(await agent.get('/admin/audit?actor=searchable.hmi&action=sign-in'))
    expect(result.$('tbody tr')).toHaveLength(1)
    expect(result.$('tbody').text()).toContain('Signed in with a password')
    const bad = await agent.get('/admin/audit?from=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(page(bad).errorSummary[0]!.text).toContain('Enter the from date as YYYY-MM-DD')
  })

  it('offers every action the service records in the action filter, by its label, and shows labels', async () => {
    // An action the service no longer writes stays in the append-only log and stays searchable.
    await sql`insert into audit_events (actor_label, action, record_type, summary)
      values ('system', 'retired.action', 'test', 'An entry from an older version')`.execute(t.db)
    const agent = await new TestAgent(t.app).signIn(admin.email, admin.password)
    const result = page(await agent.get('/admin/audit?action=sign-in'))
    const options = result
      .$('select#action option')
      .map((_, option) => ({ value: result.$(option).attr('value'), text: result.$(option).text().trim() }))
      .get()
    expect(options).toEqual([
      { value: '', text: 'Any action' },
      ...AUDIT_ACTIONS.map((action) => ({ value: action, text: AUDIT_ACTION_LABELS[action] })),
      { value: 'retired.action', text: 'retired.action' },
    ])
    expect(result.$('select#action option:selected').attr('value')).toBe('sign-in')
    expect(result.$('tbody tr td').eq(2).text().trim()).toBe('Signed in')
  })
})
