import { can } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import type { ActivityTaskProvider } from '../activities/index.js'
import { engagementPaths } from './paths.js'
import type { EngagementService } from './service.js'

/**
 * The engagement area's part of the activity page (issue 13): the LA's latest self-evaluation
 * shared before fieldwork, which inspectors read in their pre-inspection analysis and which
 * stands as Annex A item 1.05 (002#33-36, #260). Sharing it is voluntary (002#27).
 */
export function engagementTasks(engagement: Pick<EngagementService, 'latestSelfEvaluation'>): ActivityTaskProvider {
  return async (activity, principal) => {
    const latest = await engagement.latestSelfEvaluation(activity.laCode, activity.onsiteStart)
    const href = can(principal, 'engagement.view') ? engagementPaths.la.build({ laCode: activity.laCode }) : undefined
    if (!latest)
      return [
        {
          section: 'Pre-inspection analysis',
          title: 'The LA’s self-evaluation: none shared',
          href,
          status: 'not-needed',
          hint: 'Sharing a self-evaluation is voluntary (002#27); Annex A item 1.05 asks for the most recent one',
        },
      ]
    const parts = [
      latest.document ? 'a document' : '',
      latest.whatWeKnow || latest.howWeKnow || latest.plans ? 'answers to the three questions' : '',
      latest.actionPlan ? 'the updated action plan' : '',
    ].filter(Boolean)
    return [
      {
        section: 'Pre-inspection analysis',
        title: `The LA’s self-evaluation, shared ${formatDate(latest.sharedOn)}`,
        href,
        status: 'completed',
        hint: `${parts.join(', ')}: read it in the pre-inspection analysis; it is Annex A item 1.05 (002#33, #260)`,
      },
    ]
  }
}
