import type { Kysely } from 'kysely'
import { createServices } from '../../areas/index.js'
import type { Grade } from '../../areas/register/index.js'
import type { ReportStep } from '../../areas/reports/index.js'
import { principalFor } from '../../auth/users.js'
import type { Principal } from '../../auth/policy.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'
import { activityOnSite, findingsRecorded, judgementsRecorded, type settableClock } from './judgements.js'
import { createUser, type TestUser } from './users.js'

const context = { requestId: 'test' }

/** Who takes a report through its steps, and the clock they do it on. */
export interface ReportCast {
  readonly db: Kysely<Database>
  readonly config: Config
  readonly clock: ReturnType<typeof settableClock>
  readonly director: TestUser
  readonly lead: TestUser
  readonly qa: TestUser
  /** The regional director of the LA's region (South East for Kent). */
  readonly regional: TestUser
  /** The LA's DCS, who submits the factual accuracy comments. */
  readonly dcs: TestUser
}

/**
 * The people who take an LA's report through its steps: a national director, lead inspector, QA
 * manager, the South East's regional director (Kent and Medway are in it) and the LA's DCS.
 */
export async function createReportCast(
  app: { readonly db: Kysely<Database>; readonly config: Config },
  clock: ReturnType<typeof settableClock>,
  laCode: string,
): Promise<ReportCast> {
  return {
    db: app.db,
    config: app.config,
    clock,
    director: await createUser(app.db, 'national-director'),
    lead: await createUser(app.db, 'hmi'),
    qa: await createUser(app.db, 'qa-manager'),
    regional: await createUser(app.db, 'regional-director', { regionCode: 'E12000008' }),
    dcs: await createUser(app.db, 'la-dcs', { laCode }),
  }
}

const principal = async (cast: ReportCast, user: TestUser): Promise<Principal> =>
  (await principalFor(cast.db, user.id))!

/**
 * A standard or short inspection, or a focused visit, of Kent (unless `laCode`) taken through the
 * services to report stage: on site with the lead and the QA manager, its judgements (every one
 * `grade`, unless `grades`) or findings recorded, confirmed and agreed, then at report stage on
 * the last day of fieldwork at 4pm, where the clock is left.
 */
export async function atReportStage(
  cast: ReportCast,
  options: {
    type:
      'standard-inspection' | 'short-inspection' | 'focused-visit' | 'monitoring-visit' | 'post-monitoring-inspection'
    onsite: string
    monitoring?: { handbook?: 'ilacs' | '2017'; visitNumber: number; secondSet?: boolean }
    laCode?: string
    grade?: Grade
    grades?: Readonly<Record<string, Grade>>
  },
): Promise<string> {
  const { db, config, clock } = cast
  const id = await activityOnSite({
    db,
    config,
    clock,
    director: cast.director,
    type: options.type,
    onsite: options.onsite,
    lead: cast.lead,
    others: [{ user: cast.qa, teamRole: 'qa-manager' }],
    ...(options.laCode ? { laCode: options.laCode } : {}),
    ...(options.monitoring ? { monitoring: options.monitoring } : {}),
  })
  const services = createServices({ db, clock, config })
  const lead = await principal(cast, cast.lead)
  if (options.type === 'focused-visit' || options.type === 'monitoring-visit') {
    await findingsRecorded({
      db,
      config,
      clock,
      lead: cast.lead,
      activityId: id,
      findings: [
        { kind: 'strength', text: 'Children in care see their social workers often and know them well.', ground: null },
        { kind: 'area-for-improvement', text: 'The timeliness of initial health assessments.', ground: null },
      ],
    })
    const page = await services.judgements.findingsPage(id)
    await services.judgements.confirmFindings(
      lead,
      id,
      { noPriorityActions: true, version: page.kind === 'findings' ? page.version : undefined },
      context,
    )
    await services.activities.changeStatus(
      lead,
      id,
      { to: 'judgements-agreed', note: '', version: (await services.activities.load(id)).version },
      context,
    )
  } else {
    const page = await services.judgements.judgementsPage(id)
    const areas = page.kind === 'judgements' ? page.areas : []
    await judgementsRecorded({
      db,
      config,
      clock,
      lead: cast.lead,
      activityId: id,
      grades: options.grades ?? Object.fromEntries(areas.map((area) => [area.key, options.grade ?? 'good'])),
      confirmed: { reason: 'Agreed by the team' },
      agreed: true,
    })
  }
  const end = (await services.activities.details(id)).milestones.find((m) => m.key === 'onsite.end')!.date
  clock.set(`${end}T16:00:00Z`)
  await services.activities.changeStatus(
    lead,
    id,
    { to: 'report-stage', note: '', version: (await services.activities.load(id)).version },
    context,
  )
  return id
}

/** Filler text for a section: a sentence or two, or list items. */
function textFor(key: string, shape: string): string {
  if (shape === 'list')
    return 'The quality of supervision in the assessment teams.\nThe timeliness of return home interviews.'
  if (shape === 'line') return 'the local authority’s arrangements for children in care'
  return `Inspectors found that practice in this area (${key}) is consistently strong.\n\nLeaders know their services well and act on what they find.`
}

/**
 * The lead writes every section of a started report in one save (filler text; the delegation
 * section stays empty, as it does without a third party, 002#213).
 */
export async function writeEverySection(cast: ReportCast, activityId: string): Promise<void> {
  const services = createServices({ db: cast.db, clock: cast.clock, config: cast.config })
  const page = await services.reports.read.page(activityId)
  const changes = Object.fromEntries(
    (page.definitions ?? []).map((definition) => [
      definition.key,
      {
        text: textFor(definition.key, definition.shape),
        subject: '',
        evidenceIds: [],
        judgements: definition.judgement ? [definition.judgement] : [],
      },
    ]),
  )
  delete changes.delegation
  await services.reports.drafting.saveSections(
    await principal(cast, cast.lead),
    activityId,
    changes,
    { note: 'Written', version: page.report?.version },
    context,
  )
}

/**
 * Take the activity's report on to `step` through the services, from wherever it is, as its
 * people would on the clock as it stands (moved to the statutory day where a step needs one): the
 * lead starts it and writes every section, submits; QA and, for an inspection, the regional
 * director approve; the lead sends it to the LA; the DCS submits one comment, which the lead
 * accepts; the lead sends the final under embargo until 00:01 on the statutory publication day.
 */
export async function reportAt(cast: ReportCast, activityId: string, step: ReportStep): Promise<void> {
  const { db, config, clock } = cast
  const services = () => createServices({ db, clock, config })
  const lead = await principal(cast, cast.lead)
  const read = () => services().reports.read.page(activityId)
  const version = async () => (await read()).report?.version
  const order: readonly ReportStep[] = [
    'drafting',
    'qa-review',
    'director-review',
    'approved',
    'factual-accuracy',
    'embargoed',
  ]
  const reached = async () => {
    const current = (await read()).report?.step
    return current !== undefined && order.indexOf(current) >= order.indexOf(step)
  }
  if (!(await read()).report) {
    await services().reports.drafting.start(lead, activityId, context)
    await writeEverySection(cast, activityId)
  }
  const page = await read()
  const at = (key: string) => page.progress.find((p) => p.key === key)!.statutory
  if (await reached()) return
  if (page.report!.step === 'drafting')
    await services().reports.review.submit(lead, activityId, { version: await version() }, context)
  if (await reached()) return
  if ((await read()).report!.step === 'qa-review')
    await services().reports.review.decide(
      await principal(cast, cast.qa),
      activityId,
      { decision: 'approve', note: '', version: await version() },
      context,
    )
  if (await reached()) return
  if ((await read()).report!.step === 'director-review')
    await services().reports.review.decide(
      await principal(cast, cast.regional),
      activityId,
      { decision: 'approve', note: '', version: await version() },
      context,
    )
  if (await reached()) return
  if ((await read()).report!.step === 'approved') {
    clock.set(`${at('report.to-la-for-factual-accuracy')}T10:00:00Z`)
    await services().reports.factualAccuracy.send(lead, activityId, { version: await version() }, context)
  }
  if (await reached()) return
  const dcs = await principal(cast, cast.dcs)
  await services().reports.factualAccuracy.add(
    dcs,
    activityId,
    {
      anchor: `${page.definitions![0]!.key}:1`,
      correction: 'Say “most” rather than “all”.',
      evidence: 'Audit of May.',
    },
    context,
  )
  await services().reports.factualAccuracy.submit(dcs, activityId, { version: await version() }, context)
  const [comment] = await services().reports.factualAccuracy.comments(activityId)
  await services().reports.factualAccuracy.respond(
    lead,
    activityId,
    { commentId: comment!.id, response: 'accepted', text: 'Changed to “most”.' },
    context,
  )
  clock.set(`${at('report.final-to-la')}T10:00:00Z`)
  await services().reports.embargo.send(
    lead,
    activityId,
    {
      publishAt: new Date(`${at('report.published')}T00:01:00Z`),
      thirdParties: [],
      careCouncilName: 'Chair of the Children in Care Council',
      careCouncilEmail: 'chair@care-council.example.org',
      partners: ['cqc'],
      version: await version(),
    },
    context,
  )
}

/** The working day `n` working days after `date` at `time` UTC, for moving the clock. */
export function workingDayAt(date: string, n: number, time = '10:00:00Z'): string {
  return `${addWorkingDays(date, n)}T${time}`
}
