import type { Principal } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { addDays, formatDate } from '../../rules/calendar/dates.js'
import { actionPlanningVisitAgendaDue } from '../../rules/after-inadequate.js'
import { type ActivitiesService, activityPaths, activityTitle } from '../activities/index.js'
import { type DashboardItem, type DashboardProvider, urgencyOf } from '../home/index.js'
import { monitoringPaths } from './paths.js'
import { deadlinesOf } from './presenters.js'
import type { MonitoringService } from './service.js'
import type { ProgrammeRecord } from './types.js'

const HORIZON_DAYS = 28

/** Who does each step (001#9, #14, #18, #19, #21, #54), by role. */
export type Owner = 'director' | 'inspector' | 'senior-hmi' | 'la' | 'dfe'

function ownerOf(principal: Principal): Owner | undefined {
  switch (principal.role) {
    case 'national-director':
    case 'regional-director':
      return 'director'
    case 'senior-hmi':
      return 'senior-hmi'
    case 'hmi':
      return 'inspector'
    case 'la-dcs':
      return 'la'
    case 'dfe-case-lead':
      return 'dfe'
    default:
      return undefined
  }
}

/** The steps of one programme still to do, each with its owner and due date. */
export function programmeTasks(
  record: ProgrammeRecord,
  laName: string,
): Array<{ owner: Owner[]; title: string; due: string; rule: string; citation: string; anchor: string }> {
  const { programme, plans, reviews } = record
  const deadlines = deadlinesOf(record)
  if (!deadlines || programme.closedOn) return []
  const { timeline } = deadlines
  const tasks: ReturnType<typeof programmeTasks> = []
  const add = (owner: Owner[], title: string, due: string, rule: string, citation: string, anchor = 'steps') =>
    tasks.push({ owner, title: `${title}: ${laName}`, due, rule, citation, anchor })
  if (!programme.letterSentOn)
    add(
      ['director'],
      'Send the letter confirming the action planning visit',
      deadlines.anchor.date,
      'M2',
      '001#9',
      'planning-visit',
    )
  if (!programme.planningVisitOn)
    add(
      ['inspector', 'senior-hmi'],
      'Arrange the action planning visit',
      timeline.actionPlanningVisit.latest,
      'M2',
      '001#10',
      'planning-visit',
    )
  else if (!programme.agendaCirculatedOn)
    add(
      ['inspector'],
      'Circulate the final agenda of the action planning visit',
      actionPlanningVisitAgendaDue(programme.planningVisitOn),
      'M2',
      '001#14',
      'planning-visit',
    )
  if (programme.planningVisitOn && !programme.recordSentOn)
    add(
      ['senior-hmi'],
      'Send the record of the action planning visit to the DCS',
      programme.planningVisitOn,
      'M2',
      '001#18',
      'planning-visit',
    )
  if (plans.length === 0)
    add(['la', 'dfe'], 'Submit the action plan', timeline.actionPlanDue, 'M3', '001#19', 'action-plan')
  const latest = plans.at(-1)
  if (latest && !reviews.some((review) => review.planId === latest.id))
    add(
      ['director'],
      'Review the action plan and write to the DCS',
      latest.submittedOn,
      'M3',
      '001#20-21',
      'action-plan',
    )
  if (reviews.at(-1)?.outcome === 'referred-to-dfe')
    add(
      ['dfe'],
      'Consider the action plan difference referred by Ofsted',
      reviews.at(-1)!.letterSentOn,
      'M3',
      '001#22',
      'action-plan',
    )
  if (!programme.decision)
    add(['director'], 'Decide the re-inspection', timeline.reinspection.latest, 'M6', '001#49, #54', 'decision')
  return tasks
}

/**
 * What the LA does before each monitoring visit once Ofsted has asked for its data (002#129-131,
 * #242): return the child-level data, expect the audited cases to be named, share their audits.
 * The request itself is the notice; the LA sees the visit from then on (002#73).
 */
const LA_PREPARATION: Readonly<Record<string, string>> = {
  'annex-a.child-level-data': 'Return the child-level data (Annex A lists 1–11)',
  'audited-cases.named': 'Ofsted names up to six audited cases to share',
  'audits.latest': 'Share the completed audits of the named cases',
}

async function laPreparation(
  principal: Principal,
  activities: Pick<ActivitiesService, 'list'>,
  today: string,
  horizon: string,
): Promise<DashboardItem[]> {
  const visits = await activities.list(principal, { type: 'monitoring-visit', statuses: ['notified'] })
  return visits.flatMap(({ activity, milestones }) => {
    const requested = milestones.find((item) => item.key === 'notice')
    return milestones.flatMap((item) => {
      const what = LA_PREPARATION[item.key]
      const urgency = what ? urgencyOf(item.date, today, horizon) : undefined
      if (!what || !urgency) return []
      return [
        {
          urgency,
          title: `${what}: ${activityTitle(activity)}`,
          href: activityPaths.show.build({ activityId: activity.id }),
          due: item.date,
          detail: `Due ${formatDate(item.date)}${requested ? `; data requested ${formatDate(requested.date)}` : ''}`,
          rule: item.rule,
          citation: item.citation,
        },
      ]
    })
  })
}

/**
 * The programme's part of each person's home page (issue 12): the regional director's letters,
 * review and decision; the lead and senior HMI's visit, agenda and record; the DCS's action plan;
 * the DfE case lead's plan deadline and any referred difference. Within four weeks, or late.
 */
export function monitoringDashboard(
  monitoring: MonitoringService,
  clock: Clock,
  activities?: Pick<ActivitiesService, 'list'>,
): DashboardProvider {
  return async (principal) => {
    const owner = ownerOf(principal)
    if (!owner) return []
    const today = clock.today()
    const horizon = addDays(today, HORIZON_DAYS)
    const items: DashboardItem[] = []
    // 001#4-5: every inadequate LA receives the programme; the regional director opens it.
    if (owner === 'director')
      for (const la of await monitoring.awaitingProgramme(principal))
        items.push({
          urgency: 'today',
          title: `Open the monitoring programme: ${la.name}`,
          href: monitoringPaths.la.build({ laCode: la.laCode }),
          detail: `Judged inadequate, published ${formatDate(la.publishedOn)}`,
          rule: 'M1',
          citation: '001#4-5',
        })
    if (owner === 'la' && activities) items.push(...(await laPreparation(principal, activities, today, horizon)))
    for (const record of await monitoring.inScope(principal)) {
      const laName = await monitoring.laName(record.programme.laCode)
      const lead = record.programme.leadInspectorId
      // The inspector's steps are the named lead's when there is one, whatever their role (ADR 0025).
      const owns = (part: Owner) => (part === 'inspector' && lead ? lead === principal.id : part === owner)
      for (const task of programmeTasks(record, laName)) {
        if (!task.owner.some(owns)) continue
        const urgency = urgencyOf(task.due, today, horizon)
        if (!urgency) continue
        items.push({
          urgency,
          title: task.title,
          href: `${monitoringPaths.programme.build({ programmeId: record.programme.id })}#${task.anchor}`,
          due: task.due,
          detail: `Due ${formatDate(task.due)}`,
          rule: task.rule,
          citation: task.citation,
        })
      }
    }
    return items
  }
}
