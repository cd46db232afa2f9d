import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { evidenceEntry, fieldwork } from '../../test-support/factories/evidence.js'
import type { TestUser } from '../../test-support/factories/users.js'

// Wednesday 13 January 2027, 16:00 in London: the third day of a standard inspection whose
// fieldwork runs from Monday 11 to Friday 22 January 2027. Each test has its own
// inspection, LA and team (factories/evidence.ts), so it can run alone and in any order.
let t: TestApp

beforeAll(async () => {
  t = await buildTestApp({ clock: fixedClock('2027-01-13T16:00:00Z') })
})
afterAll(async () => t.close())

const entry = (overrides: Record<string, string> = {}) => ({
  headingId: 'help-and-protection.4',
  evaluativeStatement: 'Management oversight of frontline practice is consistently strong in the assessment teams.',
  evidenceSummary:
    'In 9 of the 10 cases sampled, supervision records show clear direction and timescales. JB was seen alone on every visit.',
  impact: 'Children’s plans progress without drift and risks are reduced quickly.',
  sourceType: 'case-file',
  sourceDetail: 'Team manager, assessment team 2',
  'collectedOn-day': '13',
  'collectedOn-month': '1',
  'collectedOn-year': '2027',
  'collectedTime-hour': '14',
  'collectedTime-minute': '30',
  significance: 'none',
  caseIds: 'C104532, 0045671',
  ...overrides,
})

async function signIn(user: TestUser): Promise<TestAgent> {
  return new TestAgent(t.app).signIn(user.email, user.password)
}

describe('the evidence record (002#181-191)', () => {
  it('lets a team inspector add an entry under a heading, with its source, time and case references', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const agent = await signIn(inspector)
    const form = page(await agent.get(`/activities/${activityId}/evidence/new?heading=help-and-protection.4`))
    expect(form.heading).toBe('Add an evidence entry')
    expect(form.$('#headingId option[selected]').attr('value')).toBe('help-and-protection.4')
    // The three-part structure of 002#188, as three labelled fields.
    expect(form.$('label[for="evaluativeStatement"]').text()).toContain('Evaluative statement')
    expect(form.$('label[for="evidenceSummary"]').text()).toContain('Evidence')
    expect(form.$('label[for="impact"]').text()).toContain('Impact on children and young people')

    const saved = await agent.post(`/activities/${activityId}/evidence/new`, entry())
    expect(saved.statusCode).toBe(303)
    const record = page(await agent.get(saved.headers.location!))
    expect(record.$('#coverage').text()).toContain('1 of 17 headings have evidence')
    // Decision: entries are contemporaneous records (002#181), never edited; the page says so.
    expect(record.$('#append-only').text()).toContain('Entries cannot be changed once saved')
    expect(record.$(`a[href*="/edit"]`).length).toBe(0)
    expect(record.$('#heading-help-and-protection\\.4').text()).toContain(
      'Management oversight of frontline practice (1)',
    )
    // The judgement area sits on its own line above the heading, in a GOV.UK caption class.
    const area = record.$('#heading-help-and-protection\\.4 .govuk-caption-m')
    expect(area.text()).toBe('Help and protection')
    const card = record.$('.govuk-summary-card').first()
    expect(card.find('.govuk-summary-card__title').text()).toContain('13 January 2027 at 14:30')
    expect(card.text()).toContain('Case file or case records: Team manager, assessment team 2')
    // No case sample or Annex A lists yet: each reference is shown as not checked.
    expect(card.text()).toContain('C104532')
    expect(card.text()).toContain('Not checked')
    const links = await t.db
      .selectFrom('evidence_case_links as l')
      .innerJoin('evidence_entries as e', 'e.id', 'l.entry_id')
      .select('l.case_id')
      .where('e.activity_id', '=', activityId)
      .orderBy('l.case_id')
      .execute()
    expect(links.map((link) => link.case_id)).toEqual(['0045671', 'C104532'])
  })

  it('audits every read of entries that name cases', async () => {
    const { activityId, inspector, lead } = await fieldwork(t)
    await evidenceEntry(t, activityId, inspector, { caseIds: 'C104532, 0045671' })
    const agent = await signIn(lead)
    await agent.get(`/activities/${activityId}/evidence`)
    const reads = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label', 'summary'])
      .where('action', '=', 'evidence.read')
      .where('actor_label', '=', lead.email)
      .execute()
    expect(reads).toHaveLength(1)
    expect(reads[0]!.summary).toMatch(/naming 2 case references/)
    expect(reads[0]!.summary).not.toContain('C104532')
  })

  it('marks each case reference as in the case sample or not, once there is one (002#150-153)', async () => {
    const { activityId, inspector, lead } = await fieldwork(t)
    await evidenceEntry(t, activityId, inspector, { caseIds: 'C104532, 0045671' })
    await t.db
      .insertInto('case_samples')
      .values({ activity_id: activityId, child_id: 'C104532', reason: 'Exploitation', added_by: lead.id })
      .execute()
    const agent = await signIn(lead)
    const record = page(await agent.get(`/activities/${activityId}/evidence?heading=help-and-protection.4`))
    const references = record
      .$('.govuk-summary-card')
      .first()
      .find('li')
      .map((_, item) => record.$(item).text().replace(/\s+/g, ' ').trim())
      .get()
    expect(references).toEqual(['0045671 Not in the case sample', 'C104532 In the case sample'])
  })

  it('shows the GOV.UK error summary for an empty entry', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const agent = await signIn(inspector)
    await agent.get(`/activities/${activityId}/evidence/new`)
    const response = await agent.post(`/activities/${activityId}/evidence/new`, {
      'collectedTime-hour': '',
      'collectedTime-minute': '',
    })
    expect(response.statusCode).toBe(400)
    const errors = page(response).errorSummary
    expect(errors.map((error) => error.href)).toEqual(
      expect.arrayContaining([
        '#headingId',
        '#sourceType',
        '#collectedOn-day',
        '#collectedTime-hour',
        '#evaluativeStatement',
        '#evidenceSummary',
        '#impact',
      ]),
    )
    expect(errors.find((error) => error.href === '#evaluativeStatement')!.text).toContain(
      'an overall evaluative statement',
    )
  })

  it('refuses a name typed as a case reference, and a date in the future', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const agent = await signIn(inspector)
    await agent.get(`/activities/${activityId}/evidence/new`)
    const response = await agent.post(
      `/activities/${activityId}/evidence/new`,
      entry({ caseIds: 'C104532, Jamie', 'collectedOn-day': '14' }),
    )
    expect(response.statusCode).toBe(400)
    const errors = page(response).errorSummary.map((error) => error.text)
    expect(errors).toContain(
      'Enter case references as the local authority’s Child Unique IDs, which contain at least one digit: “Jamie” is not one',
    )
    expect(errors).toContain('The date you collected the evidence must be today or in the past')
  })
})

describe('the check for names (002#191)', () => {
  const withName = entry({
    evidenceSummary:
      "Jamie's mother said the social worker visits every week and listens to her. Child A was seen alone.",
  })

  it('warns before saving and saves nothing until the inspector edits or confirms', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const entries = () =>
      t.db.selectFrom('evidence_entries').select('id').where('activity_id', '=', activityId).execute()
    const agent = await signIn(inspector)
    const before = await entries()
    await agent.get(`/activities/${activityId}/evidence/new`)
    const warned = await agent.post(`/activities/${activityId}/evidence/new`, withName)
    expect(warned.statusCode).toBe(400)
    const warning = page(warned)
    expect(warning.errorSummary[0]).toEqual({
      text: expect.stringContaining('edit them to use initials'),
      href: '#confirmNames',
    })
    expect(warning.$('#possible-names table').text()).toContain("Jamie's mother")
    expect(warning.$('#possible-names table').text()).not.toContain('Child A')
    // The inspector's text is kept so they can edit it.
    expect(warning.$('#evidenceSummary').text()).toContain("Jamie's mother said")
    expect(await entries()).toHaveLength(before.length)

    // Edited to initials, it saves with no warning.
    const edited = await agent.post(`/activities/${activityId}/evidence/new`, {
      ...withName,
      evidenceSummary: "J's mother said the social worker visits every week and listens to her.",
    })
    expect(edited.statusCode).toBe(303)
  })

  it('saves after confirmation, counts the confirmed words, and audits that without the words', async () => {
    const { activityId, inspector } = await fieldwork(t)
    const agent = await signIn(inspector)
    await agent.get(`/activities/${activityId}/evidence/new`)
    const warned = page(await agent.post(`/activities/${activityId}/evidence/new`, withName))
    const fingerprint = warned.$('input[name="namesFingerprint"]').attr('value')!
    // Confirming but adding another name in the same submission warns again: only what was shown can be confirmed.
    const changed = await agent.post(`/activities/${activityId}/evidence/new`, {
      ...withName,
      impact: 'Tyler is safer.',
      confirmNames: 'yes',
      namesFingerprint: fingerprint,
    })
    expect(changed.statusCode).toBe(400)
    expect(page(changed).$('#possible-names table').text()).toContain('Tyler')

    const confirmed = await agent.post(`/activities/${activityId}/evidence/new`, {
      ...withName,
      confirmNames: 'yes',
      namesFingerprint: fingerprint,
    })
    expect(confirmed.statusCode).toBe(303)
    const saved = await t.db
      .selectFrom('evidence_entries')
      .select(['id', 'names_confirmed'])
      .where('activity_id', '=', activityId)
      .where('names_confirmed', '>', 0)
      .executeTakeFirstOrThrow()
    expect(saved.names_confirmed).toBe(1)
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['summary', 'changes'])
      .where('record_id', '=', saved.id)
      .executeTakeFirstOrThrow()
    expect(audit.summary).toContain('confirmed 1 possible name were not names')
    expect(JSON.stringify(audit)).not.toContain('Jamie')
  })
})

describe('who may write and read the record', () => {
  it('refuses a shadowing inspector, who gathers no evidence (002#53), but lets them read', async () => {
    const { activityId, shadow } = await fieldwork(t)
    const agent = await signIn(shadow)
    const record = page(await agent.get(`/activities/${activityId}/evidence`))
    expect(record.heading).toBe('Evidence record')
    expect(record.$('a:contains("Add an entry")').length).toBe(0)
    expect((await agent.get(`/activities/${activityId}/evidence/new`)).statusCode).toBe(404)
    const posted = await agent.post(`/activities/${activityId}/evidence/new`, entry())
    expect(posted.statusCode).toBe(404)
  })

  it('never shows the evidence record to the LA, not even on the activity page', async () => {
    const { activityId, dcs } = await fieldwork(t, { laCode: '886' })
    const agent = await signIn(dcs)
    expect((await agent.get(`/activities/${activityId}/evidence`)).statusCode).toBe(403)
    expect((await agent.get(`/activities/${activityId}/keep-in-touch`)).statusCode).toBe(403)
    const show = page(await agent.get(`/activities/${activityId}`))
    expect(show.heading).toBe('Standard inspection of Kent')
    expect(show.$('.govuk-task-list').text()).not.toContain('Evidence record')
    expect(show.$('.govuk-task-list').text()).toContain('Requests for further information')
  })

  it('filters entries by heading and by inspector, and counts entries per heading', async () => {
    // The team inspector's two entries under one heading; the lead adds one under another.
    const { activityId, inspector, lead } = await fieldwork(t)
    await evidenceEntry(t, activityId, inspector)
    await evidenceEntry(t, activityId, inspector, { collectedTime: '10:30' })
    const agent = await signIn(lead)
    await agent.get(`/activities/${activityId}/evidence/new`)
    expect(
      (
        await agent.post(
          `/activities/${activityId}/evidence/new`,
          entry({ headingId: 'leaders.4', caseIds: '', evaluativeStatement: 'Leaders have stabilised the workforce.' }),
        )
      ).statusCode,
    ).toBe(303)
    const all = page(await agent.get(`/activities/${activityId}/evidence`))
    expect(all.$('#coverage').text()).toContain('2 of 17 headings have evidence')
    const workforce = all.$('td:contains("Workforce")').parent()
    expect(workforce.find('td').last().text().trim()).toBe('1')
    const byHeading = page(await agent.get(`/activities/${activityId}/evidence?heading=leaders.4`))
    expect(byHeading.$('.govuk-summary-card')).toHaveLength(1)
    const byInspector = page(await agent.get(`/activities/${activityId}/evidence?inspector=${inspector.id}`))
    expect(byInspector.$('.govuk-summary-card').length).toBeGreaterThan(1)
    expect(byInspector.$('.govuk-summary-card').text()).not.toContain('Leaders have stabilised the workforce')
  })
})
