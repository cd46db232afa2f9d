import { formatDate } from '../../rules/calendar/dates.js'
import type { ActivityTaskProvider } from '../activities/index.js'
import { KIND_LABELS } from './kinds.js'
import { publicationPaths } from './paths.js'
import { timelinessText } from './presenters.js'
import type { PublicationsService } from './service.js'

/**
 * The publications area's part of the activity page (issue 11: linked both ways): what was
 * published from the activity, each linking its public page, with its timeliness against
 * 002#216. A first monitoring letter shows as recorded and not published (001#41).
 */
export function publicationTasks(publications: Pick<PublicationsService, 'ofActivity'>): ActivityTaskProvider {
  return async (activity) => {
    const published = await publications.ofActivity(activity.id)
    return published.map((publication) =>
      publication.public
        ? {
            section: 'Publication',
            title: `${KIND_LABELS[publication.kind]}: published ${formatDate(publication.publishedOn)}`,
            href: publicationPaths.show.build({ publicationId: publication.id }),
            status: 'completed' as const,
            hint: timelinessText(publication),
          }
        : {
            section: 'Publication',
            title: `${KIND_LABELS[publication.kind]}: recorded, not published`,
            status: 'not-needed' as const,
            hint: 'The letter after the first monitoring visit of a set is not published (001#41, 002#202 footnote 28)',
          },
    )
  }
}
