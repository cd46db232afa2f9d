import { laFilter, type Principal } from '../../auth/policy.js'
import { offersOf } from './repository.js'
import type { Offer2015Deps } from './service.js'

/**
 * LAs with a SIF inadequate judgement without an offer, among those the principal may open one
 * for (000#5: every LA judged inadequate under the SIF was offered it), oldest first.
 */
export async function awaitingOffer(
  { db, register }: Pick<Offer2015Deps, 'db' | 'register'>,
  principal: Principal,
): Promise<{ laCode: string; name: string; publishedOn: string }[]> {
  const filter = laFilter(principal, 'offer-2015.direct')
  if (filter.kind !== 'all' && filter.kind !== 'region') return []
  const [las, histories, offers] = await Promise.all([register.localAuthorities(), register.histories(), offersOf(db)])
  const answered = new Set(offers.map((offer) => offer.judgementId))
  return las
    .flatMap((la) => {
      if (filter.kind === 'region' && la.regionCode !== filter.regionCode) return []
      return (histories.get(la.laCode)?.records ?? [])
        .filter(
          (record) =>
            record.framework === 'sif' &&
            !record.correctedById &&
            record.grades['overall'] === 'inadequate' &&
            !answered.has(record.id),
        )
        .map((record) => ({ laCode: la.laCode, name: la.name, publishedOn: record.publishedOn }))
    })
    .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.name.localeCompare(b.name))
}
