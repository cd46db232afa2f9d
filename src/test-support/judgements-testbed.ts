import { afterAll, beforeAll } from 'vitest'
import { page, TestAgent } from './agent.js'
import { buildTestApp, type TestApp } from './build-test-app.js'
import {
  activityOnSite,
  findingsRecorded,
  judgementsRecorded,
  type JudgementSpec,
  settableClock,
} from './factories/judgements.js'
import { createUser, type TestUser } from './factories/users.js'
import type { FindingInput } from '../areas/judgements/index.js'

type ActivityType = 'standard-inspection' | 'short-inspection' | 'focused-visit'

/** The people of the judgements pages' tests: a Kent (886) team with its region's director and the LA's users. */
export interface JudgementsPeople {
  readonly director: TestUser
  readonly regional: TestUser
  readonly otherRegional: TestUser
  readonly lead: TestUser
  readonly seniorHmi: TestUser
  readonly teamHmi: TestUser
  readonly outsider: TestUser
  readonly qaManager: TestUser
  readonly dcs: TestUser
  readonly analyst: TestUser
  readonly otherDcs: TestUser
}

/**
 * One app and its people for a judgements test file (shared by its tests, ADR 0011), with
 * helpers that build each test's own activity: on site with the lead, the senior HMI and a team
 * HMI, its judgements or findings recorded through the services. Call it at the top of the file.
 */
export function judgementsTestbed() {
  const clock = settableClock('2026-11-23T10:00:00Z')
  let app: TestApp | undefined
  let people: JudgementsPeople | undefined

  beforeAll(async () => {
    const t = await buildTestApp({ clock })
    app = t
    people = {
      director: await createUser(t.db, 'national-director'),
      regional: await createUser(t.db, 'regional-director', { regionCode: 'E12000008' }),
      otherRegional: await createUser(t.db, 'regional-director', { regionCode: 'E12000005' }),
      lead: await createUser(t.db, 'hmi'),
      seniorHmi: await createUser(t.db, 'senior-hmi'),
      teamHmi: await createUser(t.db, 'hmi'),
      outsider: await createUser(t.db, 'hmi'),
      qaManager: await createUser(t.db, 'qa-manager'),
      dcs: await createUser(t.db, 'la-dcs', { laCode: '886' }),
      analyst: await createUser(t.db, 'la-analyst', { laCode: '886' }),
      otherDcs: await createUser(t.db, 'la-dcs', { laCode: '887' }),
    }
  })
  afterAll(async () => app?.close())

  const t = () => app!
  const users = () => people!

  /** The version a page's form carries. */
  async function versionOf(agent: TestAgent, url: string): Promise<string> {
    return (
      page(await agent.get(url))
        .$('input[name="version"]')
        .first()
        .attr('value') ?? ''
    )
  }

  return {
    clock,
    t,
    users,

    /** Sign in through the pages, as a browser would. */
    signIn: (user: TestUser) => new TestAgent(t().app).signIn(user.email, user.password),

    /**
     * An activity on site (Kent unless `laCode`), the clock left at 10am on its first day; its
     * lead is the file's lead unless the test brings its own.
     */
    onSite: (
      type: ActivityType,
      onsite: string,
      extra: { notifiedOnly?: boolean; laCode?: string; lead?: TestUser } = {},
    ) =>
      activityOnSite({
        db: t().db,
        config: t().config,
        clock,
        director: users().director,
        type,
        onsite,
        lead: extra.lead ?? users().lead,
        others: [
          { user: users().seniorHmi, teamRole: 'senior-hmi' },
          { user: users().teamHmi, teamRole: 'team-inspector' },
        ],
        ...(extra.laCode ? { laCode: extra.laCode } : {}),
        ...(extra.notifiedOnly ? { notifiedOnly: true } : {}),
      }),

    /** Judgements recorded by the lead (or `lead`), then confirmed and agreed if asked. */
    judgementsRecorded: (
      activityId: string,
      grades: Readonly<Record<string, JudgementSpec>>,
      extra: { confirmed?: { reason: string }; agreed?: boolean; lead?: TestUser } = {},
    ) =>
      judgementsRecorded({
        db: t().db,
        config: t().config,
        clock,
        lead: extra.lead ?? users().lead,
        activityId,
        grades,
        ...(extra.confirmed ? { confirmed: extra.confirmed } : {}),
        ...(extra.agreed ? { agreed: true } : {}),
      }),

    /** Focused visit findings recorded by the file's lead. */
    findingsRecorded: (activityId: string, findings: readonly FindingInput[]) =>
      findingsRecorded({ db: t().db, config: t().config, clock, lead: users().lead, activityId, findings }),

    versionOf,

    /** Record one judgement through its form, with a rationale naming a case. */
    async record(
      agent: TestAgent,
      activityId: string,
      area: string,
      grade: string,
      extra: Record<string, string | string[]> = {},
    ) {
      const url = `/activities/${activityId}/judgements/${area}`
      const version = await versionOf(agent, url)
      return agent.post(url, { grade, rationale: `Evidence from case 1234 supports ${grade}.`, version, ...extra })
    },

    /** Move the activity on through its page's status form. */
    async statusTo(agent: TestAgent, activityId: string, to: string) {
      const { version } = await t()
        .db.selectFrom('activities')
        .select('version')
        .where('id', '=', activityId)
        .executeTakeFirstOrThrow()
      await agent.get(`/activities/${activityId}`)
      return agent.post(`/activities/${activityId}/status`, { to, version: String(version) })
    },
  }
}
