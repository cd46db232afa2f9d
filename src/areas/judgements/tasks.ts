import { canOn } from '../../auth/policy.js'
import type { ActivitiesService } from '../activities/index.js'
import type { ActivityTask, ActivityTaskProvider, TaskStatus } from '../activities/index.js'
import { FRAMEWORK_INFO } from '../register/index.js'
import { judgementPaths } from './paths.js'
import type { JudgementsService } from './service.js'

const BEFORE_FIELDWORK: readonly string[] = ['planned', 'notified', 'deferred', 'cancelled']

/**
 * The judgements area's tasks on the activity page: the judgements (or focused-visit findings)
 * and the feedback meeting, for the people who may see them; for the LA's DCS, the provisional
 * judgements given at feedback once it is on record (002#197).
 */
export function judgementTasks(judgements: JudgementsService, activities: ActivitiesService): ActivityTaskProvider {
  return async (activity, principal) => {
    const target = await activities.target(activity.id)
    if (!target) return []
    const activityId = activity.id
    const state = await judgements.taskState(activity)
    const section = 'Judgements and feedback'
    if (canOn(principal, 'judgements.view', target)) {
      const notYet = BEFORE_FIELDWORK.includes(activity.status)
      const outcomeStatus: TaskStatus = notYet
        ? 'cannot-start'
        : state.confirmed
          ? 'completed'
          : state.recorded > 0
            ? 'in-progress'
            : 'not-started'
      const tasks: ActivityTask[] = [
        state.graded
          ? {
              section,
              title: 'Judgements',
              href: judgementPaths.overview.build({ activityId }),
              status: outcomeStatus,
              hint: state.framework
                ? `${state.recorded} of ${state.total} recorded under ${FRAMEWORK_INFO[state.framework].label}${state.confirmed ? ', confirmed' : ''} (002#96-101)`
                : undefined,
            }
          : {
              section,
              title: 'Focused visit findings',
              href: judgementPaths.findings.build({ activityId }),
              status: outcomeStatus,
              hint: 'Strengths, areas for improvement and any areas for priority action; no grades (002#108-110)',
            },
        {
          section,
          title: 'Feedback meeting',
          href: judgementPaths.feedback.build({ activityId }),
          status: state.feedback ? 'completed' : notYet || !state.confirmed ? 'cannot-start' : 'not-started',
          hint: state.feedback ? undefined : 'On the last day on site, usually no longer than 60 minutes (002#197-201)',
        },
      ]
      return tasks
    }
    if (
      state.feedback &&
      canOn(principal, 'judgements.view-feedback', { ...target, laVisible: target.laVisible !== false })
    ) {
      return [
        {
          section: 'Feedback',
          title: state.graded ? 'Provisional judgements given at feedback' : 'Feedback meeting',
          href: judgementPaths.feedback.build({ activityId }),
          status: 'completed',
          hint: 'Provisional until the report is published (002#197)',
        },
      ]
    }
    return []
  }
}
