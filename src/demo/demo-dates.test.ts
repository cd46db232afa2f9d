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
        const lines: string[] = []
        await prepareDatabase(database.db, {
          demoData: true,
          clock,
          config,
          databaseKind: database.kind,
          progress: (line) => lines.push(line),
        })
        // Issue 10: a first start says what it is doing as it goes, step by step, with counts.
        expect(lines[0]).toBe('Migrating the database…')
        expect(lines).toContain('Loading the local authorities…')
        expect(lines.some((line) => /^Local authorities: \d{3} /.test(line))).toBe(true)
        expect(lines.filter((line) => line.startsWith('Loading the real register: ')).length).toBe(2)
        expect(lines.filter((line) => /^Demo step \d of 8: /.test(line)).map((line) => line.slice(0, 16))).toEqual(
          [1, 2, 3, 4, 5, 6, 7, 8].map((step) => `Demo step ${step} of 8`),
        )
        expect(lines.at(-1)).toMatch(/^Demo data loaded \(\d+\.\d s\)$/)
        const again: string[] = []
        await prepareDatabase(database.db, { demoData: true, clock, config, progress: (line) => again.push(line) })
        expect(again.some((line) => line.startsWith('Migrations: 0 applied'))).toBe(true)
        expect(again.at(-1)).toMatch(/^Demo data already loaded/)
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
        // plan over Christmas (C3), a plan the planner refuses, or a plan that contradicts its LA's
        // real pathway (P4: the wrong type, early, or a focused visit while an inspection is due).
        // A late inspection of an LA whose window has closed is what happens to most LAs since
        // 2021: the planner shows it, saying why, and it passes only with that explanation.
        const lateAndSaysWhy = (check: { rule: string; message: string; note?: string }) =>
          check.rule === 'P4' &&
          check.message.includes('is after the due window') &&
          /What happens/.test(check.note ?? '')
        const broken = coming.flatMap(({ activity }) =>
          (checks.get(activity.id) ?? [])
            .filter(
              (check) =>
                check.severity === 'error' ||
                check.rule === 'C3' ||
                check.rule.startsWith('PC') ||
                (check.rule === 'P4' && !lateAndSaysWhy(check)),
            )
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
