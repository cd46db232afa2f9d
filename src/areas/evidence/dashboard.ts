import { canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { ActivitiesService } from '../activities/index.js'
import { activityTitle } from '../activities/index.js'
import type { DashboardItem, DashboardProvider } from '../home/index.js'
import { CONCERN_LA_VISIBLE, concernOverdue, RFI_LA_VISIBLE, rfiOverdue } from './fieldwork.js'
import { evidencePaths } from './paths.js'
import type { EvidenceService } from './service.js'

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/**
 * The fieldwork records' part of the home page (issue 6: "what needs them today"): for the lead
 * inspector, requests and cases of concern waiting on them, open QA notes and fieldwork days
 * without a keep-in-touch note; for the QA manager, entries written since their last note
 * (002#190); for the LA, requests to answer and cases of concern to respond to, by their dates.
 * Counts and dates only: no child-level data on the home page.
 */
export function evidenceDashboard(evidence: EvidenceService, activities: ActivitiesService): DashboardProvider {
  return async (principal) => {
    const kind = ROLE_INFO[principal.role].kind
    if (kind !== 'ofsted' && kind !== 'la') return []
    const listed = await activities.list(
      principal,
      kind === 'ofsted'
        ? { teamUserId: principal.id, statuses: ['notified', 'on-site', 'judgements-agreed'] }
        : { statuses: ['notified', 'on-site', 'judgements-agreed'] },
    )
    const items: DashboardItem[] = []
    // Every activity's target and summary read together: one query a table, not one an activity.
    const ids = listed.map(({ activity }) => activity.id)
    const [targets, summaries] = await Promise.all([evidence.targets(ids), evidence.summaries(ids)])
    for (const { activity } of listed) {
      const target = targets.get(activity.id)
      const summary = summaries.get(activity.id)
      if (!target || !summary) continue
      const today = summary.today
      const title = activityTitle(activity)
      const activityId = activity.id
      if (canOn(principal, 'evidence.lead', target)) {
        const toAgree = summary.rfis.filter((rfi) => rfi.status === 'awaiting-lead').length
        const toDecide = summary.rfis.filter((rfi) => rfi.status === 'answered').length
        if (toAgree + toDecide > 0)
          items.push({
            urgency: 'today',
            title: `Requests for further information: ${title}`,
            href: evidencePaths.requests.build({ activityId }),
            detail: [
              toAgree && `${plural(toAgree, 'request')} to agree (002#70)`,
              toDecide && `${plural(toDecide, 'answer')} to decide on (002#244)`,
            ]
              .filter(Boolean)
              .join('; '),
          })
        const withLead = summary.concerns.filter((concern) => concern.status === 'with-lead').length
        const toConclude = summary.concerns.filter((concern) => concern.status === 'responded').length
        if (withLead + toConclude > 0)
          items.push({
            urgency: 'today',
            title: `Cases of concern: ${title}`,
            href: evidencePaths.concerns.build({ activityId }),
            detail: [
              withLead && `${plural(withLead, 'case')} to refer to the local authority`,
              toConclude && `findings to record on ${plural(toConclude, 'case')}`,
            ]
              .filter(Boolean)
              .join('; '),
            rule: 'E4',
            citation: '000 Annex C',
          })
        if (summary.openQaNotes > 0)
          items.push({
            urgency: 'soon',
            title: `QA notes to resolve: ${title}`,
            href: `${evidencePaths.record.build({ activityId })}#qa-notes`,
            detail: plural(summary.openQaNotes, 'open note'),
            rule: 'E1',
            citation: '002#190',
          })
        // Only while fieldwork lasts: once judgements are agreed a missing note is history, not a task.
        if (summary.kitMissing > 0 && activity.status === 'on-site' && !summary.fieldworkOver)
          items.push({
            urgency: 'overdue',
            title: `Keep-in-touch notes: ${title}`,
            href: evidencePaths.keepInTouch.build({ activityId }),
            detail: `${plural(summary.kitMissing, 'fieldwork day')} without a note`,
            rule: 'E5',
            citation: '002#173',
          })
      }
      if (canOn(principal, 'evidence.qa', target) && summary.entriesSinceQa > 0) {
        items.push({
          urgency: 'today',
          title: `Review the evidence record: ${title}`,
          href: evidencePaths.record.build({ activityId }),
          detail: `${plural(summary.entriesSinceQa, 'entry', 'entries')} since your last note`,
          rule: 'E1',
          citation: '002#190',
        })
      }
      if (kind === 'la' && canOn(principal, 'rfi.answer', target)) {
        for (const rfi of summary.rfis.filter(
          (item) => item.status === 'requested' && RFI_LA_VISIBLE.includes(item.status),
        )) {
          items.push({
            urgency: rfiOverdue(rfi, today) ? 'overdue' : rfi.dateResponseRequired === today ? 'today' : 'soon',
            title: `Answer a request for further information: ${title}`,
            href: evidencePaths.requests.build({ activityId }),
            due: rfi.dateResponseRequired ?? undefined,
            rule: 'E3',
            citation: '002#167',
          })
        }
      }
      if (kind === 'la' && canOn(principal, 'concern.respond', target)) {
        for (const concern of summary.concerns.filter(
          (item) => item.status === 'escalated' && CONCERN_LA_VISIBLE.includes(item.status),
        )) {
          items.push({
            urgency: concernOverdue(concern, today) ? 'overdue' : 'today',
            title: `Respond to a case of concern: ${title}`,
            href: evidencePaths.concerns.build({ activityId }),
            due: concern.responseDue ?? undefined,
            rule: 'E4',
            citation: '002#136',
          })
        }
      }
    }
    return items
  }
}
