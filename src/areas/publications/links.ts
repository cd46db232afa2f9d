import { can, type Principal } from '../../auth/policy.js'
import { activityPaths } from '../activities/index.js'
import type { SourceLinks } from '../register/index.js'
import { publicationPaths } from './paths.js'

/**
 * Links from a register record the service published back to where it came from (issue 11:
 * linked both ways): its public page, when it is public, and its activity for those who see
 * activities (the activity's own page still checks the account reaches it).
 */
export function publicationSourceLinks(principal: Principal): SourceLinks {
  return ({ activityId, publicationId, published }) => [
    ...(published && publicationId
      ? [{ text: 'Read the published report or letter', href: publicationPaths.show.build({ publicationId }) }]
      : []),
    ...(can(principal, 'activity.view')
      ? [{ text: 'The inspection or visit it came from', href: activityPaths.show.build({ activityId }) }]
      : []),
  ]
}
