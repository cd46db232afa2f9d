import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../index.js'
import { principalFor } from '../../auth/users.js'
import { docxText } from '../../documents/index.js'
import { TestAgent } from '../../test-support/agent.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { inadequateJudgement } from '../../test-support/factories/intervention.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { atReportStage, createReportCast, type ReportCast, reportAt } from '../../test-support/factories/reports.js'
import { reportPaths } from './paths.js'

/**
 * A monitoring visit's letter carries the progress recorded against each item of the programme
 * it looked at, and names those it did not (001#25, #40; issue 12's thread). Medway (887, South
 * East), judged inadequate and published on Monday 14 September 2026; its first monitoring visit
 * on site Tuesday 12 and Wednesday 13 January 2027.
 */
const clock = settableClock('2026-11-23T10:00:00Z')
const LA = '887'
const context = { requestId: 'test' }
let t: TestApp
let cast: ReportCast

beforeAll(async () => {
  t = await buildTestApp({ clock })
  cast = await createReportCast(t, clock, LA)
  await inadequateJudgement(t.db, LA, '2026-07-06', '2026-09-14')
})
afterAll(async () => t?.close())

const services = () => createServices({ db: t.db, clock, config: t.config })

describe('the monitoring letter and the programme’s items (issue 12)', () => {
  it('lists each item the visit looked at with its progress, and the items it did not look at', async () => {
    const regional = (await principalFor(t.db, cast.regional.id))!
    const programmeId = await services().monitoring.open(
      regional,
      LA,
      { dates: { 'pre-publication': '2026-09-07' } },
      context,
    )
    const items: string[] = []
    for (const text of [
      'Improve the quality of supervision',
      'Reduce drift in child protection plans',
      'Strengthen the front door',
    ])
      items.push(
        await services().monitoring.addRecommendation(regional, programmeId, { kind: 'recommendation', text }, context),
      )

    const visitId = await atReportStage(cast, {
      type: 'monitoring-visit',
      laCode: LA,
      onsite: '2027-01-12',
      monitoring: { visitNumber: 1 },
    })
    // The lead records what the visit found against R1 and R2 (twice for R2: the later stands).
    const lead = (await principalFor(t.db, cast.lead.id))!
    const progress = async (recommendationId: string, level: 'some' | 'insufficient', note: string) =>
      services().monitoring.recordProgress(
        lead,
        programmeId,
        { recommendationId, activityId: visitId, assessedOn: '2027-01-13', progress: level, note },
        context,
      )
    await progress(items[0]!, 'some', 'Supervision is now monthly, its quality still varies')
    await progress(items[1]!, 'some', 'A first reading')
    await progress(items[1]!, 'insufficient', 'Plans still drift past their review dates')
    await reportAt(cast, visitId, 'drafting')

    const agent = await new TestAgent(t.app).signIn(cast.lead.email, cast.lead.password)
    const docx = await agent.get(
      reportPaths.file.build({ activityId: visitId, versionNumber: '1', file: 'report.docx' }),
    )
    expect(docx.statusCode).toBe(200)
    const letter = docxText(new Uint8Array(docx.rawPayload)).join('\n')
    expect(letter).toContain('Progress against the recommendations')
    expect(letter).toContain(
      'R1: Improve the quality of supervision. Some progress: Supervision is now monthly, its quality still varies',
    )
    expect(letter).toContain(
      'R2: Reduce drift in child protection plans. Insufficient progress: Plans still drift past their review dates',
    )
    expect(letter).not.toContain('A first reading')
    expect(letter).toMatch(/This visit did not look at:\nR3: Strengthen the front door/)
  })
})
