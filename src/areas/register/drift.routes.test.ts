import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../../auth/audit.js'
import { page, TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { createUser } from '../../test-support/factories/users.js'
import { dataFile } from '../../data-files.js'

// Issue 14, "show drift as drift": the register's real history (Ofsted's outcomes at 31 March 2025).
let t: TestApp
const FILE = 'LA_Inspection_Outcomes_as_at_31_March_2025.ods'

beforeAll(async () => {
  t = await buildTestApp()
  await t.app.services.register.importOutcomes(SYSTEM_ACTOR, dataFile('ofsted-outcomes', FILE), FILE)
}, 120_000)
afterAll(async () => t.close())

const cells = (shown: ReturnType<typeof page>, caption: string) =>
  shown
    .$(`caption:contains("${caption}")`)
    .closest('table')
    .find('tbody tr')
    .map((_, row) => [
      shown
        .$(row)
        .find('th, td')
        .map((__, cell) => shown.$(cell).text().trim())
        .get(),
    ])
    .get() as string[][]

describe('how late inspections are, nationally and for each LA (issue 14)', () => {
  it('charts the months after the window and the working days to publication by year, each with its table', async () => {
    const hmi = await createUser(t.db, 'hmi')
    const agent = await new TestAgent(t.app).signIn(hmi.email, hmi.password)
    const response = await agent.get('/register/drift')
    expect(response.statusCode).toBe(200)
    const shown = page(response)
    expect(shown.$('svg.app-drift-chart[role="img"]').length).toBe(2)
    expect(shown.$('svg.app-drift-chart title').first().text()).toContain('the table below gives the same numbers')
    // No inline styles: the page's CSP allows none.
    expect(shown.$('svg.app-drift-chart [style], svg.app-drift-chart[style]').length).toBe(0)
    const byYear = cells(shown, 'By year the inspection started')
    // Measured on the shipped file: 103 inspections with a first day on site after a pathway 1 or 2
    // judgement it holds; 19 in their window, 82 after it, 2 before; a median of 11.5 months after
    // the window and 30 working days to publication, against the framework's 0 and 21.
    expect(byYear.at(-1)).toEqual(['All years', '103', '19', '82', '2', '11.5', '30'])
    expect(byYear.find((row) => row[0] === '2024')).toEqual(['2024', '47', '3', '42', '2', '14.9', '34'])
    const byRegion = cells(shown, 'By region')
    expect(byRegion).toHaveLength(9)
    expect(byRegion.find((row) => row[0] === 'London')).toEqual(['London', '26', '1', '25', '0', '14.9', '30'])
  })

  it('shows an LA’s own inspections beside the national median of their year', async () => {
    const hmi = await createUser(t.db, 'hmi')
    const agent = await new TestAgent(t.app).signIn(hmi.email, hmi.password)
    const shown = page(await agent.get('/register/310'))
    // Harrow: a standard inspection from Monday 20 January 2025, 16.2 months after its window
    // (the 2025 median: 0), its report 27 working days after fieldwork (the 2025 median: 27).
    expect(cells(shown, 'Harrow’s inspections beside the national median of their year')).toContainEqual([
      '20 January 2025',
      '16.2',
      '0',
      '27',
      '27',
    ])
    expect(shown.$('a[href="/register/drift"]').length).toBe(1)
  })
})
