import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import type { Grade } from '../areas/register/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Principal } from '../auth/policy.js'
import { fixedClock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../rules/calendar/working-days.js'
import { timelineFor } from '../rules/timelines/index.js'
import { agreeOutcome } from './demo-publications.js'
import { DEMO_LA_COMMENTS, DEMO_QA_COMMENTS, demoSectionText } from './demo-report-text.js'
import {
  addTeam,
  DEMO_CONTEXT,
  type DemoCast,
  demoLaAccount,
  demoPrincipal,
  mondayOnOrAfter,
  morning,
  notify,
} from './demo-steps.js'

const DEMO_REPORTS = 'demo-reports-v1'

/** Where a demo report is left. */
export type DemoReportStep = 'drafting' | 'factual-accuracy' | 'embargoed' | 'published'

interface DemoReport {
  readonly laCode: string
  readonly laName: string
  readonly type: 'standard-inspection' | 'short-inspection' | 'focused-visit'
  /** Working days before today of the last day of fieldwork. */
  readonly endedAgo: number
  readonly step: DemoReportStep
  readonly grade?: Grade
  /** For a published one: working days from the last day of fieldwork to the final copy and to publication. */
  readonly final?: number
  readonly published?: number
}

/**
 * One report at each step of the workflow (issue 11), in South East LAs so the demo regional
 * director reviews them, taken through the services on simulated working days as their people
 * would: Oxfordshire's draft back with the lead after QA comments; the Isle of Wight's with the LA for
 * factual accuracy, its DCS's comments in and one answered; Buckinghamshire's final copy under
 * embargo; Portsmouth's report (published late, as most are) and Southampton's focused-visit
 * letter (on time) published by the publication job.
 */
export const DEMO_REPORTS_LIST: readonly DemoReport[] = [
  { laCode: '931', laName: 'Oxfordshire', type: 'standard-inspection', endedAgo: 5, step: 'drafting', grade: 'good' },
  {
    laCode: '921',
    laName: 'Isle of Wight',
    type: 'standard-inspection',
    endedAgo: 13,
    step: 'factual-accuracy',
    grade: 'good',
  },
  {
    laCode: '825',
    laName: 'Buckinghamshire',
    type: 'short-inspection',
    endedAgo: 19,
    step: 'embargoed',
    grade: 'requires-improvement',
  },
  {
    laCode: '851',
    laName: 'Portsmouth',
    type: 'short-inspection',
    endedAgo: 45,
    step: 'published',
    grade: 'good',
    final: 21,
    published: 24,
  },
  {
    laCode: '852',
    laName: 'Southampton',
    type: 'focused-visit',
    endedAgo: 30,
    step: 'published',
    final: 14,
    published: 16,
  },
]

/** The DCS account of a demo LA (password as every demo account's): `la-dcs.<code>@…`. */
export async function demoDcsOf(db: Kysely<Database>, laCode: string, laName: string): Promise<Principal> {
  return demoLaAccount(db, 'la-dcs', laCode, `Demo Director of Children’s Services (${laName})`)
}

/** The first day on site whose fieldwork ended on or before `lastDay` (the latest such Monday, or its Tuesday for a visit). */
export function onsiteEndingBy(type: DemoReport['type'], lastDay: IsoDate): { onsite: IsoDate; end: IsoDate } {
  let monday = mondayOnOrAfter(addDays(lastDay, -4))
  for (;;) {
    const onsite = type === 'focused-visit' ? addDays(monday, 1) : monday
    const timeline = timelineFor(type, onsite)
    if (!timeline.ok) throw new Error(timeline.reason)
    const end = timeline.timeline.milestones.find((m) => m.key === 'onsite.end')!.date
    if (end <= lastDay) return { onsite, end }
    // The Monday before that is a working day (not, say, Easter Monday).
    do monday = addDays(monday, -7)
    while (!isWorkingDay(monday))
  }
}

/** Load the demo reports once; false when they were already loaded. */
export async function loadDemoReports(db: Kysely<Database>, config: Config, today: IsoDate): Promise<boolean> {
  if (await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_REPORTS).executeTakeFirst()) return false
  const director = await demoPrincipal(db, 'national-director')
  const hmi = await demoPrincipal(db, 'hmi')
  const people = {
    hmi,
    qa: await demoPrincipal(db, 'qa-manager'),
    regional: await demoPrincipal(db, 'regional-director'),
  }
  for (const item of DEMO_REPORTS_LIST) {
    const { onsite, end } = onsiteEndingBy(item.type, addWorkingDays(today, -item.endedAgo))
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
    const cast: DemoCast = {
      db,
      config,
      dir: '',
      plan,
      director,
      hmi,
      seniorHmi: await demoPrincipal(db, 'senior-hmi'),
      qa: people.qa,
    }
    await addTeam(cast, plan, id, hmi)
    await notify(cast, id, onsite, {
      name: `Demo Director of Children’s Services, ${item.laName}`,
      email: `dcs@${item.laCode}.example.gov.uk`,
    })
    await agreeOutcome(db, config, hmi, id, onsite, end, item)
    const dcs = await demoDcsOf(db, item.laCode, item.laName)
    await takeReport(db, config, { ...people, dcs }, id, { end, today }, item)
  }
  await db.insertInto('data_loads').values({ name: DEMO_REPORTS, detail: 'Demo reports at every step' }).execute()
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'demo.load',
    recordType: 'data-load',
    recordId: DEMO_REPORTS,
    summary: 'Loaded demo reports and letters at every step of the workflow',
  })
  return true
}

/** Take the report from report stage to `item.step`, each step on its working day after the last day of fieldwork. */
async function takeReport(
  db: Kysely<Database>,
  config: Config,
  people: { hmi: Principal; qa: Principal; regional: Principal; dcs: Principal },
  id: string,
  { end, today }: { end: IsoDate; today: IsoDate },
  item: DemoReport,
): Promise<void> {
  // Fieldwork ends on its own weekday, so the steps still to come are placed from today: `sinceEnd`
  // working days have passed since the last day of fieldwork.
  const sinceEnd = workingDaysBetween(end, today)
  const on = (day: number, time = '09:05') =>
    createServices({ db, clock: fixedClock(`${addWorkingDays(end, day)}T${time}:00Z`), config }).reports
  const version = async () => (await on(0).read.page(id)).report?.version
  const kind = item.type === 'focused-visit' ? 'focused-visit-letter' : 'inspection-report'
  const visit = kind === 'focused-visit-letter'

  // Day 1: the lead starts the report from the agreed outcome and writes every section.
  await on(1).drafting.start(people.hmi, id, DEMO_CONTEXT)
  const definitions = (await on(1).read.page(id)).definitions ?? []
  const written = Object.fromEntries(
    definitions.map((definition) => [
      definition.key,
      {
        text: demoSectionText(kind, definition.key, item.laName, item.grade ?? 'good'),
        subject: '',
        evidenceIds: [],
        judgements: definition.judgement ? [definition.judgement] : [],
      },
    ]),
  )
  await on(1, '15:30').drafting.saveSections(
    people.hmi,
    id,
    written,
    { note: 'First full draft', version: await version() },
    DEMO_CONTEXT,
  )
  await on(2).review.submit(people.hmi, id, { version: await version() }, DEMO_CONTEXT)
  if (item.step === 'drafting') {
    // QA comments by section, and the draft returned to the lead (002#214).
    for (const comment of DEMO_QA_COMMENTS) await on(3).review.comment(people.qa, id, comment, DEMO_CONTEXT)
    await on(3, '14:00').review.decide(
      people.qa,
      id,
      { decision: 'return', note: 'Please answer my comments and resubmit.', version: await version() },
      DEMO_CONTEXT,
    )
    return
  }
  await on(3).review.decide(people.qa, id, { decision: 'approve', note: '', version: await version() }, DEMO_CONTEXT)
  if (!visit)
    await on(5).review.decide(
      people.regional,
      id,
      { decision: 'approve', note: '', version: await version() },
      DEMO_CONTEXT,
    )
  // The draft goes to the LA on its statutory day, or (for the one still with the LA) two working
  // days ago, late as many are, so that the LA's comments are due from today.
  const draftDay = item.step === 'factual-accuracy' ? Math.max(visit ? 5 : 10, sinceEnd - 2) : visit ? 5 : 10
  await on(draftDay).factualAccuracy.send(people.hmi, id, { version: await version() }, DEMO_CONTEXT)
  if (item.step === 'factual-accuracy') {
    // The DCS's comments, submitted the next day; the lead has answered the first.
    for (const comment of DEMO_LA_COMMENTS)
      await on(draftDay + 1).factualAccuracy.add(people.dcs, id, comment, DEMO_CONTEXT)
    await on(draftDay + 1, '16:00').factualAccuracy.submit(people.dcs, id, { version: await version() }, DEMO_CONTEXT)
    const [first] = await on(draftDay + 2).factualAccuracy.comments(id)
    await on(draftDay + 2).factualAccuracy.respond(
      people.hmi,
      id,
      { commentId: first!.id, response: 'accepted', text: 'Changed: caseloads are manageable in all teams.' },
      DEMO_CONTEXT,
    )
    return
  }
  // No comments from the LA by their day; the final copy goes out under embargo.
  // The one under embargo went out yesterday (or on its statutory day) and is published on a day to come.
  const finalDay = item.final ?? Math.max(visit ? 14 : 18, sinceEnd - 1)
  const publishedDay = addWorkingDays(end, item.published ?? Math.max(visit ? 16 : 21, sinceEnd + 2))
  await on(finalDay).embargo.send(
    people.hmi,
    id,
    {
      publishAt: new Date(`${publishedDay}T09:30:00Z`),
      thirdParties: [],
      careCouncilName: `${item.laName} Children in Care Council`,
      careCouncilEmail: `cicc@${item.laCode}.example.org`,
      partners: visit ? [] : ['cqc', 'hmicfrs', 'hmi-probation'],
      version: await version(),
    },
    DEMO_CONTEXT,
  )
  if (item.step === 'embargoed') return
  // The publication job, at 9:31 on the day.
  const job = createServices({ db, clock: fixedClock(`${publishedDay}T09:31:00Z`), config }).reports
  await job.publication.runDueWork()
}
