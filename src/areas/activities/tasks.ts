import type { Principal } from '../../auth/policy.js'
import { withCitationLinks } from '../../web/rule-links.js'
import type { Activity } from './types.js'

/**
 * The activity page is a GOV.UK task list. Each area contributes the tasks it owns (Annex A,
 * evidence, judgements…) through a provider, so the page grows with the service without the
 * activities area knowing every other area.
 */
export type TaskStatus =
  | 'completed'
  | 'in-progress'
  | 'not-started'
  | 'cannot-start'
  | 'overdue'
  | 'not-needed'
  /** Its time has passed without it: shown as history, never as overdue. */
  | 'not-received'
  /** Fieldwork is over: nothing more can be added. */
  | 'closed'

export interface ActivityTask {
  readonly section: string
  readonly title: string
  readonly href?: string | undefined
  readonly status: TaskStatus
  readonly hint?: string | undefined
}

export type ActivityTaskProvider = (activity: Activity, principal: Principal) => Promise<ActivityTask[]>

/**
 * What another area has found wrong with the activity as planned (the programme planner's rule
 * checks), shown at the top of the activity page: how many, and the list as HTML with each
 * check's words first and its rule linked after.
 */
export interface ActivityChecks {
  readonly errors: number
  readonly warnings: number
  readonly html: string
}
export type ActivityChecksProvider = (activity: Activity, principal: Principal) => Promise<ActivityChecks | undefined>

const STATUS_TEXT: Readonly<Record<TaskStatus, { text: string; tag?: string }>> = {
  completed: { text: 'Completed' },
  'in-progress': { text: 'In progress', tag: 'govuk-tag--light-blue' },
  'not-started': { text: 'Not started', tag: 'govuk-tag--blue' },
  'cannot-start': { text: 'Cannot start yet' },
  overdue: { text: 'Overdue', tag: 'govuk-tag--red' },
  'not-needed': { text: 'Not needed' },
  'not-received': { text: 'Not received' },
  closed: { text: 'Closed' },
}

/** Sections of govukTaskList items, in the order the providers gave them. */
export function taskListSections(tasks: readonly ActivityTask[]) {
  const sections: Array<{ title: string; items: Array<Record<string, unknown>> }> = []
  for (const task of tasks) {
    let section = sections.find((candidate) => candidate.title === task.section)
    if (!section) {
      section = { title: task.section, items: [] }
      sections.push(section)
    }
    const status = STATUS_TEXT[task.status]
    section.items.push({
      title: { text: task.title },
      hint: task.hint ? { html: withCitationLinks(task.hint) } : undefined,
      href: task.status === 'cannot-start' ? undefined : task.href,
      status: status.tag
        ? { tag: { text: status.text, classes: status.tag } }
        : {
            text: status.text,
            classes: ['cannot-start', 'not-needed', 'not-received', 'closed'].includes(task.status)
              ? 'govuk-task-list__status--cannot-start-yet'
              : undefined,
          },
    })
  }
  return sections
}
