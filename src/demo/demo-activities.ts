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

const DEMO_ACTIVITIES = 'demo-activities-v1'

/**
 * Invented inspections at every stage for the demo (issue 6), built through the services on
 * simulated days so they carry real timelines, audit entries and Annex A results: a planned
 * focused visit the LA cannot see yet, a short inspection still without a lead, Kent notified
 * with an Annex A return to fix, Brighton and Hove on site with a case sample and evidence,
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

    // Medway: a focused visit planned, not yet notified: Medway's accounts cannot see it (002#73).
    const medwayOnsite = addDays(plannableMonday(addDays(today, 21)), 1)
    const medway = await plan.activities.plan(
      director,
      {
        laCode: '887',
        type: 'focused-visit',
        variant: null,
        onsiteStart: medwayOnsite,
        topics: ['Children in care', 'Care leavers'],
      },
      DEMO_CONTEXT,
    )
    await plan.activities.addTeamMember(
      director,
      medway,
      { userId: hmi.id, teamRole: 'lead-inspector', days: [] },
      DEMO_CONTEXT,
    )

    // Surrey: a short inspection planned without a lead: on the regional director's list.
    await plan.activities.plan(
      director,
      {
        laCode: '936',
        type: 'short-inspection',
        variant: null,
        onsiteStart: plannableMonday(addDays(today, 21)),
        topics: [],
      },
      DEMO_CONTEXT,
    )

    // Kent: notified; the LA has sent Annex A with errors to fix, and some documents.
    const kentOnsite = notifiedMonday(today)
    const kent = await plan.activities.plan(
      director,
      { laCode: '886', type: 'standard-inspection', variant: null, onsiteStart: kentOnsite, topics: [] },
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

    // Brighton and Hove: on site since Monday of the week before, Annex A clean, a case sample built.
    const brightonOnsite = mondayOnOrAfter(addDays(today, -10))
    if (brightonOnsite < today) {
      const brighton = await plan.activities.plan(
        director,
        { laCode: '846', type: 'standard-inspection', variant: null, onsiteStart: brightonOnsite, topics: [] },
        DEMO_CONTEXT,
      )
      await addTeam(cast, plan, brighton, hmi)
      const brightonNotified = await notify(cast, brighton, brightonOnsite, {
        name: 'Demo Director of Children’s Services, Brighton and Hove',
        email: 'dcs@brighton-hove.example.gov.uk',
      })
      const brightonAnalyst = await createDemoAnalyst(db, '846')
      await uploadAnnexA(cast, brightonNotified, brighton, {
        asOf: addWorkingDays(brightonOnsite, -5),
        seed: 22,
        errorRate: 0,
        uploader: brightonAnalyst,
        fileName: 'Brighton and Hove Annex A.xlsx',
      })
      const onSite = createServices({ db, clock: morning(brightonOnsite), config })
      const found = await onSite.annexA.children(hmi, brighton, DEMO_CONTEXT, {
        factor: 'large-sibling-group',
        limit: 3,
      })
      const disabled = await onSite.annexA.children(hmi, brighton, DEMO_CONTEXT, { factor: 'disabled', limit: 3 })
      const neet = await onSite.annexA.children(hmi, brighton, DEMO_CONTEXT, { factor: 'care-leaver-neet', limit: 2 })
      const ids = [...(found?.children ?? []), ...(disabled?.children ?? []), ...(neet?.children ?? [])].map(
        (child) => child.childId,
      )
      if (ids.length > 0)
        await onSite.annexA.addToSample(hmi, brighton, ids, 'Demo sample across factors', DEMO_CONTEXT)
      const version = (await onSite.activities.load(brighton)).version
      await onSite.activities.changeStatus(hmi, brighton, { to: 'on-site', note: '', version }, DEMO_CONTEXT)
      await fieldwork(cast, brighton, brightonOnsite)
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

    // Hampshire: deferred for serious weather (002#16).
    const hampshire = await plan.activities.plan(
      director,
      {
        laCode: '850',
        type: 'short-inspection',
        variant: null,
        onsiteStart: plannableMonday(addDays(today, 14)),
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
