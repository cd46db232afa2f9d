import { describe, expect, it } from 'vitest'
import { page } from '../../test-support/agent.js'
import { judgementsTestbed } from '../../test-support/judgements-testbed.js'

/**
 * The judgements pages of a standard or short inspection: which judgements each framework gives,
 * who may see and record them, the judgement form, and the S6 checks before confirmation. Each
 * test has an activity of its own (distinct first days on site: an LA has one inspection a day).
 */
const bed = judgementsTestbed()
const { signIn, onSite, record, statusTo, versionOf } = bed

describe('the judgements each framework gives (002#96; frameworkInForce on the first day on site)', () => {
  it.each([
    [
      'ILACS 2018 before 1 January 2023: the four judgements of 002#96',
      '2022-12-05',
      [
        'Overall effectiveness',
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care and care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
    [
      'ILACS 2023 from 1 January 2023: care leavers graded separately',
      '2023-01-09',
      [
        'Overall effectiveness',
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care',
        'The experiences and progress of care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
    [
      'ILACS 2023 on its last Monday, 30 March 2026',
      '2026-03-30',
      [
        'Overall effectiveness',
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care',
        'The experiences and progress of care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
    [
      'ILACS 2026 from 1 April 2026: no overall effectiveness grade',
      '2026-04-13',
      [
        'The experiences and progress of children who need help and protection',
        'The experiences and progress of children in care',
        'The experiences and progress of care leavers',
        'The impact of leaders on social work practice with children and families',
      ],
    ],
  ])('%s', async (_name, onsite, labels) => {
    // Medway, so the Kent inspections below can use the same dates.
    const id = await onSite('standard-inspection', onsite, { laCode: '887' })
    const overview = page(await (await signIn(bed.users().director)).get(`/activities/${id}/judgements`))
    expect(overview.heading).toBe('Judgements')
    expect(
      overview
        .$('#judgements .govuk-summary-list__key')
        .map((_, el) => overview.$(el).text().trim())
        .get(),
    ).toEqual(labels)
    // The decision is on the page, with the rule.
    expect(overview.$('main').text()).toContain(`${labels.length} judgements`)
    expect(overview.$('main a[href="/rules/S6"]').length).toBeGreaterThan(0)
  })

  it('gives a short inspection the same judgements as a standard one', async () => {
    const id = await onSite('short-inspection', '2023-01-09')
    const overview = page(await (await signIn(bed.users().director)).get(`/activities/${id}/judgements`))
    expect(overview.$('#judgements .govuk-summary-list__row')).toHaveLength(5)
    // S8 (002#57): the three questions it asks.
    expect(overview.$('#short-inspection-questions li').first().text()).toBe(
      'Has the quality and impact of practice been maintained?',
    )
  })
})

describe('a standard inspection under ILACS 2023, as its judgements are recorded', () => {
  it('shows a team HMI the judgements, and gives 404 to an HMI who does not lead when they try to record', async () => {
    const { teamHmi, outsider, otherRegional, regional, qaManager, dcs } = bed.users()
    const id = await onSite('standard-inspection', '2023-01-16')
    const team = await signIn(teamHmi)
    expect((await team.get(`/activities/${id}/judgements`)).statusCode).toBe(200)
    expect((await team.get(`/activities/${id}/judgements/leaders`)).statusCode).toBe(404)
    await team.get(`/activities/${id}/judgements`)
    expect(
      (await team.post(`/activities/${id}/judgements/leaders`, { grade: 'good', rationale: 'x', version: '0' }))
        .statusCode,
    ).toBe(404)
    const stranger = await signIn(outsider)
    expect((await stranger.get(`/activities/${id}/judgements`)).statusCode).toBe(404)
    expect((await (await signIn(otherRegional)).get(`/activities/${id}/judgements`)).statusCode).toBe(404)
    expect((await (await signIn(regional)).get(`/activities/${id}/judgements`)).statusCode).toBe(200)
    expect((await (await signIn(qaManager)).get(`/activities/${id}/judgements`)).statusCode).toBe(200)
    // The LA sees nothing before feedback, not even that the page exists.
    expect((await (await signIn(dcs)).get(`/activities/${id}/judgements`)).statusCode).toBe(403)
    expect((await (await signIn(dcs)).get(`/activities/${id}/feedback`)).statusCode).toBe(404)
  })

  it('asks for the grade and the rationale', async () => {
    const id = await onSite('standard-inspection', '2023-01-23')
    const agent = await signIn(bed.users().lead)
    const url = `/activities/${id}/judgements/help-and-protection`
    const form = page(await agent.get(url))
    expect(form.heading).toBe('The experiences and progress of children who need help and protection')
    // The six evaluation-criteria headings of 002#239.
    expect(form.$('input[name="evidenceHeadings"]')).toHaveLength(6)
    const response = await agent.post(url, { grade: '', rationale: '', version: await versionOf(agent, url) })
    expect(response.statusCode).toBe(400)
    expect(page(response).errorSummary.map((error) => error.text)).toEqual([
      'Select the grade for the experiences and progress of children who need help and protection',
      'Enter the rationale for the judgement',
    ])
  })

  it('gives the words for a proportion of cases seen where inspectors grade, and says when it is in a gap (E9)', async () => {
    const id = await onSite('standard-inspection', '2023-03-06')
    const agent = await signIn(bed.users().lead)
    const url = `/activities/${id}/judgements/children-in-care`
    const form = page(await agent.get(url))
    expect(form.$('#descriptor-bands tbody tr')).toHaveLength(8)
    expect(form.$('#descriptor-answer')).toHaveLength(0)
    const majority = page(await agent.get(`${url}?cases=16&of=30`))
    expect(majority.$('#descriptor-answer').text()).toBe('16 of 30 cases is 53.3%: “Majority” (at least a majority).')
    const gap = page(await agent.get(`${url}?cases=29&of=30`))
    expect(gap.$('#descriptor-answer').text()).toContain(
      '96.7%, between the bands 80–96% and 97–100%: no descriptor fits',
    )
    expect(page(await agent.get(`${url}?cases=31&of=30`)).$('#descriptor-answer')).toHaveLength(0)
  })

  it('refuses "judgements agreed" while judgements are missing', async () => {
    const id = await onSite('standard-inspection', '2023-01-30')
    const agent = await signIn(bed.users().lead)
    expect(
      (
        await record(agent, id, 'help-and-protection', 'good', {
          evidenceHeadings: ['help-and-protection.1', 'help-and-protection.4'],
        })
      ).statusCode,
    ).toBe(303)
    expect((await record(agent, id, 'children-in-care', 'requires-improvement')).statusCode).toBe(303)
    const refused = await statusTo(agent, id, 'judgements-agreed')
    expect(refused.statusCode).toBe(400)
    expect(page(refused).errorSummary[0]!.text).toBe('Record all 5 judgements first (2 of 5 recorded)')
  })

  it('shows the S6 problems with their rule links on the check page before the lead confirms', async () => {
    const id = await onSite('standard-inspection', '2023-02-06')
    await bed.judgementsRecorded(id, {
      'help-and-protection': { grade: 'good', evidenceHeadings: ['help-and-protection.1', 'help-and-protection.4'] },
      'children-in-care': 'requires-improvement',
    })
    const agent = await signIn(bed.users().lead)
    // The senior HMI on the team may record too.
    expect(
      (
        await record(await signIn(bed.users().seniorHmi), id, 'care-leavers', 'good', {
          evidenceHeadings: ['children-in-care.7'],
        })
      ).statusCode,
    ).toBe(303)
    // Leaders inadequate while both practice judgements are RI or better: outside the descriptors (002#241).
    expect((await record(agent, id, 'leaders', 'inadequate')).statusCode).toBe(303)
    expect((await record(agent, id, 'overall', 'requires-improvement')).statusCode).toBe(303)
    const refused = await statusTo(agent, id, 'judgements-agreed')
    expect(page(refused).errorSummary[0]!.text).toBe('Check and confirm the judgements first')

    const check = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(check.heading).toBe('Check the judgements before you confirm them')
    const problems = check.$('.app-judgement-problems li')
    expect(problems).toHaveLength(1)
    expect(problems.first().text()).toContain(
      'Leaders judged inadequate while both practice judgements are requires improvement or better is outside the grade descriptors',
    )
    expect(problems.first().find('a[href="/rules/S6"]').attr('title')).toBe('002#241')
    expect(check.$('textarea[name="reason"]')).toHaveLength(1)
    // The rationale and its evaluation criteria are on the check page.
    expect(check.$('#judgements').text()).toContain('Management oversight of frontline practice')
  })
})

describe('a standard inspection under ILACS 2026 (no overall grade)', () => {
  it('checks leaders against the practice judgements (002#101, #241) and suggests no overall grade', async () => {
    const id = await onSite('standard-inspection', '2026-04-20')
    const agent = await signIn(bed.users().lead)
    expect((await agent.get(`/activities/${id}/judgements/overall`)).statusCode).toBe(404)
    await record(agent, id, 'help-and-protection', 'inadequate')
    await record(agent, id, 'children-in-care', 'good')
    await record(agent, id, 'care-leavers', 'good')
    await record(agent, id, 'leaders', 'outstanding', { leadersUnderstandFailure: 'yes' })
    const check = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(
      check
        .$('.app-judgement-problems li')
        .map((_, el) => check.$(el).text().trim().replace(/\s+/g, ' '))
        .get(),
    ).toEqual([
      'Leaders can be judged good or requires improvement, not outstanding, while a practice judgement is inadequate S6 (rule, 002#101)',
    ])
    await record(agent, id, 'leaders', 'requires-improvement', { leadersUnderstandFailure: '' })
    const warned = page(await agent.get(`/activities/${id}/judgements/check`))
    expect(warned.$('.app-judgement-problems li')).toHaveLength(0)
    expect(warned.$('.app-judgement-warnings').text()).toContain(
      'Confirm that leaders showed sufficient understanding of the failure',
    )
    // No overall grade: the lowest area grade decides the pathway, as in the register (002#100-101).
    const overview = page(await agent.get(`/activities/${id}/judgements`))
    expect(overview.$('#inadequate').text()).toContain('monitoring programme')
    expect(overview.$('#inadequate a[href="/rules/M1"]').length).toBe(1)
  })
})
