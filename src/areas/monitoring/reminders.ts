import type { Roster } from '../../auth/people.js'
import type { Role } from '../../auth/roles.js'
import { type DueReminder, remindEach } from '../../notify/reminders.js'
import type { RegisterService } from '../register/index.js'
import { type Owner, programmeTasks } from './dashboard.js'
import { monitoringPaths } from './paths.js'
import type { MonitoringService } from './service.js'

/**
 * Who is reminded of a programme's step. The inspector's steps (001#10, #14) go to the
 * programme's named lead inspector; with none named, and for the senior HMI's steps (001#10,
 * #18), a senior HMI's account has no region, so they go to the regional director of the LA's
 * region, who gives the work out (and to a senior HMI whose account carries the region); the
 * DCS's action plan to the DCS, a referred difference to the LA's DfE case lead.
 */
const OWNER_ROLES: Readonly<Record<Owner, readonly Role[]>> = {
  director: ['regional-director'],
  inspector: ['senior-hmi', 'regional-director'],
  'senior-hmi': ['senior-hmi', 'regional-director'],
  la: ['la-dcs'],
  dfe: ['dfe-case-lead'],
}

/**
 * The monitoring programmes' deadlines for the reminder job (issue 13): the letter, the action
 * planning visit, its agenda and record, the LA's action plan (70 working days, 001#19), its
 * review and the re-inspection decision's latest date: the same steps as each owner's home page.
 */
export function monitoringReminders(
  monitoring: Pick<MonitoringService, 'inScope'>,
  register: Pick<RegisterService, 'localAuthorities'>,
  roster: () => Promise<Roster>,
) {
  return async function reminders(): Promise<DueReminder[]> {
    const [records, las, people] = await Promise.all([
      monitoring.inScope('everyone'),
      register.localAuthorities(),
      roster(),
    ])
    const byCode = new Map(las.map((la) => [la.laCode, la]))
    return records.flatMap((record) => {
      const la = byCode.get(record.programme.laCode)
      if (!la) return []
      const href = monitoringPaths.programme.build({ programmeId: record.programme.id })
      return programmeTasks(record, la.name).flatMap((task) =>
        remindEach(
          task.owner.flatMap((owner) => {
            const lead = owner === 'inspector' && record.programme.leadInspectorId
            const named = lead ? people.person(lead) : undefined
            return named ? [named] : people.at(la, OWNER_ROLES[owner])
          }),
          {
            kind: 'monitoring-step',
            recordId: `${record.programme.id}:${task.title}`,
            due: task.due,
            what: task.title,
            path: `${href}#${task.anchor}`,
          },
        ),
      )
    })
  }
}
