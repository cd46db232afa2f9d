import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addMonths, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { programmeDeadlines } from '../rules/monitoring-programme.js'
import { DEMO_CONTEXT, demoLaAccount, demoPrincipal, morning } from './demo-steps.js'

const DEMO_MONITORING_PROGRAMMES = 'demo-monitoring-programmes-v1'
/** Barnet, judged inadequate (Ofsted's outcomes): its programme is shown at every step reached by today. */
export const DEMO_MONITORING_LA = '302'

const RECOMMENDATIONS = [
  'Improve the quality and impact of management oversight and supervision of social work practice.',
  'Reduce drift and delay for children on child protection plans.',
  'Strengthen the response to children who go missing from home or care.',
]

/**
 * Monitoring programmes after inadequate judgements (issue 12), taken through the service on the
 * days each step would happen, so the pages show real dates relative to today: Barnet with the
 * letter sent, the visit held and recorded, the recommendations, the action plan submitted and
 * reviewed (as far as today allows); and the inadequate LA with the oldest judgement, over a year
 * on, with its re-inspection decided. A demo DCS account of the first LA submits its plan. When
 * Barnet is not inadequate in the register, the longest-standing inadequate LA stands in.
 */
export async function loadDemoMonitoringProgrammes(
  db: Kysely<Database>,
  config: Config,
  today: IsoDate,
): Promise<boolean> {
  if (
    await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_MONITORING_PROGRAMMES).executeTakeFirst()
  )
    return false
  const director = await demoPrincipal(db, 'national-director')
  const seniorHmi = await demoPrincipal(db, 'senior-hmi')
  const now = createServices({ db, clock: morning(today), config })
  const histories = await now.register.histories()
  const inadequate = [...histories.entries()]
    .filter(([, entry]) => entry.standing?.grade === 'inadequate')
    .map(([laCode, entry]) => ({ laCode, publishedOn: entry.standing!.record.publishedOn }))
  // Barnet when it is inadequate in the register; otherwise the longest-standing inadequate LA (the
  // one whose monitoring visits the demo holds). The decision goes to an LA the visits leave alone.
  const sorted = [...inadequate].sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
  const barnet = sorted.find((entry) => entry.laCode === DEMO_MONITORING_LA) ?? sorted[0]
  const oldest = sorted
    .slice(2)
    .find((entry) => entry.laCode !== barnet?.laCode && addMonths(entry.publishedOn, 13) <= today)
  if (!barnet) return false
  const { la: primary } = await now.register.show(barnet.laCode)

  const dcs = await demoLaAccount(db, 'la-dcs', barnet.laCode, `Demo Director of Children’s Services (${primary.name})`)

  /** The day's services, only for days that have come. */
  const on = (day: IsoDate) => (day <= today ? createServices({ db, clock: morning(day), config }) : undefined)

  for (const la of [barnet, oldest].filter((entry) => entry !== undefined)) {
    // The copy before publication arrives about five working days before it (002#216).
    const received = addWorkingDays(la.publishedOn, -5)
    const deadlines = programmeDeadlines({ 'pre-publication': received, publication: la.publishedOn })!
    const opening = on(received) ?? now
    const programmeId = await opening.monitoring.open(
      director,
      la.laCode,
      { dates: { 'pre-publication': received, publication: la.publishedOn } },
      DEMO_CONTEXT,
    )
    const version = async () => (await now.monitoring.record(programmeId)).programme.version
    const letterDay = on(addWorkingDays(received, 1))
    if (letterDay)
      await letterDay.monitoring.sendLetter(
        director,
        programmeId,
        { letterCopies: '001#9', sentOn: addWorkingDays(received, 1), version: await version() },
        DEMO_CONTEXT,
      )
    const visitOn = addWorkingDays(deadlines.timeline.actionPlanningVisit.earliest, 3)
    const agendaOn = addWorkingDays(visitOn, -5)
    const arranging = on(agendaOn)
    if (arranging)
      await arranging.monitoring.arrangeVisit(
        seniorHmi,
        programmeId,
        { visitOn, agendaCirculatedOn: agendaOn, version: await version() },
        DEMO_CONTEXT,
      )
    const recordOn = addWorkingDays(visitOn, 2)
    const recording = on(recordOn)
    if (recording)
      await recording.monitoring.recordVisit(
        seniorHmi,
        programmeId,
        {
          attendees: 'DCS, chief executive, lead member’s officer, partners; lead inspector and senior HMI',
          discussion: 'The evidence behind each recommendation; no continuing disagreement with the findings.',
          planning: 'The plan will take each recommendation in turn, with measures the board can track.',
          recordSentOn: recordOn,
          version: await version(),
        },
        DEMO_CONTEXT,
      )
    const items: string[] = []
    for (const text of RECOMMENDATIONS)
      items.push(
        await (recording ?? now).monitoring.addRecommendation(
          seniorHmi,
          programmeId,
          { kind: 'recommendation', text },
          DEMO_CONTEXT,
        ),
      )
    const planOn = addWorkingDays(deadlines.timeline.actionPlanDue, -3)
    const planning = on(planOn)
    if (planning && la === barnet) {
      const file = await planning.monitoring.storeDocument({
        fileName: `${primary.name} written statement of action.pdf`,
        contentType: 'application/pdf',
        stream: Readable.from([Buffer.from('%PDF-1.4\n% Written statement of action (demo)\n')]),
      })
      await planning.monitoring.submitPlan(
        dcs,
        programmeId,
        {
          file,
          actions: Object.fromEntries(
            items.map((id, index) => [id, `Action ${index + 1}: named lead, milestones and measures`]),
          ),
        },
        DEMO_CONTEXT,
      )
      const reviewOn = addWorkingDays(planOn, 5)
      const reviewing = on(reviewOn)
      if (reviewing)
        await reviewing.monitoring.reviewPlan(
          director,
          programmeId,
          { outcome: 'reflects', letterSentOn: reviewOn, differences: '', discussedOn: undefined },
          DEMO_CONTEXT,
        )
    }
    if (la === oldest) {
      const decidedOn = addWorkingDays(today, -10)
      await on(decidedOn)!.monitoring.decide(
        director,
        programmeId,
        {
          decidedOn,
          decisionKind: 'post-monitoring',
          inputs: [
            'Four monitoring visits found sustained progress in help and protection',
            'The LA considers itself ready for re-inspection',
            'The DfE adviser agrees progress is secure',
            'Re-referrals and plans lasting over two years are down',
            'No concerns from the LA’s children’s homes',
          ],
          reasons: 'Inadequacy was not widespread, so a post-monitoring inspection (001#51)',
          laToldOn: addWorkingDays(decidedOn, 2),
          version: await version(),
        },
        DEMO_CONTEXT,
      )
    }
  }
  await db
    .insertInto('data_loads')
    .values({ name: DEMO_MONITORING_PROGRAMMES, detail: 'monitoring programmes' })
    .execute()
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'demo.load',
    recordType: 'data-load',
    recordId: DEMO_MONITORING_PROGRAMMES,
    summary: 'Loaded demo monitoring programmes after inadequate judgements',
  })
  return true
}
