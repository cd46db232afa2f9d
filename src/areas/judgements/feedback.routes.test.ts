import { describe, expect, it } from 'vitest'
import { page } from '../../test-support/agent.js'
import { judgementsTestbed } from '../../test-support/judgements-testbed.js'

/**
 * The feedback meeting (E5, 002#196-201): recorded by the lead once the judgements are agreed,
 * and shown to the LA's DCS, and only to them, once it is on record (002#197).
 */
const bed = judgementsTestbed()
const { signIn, onSite } = bed

/** Judgements of ILACS 2023 as agreed: care leavers good, some requires improvement. */
const AGREED = {
  overall: 'requires-improvement',
  'help-and-protection': 'good',
  'children-in-care': 'requires-improvement',
  'care-leavers': 'good',
  leaders: 'requires-improvement',
} as const

describe('a standard inspection under ILACS 2023, at feedback', () => {
  it('records the feedback meeting with the provisional judgements given, and shows them to the DCS only', async () => {
    const { lead, dcs, analyst, otherDcs } = bed.users()
    const id = await onSite('standard-inspection', '2023-01-09')
    await bed.judgementsRecorded(id, AGREED, { confirmed: { reason: '' }, agreed: true })
    bed.clock.set('2023-01-20T15:00:00Z')
    const agent = await signIn(lead)
    const url = `/activities/${id}/feedback/record`
    const form = page(await agent.get(url))
    expect(form.heading).toBe('Record the feedback meeting')
    // Due on the last day on site (E5): Friday 20 January 2023.
    expect(form.$('#heldOn-day').attr('value')).toBe('20')
    const invalid = await agent.post(url, {
      'heldOn-day': '20',
      'heldOn-month': '1',
      'heldOn-year': '2023',
      durationMinutes: '',
      dcsToldBefore: '',
    })
    expect(invalid.statusCode).toBe(400)
    expect(page(invalid).errorSummary.map((error) => error.text)).toEqual([
      'Enter how long the meeting lasted, in minutes',
      'Select who attended from the local authority',
      'Select whether the DCS heard the provisional judgements before the meeting',
    ])
    const saved = await agent.post(url, {
      'heldOn-day': '20',
      'heldOn-month': '1',
      'heldOn-year': '2023',
      durationMinutes: '75',
      attendees: ['dcs', 'la-senior-leaders', 'lead-inspector', 'team-inspectors'],
      dcsToldBefore: 'yes',
      judgementsGiven: ['overall', 'help-and-protection', 'children-in-care', 'care-leavers', 'leaders'],
      setOut: ['provisional', 'no-surprises', 'factual-accuracy', 'publication', 'complaints'],
      notes: 'Internal note for QA',
    })
    expect(saved.statusCode).toBe(303)
    const ofsted = page(await agent.get(`/activities/${id}/feedback`))
    // 75 minutes is over the usual 60 (002#199): recorded, and flagged with its rule.
    expect(ofsted.$('.app-feedback-warnings').text()).toContain('it should usually last no longer than 60')
    expect(ofsted.$('.app-feedback-warnings a[href="/rules/E5"]').length).toBe(1)
    expect(ofsted.$('#feedback').text()).toContain('Internal note for QA')

    const la = await signIn(dcs)
    const seen = page(await la.get(`/activities/${id}/feedback`))
    expect(seen.heading).toBe('Provisional judgements given at feedback')
    expect(seen.$('main').text()).toContain('Do not publish them or share them publicly')
    expect(seen.$('#feedback').text()).toContain('The experiences and progress of care leavers')
    expect(seen.$('#feedback').text()).toContain('Requires improvement to be good')
    // What follows, from the timeline (E7, 002#216): published 21 working days after fieldwork.
    expect(seen.$('#next-steps').text()).toContain('Monday 20 February 2023')
    expect(seen.$('main').text()).not.toContain('Internal note for QA')
    expect(seen.$('main').text()).not.toContain('Evidence from case 1234')
    // The activity page links the DCS to it.
    expect(
      page(await la.get(`/activities/${id}`))
        .$('.govuk-task-list')
        .text(),
    ).toContain('Provisional judgements given at feedback')
    // Still nothing of the judgements themselves, and nothing for other LA roles or LAs.
    expect((await la.get(`/activities/${id}/judgements`)).statusCode).toBe(403)
    expect((await (await signIn(analyst)).get(`/activities/${id}/feedback`)).statusCode).toBe(403)
    expect((await (await signIn(otherDcs)).get(`/activities/${id}/feedback`)).statusCode).toBe(404)
  })
})

describe('a standard inspection judged inadequate, at feedback (M1, 002#112; 001#5-6)', () => {
  it('lists what the lead inspector tells the DCS about the monitoring programme', async () => {
    const { lead } = bed.users()
    const id = await onSite('standard-inspection', '2023-03-06')
    await bed.judgementsRecorded(
      id,
      { ...AGREED, overall: 'inadequate', 'help-and-protection': 'inadequate' },
      { confirmed: { reason: '' }, agreed: true },
    )
    bed.clock.set('2023-03-17T15:00:00Z')
    const form = page(await (await signIn(lead)).get(`/activities/${id}/feedback/record`))
    const item = form.$('input[name="setOut"][value="monitoring"]').closest('.govuk-checkboxes__item').text()
    expect(item).toContain('The monitoring programme that follows an inadequate judgement')
    expect(item).toContain(
      'Produce a written statement of proposed action within 70 working days of receiving the report',
    )
  })
})
