import type { Kysely } from 'kysely'
import { createServices } from '../../areas/index.js'
import { bumpActivity } from '../../areas/activities/repository.js'
import type { PublishInput, PublishResult } from '../../areas/publications/index.js'
import type { Grade } from '../../areas/register/index.js'
import { principalFor } from '../../auth/users.js'
import { fixedClock } from '../../clock.js'
import type { Config } from '../../config.js'
import type { Database } from '../../db/tables.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'
import { plannedActivity } from './activities.js'
import { createUser } from './users.js'

/** A tiny file that is a PDF by its header, for tests that store and serve files but never read them. */
export function tinyPdf(label = 'test'): Uint8Array {
  return Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`)
}

/** Every judgement of the April 2026 framework at one grade (no overall grade under it). */
export function ilacs2026Grades(grade: Grade): Record<string, Grade> {
  return { 'help-and-protection': grade, 'children-in-care': grade, 'care-leavers': grade, leaders: grade }
}

export interface PublishedOptions {
  readonly laCode?: string
  readonly type?: 'standard-inspection' | 'short-inspection' | 'focused-visit'
  /** First day on site (a Monday, or a Tuesday for a focused visit). */
  readonly onsiteStart: string
  /** Last day of fieldwork. */
  readonly fieldworkEnd: string
  /** When it is published (the services run on a clock stopped then). */
  readonly publishedAt: string
  readonly grade?: Grade
  readonly overrides?: Partial<PublishInput>
}

/**
 * An activity planned a month before it starts and its report (or letter) published through the
 * publications service at `publishedAt`, by the national director. The statutory date is 21 (or
 * 16) working days after fieldwork (002#216). Returns the activity and what `publish` returned.
 */
export async function publishedActivity(
  db: Kysely<Database>,
  config: Config,
  options: PublishedOptions,
): Promise<{ activityId: string } & PublishResult> {
  const type = options.type ?? 'standard-inspection'
  const laCode = options.laCode ?? '886'
  const activityId = await plannedActivity(db, config, {
    laCode,
    type,
    onsiteStart: options.onsiteStart,
    plannedAt: `${addWorkingDays(options.onsiteStart, -30)}T10:00:00Z`,
  })
  const services = createServices({ db, clock: fixedClock(options.publishedAt), config })
  const actor = await principalFor(db, (await createUser(db, 'national-director')).id)
  const report = type !== 'focused-visit'
  const result = await services.publications.publish(
    {
      activityId,
      laId: laCode,
      kind: report ? 'inspection-report' : 'focused-visit-letter',
      title: report ? `Inspection of ${laCode} children’s services` : `Focused visit to ${laCode}`,
      fieldworkStart: options.onsiteStart,
      fieldworkEnd: options.fieldworkEnd,
      statutoryPublicationDate: addWorkingDays(options.fieldworkEnd, report ? 21 : 16),
      publishedAt: new Date(options.publishedAt),
      ...(report ? { judgements: { framework: 'ilacs-2026', grades: ilacs2026Grades(options.grade ?? 'good') } } : {}),
      pdf: tinyPdf(activityId),
      ...options.overrides,
    },
    { requestId: 'test', actor },
  )
  // A published activity is history, not "under way": the factory puts it at report stage through
  // the activities area's repository (walking it through every status would cost each test the
  // whole inspection), then publishes it as the report workflow's job does.
  await bumpActivity(db, activityId, { status: 'report-stage' }, new Date(options.publishedAt))
  await services.activities.recordPublication(activityId, new Date(options.publishedAt), { requestId: 'test' })
  return { activityId, ...result }
}
