import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../../auth/audit.js'
import { principalFor } from '../../../auth/users.js'
import { dataFile } from '../../../data-files.js'
import { page, TestAgent } from '../../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../../test-support/build-test-app.js'
import { createUser, type TestUser } from '../../../test-support/factories/users.js'
import { registerPathway } from '../pathway.js'

/**
 * Issue 14, "Done when": the register and the planner on Ofsted's real outcomes. Both shipped
 * files are imported into a new register (the test clock: 23 November 2026); what the pages
 * and the pathways show is what those files say.
 */
let t: TestApp
let director: TestUser

beforeAll(async () => {
  t = await buildTestApp()
  director = await createUser(t.db, 'national-director')
  for (const file of [
    'LA_Inspection_Outcomes_as_at_31_March_2025.ods',
    'Childrens_social_care_in_England_2023_underlying_data.ods',
  ])
    await t.app.services.register.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', file), file)
}, 180_000)
afterAll(async () => t.close())

const cardHeadings = (shown: ReturnType<typeof page>) =>
  shown
    .$('.govuk-summary-card__title')
    .map((_, title) => shown.$(title).text().trim())
    .get()

describe('the register’s LA page on the real history', () => {
  it('says whose outcomes it holds, as published at what date', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    expect(
      page(await agent.get('/register'))
        .$('main')
        .text(),
    ).toContain(
      'Judgements and visits as published by Ofsted, 31 March 2025, and those recorded in this service since.',
    )
  })

  it('shows the visits Ofsted published among the judgements, with their theme and source row', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    // Bradford: a monitoring visit from 11 February 2025, published 13 March 2025 (In-year_inspections).
    const bradford = page(await agent.get('/register/380'))
    const card = bradford
      .$('.govuk-summary-card')
      .filter((_, el) => bradford.$(el).find('.govuk-summary-card__title').text().includes('Monitoring visit'))
      .first()
    expect(card.find('.govuk-summary-card__title').text()).toContain('published 13 March 2025')
    expect(card.text()).toContain('Children in care')
    expect(card.text()).toContain('LA_Inspection_Outcomes_as_at_31_March_2025.ods, In-year_inspections row')
    // Barking and Dagenham: two real focused visits (May 2022 and March 2025) between its judgements.
    const barking = cardHeadings(page(await agent.get('/register/301')))
    expect(barking.filter((heading) => heading.startsWith('Focused visit'))).toHaveLength(2)
  })

  it('shows what the older file said beside what the newer file says, where they disagree (ADR 0030)', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    const merton = page(await agent.get('/register/315'))
    const card = merton
      .$('.govuk-summary-card')
      .filter((_, el) => merton.$(el).find('.govuk-summary-card__title').text().includes('published 9 May 2022'))
    expect(card.find('.govuk-summary-card__title').text()).toContain('Short inspection')
    const said = card.find('.govuk-summary-list__row').filter((_, row) => merton.$(row).text().includes('also said'))
    expect(said.text().replace(/\s+/g, ' ')).toMatch(
      /Childrens_social_care_in_England_2023_underlying_data\.ods, LA_level_in_year_2022-23 row 57; .+ said a standard inspection/,
    )
    const cumberland = page(await agent.get('/register/942'))
    expect(cumberland.$('main').text().replace(/\s+/g, ' ')).toMatch(
      /LA_level_in_year_2022-23 row 21; .+ said fieldwork from 21 September 2022/,
    )
  })

  it('shows each successor the former council’s inspections under the former council’s name', async () => {
    const agent = await new TestAgent(t.app).signIn(director.email, director.password)
    for (const laCode of ['942', '943']) {
      const shown = page(await agent.get(`/register/${laCode}`))
      const cumbria = shown
        .$('.govuk-summary-card')
        .filter((_, el) => shown.$(el).text().includes('published 15 November 2022'))
      expect(cumbria.text()).toMatch(/Former council\s*Cumbria \(E10000006\)/)
    }
  })
})

describe('reorganised councils on the real history (issue 14)', () => {
  // The day before each successor's own first judgement was published, its pathway is the
  // former council's: the latest judgement it holds is the predecessor's.
  it.each([
    // BCP (from 1 April 2019): Bournemouth's ILACS standard inspection, requires improvement, 24 August 2018.
    ['839', '2022-02-10', 'Bournemouth (E06000028)', '2018-08-24', 2],
    // Dorset: the former county's SIF inspection, requires improvement, 23 May 2016.
    ['838', '2021-11-18', 'Dorset (E10000009)', '2016-05-23', 2],
    // North and West Northamptonshire (1 April 2021): Northamptonshire judged inadequate, 29 July 2019.
    ['940', '2022-11-24', 'Northamptonshire (E10000021)', '2019-07-29', 3],
    ['941', '2022-11-24', 'Northamptonshire (E10000021)', '2019-07-29', 3],
    // Cumberland and Westmorland and Furness (1 April 2023): Cumbria, requires improvement, 15 November 2022.
    ['942', '2024-11-25', 'Cumbria (E10000006)', '2022-11-15', 2],
    ['943', '2024-07-11', 'Cumbria (E10000006)', '2022-11-15', 2],
  ])('%s on %s follows %s (published %s): pathway %i', async (laCode, on, predecessor, published, pathway) => {
    const { records } = await t.app.services.register.show(laCode)
    const known = records.filter((record) => record.publishedOn <= on)
    expect(known.at(-1)).toMatchObject({ predecessor, publishedOn: published })
    expect(registerPathway(known, on)?.pathway).toBe(pathway)
  })

  it('keeps its own judgements after the reorganisation, the former council’s before, and both in its history', async () => {
    // North and West Northamptonshire were inspected jointly (one report, 25 November 2022): each holds it as its own.
    for (const laCode of ['940', '941']) {
      const { records, pathway } = await t.app.services.register.show(laCode)
      expect(records.map((record) => [record.publishedOn, record.predecessor])).toEqual([
        ['2016-04-27', 'Northamptonshire (E10000021)'],
        ['2019-07-29', 'Northamptonshire (E10000021)'],
        ['2022-11-25', null],
      ])
      expect(pathway).toMatchObject({ pathway: 2, next: { from: '2025-05-25', to: '2026-05-25' } })
    }
    // BCP holds both Bournemouth's and Poole's SIF inspections, each under its own name.
    const bcp = (await t.app.services.register.show('839')).records.filter((record) => record.framework === 'sif')
    expect(bcp.map((record) => [record.publishedOn, record.predecessor])).toEqual([
      ['2014-06-30', 'Bournemouth (E06000028)'],
      ['2017-11-24', 'Poole (E06000029)'],
    ])
  })
})

describe('the planner on the real focused visits (issue 14)', () => {
  it('counts a focused visit Ofsted published since the latest judgement, and not one before it', async () => {
    // Barnsley: focused visits from 25 January 2023 (before) and 5 November 2024 (after) its
    // good judgement published 27 October 2023: pathway 1, one of its usual one focused visit used.
    const barnsley = await t.app.services.register.show('370')
    expect(barnsley.visits.filter((visit) => visit.visitType === 'focused-visit').map((visit) => visit.start)).toEqual(
      expect.arrayContaining(['2023-01-25', '2024-11-05']),
    )
    expect(barnsley.pathway).toMatchObject({ pathway: 1, focusedVisits: { max: 1, used: 1, remaining: 0 } })
    // A director proposing another (Tuesday 12 January 2027): the planner says it would be the second.
    const lead = await createUser(t.db, 'hmi')
    const checked = await t.app.services.programme.check((await principalFor(t.db, director.id))!, {
      laCode: '370',
      type: 'focused-visit',
      variant: null,
      onsiteStart: '2027-01-12',
      topics: ['The front door'],
      leadUserId: lead.id,
      teamUserIds: [],
    })
    expect(checked.checks.find((check) => check.rule === 'P1')?.message).toMatch(
      /^This would be focused visit 2 for Barnsley since its latest judgement, published 27 October 2023/,
    )
  })
})
