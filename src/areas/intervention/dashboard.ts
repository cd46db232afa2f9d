import { can, type Principal } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { addDays, formatDate } from '../../rules/calendar/dates.js'
import { nextBoardMeetingBy, REPORT_DUE_SOON_DAYS, reportState } from '../../rules/intervention-record.js'
import { ROLE_INFO } from '../../auth/roles.js'
import type { DashboardItem } from '../home/index.js'
import type { RegisterService } from '../register/index.js'
import { interventionPaths } from './paths.js'
import type { InterventionService } from './service.js'
import { REPORT_SOURCES } from './types.js'

const AFTER_OFSTED = '004 What happens once Ofsted has left'

/**
 * The intervention area's part of the home page (issue 10: every role has a work queue; issue 13):
 * the DfE case lead sees each new inadequate judgement with no record yet (G7), the reports of the
 * schedule late or due within two weeks and the board meetings due (G3); the other DfE staff the
 * reports they owe; the LA's DCS the reports their council owes.
 */
export function interventionDashboard(
  intervention: InterventionService,
  register: Pick<RegisterService, 'localAuthorities'>,
  clock: Clock,
) {
  return async function interventionItems(principal: Principal): Promise<DashboardItem[]> {
    // Ofsted's directors read every record; their work on it is the triggers, on the LA's page.
    if (!can(principal, 'intervention.view') || ROLE_INFO[principal.role].kind === 'ofsted') return []
    const today = clock.today()
    const manages = can(principal, 'intervention.manage')
    const items: DashboardItem[] = []
    if (manages)
      for (const alert of await intervention.alerts(principal.laCodes))
        items.push({
          urgency: 'today',
          title: `New inadequate judgement: open an intervention record for ${alert.laName}`,
          href: interventionPaths.la.build({ laCode: alert.laCode }),
          ...(alert.trigger.since ? { detail: `Published ${formatDate(alert.trigger.since)}` } : {}),
          rule: 'G7',
          citation: AFTER_OFSTED,
        })
    const las = new Map((await register.localAuthorities()).map((la) => [la.laCode, la.name]))
    for (const record of await intervention.inScope(principal)) {
      const { intervention: current } = record
      if (current.closedOn) continue
      const la = las.get(current.laCode) ?? current.laCode
      const href = interventionPaths.show.build({ interventionId: current.id })
      for (const report of record.reports) {
        if (report.receivedOn || report.dueOn > addDays(today, REPORT_DUE_SOON_DAYS)) continue
        // The LA's DCS is asked only for the council's own reports; DfE staff other than the case
        // lead only for the reports they owe.
        if (principal.role === 'la-dcs' && report.dueFrom !== 'council') continue
        if (!manages && principal.role !== 'la-dcs' && report.ownerEmail !== principal.email) continue
        const state = reportState(report.dueOn, report.receivedOn, today)
        items.push({
          urgency: state.state === 'overdue' ? 'overdue' : report.dueOn === today ? 'today' : 'soon',
          title: `${report.title} for ${la}`,
          href: `${href}#reports`,
          due: report.dueOn,
          detail: `${state.label}. Due from: ${REPORT_SOURCES[report.dueFrom]}`,
          rule: state.rule,
          citation: state.citation,
        })
      }
      if (manages && record.board) {
        const next = nextBoardMeetingBy(record.meetings.at(-1)?.metOn, record.board.setUpOn, today)
        if (next.by <= addDays(today, REPORT_DUE_SOON_DAYS))
          items.push({
            urgency: next.late ? 'overdue' : next.by === today ? 'today' : 'soon',
            title: `Improvement board meeting for ${la}`,
            href: `${href}#board`,
            due: next.by,
            detail: 'Boards meet monthly to six-weekly: record the meeting and its minutes',
            rule: next.rule,
            citation: next.citation,
          })
      }
    }
    return items
  }
}
