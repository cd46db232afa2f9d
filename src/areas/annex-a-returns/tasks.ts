import { canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import type { ActivitiesService } from '../activities/index.js'
import type { ActivityTaskProvider, TaskStatus } from '../activities/index.js'
import type { DashboardItem, DashboardProvider } from '../home/index.js'
import { urgencyOf } from '../home/index.js'
import { addDays } from '../../rules/calendar/dates.js'
import { activityTitle, type Activity } from '../activities/index.js'
import { annexAScope } from '../../rules/annex-a-scope.js'
import { ANNEX_A_DOCUMENTS } from './documents.js'
import { annexAPaths } from './paths.js'
import { currentOf, isReadable, type AnnexAReturnsService } from './service.js'
import { plural } from '../../web/words.js'

/** The document items an activity asks for (all of 1.01–3.11, or a focused visit's, 002#242). */
function askedDocuments(activity: Pick<Activity, 'type' | 'topics'>): readonly string[] {
  return annexAScope(
    activity.type,
    activity.topics,
    ANNEX_A_DOCUMENTS.map((d) => d.item),
  ).documents
}

/** The Annex A tasks on the activity page: the lists, the documents, and (inspectors) the case sample. */
export function annexATasks(
  annexA: AnnexAReturnsService,
  activities: ActivitiesService,
  clock: Clock,
): ActivityTaskProvider {
  return async (activity, principal) => {
    const [target, { milestones }] = await Promise.all([
      activities.target(activity.id),
      activities.withMilestones(activity.id),
    ])
    if (!target) return []
    // Notice given (002#73): the LA may know of the activity, and Annex A is asked for.
    const notified = target.laVisible === true
    const [versions, documents, sample] = await Promise.all([
      annexA.versions(activity.id),
      annexA.documents(activity.id),
      annexA.sample(activity.id),
    ])
    const today = clock.today()
    const due = (key: string) => milestones.find((m) => m.key === key)?.date
    const current = currentOf(versions)
    // Once fieldwork is over, what never came is history, not a task still overdue (issue 10).
    const onsiteEnd = due('onsite.end') ?? activity.onsiteStart
    const fieldworkOver = today > onsiteEnd || !['planned', 'notified', 'on-site'].includes(activity.status)
    const status = (done: boolean, started: boolean, dueDate: string | undefined): TaskStatus =>
      !notified
        ? 'cannot-start'
        : done
          ? 'completed'
          : fieldworkOver
            ? 'not-received'
            : dueDate && today > dueDate
              ? 'overdue'
              : started
                ? 'in-progress'
                : 'not-started'
    const items = new Set(documents.map((d) => d.item))
    const overview = annexAPaths.overview.build({ activityId: activity.id })
    // A focused visit asks only for the documents of its topics (002#242): only those are due.
    const asked = askedDocuments(activity)
    const tasks: Awaited<ReturnType<ActivityTaskProvider>> = [
      {
        section: 'Annex A',
        title: 'Child-level lists 1 to 11',
        href: `${overview}#lists`,
        status: status(current?.status === 'valid', versions.length > 0, due('annex-a.child-level-data')),
        hint: current
          ? `Version ${current.version}: ${plural(current.errorCount ?? 0, 'error')}, ${plural(current.warningCount ?? 0, 'warning')}`
          : 'Excel, checked at once (002#246-253)',
      },
      {
        section: 'Annex A',
        title: 'Send the list of audits from the last six months',
        href: `${overview}#audits`,
        status: status(items.has('audits'), false, due('annex-a.audits')),
        hint: 'A spreadsheet of each audit: child unique ID, audit theme, date completed (002#257)',
      },
      {
        section: 'Annex A',
        title: asked.length === ANNEX_A_DOCUMENTS.length ? 'Documents 1.01 to 3.11' : 'Documents for the visit',
        href: `${overview}#documents`,
        status: status(
          asked.every((item) => items.has(item)),
          asked.some((item) => items.has(item)),
          due('annex-a.management-information'),
        ),
        hint: `${asked.filter((item) => items.has(item)).length} of ${asked.length} received`,
      },
    ]
    if (canOn(principal, 'annex-a.profile', target)) {
      tasks.push({
        section: 'Fieldwork',
        title: 'Case sample',
        href: annexAPaths.caseSample.build({ activityId: activity.id }),
        status: !current ? 'cannot-start' : sample.length > 0 ? 'in-progress' : 'not-started',
        hint:
          sample.length > 0
            ? `${plural(sample.length, 'child', 'children')}; ${plural(sample.filter((s) => s.auditedCaseRequested).length, 'audited case')} requested`
            : 'From the profiled lists (002#150-153)',
      })
    }
    return tasks
  }
}

/**
 * The three parts of Annex A the LA sends after notice (002#79, #242), each done or not, keyed by
 * its milestone: for each of these activities, read together (home pages and the reminder job).
 */
export async function annexAPartsOf(annexA: Pick<AnnexAReturnsService, 'sentOf'>, activityIds: readonly string[]) {
  const sent = await annexA.sentOf(activityIds)
  return new Map(
    [...sent].map(([activityId, { statuses, items }]) => [
      activityId,
      [
        {
          key: 'annex-a.child-level-data',
          done: statuses.includes('valid'),
          what: statuses.some(isReadable)
            ? 'Fix the errors in the Annex A lists'
            : 'Send the Annex A child-level lists',
        },
        { key: 'annex-a.audits', done: items.has('audits'), what: 'Send the list of audits' },
        {
          key: 'annex-a.management-information',
          done: ANNEX_A_DOCUMENTS.every((d) => items.has(d.item)),
          what: 'Send documents 1.01 to 3.11',
        },
      ],
    ]),
  )
}

/** What Annex A asks of people today: the LA's deadlines; the lead's overdue parts. */
export function annexADashboard(
  annexA: AnnexAReturnsService,
  activities: ActivitiesService,
  clock: Clock,
): DashboardProvider {
  return async (principal) => {
    const today = clock.today()
    const horizon = addDays(today, 10)
    const items: DashboardItem[] = []
    // After the last day on site nothing more is asked for (issue 10: no stale "Overdue").
    const open = (await activities.list(principal, { statuses: ['notified', 'on-site'] })).filter(
      ({ activity, milestones }) =>
        today <= (milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart),
    )
    const ids = open.map(({ activity }) => activity.id)
    const [targets, parts] = await Promise.all([activities.targets(ids), annexAPartsOf(annexA, ids)])
    for (const { activity, milestones, team } of open) {
      const target = targets.get(activity.id)
      if (!target) continue
      const isLa = canOn(principal, 'annex-a.upload', target)
      const isLead = team.some((member) => member.userId === principal.id && member.teamRole === 'lead-inspector')
      if (!isLa && !isLead) continue
      for (const part of parts.get(activity.id) ?? []) {
        const milestone = milestones.find((m) => m.key === part.key)
        if (!milestone || part.done) continue
        const urgency = urgencyOf(milestone.date, today, horizon)
        if (!urgency || (isLead && urgency !== 'overdue')) continue
        items.push({
          urgency,
          title: `${isLead ? 'Overdue from the LA: ' : ''}${part.what}: ${activityTitle(activity)}`,
          href: annexAPaths.overview.build({ activityId: activity.id }),
          due: milestone.date,
          rule: milestone.rule,
          citation: milestone.citation,
        })
      }
    }
    return items
  }
}
