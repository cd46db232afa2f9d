import type { Kysely } from 'kysely'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import type { Database } from '../../../src/db/tables.js'
import type { TestUser } from '../../../src/test-support/factories/users.js'
import { launchBrowser, type RunningService, signIn, startService } from './browser.js'

/** A browser test's cast: the running service and a page signed in as each person it created. */
export interface Cast<Person extends string> {
  readonly service: RunningService
  /** A page signed in as `person`; `{ javaScript: false }` for a browser without JavaScript. */
  as(person: Person, options?: { javaScript?: boolean }): Promise<Page>
}

/**
 * The start the browser tests of one journey share (call it inside `describe`): the service on a
 * clock fixed at `now`, the state and the people `arrange` creates on its database, and a
 * browser; all closed after the tests. Each `as(person)` is a fresh context (London time,
 * British English), so two people never share a session.
 */
export function castInBrowser<Person extends string>(
  now: string,
  arrange: (db: Kysely<Database>) => Promise<Record<Person, TestUser>>,
): Cast<Person> {
  let service: RunningService | undefined
  let browser: Browser | undefined
  let people: Record<Person, TestUser> | undefined

  beforeAll(async () => {
    service = await startService(fixedClock(now))
    people = await arrange(service.database.db)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await service?.close()
  })

  return {
    get service() {
      if (!service) throw new Error('the service starts in beforeAll')
      return service
    },
    async as(person, options = {}) {
      if (!browser || !service || !people) throw new Error('the cast is ready in beforeAll')
      const context = await browser.newContext({
        timezoneId: 'Europe/London',
        locale: 'en-GB',
        javaScriptEnabled: options.javaScript ?? true,
      })
      context.setDefaultTimeout(10_000)
      const page = await context.newPage()
      await signIn(page, service.baseUrl, people[person].email, people[person].password)
      return page
    },
  }
}

/** Fill a GOV.UK date input, found by its fieldset's legend, with an ISO date. */
export async function fillDate(scope: Page | Locator, legend: string | RegExp, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-')
  const group = scope.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(String(Number(day)))
  await group.getByLabel('Month').fill(String(Number(month)))
  await group.getByLabel('Year').fill(year)
}
