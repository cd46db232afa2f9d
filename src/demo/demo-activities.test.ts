import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.js'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { loadDemoActivities } from './demo-activities.js'
import { loadDemoData } from './load-demo-data.js'

let database: DatabaseHandle
let dataDir: string
beforeAll(async () => {
  database = await createTestDatabase()
  dataDir = await mkdtemp(join(tmpdir(), 'demo-'))
  await loadDemoData(database.db, '2026-11-23')
})
afterAll(async () => {
  await database.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('demo inspections', () => {
  it('puts inspections at every stage, with real timelines and Annex A results, once', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    expect(await loadDemoActivities(database.db, config, '2026-11-23')).toBe(true)
    const activities = await database.db
      .selectFrom('activities')
      .select(['la_code', 'type', 'status', 'onsite_start'])
      .orderBy('la_code')
      .execute()
    const byLa = Object.fromEntries(activities.map((a) => [a.la_code, a]))
    // Each of the type its LA's real pathway gives (issue 10): Medway, Kent and Hampshire were
    // judged good or outstanding (a short inspection, 002#17), Wokingham and West Sussex requires
    // improvement (a standard inspection, 002#20); Surrey, judged in 2025, is not yet due.
    expect(byLa['887']).toMatchObject({ type: 'short-inspection', status: 'planned' })
    expect(byLa['936']).toMatchObject({ type: 'focused-visit', status: 'planned' })
    expect(byLa['886']).toMatchObject({ type: 'short-inspection', status: 'notified' })
    expect(byLa['872']).toMatchObject({ type: 'standard-inspection', status: 'on-site' })
    expect(byLa['850']).toMatchObject({ type: 'short-inspection' })
    expect(byLa['850']).toMatchObject({ status: 'deferred' })
    expect(byLa['938']).toMatchObject({ type: 'standard-inspection', status: 'judgements-agreed' })
    expect(byLa['845']).toMatchObject({ type: 'short-inspection', status: 'report-stage' })
    // Fieldwork records where fieldwork has started: evidence and a QA note each; a keep-in-touch
    // note on the first day, and on every day where fieldwork is over, with the QA note answered.
    for (const [laCode, meetings, openNotes] of [
      ['872', 1, 1],
      ['938', 10, 0],
      ['845', 5, 0],
    ] as const) {
      const id = activities.find((a) => a.la_code === laCode)!
      const counts = await database.db
        .selectFrom('activities as a')
        .where('a.la_code', '=', laCode)
        .select((eb) => [
          eb
            .selectFrom('evidence_entries as e')
            .whereRef('e.activity_id', '=', 'a.id')
            .select(eb.fn.countAll<string>().as('n'))
            .as('entries'),
          eb
            .selectFrom('evidence_qa_notes as q')
            .whereRef('q.activity_id', '=', 'a.id')
            .select(eb.fn.countAll<string>().as('n'))
            .as('notes'),
          eb
            .selectFrom('evidence_qa_notes as q')
            .whereRef('q.activity_id', '=', 'a.id')
            .where('q.resolved_at', 'is', null)
            .select(eb.fn.countAll<string>().as('n'))
            .as('open'),
          eb
            .selectFrom('keep_in_touch_meetings as k')
            .whereRef('k.activity_id', '=', 'a.id')
            .select(eb.fn.countAll<string>().as('n'))
            .as('meetings'),
        ])
        .executeTakeFirstOrThrow()
      expect(
        {
          laCode,
          entries: Number(counts.entries),
          notes: Number(counts.notes),
          open: Number(counts.open),
          meetings: Number(counts.meetings),
        },
        id.type,
      ).toEqual({ laCode, entries: 2, notes: 1, open: openNotes, meetings })
    }
    // Judgements were given at a feedback meeting on the last day on site (002#197).
    const feedback = await database.db
      .selectFrom('feedback_meetings as f')
      .innerJoin('activities as a', 'a.id', 'f.activity_id')
      .select(['a.la_code'])
      .execute()
    expect(feedback.map((row) => row.la_code).sort()).toEqual(['845', '938'])
    // Kent was notified on or before the demo day, five working days before fieldwork (002#73).
    const kentNotice = await database.db
      .selectFrom('activity_milestones as m')
      .innerJoin('activities as a', 'a.id', 'm.activity_id')
      .select('m.date')
      .where('a.la_code', '=', '886')
      .where('m.key', '=', 'notice')
      .executeTakeFirstOrThrow()
    expect(kentNotice.date <= '2026-11-23').toBe(true)
    const returns = await database.db.selectFrom('annex_a_returns').select(['status']).execute()
    expect(returns.map((r) => r.status).sort()).toEqual(['errors', 'valid', 'valid', 'valid'])
    expect(await loadDemoActivities(database.db, config, '2026-11-23')).toBe(false)
  })
})
