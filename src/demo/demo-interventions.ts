import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Principal } from '../auth/policy.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { pathwayGrade } from '../areas/register/frameworks.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { loadDemoChecklists } from './demo-checklists.js'
import { loadDemoDelivery } from './demo-delivery.js'
import { loadDemoEngagement } from './demo-engagement.js'
import { demoPdf } from './demo-pdf.js'
import { DEMO_CONTEXT, demoPrincipal, morning, type Services } from './demo-steps.js'

const DEMO_INTERVENTIONS = 'demo-interventions-v1'

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b)
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b)
const pdf = (name: string, la: string) => ({
  fileName: `${name}.pdf`,
  contentType: 'application/pdf',
  stream: Readable.from([demoPdf(name, [la, 'Demo document'])]),
})

/** The demo LAs' latest published dates and names, from the register the demo has loaded. */
async function judgementsOf(services: Services, laCode: string) {
  const { la, records } = await services.register.show(laCode)
  const published = records
    .filter((record) => record.correctedById === null)
    .map((record) => ({ publishedOn: record.publishedOn, start: record.inspectionStart, end: record.inspectionEnd }))
    .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
  return { name: la.name, published }
}

/**
 * The steps of a record up to `last`, dated from the DfE being told as the draft report went to the
 * council, 11 working days before it was published (004; 002#216): the case lead named, the notice or
 * direction drafted, issued and published with the report, in force.
 */
async function runRecord(
  services: Services,
  caseLead: Principal,
  laCode: string,
  published: IsoDate,
  today: IsoDate,
  instrument: { form: 'improvement-notice' | 'statutory-direction'; basis: string },
): Promise<string> {
  // 004 "Introduction": told around the draft's going for factual accuracy, day 10 of 002#216's 21.
  const told = addWorkingDays(published, -11)
  const id = await services.intervention.open(
    caseLead,
    laCode,
    { dfeToldOn: told, note: 'Told by Ofsted when the draft report went for factual accuracy' },
    DEMO_CONTEXT,
  )
  await services.intervention.addInstrument(
    caseLead,
    id,
    {
      form: instrument.form,
      issuer: 'Minister of State for Children and Families',
      consultedOn: instrument.form === 'improvement-notice' ? addDays(published, -4) : null,
      issuedOn: published,
      publishedOn: published,
      basis: instrument.basis,
      areasOfImprovement: 'Help and protection; the impact of leaders',
      improvementsRequired: 'Timely assessments and plans; management oversight of practice',
      assessment: 'Quarterly reviews by the adviser, and Ofsted’s monitoring visits',
      assessBy: null,
      ifNotAchieved:
        instrument.form === 'improvement-notice'
          ? 'A statutory direction under section 497A of the Education Act 1996'
          : 'The service run by a trust or another council',
    },
    DEMO_CONTEXT,
  )
  for (const [step, on] of [
    ['case-lead-named', addWorkingDays(told, 1)],
    ['instrument-drafted', addWorkingDays(told, 3)],
    ['issued-published', published],
    ['in-force', published],
  ] as const) {
    const { intervention } = await services.intervention.record(id)
    await services.intervention.recordStep(
      caseLead,
      id,
      { step, happenedOn: earlier(on, today), note: '', version: intervention.version },
      DEMO_CONTEXT,
    )
  }
  return id
}

/** A board with an independent chair and a named adviser or commissioner, set up a month after publication. */
async function board(
  services: Services,
  caseLead: Principal,
  id: string,
  published: IsoDate,
  today: IsoDate,
  adviser: { kind: 'adviser' | 'commissioner'; name: string },
): Promise<IsoDate> {
  const setUpOn = earlier(addDays(published, 28), today)
  await services.intervention.setBoard(
    caseLead,
    id,
    {
      chairName: 'Demo independent chair',
      chairIndependent: true,
      members:
        'Leader of the council\nLead member for children\nDirector of Children’s Services\nDemo partner agencies',
      setUpOn,
      adviserKind: adviser.kind,
      adviserName: adviser.name,
      version: undefined,
    },
    DEMO_CONTEXT,
  )
  return setUpOn
}

/**
 * The board's meetings since it was set up, five weeks apart (monthly to six-weekly, G3), the
 * last about a month before today: its next meeting is due soon, not long overdue.
 */
async function boardMeetings(
  services: Services,
  actor: Principal,
  id: string,
  laName: string,
  setUpOn: IsoDate,
  today: IsoDate,
  lastMetAgo = 30,
) {
  const dates: IsoDate[] = []
  for (let metOn = addDays(today, -lastMetAgo); metOn > setUpOn; metOn = addDays(metOn, -35)) dates.unshift(metOn)
  for (const metOn of dates)
    await services.intervention.addMeeting(
      actor,
      id,
      { metOn, summary: 'Progress against the improvement plan', minutes: pdf(`Board minutes ${metOn}`, laName) },
      DEMO_CONTEXT,
    )
}

/**
 * An improvement notice in force from the report's real publication day, with a board and an
 * adviser, meeting every five weeks, and the adviser's next quarterly report due in ten days.
 */
async function noticeWithBoard(
  services: Services,
  caseLead: Principal,
  laCode: string,
  today: IsoDate,
  adviserEmail: string,
  /** Days since the board last met, and until the adviser's report (each LA's own rhythm). */
  rhythm = { lastMetAgo: 30, reportIn: 10 },
): Promise<void> {
  const { name, published } = await judgementsOf(services, laCode)
  const on = published.at(-1)!.publishedOn
  const id = await runRecord(services, caseLead, laCode, on, today, {
    form: 'improvement-notice',
    basis: 'An inadequate judgement: non-statutory support first, as the council has capacity to improve',
  })
  const setUpOn = await board(services, caseLead, id, on, today, {
    kind: 'adviser',
    name: 'Demo DfE social care adviser',
  })
  await boardMeetings(services, caseLead, id, name, setUpOn, today, rhythm.lastMetAgo)
  await services.intervention.scheduleReport(
    caseLead,
    id,
    {
      title: 'Adviser’s quarterly report',
      dueFrom: 'adviser',
      ownerEmail: adviserEmail,
      dueOn: addDays(today, rhythm.reportIn),
    },
    DEMO_CONTEXT,
  )
}

/**
 * Four demo LAs in intervention at different steps (issue 13), each run through the service on
 * today's clock with dates in the past: an improvement notice in force; a statutory direction with
 * a commissioner (the demo commissioner sees only that LA); a board whose reports are late; and
 * one lifted after a re-inspection judged requires improvement, with its 12 months of support.
 * Every other inadequate LA of the case lead's has its notice in force too: its report was
 * published long before the demo's today, so the DfE opened its record then, and the case lead
 * sees no "new inadequate judgement" alert months late (a new one alerts as it is published).
 * Then Kent's engagement (002#27-48): last year's meeting held and its letter sent, this year's
 * self-evaluation shared; Medway's meeting arranged for next month.
 */
export async function loadDemoInterventions(db: Kysely<Database>, config: Config, today: IsoDate): Promise<boolean> {
  if (await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_INTERVENTIONS).executeTakeFirst())
    return false
  const services = createServices({ db, clock: morning(today), config })
  const caseLead = await demoPrincipal(db, 'dfe-case-lead')
  const commissioner = await demoPrincipal(db, 'commissioner')
  // The case lead's LAs whose latest judgement is inadequate, and the one since improved.
  const latest = new Map<string, string | undefined>()
  for (const laCode of [...caseLead.laCodes].sort()) {
    const last = (await services.register.show(laCode)).records.filter((r) => r.correctedById === null).at(-1)
    latest.set(laCode, last ? pathwayGrade(last.framework, last.grades)?.grade : undefined)
  }
  const inadequate = [...latest].filter(([, grade]) => grade === 'inadequate').map(([laCode]) => laCode)
  const directionLa = commissioner.laCodes[0]
  const [noticeLa, lateLa, ...others] = inadequate.filter((laCode) => laCode !== directionLa)
  const liftedLa = [...latest].find(([, grade]) => grade && grade !== 'inadequate')?.[0]

  if (noticeLa) {
    await noticeWithBoard(services, caseLead, noticeLa, today, (await demoPrincipal(db, 'dfe-adviser')).email)
    await loadDemoChecklists(services, noticeLa, caseLead, today)
  }
  // Any other inadequate LA of the case lead's: the DfE was told before the report was published
  // and has run its record since (004), so its judgement is no "new inadequate" alert.
  for (const laCode of others)
    await noticeWithBoard(services, caseLead, laCode, today, (await demoPrincipal(db, 'dfe-adviser')).email, {
      lastMetAgo: 16,
      reportIn: 24,
    })

  if (directionLa) {
    const { name, published } = await judgementsOf(services, directionLa)
    const on = published.at(-1)!.publishedOn
    const id = await runRecord(services, caseLead, directionLa, on, today, {
      form: 'statutory-direction',
      basis: 'Section 497A of the Education Act 1996: a commissioner to review the council’s capacity to improve',
    })
    await board(services, caseLead, id, on, today, { kind: 'commissioner', name: 'Demo Commissioner' })
    const metOn = addDays(today, -20)
    if (metOn > on)
      await services.intervention.addMeeting(
        commissioner,
        id,
        { metOn, summary: 'The commissioner’s review of capacity', minutes: pdf(`Board minutes ${metOn}`, name) },
        DEMO_CONTEXT,
      )
    await services.intervention.scheduleReport(
      caseLead,
      id,
      {
        title: 'Commissioner’s report on options',
        dueFrom: 'commissioner',
        ownerEmail: commissioner.email,
        dueOn: later(addDays(today, 10), on),
      },
      DEMO_CONTEXT,
    )
  }

  if (lateLa) {
    const { name, published } = await judgementsOf(services, lateLa)
    const on = published.at(-1)!.publishedOn
    const id = await runRecord(services, caseLead, lateLa, on, today, {
      form: 'improvement-notice',
      basis: 'An inadequate judgement, with leadership judged inadequate',
    })
    await board(services, caseLead, id, on, today, { kind: 'adviser', name: 'Demo DfE social care adviser' })
    for (const metOn of [addDays(today, -49), addDays(today, -14)].filter((day) => day > on))
      await services.intervention.addMeeting(
        caseLead,
        id,
        { metOn, summary: 'Progress against the improvement plan', minutes: pdf(`Board minutes ${metOn}`, name) },
        DEMO_CONTEXT,
      )
    const received = await services.intervention.scheduleReport(
      caseLead,
      id,
      {
        title: 'Board chair’s first report',
        dueFrom: 'board-chair',
        ownerEmail: '',
        dueOn: later(addDays(today, -60), on),
      },
      DEMO_CONTEXT,
    )
    await services.intervention.receiveReport(
      caseLead,
      id,
      received,
      { receivedOn: later(addDays(today, -58), on), file: pdf('Board chair’s first report', name) },
      DEMO_CONTEXT,
    )
    for (const [title, dueFrom, due] of [
      ['Adviser’s quarterly report', 'adviser', -12],
      ['The council’s improvement plan update', 'council', -5],
    ] as const)
      await services.intervention.scheduleReport(
        caseLead,
        id,
        { title, dueFrom, ownerEmail: '', dueOn: later(addDays(today, due), on) },
        DEMO_CONTEXT,
      )
  }

  if (liftedLa) {
    const { published } = await judgementsOf(services, liftedLa)
    const judged = published.at(-2)!.publishedOn
    const reinspected = published.at(-1)!
    const id = await runRecord(services, caseLead, liftedLa, judged, today, {
      form: 'improvement-notice',
      basis: 'An inadequate judgement',
    })
    for (const [step, on] of [
      // Imported records may not know the last day of fieldwork (issue 14): the first day, or publication.
      ['reinspection', reinspected.end ?? reinspected.start ?? reinspected.publishedOn],
      ['lifted', earlier(addDays(reinspected.publishedOn, 7), today)],
    ] as const) {
      const { intervention } = await services.intervention.record(id)
      await services.intervention.recordStep(
        caseLead,
        id,
        { step, happenedOn: on, note: '', version: intervention.version },
        DEMO_CONTEXT,
      )
    }
  }

  await loadDemoEngagement(db, config, today)
  await loadDemoDelivery(services, await demoPrincipal(db, 'regional-director'))
  await db
    .insertInto('data_loads')
    .values({ name: DEMO_INTERVENTIONS, detail: 'Demo interventions and engagement' })
    .execute()
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'demo.load',
    recordType: 'data-load',
    recordId: DEMO_INTERVENTIONS,
    summary: 'Loaded demo interventions at every step and engagement meetings held and due',
  })
  return true
}
