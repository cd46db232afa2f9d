import type { Kysely } from 'kysely'
import type { PlannableType } from '../../areas/activities/activity-types.js'
import { createServices } from '../../areas/index.js'
import { principalFor } from '../../auth/users.js'
import { fixedClock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import { TEST_NOW } from '../build-test-app.js'
import { publishedJudgement } from './register.js'
import { createUser } from './users.js'

/**
 * The register the programme tests plan against, seen on Monday 23 November 2026 (TEST_NOW).
 * Kent (886) and Medway (887) are in the South East (E12000008), Birmingham (330) in the West
 * Midlands.
 *   Kent: requires improvement, published 1 July 2024 → pathway 2, due 1 January 2027 to 1 January 2028.
 *   Medway: good, published 1 March 2023 → pathway 1, due 1 September 2025 to 1 September 2026: overdue.
 *   Birmingham: requires improvement, published 1 July 2024.
 */
export async function judgedLas(db: Kysely<Database>): Promise<void> {
  const grades = (overall: 'good' | 'requires-improvement') => ({
    overall,
    'help-and-protection': overall,
    'children-in-care': overall,
    leaders: overall,
  })
  for (const [laCode, overall, inspectionStart, inspectionEnd, publishedOn] of [
    ['886', 'requires-improvement', '2024-05-06', '2024-05-17', '2024-07-01'],
    ['887', 'good', '2023-01-09', '2023-01-20', '2023-03-01'],
    ['330', 'requires-improvement', '2024-05-06', '2024-05-17', '2024-07-01'],
  ] as const) {
    await publishedJudgement(db, { laCode, inspectionStart, inspectionEnd, publishedOn, grades: grades(overall) })
  }
}

/**
 * An activity in the programme, planned today (TEST_NOW) by a national director through the
 * services, with its lead and team inspectors: what a committed proposal leaves behind.
 * Returns the activity id.
 */
export async function plannedActivity(
  db: Kysely<Database>,
  config: Config,
  options: {
    laCode: string
    type: PlannableType
    onsiteStart: string
    topics?: readonly string[]
    leadUserId?: string
    teamUserIds?: readonly string[]
  },
): Promise<string> {
  const services = createServices({ db, clock: fixedClock(TEST_NOW), config })
  const director = (await principalFor(db, (await createUser(db, 'national-director')).id))!
  const context = { requestId: 'test' }
  const id = await services.activities.plan(
    director,
    {
      laCode: options.laCode,
      type: options.type,
      variant: null,
      onsiteStart: options.onsiteStart,
      topics: options.topics ?? [],
    },
    context,
  )
  const members = [
    ...(options.leadUserId ? [{ userId: options.leadUserId, teamRole: 'lead-inspector' as const }] : []),
    ...(options.teamUserIds ?? []).map((userId) => ({ userId, teamRole: 'team-inspector' as const })),
  ]
  for (const member of members) await services.activities.addTeamMember(director, id, { ...member, days: [] }, context)
  return id
}

/** The proposal form's fields, with the first day on site written d/m/yyyy. */
export function proposalBody(
  fields: {
    laCode: string
    type: string
    onsite: string
    lead?: string
    team?: string[]
    topics?: string[]
    variant?: string
  },
  extra: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  const [day, month, year] = fields.onsite.split('/')
  return {
    laCode: fields.laCode,
    type: fields.type,
    variant: fields.variant ?? '',
    'onsiteStart-day': day!,
    'onsiteStart-month': month!,
    'onsiteStart-year': year!,
    leadUserId: fields.lead ?? '',
    ...(fields.team ? { teamUserIds: fields.team } : {}),
    ...(fields.topics ? { topics: fields.topics } : {}),
    ...extra,
  }
}

/** The leave form's fields for an inspector's leave from one d/m/yyyy to another. */
export function leaveBody(userId: string, startsOn: string, endsOn: string): Record<string, string> {
  const [startDay, startMonth, startYear] = startsOn.split('/')
  const [endDay, endMonth, endYear] = endsOn.split('/')
  return {
    userId,
    'startsOn-day': startDay!,
    'startsOn-month': startMonth!,
    'startsOn-year': startYear!,
    'endsOn-day': endDay!,
    'endsOn-month': endMonth!,
    'endsOn-year': endYear!,
  }
}
