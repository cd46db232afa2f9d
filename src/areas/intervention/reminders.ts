import { nextBoardMeetingBy } from '../../rules/intervention-record.js'
import type { DueReminder } from '../../notify/reminders.js'
import { interventionPaths } from './paths.js'
import type { InterventionDeps, InterventionRecords } from './records.js'
import type { triggersService } from './triggers.service.js'
import { REPORT_SOURCES } from './types.js'

/**
 * The intervention area's deadlines for the reminder job (issue 13): reports due to the DfE (to
 * the person named on the report, else the case lead), the board's next meeting (to the case
 * lead), and new inadequate judgements (an alert to every DfE case lead assigned to the LA).
 */
export function interventionReminders(
  deps: InterventionDeps,
  records: InterventionRecords,
  triggers: ReturnType<typeof triggersService>,
) {
  const { register, people } = deps
  return async function reminders(today: string): Promise<DueReminder[]> {
    const las = await register.localAuthorities()
    const nameOf = (laCode: string) => las.find((la) => la.laCode === laCode)?.name ?? laCode
    const all = (await records.assembleAll()).filter((record) => !record.intervention.closedOn)
    const leads = await people.byIds(all.map((record) => record.intervention.caseLeadId))
    const due: DueReminder[] = []
    for (const record of all) {
      const { intervention } = record
      // Until a case lead is named on the record, the DfE case lead assigned to the LA owes its steps.
      const lead = intervention.caseLeadId
        ? leads.get(intervention.caseLeadId)
        : (await people.assignedTo(intervention.laCode, ['dfe-case-lead']))[0]
      const href = interventionPaths.show.build({ interventionId: intervention.id })
      for (const report of record.reports.filter((item) => !item.receivedOn)) {
        const email = report.ownerEmail ?? lead?.email
        if (email)
          due.push({
            kind: 'intervention-report',
            recordId: report.id,
            due: report.dueOn,
            recipient: { email, ...(report.ownerEmail ? {} : { userId: lead?.id }) },
            what: `${report.title} (${REPORT_SOURCES[report.dueFrom]}) for ${nameOf(intervention.laCode)}`,
            path: `${href}#reports`,
          })
      }
      if (record.board && lead) {
        const next = nextBoardMeetingBy(record.meetings.at(-1)?.metOn, record.board.setUpOn, today)
        due.push({
          kind: 'board-meeting',
          recordId: intervention.id,
          due: next.by,
          recipient: { email: lead.email, userId: lead.id },
          what: `The next improvement board meeting for ${nameOf(intervention.laCode)}`,
          path: `${href}#board`,
        })
      }
    }
    for (const alert of await triggers.alerts(las.map((la) => la.laCode))) {
      for (const lead of await people.assignedTo(alert.laCode, ['dfe-case-lead']))
        due.push({
          kind: 'intervention-alert',
          recordId: `${alert.laCode}:${alert.trigger.since}`,
          due: alert.trigger.since ?? today,
          recipient: { email: lead.email, userId: lead.id },
          what: `New inadequate judgement: ${alert.laName}`,
          path: interventionPaths.la.build({ laCode: alert.laCode }),
        })
    }
    return due
  }
}
