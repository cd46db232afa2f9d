import { existsSync, mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { type Clock, fixedClock } from '../../../src/clock.js'
import { type Config, loadConfig } from '../../../src/config.js'
import type { DatabaseHandle } from '../../../src/db/database.js'
import { loadDemoData } from '../../../src/demo/load-demo-data.js'
import { prepareDatabase } from '../../../src/startup.js'
import { createTestDatabase } from '../../../src/test-support/test-db.js'
import { projectRoot } from '../../../src/web/paths.js'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Browser tests need Debian's Chromium. On a developer machine without it they are reported as
 * not run; in CI (`CI=true`, set by .ci/run, which installs Chromium) its absence is a failure.
 */
export const browserAvailable = existsSync(CHROMIUM)
if (!browserAvailable && process.env.CI === 'true') {
  throw new Error(`Chromium is required in CI but ${CHROMIUM} does not exist`)
}

export const SCREENSHOTS = join(projectRoot, 'test-results')

export interface RunningService {
  readonly baseUrl: string
  readonly app: FastifyInstance
  readonly database: DatabaseHandle
  /** The server's configuration: factories that write files use its data folder. */
  readonly config: Config
  close(): Promise<void>
}

/**
 * The real server on a free port, on a fresh test database with the demo judgements and accounts
 * loaded; with `wholeDemo`, everything `npm start` loads (inspections at every stage, publications,
 * interventions), as a person trying the demo sees it.
 */
export async function startService(
  clock: Clock = fixedClock('2026-11-23T10:00:00Z'),
  options: { wholeDemo?: boolean } = {},
): Promise<RunningService> {
  const database = await createTestDatabase()
  const dataDir = await mkdtemp(join(tmpdir(), 'ilacs-e2e-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    // Every browser signs in from 127.0.0.1, one role after another: the per-address limit
    // (tested in src/auth/sign-in.routes.test.ts) would otherwise refuse the eleventh in a minute.
    SIGN_IN_ATTEMPTS_PER_MINUTE: '1000',
  })
  if (options.wholeDemo)
    await prepareDatabase(database.db, { demoData: true, clock, config, databaseKind: database.kind })
  else await loadDemoData(database.db, clock.today())
  const app = await buildApp({ config, db: database.db, databaseKind: database.kind, changes: database.changes, clock })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    // localhost, not 127.0.0.1: browsers accept the service's Secure cookies from http://localhost.
    baseUrl: `http://localhost:${port}`,
    app,
    database,
    config,
    close: async () => {
      await app.close()
      await database.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Headless Chromium with a fresh profile and no background traffic (the machine has no internet). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Run axe on the page and fail on any violation, naming each one. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Only violations are needed: skipping the passes and incomplete results makes axe much faster.
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze()
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  )
  expect(violations, `axe violations on ${where}`).toEqual([])
}

/** Save a full-page screenshot under test-results/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/**
 * A page object's check (STYLE.md, HT): the page has the expected `<h1>`, no axe violations, and
 * a screenshot is kept.
 */
export async function verifyOnPage(
  page: Page,
  heading: string | RegExp,
  name: string,
  options: { axe?: boolean } = {},
): Promise<void> {
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? ''
  if (typeof heading === 'string') expect(h1, `heading of ${page.url()}`).toBe(heading)
  else expect(h1, `heading of ${page.url()}`).toMatch(heading)
  // axe runs as a script in the page, so it cannot run with JavaScript off; the same pages are
  // checked with JavaScript on.
  if (options.axe !== false) await expectNoAxeViolations(page, `${name} (${page.url()})`)
  await screenshot(page, name)
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}
