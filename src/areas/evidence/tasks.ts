import { canOn } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { ActivityTask, ActivityTaskProvider } from '../activities/index.js'
import { CONCERN_LA_VISIBLE, concernOverdue, RFI_LA_VISIBLE, rfiOverdue } from './fieldwork.js'
import { evidencePaths } from './paths.js'
import type { EvidenceService } from './service.js'

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`

/**
 * The fieldwork section of the activity page's task list. Each task appears only to those the
 * policy lets open it: the team sees the evidence record and keep-in-touch notes; the LA sees
 * the requests and cases of concern released to it. Counts only: no child-level data.
 */
export function evidenceTasks(evidence: EvidenceService): ActivityTaskProvider {
  return async (activity, principal) => {
    const target = await evidence.target(activity.id)
    if (!target) return []
    const may = {
      evidence: canOn(principal, 'evidence.read', target),
      rfis: canOn(principal, 'rfi.view', target),
      concerns: canOn(principal, 'concern.view', target),
    }
    if (!may.evidence && !may.rfis && !may.concerns) return []
    const summary = await evidence.summary(activity.id)
    const la = ROLE_INFO[principal.role].kind === 'la'
    const activityId = activity.id
    const tasks: ActivityTask[] = []
    const section = 'Fieldwork'
    if (may.evidence) {
      const { covered, total } = summary.coverage
      tasks.push({
        section,
        title: 'Evidence record',
        href: evidencePaths.record.build({ activityId }),
        status:
          summary.entries === 0
            ? 'not-started'
            : covered === total && summary.openQaNotes === 0
              ? 'completed'
              : 'in-progress',
        hint: `${plural(summary.entries, 'entry', 'entries')}; ${covered} of ${total} headings covered${summary.openQaNotes > 0 ? `; ${plural(summary.openQaNotes, 'open QA note')}` : ''}`,
      })
      tasks.push({
        section,
        title: 'Keep-in-touch meetings',
        href: evidencePaths.keepInTouch.build({ activityId }),
        status:
          summary.kitMissing > 0
            ? // Once fieldwork is over a missing note is history, not a task (issue 10).
              !summary.fieldworkOver && (activity.status === 'on-site' || activity.status === 'notified')
              ? 'overdue'
              : 'closed'
            : summary.kitComplete
              ? 'completed'
              : summary.kitRecorded > 0
                ? 'in-progress'
                : 'not-started',
        hint:
          summary.kitMissing > 0
            ? `${plural(summary.kitMissing, 'fieldwork day')} without a note (002#173)`
            : 'A daily note of emerging findings shared with the DCS (002#173)',
      })
    }
    if (may.rfis) {
      const rfis = la ? summary.rfis.filter((rfi) => RFI_LA_VISIBLE.includes(rfi.status)) : summary.rfis
      const overdue = rfis.filter((rfi) => rfiOverdue(rfi, summary.today)).length
      const waiting = rfis.filter((rfi) =>
        la ? rfi.status === 'requested' : rfi.status === 'awaiting-lead' || rfi.status === 'answered',
      ).length
      tasks.push({
        section,
        title: 'Requests for further information',
        href: evidencePaths.requests.build({ activityId }),
        status:
          overdue > 0
            ? 'overdue'
            : rfis.length === 0
              ? 'not-started'
              : waiting > 0 || rfis.some((rfi) => rfi.status === 'requested')
                ? 'in-progress'
                : 'completed',
        hint:
          rfis.length === 0
            ? 'None yet'
            : `${plural(rfis.length, 'request')}${waiting > 0 ? `; ${waiting} ${la ? 'awaiting your response' : 'awaiting the lead inspector'}` : ''}${overdue > 0 ? `; ${overdue} overdue` : ''}`,
      })
    }
    if (may.concerns) {
      const concerns = la
        ? summary.concerns.filter((concern) => CONCERN_LA_VISIBLE.includes(concern.status))
        : summary.concerns
      const overdue = concerns.filter((concern) => concernOverdue(concern, summary.today)).length
      const open = concerns.filter((concern) => concern.status !== 'concluded').length
      tasks.push({
        section,
        title: 'Cases of concern',
        href: evidencePaths.concerns.build({ activityId }),
        status: overdue > 0 ? 'overdue' : concerns.length === 0 ? 'not-needed' : open > 0 ? 'in-progress' : 'completed',
        hint:
          concerns.length === 0
            ? 'None raised'
            : `${plural(concerns.length, 'case')}${open > 0 ? `; ${open} open` : ''}${overdue > 0 ? `; ${overdue} response${overdue === 1 ? '' : 's'} overdue` : ''}`,
      })
    }
    return tasks
  }
}
