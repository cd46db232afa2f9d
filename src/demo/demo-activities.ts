import { mkdtemp, rm } from 'node:fs/promises'
import { createReadStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { generateAnnexA } from '../annex-a/index.js'
import { createServices } from '../areas/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Principal } from '../auth/policy.js'
import { principalFor } from '../auth/users.js'
import { fixedClock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, dayOfWeek, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays, isWorkingDay } from '../rules/calendar/working-days.js'
import { DEMO_EMAIL_DOMAIN } from './load-demo-data.js'

const DEMO_ACTIVITIES = 'demo-activities-v1'

/** The first Monday on or after `date` that is a working day. */
function mondayOnOrAfter(date: IsoDate): IsoDate {
  let day = date
  while (dayOfWeek(day) !== 1 || !isWorkingDay(day)) day = addDays(day, 1)
  return day
}

/** The earliest fieldwork Monday whose notice (five working days before, 002#73) is on or before `today`. */
function notifiedMonday(today: IsoDate): IsoDate {
  let monday = mondayOnOrAfter(addDays(today, 1))
  while (addWorkingDays(monday, -5) > today) monday = mondayOnOrAfter(addDays(monday, -6))
  return monday
}

/** A clock stopped at 09:05 London time on `day` (winter or summer, close enough for demo data). */
const morning = (day: IsoDate) => fixedClock(`${day}T09:05:00Z`)

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
  const who = async (role: string, suffix = ''): Promise<Principal> => {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `${role}${suffix}@${DEMO_EMAIL_DOMAIN}`)
      .executeTakeFirstOrThrow()
    return (await principalFor(db, user.id))!
  }
  const director = await who('national-director')
  const hmi = await who('hmi')
  const seniorHmi = await who('senior-hmi')
  const qa = await who('qa-manager')
  const kentAnalyst = await who('la-analyst')
  const context = { requestId: 'demo-data' }
  // Demo text names nobody, so there is nothing for the name check (002#191) to confirm.
  const names = { confirmed: false, fingerprint: '' }
  const planningDay = addDays(today, -28)
  const plan = createServices({ db, clock: morning(planningDay), config })
  const dir = await mkdtemp(join(tmpdir(), 'ilacs-demo-'))
  try {
    const team = async (services: ReturnType<typeof createServices>, id: string, lead: Principal) => {
      await services.activities.addTeamMember(
        director,
        id,
        { userId: lead.id, teamRole: 'lead-inspector', days: [] },
        context,
      )
      await services.activities.addTeamMember(
        director,
        id,
        { userId: seniorHmi.id, teamRole: 'senior-hmi', days: [] },
        context,
      )
      await services.activities.addTeamMember(
        director,
        id,
        { userId: qa.id, teamRole: 'qa-manager', days: [] },
        context,
      )
    }
    const notify = async (id: string, onsite: IsoDate, dcs: { name: string; email: string }) => {
      await plan.activities.setContact(director, id, { contactRole: 'dcs', ...dcs, phone: '' }, context)
      const noticeDay = addWorkingDays(onsite, -5)
      const atNotice = createServices({ db, clock: morning(noticeDay), config })
      await atNotice.activities.recordNotice(
        hmi,
        id,
        {
          calledAt: new Date(`${noticeDay}T09:05:00Z`),
          spokeToRole: 'dcs',
          spokeToName: dcs.name,
          notes: 'Agreed to meet on site at 1pm on the first day.',
          version: undefined,
        },
        context,
      )
      return atNotice
    }
    const upload = async (
      services: ReturnType<typeof createServices>,
      id: string,
      asOf: IsoDate,
      seed: number,
      errorRate: number,
      uploader: Principal,
      fileName: string,
    ) => {
      const out = join(dir, `${seed}.xlsx`)
      await generateAnnexA({ rows: 1500, out, asOf, seed, errorRate })
      await services.annexA.receive(uploader, id, { fileName, stream: createReadStream(out) }, context)
      await services.processor.drain()
    }

    /**
     * Evidence on the first afternoon on site, a QA note on it and the first keep-in-touch
     * meeting (002#173, #182, #190). Returns the QA note's id.
     */
    const fieldwork = async (id: string, onsite: IsoDate): Promise<string> => {
      const onSite = createServices({ db, clock: fixedClock(`${onsite}T17:00:00Z`), config })
      const entries = [
        {
          headingId: 'help-and-protection.3',
          sourceType: 'case-file' as const,
          statement: 'Strategy discussions are timely and well attended.',
          evidence:
            'In five of six cases sampled, strategy discussions were held on the day of the referral, with police and health present.',
          impact: 'Children at risk of significant harm are protected quickly.',
          caseIds: '',
        },
        {
          headingId: 'children-in-care.1',
          sourceType: 'practitioner' as const,
          statement: 'Social workers know their children well.',
          evidence:
            'Three social workers described the children they work with, their wishes and the plans for them in detail.',
          impact: 'Children build trusting relationships with the adults who help them.',
          caseIds: '',
        },
      ]
      let first = ''
      for (const entry of entries) {
        const entryId = await onSite.evidence.addEntry(
          hmi,
          id,
          {
            headingId: entry.headingId,
            sourceType: entry.sourceType,
            sourceDetail: '',
            collectedOn: onsite,
            collectedTime: '15:30',
            evaluativeStatement: entry.statement,
            evidenceSummary: entry.evidence,
            impact: entry.impact,
            significance: 'none',
            teamAgreed: false,
            caseIds: entry.caseIds,
            names,
          },
          context,
        )
        first ||= entryId
      }
      const noteId = await onSite.evidence.addQaNote(
        qa,
        id,
        { entryId: first, note: 'Say how many cases in all were sampled for this heading.' },
        context,
      )
      await onSite.evidence.addKitMeeting(
        hmi,
        id,
        {
          meetingOn: onsite,
          attendeeRoles: ['dcs', 'lead-inspector'],
          otherAttendees: '',
          dcsDeclined: false,
          findingsShared: 'Set-up went smoothly; early lines of enquiry on the front door.',
          dcsClear: true,
          noSurprises: true,
          names,
        },
        context,
      )
      return noteId
    }

    /**
     * A judgement inspection taken through fieldwork as its lead would: notice, Annex A, on site,
     * evidence, every judgement recorded and confirmed on the last day, agreed and given at the
     * feedback meeting (002#96-101, #197); then, if asked, on to report stage.
     */
    const completeFieldwork = async (
      id: string,
      onsite: IsoDate,
      laName: string,
      stage: 'judgements-agreed' | 'report-stage',
    ) => {
      await team(plan, id, hmi)
      const notified = await notify(id, onsite, {
        name: `Demo Director of Children’s Services, ${laName}`,
        email: `dcs@${laName.toLowerCase().replace(/\W+/g, '-')}.example.gov.uk`,
      })
      const laCode = (await notified.activities.load(id)).laCode
      await upload(
        notified,
        id,
        addWorkingDays(onsite, -5),
        30 + (Number(laCode) % 10),
        0,
        await createDemoAnalyst(db, laCode),
        `${laName} Annex A.xlsx`,
      )
      const start = createServices({ db, clock: morning(onsite), config })
      await start.activities.changeStatus(
        hmi,
        id,
        { to: 'on-site', note: '', version: (await start.activities.load(id)).version },
        context,
      )
      const noteId = await fieldwork(id, onsite)
      const lastDay =
        (await start.activities.details(id)).milestones.find((m) => m.key === 'onsite.end')?.date ?? onsite
      const end = createServices({ db, clock: fixedClock(`${lastDay}T14:00:00Z`), config })
      // A keep-in-touch note on every later fieldwork day, and the QA note answered (002#173, #190).
      for (const { day } of (await end.evidence.keepInTouch(id)).days.filter(({ day }) => day > onsite)) {
        await end.evidence.addKitMeeting(
          hmi,
          id,
          {
            meetingOn: day,
            attendeeRoles: ['dcs', 'lead-inspector'],
            otherAttendees: '',
            dcsDeclined: false,
            findingsShared: 'Progress against the lines of enquiry; no surprises.',
            dcsClear: true,
            noSurprises: true,
            names,
          },
          context,
        )
      }
      await end.evidence.resolveQaNote(
        hmi,
        id,
        noteId,
        { resolution: 'Added: six of the nine cases sampled for this heading.' },
        context,
      )
      const page = await end.judgements.judgementsPage(id)
      if (page.kind !== 'judgements') throw new Error(`${laName}: not a judgement inspection`)
      for (const area of page.areas) {
        await end.judgements.recordJudgement(
          hmi,
          id,
          area.key,
          {
            grade: 'good',
            rationale: 'Best fit: good. Practice is consistently effective; see the evidence record.',
            evidenceHeadings: [],
            leadersUnderstandFailure: null,
            version: undefined,
          },
          context,
        )
      }
      const recorded = await end.judgements.judgementsPage(id)
      if (recorded.kind !== 'judgements') throw new Error('unreachable')
      await end.judgements.confirmJudgements(hmi, id, { reason: '', version: recorded.version }, context)
      await end.activities.changeStatus(
        hmi,
        id,
        {
          to: 'judgements-agreed',
          note: 'Agreed with the senior HMI by telephone',
          version: (await end.activities.load(id)).version,
        },
        context,
      )
      await end.judgements.recordFeedback(
        hmi,
        id,
        {
          heldOn: lastDay,
          durationMinutes: 50,
          attendees: ['dcs', 'lead-inspector'],
          otherAttendees: '',
          dcsToldBefore: true,
          judgementsGiven: page.areas.map((area) => area.key),
          setOut: ['provisional'],
          notes: '',
        },
        context,
      )
      if (stage === 'report-stage')
        await end.activities.changeStatus(
          hmi,
          id,
          {
            to: 'report-stage',
            note: 'Draft report with the QA manager',
            version: (await end.activities.load(id)).version,
          },
          context,
        )
    }

    // Medway: a focused visit planned, not yet notified: Medway's accounts cannot see it (002#73).
    const medwayOnsite = addDays(mondayOnOrAfter(addDays(today, 21)), 1)
    const medway = await plan.activities.plan(
      director,
      {
        laCode: '887',
        type: 'focused-visit',
        variant: null,
        onsiteStart: medwayOnsite,
        topics: ['Children in care', 'Care leavers'],
      },
      context,
    )
    await plan.activities.addTeamMember(
      director,
      medway,
      { userId: hmi.id, teamRole: 'lead-inspector', days: [] },
      context,
    )

    // Surrey: a short inspection planned without a lead: on the regional director's list.
    await plan.activities.plan(
      director,
      {
        laCode: '936',
        type: 'short-inspection',
        variant: null,
        onsiteStart: mondayOnOrAfter(addDays(today, 28)),
        topics: [],
      },
      context,
    )

    // Kent: notified; the LA has sent Annex A with errors to fix, and some documents.
    const kentOnsite = notifiedMonday(today)
    const kent = await plan.activities.plan(
      director,
      { laCode: '886', type: 'standard-inspection', variant: null, onsiteStart: kentOnsite, topics: [] },
      context,
    )
    await team(plan, kent, hmi)
    const kentNotified = await notify(kent, kentOnsite, {
      name: 'Demo Director of Children’s Services, Kent',
      email: 'dcs@kent.example.gov.uk',
    })
    await upload(kentNotified, kent, addWorkingDays(kentOnsite, -5), 21, 0.02, kentAnalyst, 'Kent Annex A.xlsx')
    for (const [item, name] of [
      ['1.01', '1.01 Organisational structure.pdf'],
      ['1.07', '1.07 Workforce profile.xlsx'],
      ['1.09', '1.09 Caseload and supervision policy.docx'],
    ] as const) {
      await kentNotified.annexA.uploadDocument(
        kentAnalyst,
        kent,
        {
          item,
          fileName: name,
          contentType: 'application/octet-stream',
          stream: Readable.from([Buffer.from(`Demo document ${item}`)]),
        },
        context,
      )
    }

    // Brighton and Hove: on site since Monday of the week before, Annex A clean, a case sample built.
    const brightonOnsite = mondayOnOrAfter(addDays(today, -10))
    if (brightonOnsite < today) {
      const brighton = await plan.activities.plan(
        director,
        { laCode: '846', type: 'standard-inspection', variant: null, onsiteStart: brightonOnsite, topics: [] },
        context,
      )
      await team(plan, brighton, hmi)
      const brightonNotified = await notify(brighton, brightonOnsite, {
        name: 'Demo Director of Children’s Services, Brighton and Hove',
        email: 'dcs@brighton-hove.example.gov.uk',
      })
      const brightonAnalyst = await createDemoAnalyst(db, '846')
      await upload(
        brightonNotified,
        brighton,
        addWorkingDays(brightonOnsite, -5),
        22,
        0,
        brightonAnalyst,
        'Brighton and Hove Annex A.xlsx',
      )
      const onSite = createServices({ db, clock: morning(brightonOnsite), config })
      const found = await onSite.annexA.children(hmi, brighton, context, { factor: 'large-sibling-group', limit: 3 })
      const disabled = await onSite.annexA.children(hmi, brighton, context, { factor: 'disabled', limit: 3 })
      const neet = await onSite.annexA.children(hmi, brighton, context, { factor: 'care-leaver-neet', limit: 2 })
      const ids = [...(found?.children ?? []), ...(disabled?.children ?? []), ...(neet?.children ?? [])].map(
        (child) => child.childId,
      )
      if (ids.length > 0) await onSite.annexA.addToSample(hmi, brighton, ids, 'Demo sample across factors', context)
      const version = (await onSite.activities.load(brighton)).version
      await onSite.activities.changeStatus(hmi, brighton, { to: 'on-site', note: '', version }, context)
      await fieldwork(brighton, brightonOnsite)
    }

    // West Sussex: a standard inspection whose fieldwork ended last week; judgements agreed and
    // given at feedback. East Sussex: a short inspection further on, at report stage.
    const westSussexOnsite = mondayOnOrAfter(addDays(today, -21))
    const westSussex = await plan.activities.plan(
      director,
      { laCode: '938', type: 'standard-inspection', variant: null, onsiteStart: westSussexOnsite, topics: [] },
      context,
    )
    await completeFieldwork(westSussex, westSussexOnsite, 'West Sussex', 'judgements-agreed')
    const eastSussexOnsite = mondayOnOrAfter(addDays(today, -42))
    const planEarlier = createServices({ db, clock: morning(addDays(eastSussexOnsite, -28)), config })
    const eastSussex = await planEarlier.activities.plan(
      director,
      { laCode: '845', type: 'short-inspection', variant: null, onsiteStart: eastSussexOnsite, topics: [] },
      context,
    )
    await completeFieldwork(eastSussex, eastSussexOnsite, 'East Sussex', 'report-stage')

    // Hampshire: deferred for serious weather (002#16).
    const hampshire = await plan.activities.plan(
      director,
      {
        laCode: '850',
        type: 'short-inspection',
        variant: null,
        onsiteStart: mondayOnOrAfter(addDays(today, 14)),
        topics: [],
      },
      context,
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
      context,
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

/** A demo analyst for an LA other than Kent (the LA that uploads its Annex A). */
async function createDemoAnalyst(db: Kysely<Database>, laCode: string): Promise<Principal> {
  const email = `la-analyst.${laCode}@${DEMO_EMAIL_DOMAIN}`
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  const template = await db
    .selectFrom('users')
    .select('password_hash')
    .where('email', '=', `la-analyst@${DEMO_EMAIL_DOMAIN}`)
    .executeTakeFirstOrThrow()
  const id =
    existing?.id ??
    (
      await db
        .insertInto('users')
        .values({
          email,
          display_name: `Demo LA data analyst (${laCode})`,
          role: 'la-analyst',
          la_code: laCode,
          password_hash: template.password_hash,
          is_demo: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  return (await principalFor(db, id))!
}
