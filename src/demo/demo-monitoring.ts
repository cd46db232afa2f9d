import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import { pathwayGrade } from '../areas/register/frameworks.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Principal } from '../auth/policy.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { monitoringVisitLetter, renderPdf } from '../documents/index.js'
import { addDays, addMonths, dayOfWeek, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { afterInadequate } from '../rules/after-inadequate.js'
import { fixedClock } from '../clock.js'
import { addTeam, DEMO_CONTEXT, type DemoCast, demoPrincipal, morning, plannableMonday } from './demo-steps.js'

const DEMO_MONITORING = 'demo-monitoring-v1'

const FOCUS = 'Children in need of help and protection: the front door, strategy discussions and management oversight'

/** The Tuesday on or before `date` (a monitoring visit's first day on site, 002#129). */
function tuesdayOnOrBefore(date: IsoDate): IsoDate {
  return addDays(date, -((dayOfWeek(date) - 2 + 7) % 7))
}

interface InadequateLa {
  readonly laCode: string
  readonly laName: string
  readonly publishedOn: IsoDate
  /** The last day of fieldwork, or the first or the publication date where Ofsted's file does not say (issue 14). */
  readonly judgedOn: IsoDate
}

/**
 * The LAs whose latest judgement in the register (Ofsted's published outcomes, issue 14) is
 * inadequate, longest-standing first: the first gets two visits held, the second one planned.
 */
async function inadequateLas(services: ReturnType<typeof createServices>) {
  // One snapshot of every history and one list of LAs, not a read per LA at start-up.
  const [histories, las] = await Promise.all([services.register.histories(), services.register.localAuthorities()])
  const found: InadequateLa[] = []
  // By LA code, as before, so LAs published on the same day keep their order.
  for (const la of [...las].sort((a, b) => a.laCode.localeCompare(b.laCode))) {
    const records = histories.get(la.laCode)?.records ?? []
    const latest = records.filter((r) => r.correctedById === null).at(-1)
    if (!latest || pathwayGrade(latest.framework, latest.grades)?.grade !== 'inadequate') continue
    const judgedOn = latest.inspectionEnd ?? latest.inspectionStart ?? latest.publishedOn
    found.push({ laCode: la.laCode, laName: la.name, publishedOn: latest.publishedOn, judgedOn })
  }
  return found.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
}

/**
 * Monitoring after an inadequate judgement (issue 12), built through the services on simulated
 * days: the longest-standing inadequate LA's first two quarterly monitoring visits, each planned, notified with the data
 * request, held, its findings agreed and its letter final — the first sent to the LA and not
 * published (001#41), the second published — and the next inadequate LA's first visit planned on the date the
 * planner suggests (within four weeks of its action plan deadline, 001#23).
 */
export async function loadDemoMonitoring(db: Kysely<Database>, config: Config, today: IsoDate): Promise<boolean> {
  if (await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_MONITORING).executeTakeFirst())
    return false
  const cast = {
    db,
    config,
    dir: '',
    director: await demoPrincipal(db, 'national-director'),
    hmi: await demoPrincipal(db, 'hmi'),
    seniorHmi: await demoPrincipal(db, 'senior-hmi'),
    qa: await demoPrincipal(db, 'qa-manager'),
  }
  const [held, planned] = await inadequateLas(createServices({ db, clock: morning(today), config }))
  if (held) {
    const first = tuesdayOnOrBefore(afterInadequate(held.publishedOn).firstMonitoringVisitBy)
    const second = addDays(tuesdayOnOrBefore(addMonths(first, 3)), 7)
    for (const [number, onsite] of [first, second].entries()) {
      const lastDay = addWorkingDays(onsite, 1)
      if (addWorkingDays(lastDay, 16) > today) break
      await heldVisit(cast, held, onsite, number + 1)
    }
  }
  if (planned) {
    const suggested = tuesdayOnOrBefore(afterInadequate(planned.publishedOn).firstMonitoringVisitBy)
    // A suggestion already past is planned for a Tuesday at least four weeks on, clear of Christmas
    // (C3) and a week after the demo's Medway focused visit, so the demo HMI is never double-booked.
    const medwayWeek = plannableMonday(addDays(today, 21))
    const onsite =
      suggested > addDays(today, 21)
        ? addDays(plannableMonday(addDays(suggested, -1)), 1)
        : addDays(plannableMonday(addDays(medwayWeek, 7)), 1)
    const plan = createServices({ db, clock: morning(today), config })
    const id = await plan.activities.plan(cast.director, visitInput(planned.laCode, onsite, 1), DEMO_CONTEXT)
    await addTeam({ ...cast, plan }, plan, id, cast.hmi)
  }
  await db.insertInto('data_loads').values({ name: DEMO_MONITORING, detail: 'Demo monitoring visits' }).execute()
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'demo.load',
    recordType: 'data-load',
    recordId: DEMO_MONITORING,
    summary: 'Loaded demo monitoring visits',
  })
  return true
}

function visitInput(laCode: string, onsite: IsoDate, visitNumber: number) {
  return {
    laCode,
    type: 'monitoring-visit' as const,
    variant: null,
    onsiteStart: onsite,
    topics: [],
    monitoring: { handbook: 'ilacs' as const, visitNumber, secondSet: false, focus: FOCUS },
  }
}

/** One visit from planning to its final letter, on the days each step happens. */
async function heldVisit(
  cast: Omit<DemoCast, 'plan'>,
  held: InadequateLa,
  onsite: IsoDate,
  visitNumber: number,
): Promise<void> {
  const { db, config, director, hmi } = cast
  const at = (day: IsoDate, time = '09:05:00Z') => createServices({ db, clock: fixedClock(`${day}T${time}`), config })
  const plan = at(addDays(onsite, -35))
  const id = await plan.activities.plan(director, visitInput(held.laCode, onsite, visitNumber), DEMO_CONTEXT)
  await addTeam({ ...cast, plan }, plan, id, hmi)
  const dcs = {
    name: `Demo Director of Children’s Services, ${held.laName}`,
    email: `dcs@${held.laCode}.example.gov.uk`,
  }
  await plan.activities.setContact(director, id, { contactRole: 'dcs', ...dcs, phone: '' }, DEMO_CONTEXT)
  // The data request is the visit's notice (002#129-130): ten working days before the visit week's Monday.
  const noticeDay = (await plan.activities.details(id)).milestones.find((m) => m.key === 'notice')!.date
  await at(noticeDay).activities.recordNotice(
    hmi,
    id,
    {
      calledAt: new Date(`${noticeDay}T09:05:00Z`),
      spokeToRole: 'dcs',
      spokeToName: dcs.name,
      notes: 'Asked for up-to-date child-level data and the audits completed since the last visit.',
      version: undefined,
    },
    DEMO_CONTEXT,
  )
  await step(at(onsite), hmi, id, 'on-site')
  const lastDay = addWorkingDays(onsite, 1)
  const end = at(lastDay, '14:00:00Z')
  for (const finding of [
    { kind: 'strength' as const, text: 'Contacts and referrals are now screened promptly and consistently.' },
    { kind: 'area-for-improvement' as const, text: 'Management oversight of children in need plans.' },
  ])
    await end.judgements.addFinding(hmi, id, { ...finding, ground: null, version: undefined }, DEMO_CONTEXT)
  const findings = await end.judgements.findingsPage(id)
  await end.judgements.confirmFindings(
    hmi,
    id,
    { noPriorityActions: true, version: findings.kind === 'findings' ? findings.version : undefined },
    DEMO_CONTEXT,
  )
  await step(end, hmi, id, 'judgements-agreed')
  await step(end, hmi, id, 'report-stage')
  await sendLetter(cast, held, id, onsite, lastDay, visitNumber, dcs.name)
}

async function step(
  services: ReturnType<typeof createServices>,
  who: Principal,
  id: string,
  to: 'on-site' | 'judgements-agreed' | 'report-stage',
) {
  const version = (await services.activities.load(id)).version
  await services.activities.changeStatus(who, id, { to, note: '', version }, DEMO_CONTEXT)
}

/** The final letter on its statutory day (002#216): the first recorded and not published (001#41), later ones published. */
async function sendLetter(
  cast: Omit<DemoCast, 'plan'>,
  held: InadequateLa,
  id: string,
  onsite: IsoDate,
  lastDay: IsoDate,
  visitNumber: number,
  dcsName: string,
): Promise<void> {
  const { db, config, director } = cast
  const day = addWorkingDays(lastDay, 16)
  const when = new Date(`${day}T09:30:00Z`)
  const services = createServices({ db, clock: fixedClock(when.toISOString()), config })
  const pdf = await renderPdf(
    monitoringVisitLetter({
      localAuthority: { name: held.laName, code: held.laCode },
      reference: `MV${held.laCode}${visitNumber}`,
      status: 'final',
      fieldwork: { start: onsite, end: lastDay },
      issued: day,
      recipient: { name: dcsName, role: "Director of Children's Services", address: [`${held.laName} Council`] },
      leadInspector: 'Demo HMI',
      visitNumber,
      judgedInadequateOn: held.judgedOn,
      areasCovered: [FOCUS],
      findings: [
        'The local authority has made progress since the inspection in how it responds to contacts and referrals.',
        'Management oversight of children in need plans is not yet consistent.',
      ],
      nextVisitFocus: ['Children in care and permanence planning.'],
      copies: ['the regional director', 'the national director, social care', 'the DfE'],
    }),
  )
  await services.publications.publish(
    {
      activityId: id,
      laId: held.laCode,
      kind: 'monitoring-visit-letter',
      title: `Monitoring visit to ${held.laName} children’s services`,
      fieldworkStart: onsite,
      fieldworkEnd: lastDay,
      statutoryPublicationDate: day,
      publishedAt: when,
      pdf,
      ...(visitNumber === 1 ? { firstMonitoringLetter: true } : {}),
    },
    { ...DEMO_CONTEXT, actor: director },
  )
  await services.activities.recordPublication(id, when, DEMO_CONTEXT)
}
