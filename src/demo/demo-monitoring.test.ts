import { describe, expect, it } from 'vitest'
import { demoDatabase } from '../test-support/demo-database.js'
import { pathwayGrade } from '../areas/register/frameworks.js'
import { loadDemoMonitoring } from './demo-monitoring.js'
import { demoPrincipal } from './demo-steps.js'

const demo = demoDatabase('2026-11-23')

describe('demo monitoring visits', () => {
  it('holds two visits of the longest-standing inadequate LA, the first letter not published, and plans the next one’s first, once', async () => {
    const config = demo.config
    expect(await loadDemoMonitoring(demo.db, config, '2026-11-23')).toBe(true)
    expect(await loadDemoMonitoring(demo.db, config, '2026-11-23')).toBe(false)
    const services = demo.services()
    const director = await demoPrincipal(demo.db, 'national-director')
    const visited = await demo.db
      .selectFrom('activities')
      .select('la_code')
      .distinct()
      .where('type', '=', 'monitoring-visit')
      .execute()
    const byLa = new Map<string, Awaited<ReturnType<typeof services.activities.monitoringOf>>>()
    for (const { la_code } of visited) byLa.set(la_code, await services.activities.monitoringOf(director, la_code))
    // Both LAs are inadequate in the register the demo loads (Ofsted's published outcomes).
    for (const laCode of byLa.keys()) {
      const latest = (await services.register.show(laCode)).records.at(-1)!
      expect(pathwayGrade(latest.framework, latest.grades)?.grade).toBe('inadequate')
    }
    const [held, planned] = [...byLa].sort(([, a], [, b]) => b.length - a.length)
    expect(byLa.size).toBe(2)
    expect(held![1].map((visit) => [visit.monitoring?.visitNumber, visit.status, visit.letterPublished])).toEqual([
      [1, 'published', false],
      [2, 'published', true],
    ])
    const letters = await demo.db
      .selectFrom('publications')
      .select(['public', 'activity_id'])
      .where('la_code', '=', held![0])
      .where('kind', '=', 'monitoring-visit-letter')
      .orderBy('fieldwork_start')
      .execute()
    expect(letters.map((letter) => letter.public)).toEqual([false, true])
    expect(planned![1].map((visit) => [visit.monitoring?.visitNumber, visit.status])).toEqual([[1, 'planned']])
    expect(planned![1][0]!.onsiteStart > '2026-11-23').toBe(true)
  })
})
