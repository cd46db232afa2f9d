import type { Principal } from '../../auth/policy.js'
import type { RequestContext } from '../deps.js'
import type { AnnexARecords, AnnexAReturnsDeps } from './records.js'
import { profileOf } from './returns.repository.js'
import type { AnnexAReturn, StoredProfile } from './types.js'

/** The profile of the children on the lists (002#250): counts and measures, never child rows. */
export function profileService({ db }: AnnexAReturnsDeps, records: AnnexARecords) {
  return {
    /** The profile of the current return; an audited read. */
    async profile(
      principal: Principal,
      activityId: string,
      context: RequestContext,
    ): Promise<{ current: AnnexAReturn; profile: StoredProfile } | undefined> {
      const current = await records.current(activityId)
      if (!current) return undefined
      const profile = await profileOf(db, current.id)
      await records.audit(
        principal,
        activityId,
        'annex-a.read-profile',
        'Read the Annex A profile',
        current.id,
        context,
      )
      return { current, profile }
    },
  }
}
