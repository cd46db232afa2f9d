import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { completeFieldwork, fieldwork } from './demo-fieldwork.js'
import { demoPdf } from './demo-pdf.js'
import {
  DEMO_CONTEXT,
  addTeam,
  createDemoAnalyst,
  demoPrincipal,
  mondayOnOrAfter,
  morning,
  notifiedMonday,
  plannableMonday,
  notify,
  uploadAnnexA,
  type DemoCast,
} from './demo-steps.js'
import { focusedVisitFits, judgementTypeOf, onsiteInWindow } from './demo-pathways.js'

const DEMO_ACTIVITIES = 'demo-activities-v1'

/**
 * Invented inspections at every stage for the demo (issue 6), built through the services on
 * simulated days so they carry real timelines, audit entries and Annex A results, each of the type
 * and in the window its LA's real pathway gives (demo-pathways.ts): Medway's next inspection
 * planned, which the LA cannot see yet, Surrey without a lead, Kent notified
 * with an Annex A return to fix, Wokingham on site with a case sample and evidence,
 * West Sussex with judgements agreed, East Sussex at report stage, and a deferral.
 */
export async function loadDemoActivities(db: Kysely<Database>, config: Config, today: IsoDate): Promise<boolean> {
  if (await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_ACTIVITIES).executeTakeFirst())
    return false
  const planningDay = addDays(today, -28)
  const dir = await mkdtemp(join(tmpdir(), 'ilacs-demo-'))
  try {
    const cast: DemoCast = {
      db,
      config,
      dir,
      plan: createServices({ db, clock: morning(planningDay), config }),
      director: await demoPrincipal(db, 'national-director'),
      hmi: await demoPrincipal(db, 'hmi'),
      seniorHmi: await demoPrincipal(db, 'senior-hmi'),
      qa: await demoPrincipal(db, 'qa-manager'),
    }
    const { plan, director, hmi } = cast
    const kentAnalyst = await demoPrincipal(db, 'la-analyst')
    // Each LA's real pathway and due window (issue 10): what it is planned for, and when.
    const pathwayOf = async (laCode: string) => (await plan.register.show(laCode)).pathway

    // Medway: its next judgement inspection (due: a focused visit would contradict 002#9), planned,
    // not yet notified: Medway's accounts cannot see it (002#73).
    const medwayPathway = await pathwayOf('887')
    const medway = await plan.activities.plan(
      director,
      {
        laCode: '887',
        type: judgementTypeOf(medwayPathway),
        variant: null,
        onsiteStart: onsiteInWindow(medwayPathway, plannableMonday(addDays(today, 21))),
        topics: [],
      },
      DEMO_CONTEXT,
    )
    await plan.activities.addTeamMember(
      director,
      medway,
      { userId: hmi.id, teamRole: 'lead-inspector', days: [] },
      DEMO_CONTEXT,
    )

    // Surrey: planned without a lead, on the regional director's list: a focused visit while its
    // next inspection is not yet due (002#9, #18), else that inspection in its window.
    const surreyPathway = await pathwayOf('936')
    const surreyMonday = plannableMonday(addDays(today, 21))
    const surreyVisit = focusedVisitFits(surreyPathway, addDays(surreyMonday, 1))
    await plan.activities.plan(
      director,
      {
        laCode: '936',
        type: surreyVisit ? 'focused-visit' : judgementTypeOf(surreyPathway),
        variant: null,
        onsiteStart: surreyVisit ? addDays(surreyMonday, 1) : onsiteInWindow(surreyPathway, surreyMonday),
        topics: surreyVisit ? ['Children in care', 'Care leavers'] : [],
      },
      DEMO_CONTEXT,
    )

    // Kent: notified for the inspection its pathway gives; the LA has sent Annex A with errors to
    // fix, and some documents. Kent's window closed in January 2026 (judged in July 2022), so the
    // inspection is late, as most are since 2021: the planner's check says so.
    const kentOnsite = notifiedMonday(today)
    const kent = await plan.activities.plan(
      director,
      {
        laCode: '886',
        type: judgementTypeOf(await pathwayOf('886')),
        variant: null,
        onsiteStart: kentOnsite,
        topics: [],
      },
      DEMO_CONTEXT,
    )
    await addTeam(cast, plan, kent, hmi)
    const kentNotified = await notify(cast, kent, kentOnsite, {
      name: 'Demo Director of Children’s Services, Kent',
      email: 'dcs@kent.example.gov.uk',
    })
    await uploadAnnexA(cast, kentNotified, kent, {
      asOf: addWorkingDays(kentOnsite, -5),
      seed: 21,
      errorRate: 0.02,
      uploader: kentAnalyst,
      fileName: 'Kent Annex A.xlsx',
    })
    for (const [item, name] of [
      ['1.01', '1.01 Organisational structure.pdf'],
      ['1.07', '1.07 Workforce profile.pdf'],
      ['1.09', '1.09 Caseload and supervision policy.pdf'],
    ] as const) {
      await kentNotified.annexA.uploadDocument(
        kentAnalyst,
        kent,
        {
          item,
          fileName: name,
          contentType: 'application/pdf',
          stream: Readable.from([demoPdf(name.replace(/\.pdf$/, ''), ['Kent County Council', 'Demo document'])]),
        },
        DEMO_CONTEXT,
      )
    }

    // Wokingham: a standard inspection (pathway 2, 002#20; a standard inspection of a pathway 1 LA
    // such as Brighton and Hove, the demo's LA here before, contradicts 002#17) on site since
    // Monday of the week before, Annex A clean, a case sample built.
    const wokinghamOnsite = mondayOnOrAfter(addDays(today, -10))
    if (wokinghamOnsite < today) {
      const wokingham = await plan.activities.plan(
        director,
        { laCode: '872', type: 'standard-inspection', variant: null, onsiteStart: wokinghamOnsite, topics: [] },
        DEMO_CONTEXT,
      )
      await addTeam(cast, plan, wokingham, hmi)
      const wokinghamNotified = await notify(cast, wokingham, wokinghamOnsite, {
        name: 'Demo Director of Children’s Services, Wokingham',
        email: 'dcs@wokingham.example.gov.uk',
      })
      const wokinghamAnalyst = await createDemoAnalyst(db, '872')
      await uploadAnnexA(cast, wokinghamNotified, wokingham, {
        asOf: addWorkingDays(wokinghamOnsite, -5),
        seed: 22,
        errorRate: 0,
        uploader: wokinghamAnalyst,
        fileName: 'Wokingham Annex A.xlsx',
      })
      const onSite = createServices({ db, clock: morning(wokinghamOnsite), config })
      const found = await onSite.annexA.children(hmi, wokingham, DEMO_CONTEXT, {
        factor: 'large-sibling-group',
        limit: 3,
      })
      const disabled = await onSite.annexA.children(hmi, wokingham, DEMO_CONTEXT, { factor: 'disabled', limit: 3 })
      const neet = await onSite.annexA.children(hmi, wokingham, DEMO_CONTEXT, { factor: 'care-leaver-neet', limit: 2 })
      const ids = [...(found?.children ?? []), ...(disabled?.children ?? []), ...(neet?.children ?? [])].map(
        (child) => child.childId,
      )
      if (ids.length > 0)
        await onSite.annexA.addToSample(hmi, wokingham, ids, 'Demo sample across factors', DEMO_CONTEXT)
      const version = (await onSite.activities.load(wokingham)).version
      await onSite.activities.changeStatus(hmi, wokingham, { to: 'on-site', note: '', version }, DEMO_CONTEXT)
      await fieldwork(cast, wokingham, wokinghamOnsite)
    }

    // West Sussex: a standard inspection whose fieldwork ended last week; judgements agreed and
    // given at feedback. East Sussex: a short inspection further on, at report stage.
    const westSussexOnsite = mondayOnOrAfter(addDays(today, -21))
    const westSussex = await plan.activities.plan(
      director,
      { laCode: '938', type: 'standard-inspection', variant: null, onsiteStart: westSussexOnsite, topics: [] },
      DEMO_CONTEXT,
    )
    await completeFieldwork(cast, westSussex, westSussexOnsite, 'West Sussex', 'judgements-agreed')
    const eastSussexOnsite = mondayOnOrAfter(addDays(today, -42))
    const planEarlier = createServices({ db, clock: morning(addDays(eastSussexOnsite, -28)), config })
    const eastSussex = await planEarlier.activities.plan(
      director,
      { laCode: '845', type: 'short-inspection', variant: null, onsiteStart: eastSussexOnsite, topics: [] },
      DEMO_CONTEXT,
    )
    await completeFieldwork(cast, eastSussex, eastSussexOnsite, 'East Sussex', 'report-stage')

    // Hampshire: deferred for serious weather (002#16), from a date in its window.
    const hampshirePathway = await pathwayOf('850')
    const hampshire = await plan.activities.plan(
      director,
      {
        laCode: '850',
        type: judgementTypeOf(hampshirePathway),
        variant: null,
        onsiteStart: onsiteInWindow(hampshirePathway, plannableMonday(addDays(today, 14))),
        topics: [],
      },
      DEMO_CONTEXT,
    )
    await plan.activities.changeStatus(
      director,
      hampshire,
      {
        to: 'deferred',
        deferralReason: 'risk-to-staff',
        note: 'Severe flooding forecast; roads to the main offices closed',
        version: 1,
      },
      DEMO_CONTEXT,
    )

    await db
      .insertInto('data_loads')
      .values({ name: DEMO_ACTIVITIES, detail: 'Demo inspections at every stage' })
      .execute()
    await recordAudit(db, {
      actor: SYSTEM_ACTOR,
      action: 'demo.load',
      recordType: 'data-load',
      recordId: DEMO_ACTIVITIES,
      summary: 'Loaded demo inspections and visits at every stage',
    })
    return true
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
