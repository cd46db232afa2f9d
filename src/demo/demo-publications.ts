import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import type { Grade } from '../areas/register/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Principal } from '../auth/policy.js'
import { fixedClock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { demoLetterPdf, demoReportPdfs } from './demo-publication-documents.js'
import { addTeam, DEMO_CONTEXT, type DemoCast, demoPrincipal, mondayOnOrAfter, morning, notify } from './demo-steps.js'

const DEMO_PUBLICATIONS = 'demo-publications-v1'

interface DemoPublication {
  readonly laCode: string
  readonly laName: string
  readonly type: 'standard-inspection' | 'short-inspection' | 'focused-visit'
  /** Days before today of the Monday fieldwork starts on (Tuesday for a focused visit). */
  readonly daysAgo: number
  /** Working days from the last day of fieldwork to publication (002#216 says 21, or 16 for a letter). */
  readonly workingDays: number
  readonly grade?: Grade
}

/**
 * Published reports and letters, so `/published`, the feed, the timeliness figures and the
 * register's history are not empty: on time and late, as Ofsted's are (issue 11, "Drift is
 * real"). LAs the other demo inspections do not use.
 */
const PUBLICATIONS: readonly DemoPublication[] = [
  { laCode: '881', laName: 'Essex', type: 'standard-inspection', daysAgo: 150, workingDays: 21, grade: 'good' },
  { laCode: '383', laName: 'Leeds', type: 'short-inspection', daysAgo: 130, workingDays: 30, grade: 'outstanding' },
  {
    laCode: '908',
    laName: 'Cornwall',
    type: 'standard-inspection',
    daysAgo: 110,
    workingDays: 25,
    grade: 'requires-improvement',
  },
  { laCode: '801', laName: 'Bristol', type: 'focused-visit', daysAgo: 90, workingDays: 16 },
  { laCode: '352', laName: 'Manchester', type: 'focused-visit', daysAgo: 70, workingDays: 22 },
]

/**
 * Each demo publication taken through the service on simulated days, as the people doing it
 * would: planned four weeks before, notified, on site, judgements (or findings) recorded and
 * agreed, report stage, then published with PDFs rendered from the real templates, which
 * records the judgement (or visit) in the register.
 */
export async function loadDemoPublications(db: Kysely<Database>, config: Config, today: IsoDate): Promise<boolean> {
  if (await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_PUBLICATIONS).executeTakeFirst())
    return false
  const director = await demoPrincipal(db, 'national-director')
  const hmi = await demoPrincipal(db, 'hmi')
  const cast = {
    db,
    config,
    dir: '',
    director,
    hmi,
    seniorHmi: await demoPrincipal(db, 'senior-hmi'),
    qa: await demoPrincipal(db, 'qa-manager'),
  }
  for (const item of PUBLICATIONS) {
    const monday = mondayOnOrAfter(addDays(today, -item.daysAgo))
    const onsite = item.type === 'focused-visit' ? addDays(monday, 1) : monday
    const plan = createServices({ db, clock: morning(addDays(onsite, -28)), config })
    const id = await plan.activities.plan(
      director,
      {
        laCode: item.laCode,
        type: item.type,
        variant: null,
        onsiteStart: onsite,
        topics: item.type === 'focused-visit' ? ['Children in care'] : [],
      },
      DEMO_CONTEXT,
    )
    const itemCast: DemoCast = { ...cast, plan }
    await addTeam(itemCast, plan, id, hmi)
    await notify(itemCast, id, onsite, {
      name: `Demo Director of Children’s Services, ${item.laName}`,
      email: `dcs@${item.laCode}.example.gov.uk`,
    })
    const lastDay = (await plan.activities.details(id)).milestones.find((m) => m.key === 'onsite.end')!.date
    await agreeOutcome(db, config, hmi, id, onsite, lastDay, item)
    const publishedOn = addWorkingDays(lastDay, item.workingDays)
    if (publishedOn > today) continue
    await publish(db, config, director, id, lastDay, publishedOn, item)
  }
  await db
    .insertInto('data_loads')
    .values({ name: DEMO_PUBLICATIONS, detail: 'Demo published reports and letters' })
    .execute()
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'demo.load',
    recordType: 'data-load',
    recordId: DEMO_PUBLICATIONS,
    summary: 'Loaded demo published reports and letters',
  })
  return true
}

/**
 * On site, the judgements or findings recorded and confirmed on the last day, agreed, and on to
 * report stage (also the start of the demo reports, demo-reports.ts).
 */
export async function agreeOutcome(
  db: Kysely<Database>,
  config: Config,
  lead: Principal,
  id: string,
  onsite: IsoDate,
  lastDay: IsoDate,
  item: Pick<DemoPublication, 'type' | 'grade' | 'laName'>,
): Promise<void> {
  const start = createServices({ db, clock: morning(onsite), config })
  const version = async (services: typeof start) => (await services.activities.load(id)).version
  await start.activities.changeStatus(
    lead,
    id,
    { to: 'on-site', note: '', version: await version(start) },
    DEMO_CONTEXT,
  )
  const end = createServices({ db, clock: fixedClock(`${lastDay}T14:00:00Z`), config })
  if (item.type === 'focused-visit') {
    for (const finding of [
      { kind: 'strength' as const, text: 'Children in care are seen regularly and their plans are reviewed on time.' },
      { kind: 'area-for-improvement' as const, text: 'The consistency of management oversight of care plans.' },
    ])
      await end.judgements.addFinding(lead, id, { ...finding, ground: null, version: undefined }, DEMO_CONTEXT)
    const findings = await end.judgements.findingsPage(id)
    const findingsVersion = findings.kind === 'findings' ? findings.version : undefined
    await end.judgements.confirmFindings(lead, id, { noPriorityActions: true, version: findingsVersion }, DEMO_CONTEXT)
  } else {
    const page = await end.judgements.judgementsPage(id)
    if (page.kind !== 'judgements') throw new Error(`${item.laName}: not a judgement inspection`)
    for (const area of page.areas)
      await end.judgements.recordJudgement(
        lead,
        id,
        area.key,
        {
          grade: item.grade ?? 'good',
          rationale: `Best fit: ${item.grade ?? 'good'}; see the evidence record.`,
          evidenceHeadings: [],
          leadersUnderstandFailure: null,
          version: undefined,
        },
        DEMO_CONTEXT,
      )
    const recorded = await end.judgements.judgementsPage(id)
    if (recorded.kind !== 'judgements') throw new Error('unreachable')
    await end.judgements.confirmJudgements(lead, id, { reason: '', version: recorded.version }, DEMO_CONTEXT)
  }
  await end.activities.changeStatus(
    lead,
    id,
    { to: 'judgements-agreed', note: '', version: await version(end) },
    DEMO_CONTEXT,
  )
  await end.activities.changeStatus(
    lead,
    id,
    { to: 'report-stage', note: 'Draft with the QA manager', version: await version(end) },
    DEMO_CONTEXT,
  )
}

/** Publish at 9:30 on the day, with the PDFs rendered from the templates, and mark the activity published. */
async function publish(
  db: Kysely<Database>,
  config: Config,
  director: Principal,
  id: string,
  lastDay: IsoDate,
  publishedOn: IsoDate,
  item: DemoPublication,
): Promise<void> {
  const services = createServices({ db, clock: fixedClock(`${publishedOn}T09:30:00Z`), config })
  const activity = await services.activities.load(id)
  const fieldwork = { start: activity.onsiteStart, end: lastDay }
  const la = { name: item.laName, code: item.laCode }
  const common = {
    activityId: id,
    laId: item.laCode,
    fieldworkStart: fieldwork.start,
    fieldworkEnd: fieldwork.end,
    publishedAt: new Date(`${publishedOn}T09:30:00Z`),
  }
  if (item.type === 'focused-visit') {
    await services.publications.publish(
      {
        ...common,
        kind: 'focused-visit-letter',
        title: `Focused visit to ${item.laName} local authority children’s services`,
        statutoryPublicationDate: addWorkingDays(lastDay, 16),
        pdf: await demoLetterPdf({ la, fieldwork, issued: publishedOn, focus: 'services for children in care' }),
      },
      { ...DEMO_CONTEXT, actor: director },
    )
  } else {
    const judgement = await services.judgements.publishedJudgementFor(id)
    const { pdf, summary } = await demoReportPdfs({
      la,
      inspection: item.type === 'short-inspection' ? 'short' : 'standard',
      framework: judgement.framework === 'sif' ? 'ilacs-2018' : judgement.framework,
      fieldwork,
      issued: publishedOn,
      grades: judgement.grades,
    })
    await services.publications.publish(
      {
        ...common,
        kind: 'inspection-report',
        title: `Inspection of ${item.laName} local authority children’s services`,
        statutoryPublicationDate: addWorkingDays(lastDay, 21),
        judgements: judgement,
        pdf,
        childrenSummaryPdf: summary,
      },
      { ...DEMO_CONTEXT, actor: director },
    )
  }
  // As the reports area's publication job does: "published" is never a status anyone sets.
  await services.activities.recordPublication(id, common.publishedAt, DEMO_CONTEXT)
}
