import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POLICY, scopeFor } from '../src/auth/policy.js'
import { ROLE_INFO, ROLES, type Role } from '../src/auth/roles.js'
import { insertJudgement } from '../src/areas/register/repository.js'
import { TestAgent } from '../src/test-support/agent.js'
import { buildTestApp, type TestApp } from '../src/test-support/build-test-app.js'
import { createUser, type TestUser } from '../src/test-support/factories/users.js'
import type { RouteSpec } from '../src/web/routing.js'
import { createServices } from '../src/areas/index.js'
import { fixedClock } from '../src/clock.js'
import { principalFor } from '../src/auth/users.js'
import { createReadStream } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { generateAnnexA } from '../src/annex-a/index.js'
import { tinyPdf } from '../src/test-support/factories/publications.js'
import { publishedAndHidden } from './support/publications.js'
import { toFactualAccuracy } from './support/reports.js'
import { apiTokenOf } from './support/api-tokens.js'
import { WALK_RECORD_PARAMS, walkRecords, withWalkRecords, type WalkRecords } from './support/walk-records.js'
import { nameOfferInspectors } from './support/offer-inspectors.js'

/**
 * Walks every route for every role, once for the account's own LA and once for another LA,
 * and fails on any leak (issue 3): a route must answer 403 to a role without the permission,
 * 404 to a role whose scope (or, for LA and DfE accounts, whose account) does not reach the LA,
 * and must never show the other LA's name.
 */
const OWN_LA = { laCode: '886', name: 'Kent', regionCode: 'E12000008' }
const OTHER_LA = { laCode: '330', name: 'Birmingham', regionCode: 'E12000005' }

let t: TestApp
const users = new Map<Role, TestUser>()
const judgementOf = new Map<string, string>()
const activityOf = new Map<string, string>()
// Fieldwork records of each LA's activity (evidence area): a QA note, a request agreed by the
// lead (so the LA sees it) and a case of concern referred to the LA.
const qaNoteOf = new Map<string, string>()
const rfiOf = new Map<string, string>()
const concernOf = new Map<string, string>()
const returnOf = new Map<string, string>()
const documentOf = new Map<string, string>()
let someUserId = ''
// A published focused-visit letter (Medway), and a first monitoring letter that is never public.
let publishedId = ''
let unpublishedId = ''
// The DfE's and the LA's records of each LA (intervention and engagement areas).
let walkRecordsOf = new Map<string, WalkRecords>()

beforeAll(async () => {
  t = await buildTestApp()
  for (const role of ROLES) {
    users.set(
      role,
      await createUser(t.db, role, { laCode: OWN_LA.laCode, regionCode: OWN_LA.regionCode, laCodes: [OWN_LA.laCode] }),
    )
  }
  someUserId = (await createUser(t.db, 'hmi')).id
  // An activity in each LA, planned by the national director and notified. The own LA's has
  // the HMI as lead and the senior HMI and QA manager on its team; the other LA's has no team.
  const services = createServices({ db: t.db, clock: t.clock, config: t.config })
  // The notice calls are recorded as they are made, on Monday 28 December 2026.
  const atNotice = createServices({ db: t.db, clock: fixedClock('2026-12-28T09:05:00Z'), config: t.config })
  const director = (await principalFor(t.db, users.get('national-director')!.id))!
  for (const la of [OWN_LA, OTHER_LA]) {
    const id = await services.activities.plan(
      director,
      { laCode: la.laCode, type: 'standard-inspection', variant: null, onsiteStart: '2027-01-11', topics: [] },
      { requestId: 'test' },
    )
    activityOf.set(la.laCode, id)
    if (la === OWN_LA) {
      await services.activities.addTeamMember(
        director,
        id,
        { userId: users.get('hmi')!.id, teamRole: 'lead-inspector', days: [] },
        { requestId: 'test' },
      )
      await services.activities.addTeamMember(
        director,
        id,
        { userId: users.get('senior-hmi')!.id, teamRole: 'senior-hmi', days: [] },
        { requestId: 'test' },
      )
      await services.activities.addTeamMember(
        director,
        id,
        { userId: users.get('qa-manager')!.id, teamRole: 'qa-manager', days: [] },
        { requestId: 'test' },
      )
    } else {
      await services.activities.addTeamMember(
        director,
        id,
        { userId: someUserId, teamRole: 'lead-inspector', days: [] },
        { requestId: 'test' },
      )
    }
    await services.activities.setContact(
      director,
      id,
      { contactRole: 'dcs', name: 'A Director', email: `dcs.${la.laCode}@example.gov.uk`, phone: '' },
      { requestId: 'test' },
    )
    await atNotice.activities.recordNotice(
      director,
      id,
      {
        calledAt: new Date('2026-12-28T09:00:00Z'),
        spokeToRole: 'dcs',
        spokeToName: 'A Director',
        notes: '',
        version: undefined,
      },
      { requestId: 'test' },
    )
    const lead = (await principalFor(t.db, la === OWN_LA ? users.get('hmi')!.id : someUserId))!
    const names = { confirmed: false, fingerprint: '' }
    const context = { requestId: 'test' }
    const entryId = await services.evidence.addEntry(
      lead,
      id,
      {
        headingId: 'leaders.4',
        sourceType: 'practitioner',
        sourceDetail: 'Team manager',
        collectedOn: '2026-11-23',
        collectedTime: '09:00',
        evaluativeStatement: 'Caseloads are manageable.',
        evidenceSummary: 'Eight of ten social workers said so.',
        impact: 'Children see the same worker.',
        significance: 'none',
        teamAgreed: false,
        caseIds: 'C1001',
        names,
      },
      context,
    )
    qaNoteOf.set(
      la.laCode,
      await services.evidence.addQaNote(lead, id, { entryId, note: 'Quantify the sample.' }, context),
    )
    rfiOf.set(
      la.laCode,
      await services.evidence.raiseRequest(
        lead,
        id,
        {
          requestType: 'information',
          caseId: 'C1001',
          reason: 'Missing visit record.',
          dateResponseRequired: '2026-11-30',
          names,
        },
        context,
      ),
    )
    const concernId = await services.evidence.raiseConcern(
      lead,
      id,
      {
        caseId: 'C1002',
        teamLocation: 'Assessment team',
        issues: 'No visit for eight weeks.',
        significance: 'High.',
        discussedWith: 'Team manager.',
        names,
      },
      context,
    )
    await services.evidence.escalateConcern(
      lead,
      id,
      concernId,
      { formalNote: 'No visit for eight weeks.', responseDue: '2026-11-30', version: undefined, names },
      context,
    )
    concernOf.set(la.laCode, concernId)
    // An Annex A return and a document from the LA, so routes with :returnId and :documentId have records.
    const uploader = (await principalFor(t.db, (await createUser(t.db, 'la-analyst', { laCode: la.laCode })).id))!
    const workbook = join(await mkdtemp(join(tmpdir(), 'walk-')), 'annex-a.xlsx')
    await generateAnnexA({ rows: 60, out: workbook, asOf: '2026-11-23', seed: 3 })
    returnOf.set(
      la.laCode,
      (
        await t.app.services.annexA.receive(
          uploader,
          id,
          { fileName: 'annex-a.xlsx', stream: createReadStream(workbook) },
          { requestId: 'test' },
        )
      ).id,
    )
    documentOf.set(
      la.laCode,
      await t.app.services.annexA.uploadDocument(
        uploader,
        id,
        {
          item: '1.01',
          fileName: '1.01 Structure.pdf',
          contentType: 'application/pdf',
          stream: Readable.from([Buffer.from(tinyPdf('1.01'))]),
        },
        { requestId: 'test' },
      ),
    )
  }
  await t.app.services.processor.drain()
  await toFactualAccuracy(
    t,
    users,
    [OWN_LA, OTHER_LA].map((la) => [
      activityOf.get(la.laCode)!,
      la === OWN_LA ? users.get('hmi')! : { ...users.get('hmi')!, id: someUserId },
    ]),
  )
  ;({ publishedId, unpublishedId } = await publishedAndHidden(t))
  for (const la of [OWN_LA, OTHER_LA]) {
    judgementOf.set(
      la.laCode,
      await insertJudgement(t.db, {
        laCode: la.laCode,
        framework: 'ilacs-2018',
        activityType: 'standard-inspection',
        inspectionStart: '2022-06-06',
        inspectionEnd: '2022-06-17',
        publishedOn: '2022-07-29',
        grades: { overall: 'good', 'help-and-protection': 'good', 'children-in-care': 'good', leaders: 'good' },
        source: 'manual',
        recordedBy: null,
      }),
    )
  }
  walkRecordsOf = await walkRecords(t, t.app.services, [OWN_LA.laCode, OTHER_LA.laCode])
  await nameOfferInspectors(t, walkRecordsOf, users, [OWN_LA.laCode, OTHER_LA.laCode], someUserId)
})
afterAll(async () => t.close())

function urlFor(spec: RouteSpec, la: typeof OWN_LA, tokenId?: string): string {
  return withWalkRecords(spec.url, walkRecordsOf.get(la.laCode))
    .replace(':tokenId', tokenId ?? '00000000-0000-0000-0000-000000000000')
    .replace(':laCode', la.laCode)
    .replace(':recordId', judgementOf.get(la.laCode)!)
    .replace(':userId', someUserId)
    .replace(':action', 'unlock')
    .replace(':activityId', activityOf.get(la.laCode)!)
    .replace(':noteId', qaNoteOf.get(la.laCode)!)
    .replace(':rfiId', rfiOf.get(la.laCode)!)
    .replace(':concernId', concernOf.get(la.laCode)!)
    .replace(':returnId', returnOf.get(la.laCode)!)
    .replace(':documentId', documentOf.get(la.laCode)!)
    .replace(/:(judgement|section)\b/, 'leaders')
    .replace(':step', 'visit.1')
    .replace(':versionNumber', '1')
    .replace(':file', 'report.pdf')
    .replace(':publicationId', publishedId)
    .replace(':la', '887')
}

/** URL parameters that name an LA or a record that belongs to one. */
const LA_PARAMS = new RegExp(`:(laCode|recordId|activityId|noteId|rfiId|concernId|${WALK_RECORD_PARAMS.join('|')})\\b`)

/**
 * What the policy says this role should get on this route for this LA. Whether a route is
 * LA-scoped is read from its URL, not from the route's own declaration, so a route that forgets
 * its scope check fails here instead of agreeing with itself.
 */
function expected(spec: RouteSpec, role: Role, la: typeof OWN_LA): 'allowed' | 403 | 404 {
  if (spec.permission === 'public') return 'allowed'
  const scope = scopeFor(role, spec.permission)
  const laScoped = LA_PARAMS.test(spec.url)
  // LA and DfE accounts reach only their own (or assigned) LA, whatever the action: for another
  // LA's record even a refusal is "Page not found", so it does not say the record exists.
  const accountReachesLa = !['la', 'las'].includes(ROLE_INFO[role].scopedTo) || la.laCode === OWN_LA.laCode
  if (!scope) return laScoped && !accountReachesLa ? 404 : 403
  if (!laScoped) return 'allowed'
  // The own LA's activity has the HMI as lead and the senior HMI and QA manager on its team, in
  // those team roles: only the lead gathers evidence (002#53), only the QA manager adds QA notes.
  const teamRole =
    la === OWN_LA
      ? (
          { hmi: 'lead-inspector', 'senior-hmi': 'senior-hmi', 'qa-manager': 'qa-manager' } as Partial<
            Record<Role, string>
          >
        )[role]
      : undefined
  const onTeam = teamRole !== undefined
  const reaches =
    scope === 'all' ||
    scope === 'global' ||
    (scope === 'region' && la.regionCode === OWN_LA.regionCode) ||
    ((scope === 'own-la' || scope === 'assigned-las') && la.laCode === OWN_LA.laCode) ||
    (scope === 'activity-team' && onTeam) ||
    (scope === 'activity-lead' && teamRole === 'lead-inspector') ||
    (scope === 'activity-evidence' && teamRole === 'lead-inspector') ||
    (scope === 'activity-qa' && teamRole === 'qa-manager')
  return reaches ? 'allowed' : 404
}

describe('every route goes through the policy', () => {
  it('registers no route outside registerRoutes except static files and /health', () => {
    const guarded = new Set(t.app.routeSpecs.map((spec) => `${spec.method} ${spec.url}`))
    const unguarded = t.app.allRoutes
      .filter((route) => route.method !== 'HEAD')
      .filter(
        (route) => !route.url.startsWith('/assets/') && !route.url.startsWith('/public/') && route.url !== '/health',
      )
      .filter((route) => !guarded.has(`${route.method} ${route.url}`))
    expect(unguarded).toEqual([])
  })

  it('gives every route with an LA or record in its URL a scope check', () => {
    const unscoped = t.app.routeSpecs
      .filter((spec) => LA_PARAMS.test(spec.url) && !spec.target)
      .map((spec) => `${spec.method} ${spec.url}`)
    expect(unscoped).toEqual([])
  })

  it('names a policy action for every route', () => {
    for (const spec of t.app.routeSpecs) {
      expect(spec.permission === 'public' || spec.permission in POLICY, `${spec.method} ${spec.url}`).toBe(true)
    }
  })

  it('sends signed-out visitors to sign in from every non-public route', async () => {
    const agent = new TestAgent(t.app)
    for (const spec of t.app.routeSpecs.filter((s) => s.permission !== 'public')) {
      const url = urlFor(spec, OWN_LA)
      const response = spec.method === 'GET' ? await agent.get(url) : await agent.post(url, {})
      if (spec.api) {
        // The API answers 401 in JSON instead of redirecting a program to a sign-in page.
        expect(response.statusCode, `${spec.method} ${url}`).toBe(401)
        continue
      }
      expect(response.statusCode, `${spec.method} ${url}`).toBe(303)
      expect(response.headers.location, `${spec.method} ${url}`).toMatch(/^\/sign-in/)
    }
  })
})

describe('the public pages (no sign-in) show only what is published', () => {
  it('answer every public /published route for a published document, and 404 for an unpublished one', async () => {
    const reader = new TestAgent(t.app)
    const routes = t.app.routeSpecs.filter((spec) => spec.permission === 'public' && spec.url.startsWith('/published'))
    expect(routes.length).toBeGreaterThanOrEqual(6)
    for (const spec of routes) {
      const url = urlFor(spec, OWN_LA)
      const response = await reader.get(url)
      const childrenSummary = spec.url.endsWith('summary-for-children.pdf')
      // A focused-visit letter has no summary for children (002#202 is about reports).
      expect(response.statusCode, url).toBe(childrenSummary ? 404 : 200)
      expect(response.body, url).not.toContain('A first monitoring letter')
      if (spec.url.includes(':publicationId')) {
        const hidden = spec.url.replace(':publicationId', unpublishedId)
        expect((await reader.get(hidden)).statusCode, hidden).toBe(404)
      }
    }
  })
})

describe.each(ROLES.map((role) => [role, ROLE_INFO[role].label] as const))('as %s', (role) => {
  it.each([
    ['own LA', OWN_LA],
    ['other LA', OTHER_LA],
  ] as const)(
    'every route answers as the policy says for the %s',
    async (which, la) => {
      const user = users.get(role)!
      const tokenId = await apiTokenOf(t, user, `walk of the ${which}`)
      const agent = await new TestAgent(t.app).signIn(user.email, user.password)
      const checked: string[] = []
      // A role that cannot see the other LA in the register must not meet its name on any page.
      const seesOtherLa = scopeFor(role, 'register.view') === 'all'
      for (const spec of t.app.routeSpecs) {
        if (spec.permission === 'public') continue
        const url = urlFor(spec, la, tokenId)
        const response = spec.method === 'GET' ? await agent.get(url) : await agent.post(url, {})
        const outcome = expected(spec, role, la)
        const where = `${role} ${spec.method} ${url}`
        if (outcome === 'allowed') {
          expect([401, 403, 404], where).not.toContain(response.statusCode)
          expect(response.statusCode, where).toBeLessThan(500)
        } else {
          expect(response.statusCode, where).toBe(outcome)
        }
        if ((outcome !== 'allowed' && la === OTHER_LA) || !seesOtherLa)
          expect(response.body, where).not.toContain(OTHER_LA.name)
        checked.push(where)
      }
      expect(checked.length).toBeGreaterThan(0)
      // A walk is a few hundred requests: give it room on a loaded machine (a safety limit, not a speed target).
    },
    180_000,
  )
})
