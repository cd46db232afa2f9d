import type { Kysely } from 'kysely'
import { createServices } from '../../areas/index.js'
import type { ConcernInput, EntryInput, RequestInput } from '../../areas/evidence/service.js'
import { principalFor } from '../../auth/users.js'
import type { Clock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import { notifiedActivity } from './activities.js'
import { createUser, type TestUser } from './users.js'

/** What the fieldwork factories need of a test app: its database, clock and configuration. */
export interface FieldworkApp {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly config: Config
}

/** An activity in fieldwork with everyone who works on its records, each a new account. */
export interface Fieldwork {
  readonly activityId: string
  readonly laCode: string
  readonly lead: TestUser
  readonly inspector: TestUser
  /** A shadowing inspector, who gathers no evidence (002#53). */
  readonly shadow: TestUser
  readonly qa: TestUser
  /** The LA's DCS, link person and analyst. */
  readonly dcs: TestUser
  readonly link: TestUser
  readonly analyst: TestUser
}

/** LAs already taken in this test file: an LA has one standard inspection starting on a day. */
const used = new WeakMap<Kysely<Database>, Set<string>>()

/**
 * An LA of the register for the next inspection: Kent (886) only when asked for, and never
 * Medway (887), which tests use as "another LA".
 */
async function nextLa(app: FieldworkApp, laCode: string | undefined): Promise<string> {
  const taken = used.get(app.db) ?? new Set(['887'])
  used.set(app.db, taken)
  const las = await createServices({ db: app.db, clock: app.clock, config: app.config }).register.localAuthorities()
  const code = laCode ?? las.map((la) => la.laCode).find((code) => code !== '886' && !taken.has(code))
  if (!code || taken.has(code)) throw new Error(`No LA left for another inspection (asked for ${laCode ?? 'any'})`)
  taken.add(code)
  return code
}

/**
 * A standard inspection on site from Monday 11 to Friday 22 January 2027, notified on 4 January,
 * with a lead, a team inspector, a shadowing inspector and a QA manager, and the LA's DCS, link
 * person and analyst: new accounts and a different LA each time (Kent only when `laCode` asks
 * for 886), so a test's reads, home pages and LA users see only its own records.
 */
export async function fieldwork(
  app: FieldworkApp,
  options: { dcsEmail?: string; laCode?: string } = {},
): Promise<Fieldwork> {
  const { db } = app
  const laCode = await nextLa(app, options.laCode)
  const [lead, inspector, shadow, qa] = [
    await createUser(db, 'hmi'),
    await createUser(db, 'hmi'),
    await createUser(db, 'hmi'),
    await createUser(db, 'qa-manager'),
  ]
  const dcs = await createUser(db, 'la-dcs', { laCode })
  const link = await createUser(db, 'la-link', { laCode })
  const analyst = await createUser(db, 'la-analyst', { laCode })
  const activityId = await notifiedActivity(db, app.config, {
    laCode,
    onsiteStart: '2027-01-11',
    plannedAt: '2026-11-23T10:00:00Z',
    noticeAt: '2027-01-04T09:00:00Z',
    ...(options.dcsEmail ? { dcsEmail: options.dcsEmail } : {}),
    team: [
      { userId: lead.id, teamRole: 'lead-inspector' },
      { userId: inspector.id, teamRole: 'team-inspector' },
      { userId: shadow.id, teamRole: 'shadowing-inspector' },
      { userId: qa.id, teamRole: 'qa-manager' },
    ],
  })
  return { activityId, laCode, lead, inspector, shadow, qa, dcs, link, analyst }
}

const NO_NAMES = { confirmed: false, fingerprint: '' }

async function servicesAs(app: FieldworkApp, user: TestUser) {
  const services = createServices({ db: app.db, clock: app.clock, config: app.config })
  return {
    evidence: services.evidence,
    principal: (await principalFor(app.db, user.id))!,
    context: { requestId: 'test' },
  }
}

/** An evidence entry written by `author` today at 09:00, under a help and protection heading, with no case references. */
export async function evidenceEntry(
  app: FieldworkApp,
  activityId: string,
  author: TestUser,
  entry: Partial<EntryInput> = {},
): Promise<string> {
  const { evidence, principal, context } = await servicesAs(app, author)
  return evidence.addEntry(
    principal,
    activityId,
    {
      headingId: 'help-and-protection.4',
      sourceType: 'case-file',
      sourceDetail: 'Team manager',
      collectedOn: app.clock.today(),
      collectedTime: '09:00',
      evaluativeStatement: 'Management oversight of frontline practice is consistently strong.',
      evidenceSummary: 'In 9 of the 10 cases sampled, supervision records show clear direction.',
      impact: 'Children’s plans progress without drift.',
      significance: 'none',
      teamAgreed: false,
      caseIds: '',
      names: NO_NAMES,
      ...entry,
    },
    context,
  )
}

/**
 * A request for further information raised by `by`: awaiting the lead when a team inspector
 * raises it, agreed at once (and emailed to the DCS) when the lead does (002#70). Due tomorrow.
 */
export async function furtherInformationRequest(
  app: FieldworkApp,
  activityId: string,
  by: TestUser,
  request: Partial<RequestInput> = {},
): Promise<string> {
  const { evidence, principal, context } = await servicesAs(app, by)
  return evidence.raiseRequest(
    principal,
    activityId,
    {
      requestType: 'information',
      caseId: '',
      reason: 'The outcome of the strategy discussion.',
      dateResponseRequired: app.clock.today(),
      names: NO_NAMES,
      ...request,
    },
    context,
  )
}

/**
 * A case of concern raised by `by` with the lead; with `referredBy`, also referred to the LA
 * with the issues as the formal note, its written response due on `responseDue` (000 Annex C).
 */
export async function caseOfConcern(
  app: FieldworkApp,
  activityId: string,
  by: TestUser,
  concern: Partial<ConcernInput> = {},
  referral?: { referredBy: TestUser; responseDue: string },
): Promise<string> {
  const raising = await servicesAs(app, by)
  const input: ConcernInput = {
    caseId: '0045671',
    teamLocation: 'Assessment team 2',
    issues: 'Section 47 enquiry not started after a second referral.',
    significance: 'Serious.',
    discussedWith: 'Team manager; no plan agreed.',
    names: NO_NAMES,
    ...concern,
  }
  const id = await raising.evidence.raiseConcern(raising.principal, activityId, input, raising.context)
  if (referral) {
    const lead = await servicesAs(app, referral.referredBy)
    await lead.evidence.escalateConcern(
      lead.principal,
      activityId,
      id,
      { formalNote: input.issues, responseDue: referral.responseDue, version: undefined, names: NO_NAMES },
      lead.context,
    )
  }
  return id
}
