import { canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import type { ActivitiesService } from '../activities/index.js'
import type { ActivityTaskProvider, TaskStatus } from '../activities/index.js'
import type { DashboardItem, DashboardProvider } from '../home/index.js'
import { urgencyOf } from '../home/index.js'
import { addDays } from '../../rules/calendar/dates.js'
import { activityTitle } from '../activities/index.js'
import { ANNEX_A_DOCUMENTS } from './documents.js'
import { annexAPaths } from './paths.js'
import { currentOf, isReadable, type AnnexAReturnsService } from './service.js'
import { plural } from '../../web/words.js'

/** The Annex A tasks on the activity page: the lists, the documents, and (inspectors) the case sample. */
export function annexATasks(
  annexA: AnnexAReturnsService,
  activities: ActivitiesService,
  clock: Clock,
): ActivityTaskProvider {
  return async (activity, principal) => {
    const target = await activities.target(activity.id)
    if (!target) return []
    const { milestones, notices } = await activities.details(activity.id)
    const notified = notices.length > 0
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
        title: 'Audits of the last six months',
        href: `${overview}#audits`,
        status: status(items.has('audits'), false, due('annex-a.audits')),
        hint: 'A list of the audits the LA has done in the six months before the inspection (002#257)',
      },
      {
        section: 'Annex A',
        title: 'Documents 1.01 to 3.11',
        href: `${overview}#documents`,
        status: status(
          ANNEX_A_DOCUMENTS.every((d) => items.has(d.item)),
          [...items].some((item) => /^\d\.\d\d/.test(item)),
          due('annex-a.management-information'),
        ),
        hint: `${ANNEX_A_DOCUMENTS.filter((d) => items.has(d.item)).length} of ${ANNEX_A_DOCUMENTS.length} received`,
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
    const mine = await activities.list(principal, { statuses: ['notified', 'on-site'] })
    for (const { activity, milestones, team } of mine) {
      // After the last day on site nothing more is asked for (issue 10: no stale "Overdue").
      const onsiteEnd = milestones.find((m) => m.key === 'onsite.end')?.date ?? activity.onsiteStart
      if (today > onsiteEnd) continue
      const target = await activities.target(activity.id)
      if (!target) continue
      const isLa = canOn(principal, 'annex-a.upload', target)
      const isLead = team.some((member) => member.userId === principal.id && member.teamRole === 'lead-inspector')
      if (!isLa && !isLead) continue
      const [versions, documents] = await Promise.all([annexA.versions(activity.id), annexA.documents(activity.id)])
      const items1 = new Set(documents.map((d) => d.item))
      const parts = [
        {
          key: 'annex-a.child-level-data',
          done: versions.some((v) => v.status === 'valid'),
          what: versions.some((v) => isReadable(v.status))
            ? 'Fix the errors in the Annex A lists'
            : 'Send the Annex A child-level lists',
        },
        { key: 'annex-a.audits', done: items1.has('audits'), what: 'Send the list of audits' },
        {
          key: 'annex-a.management-information',
          done: ANNEX_A_DOCUMENTS.every((d) => items1.has(d.item)),
          what: 'Send documents 1.01 to 3.11',
        },
      ]
      for (const part of parts) {
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
