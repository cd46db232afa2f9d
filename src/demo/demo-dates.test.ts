import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import { loadConfig } from '../config.js'
import { prepareDatabase } from '../startup.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { demoPrincipal } from './demo-steps.js'

/**
 * Issue 10: the demo contradicted the service's own rules (the demo HMI leading two inspections
 * in one week, Hampshire planned over Christmas, publication dates on weekends and Easter Sunday).
 * The whole demo is loaded as `npm start` loads it, on days that put its plans near Christmas, and
 * the planner's checks run over every activity still to come: no inspector is booked twice, nothing
 * begins over Christmas, and nothing is refused. (Demo publication dates are working days:
 * demo-publications.test.ts.)
 */
describe('the demo obeys the planning rules (issue 10)', () => {
  it.each(['2026-11-23', '2026-12-02', '2026-12-09'])(
    'loaded on %s: no coming activity double-books an inspector, begins over Christmas or is refused',
    async (today) => {
      const database = await createTestDatabase()
      const dataDir = await mkdtemp(join(tmpdir(), 'demo-dates-'))
      try {
        const clock = fixedClock(`${today}T10:00:00Z`)
        const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
        await prepareDatabase(database.db, { demoData: true, clock, config, databaseKind: database.kind })
        const services = createServices({ db: database.db, clock, config })
        const director = await demoPrincipal(database.db, 'national-director')
        const coming = await services.activities.list(director, {
          statuses: ['planned', 'notified', 'on-site', 'deferred'],
        })
        expect(coming.length).toBeGreaterThan(3)
        const checks = await services.programme.checksOf(
          director,
          coming.map(({ activity }) => activity.id),
        )
        // What the issue found: an inspector booked twice or over their weekly load (PC1-PC4), a
        // plan over Christmas (C3), or a plan the planner refuses. Where the demo's real register
        // makes a plan unusual (P4: outside its due window) the planner says so on its pages.
        const broken = coming.flatMap(({ activity }) =>
          (checks.get(activity.id) ?? [])
            .filter((check) => check.severity === 'error' || check.rule === 'C3' || check.rule.startsWith('PC'))
            .map(
              (check) => `${activity.laName} ${activity.type} ${activity.onsiteStart}: ${check.rule} ${check.message}`,
            ),
        )
        expect(broken).toEqual([])
      } finally {
        await database.close()
        await rm(dataDir, { recursive: true, force: true })
      }
    },
    180_000,
  )
})
