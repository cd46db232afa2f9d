import type { PeopleDirectory } from '../../auth/people.js'
import { type Action, canOn, laFilter, type PolicyTarget, type Principal } from '../../auth/policy.js'
import type { BlobStore } from '../../files/blob-store.js'
import { NotFoundError } from '../../errors.js'
import type { ServiceDeps } from '../deps.js'
import type { RegisterService } from '../register/index.js'
import { findProgramme, plansOf, programmesOf, progressOf, recommendationsOf, reviewsOf } from './repository.js'
import type { Programme, ProgrammeRecord } from './types.js'

export interface MonitoringDeps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'show' | 'target' | 'localAuthorities' | 'histories'>
  readonly people: PeopleDirectory
  readonly blobs: BlobStore
}

/** Reading programmes: one with everything recorded against it, an LA's, everyone's in scope, and the policy target of each. */
export function monitoringRecords({ db, register }: MonitoringDeps) {
  async function assemble(programmes: readonly Programme[]): Promise<ProgrammeRecord[]> {
    const ids = programmes.map((programme) => programme.id)
    const [recommendations, plans, reviews, progress] = await Promise.all([
      recommendationsOf(db, ids),
      plansOf(db, ids),
      reviewsOf(db, ids),
      progressOf(db, ids),
    ])
    return programmes.map((programme) => {
      const mine = <T extends { programmeId: string }>(rows: readonly T[]) =>
        rows.filter((row) => row.programmeId === programme.id)
      return {
        programme,
        recommendations: mine(recommendations),
        plans: mine(plans),
        reviews: mine(reviews),
        progress: mine(progress),
      }
    })
  }

  return {
    assemble,

    /** The LA's name, for titles and file names. */
    async laName(laCode: string): Promise<string> {
      return (await register.show(laCode)).la.name
    },

    /** The policy target of a programme: its LA, or null when there is no such programme (404). */
    async target(programmeId: string): Promise<PolicyTarget | null> {
      const programme = await findProgramme(db, programmeId)
      return programme ? register.target(programme.laCode) : null
    },

    /** Throw NotFoundError unless the principal may do `action` on the LA (the route checked it too). */
    async guard(principal: Principal, action: Action, laCode: string): Promise<PolicyTarget> {
      const found = await register.target(laCode)
      if (!found || !canOn(principal, action, found)) throw new NotFoundError()
      return found
    },

    /** One programme with its items, plans, reviews and progress; NotFoundError if none. */
    async record(programmeId: string): Promise<ProgrammeRecord> {
      const programme = await findProgramme(db, programmeId)
      if (!programme) throw new NotFoundError()
      return (await assemble([programme]))[0]!
    },

    /** An LA's programmes, newest first. */
    async ofLa(laCode: string): Promise<ProgrammeRecord[]> {
      return assemble(await programmesOf(db, [laCode]))
    },

    /**
     * LAs whose latest judgement is inadequate and has no programme yet, among those the principal
     * may open a programme for (the regional director's home page, 001#4-5).
     */
    async awaitingProgramme(principal: Principal): Promise<{ laCode: string; name: string; publishedOn: string }[]> {
      const filter = laFilter(principal, 'monitoring.direct')
      if (filter.kind !== 'all' && filter.kind !== 'region') return []
      const [las, histories, programmes] = await Promise.all([
        register.localAuthorities(),
        register.histories(),
        programmesOf(db),
      ])
      const answered = new Set(programmes.map((programme) => programme.judgementId))
      return las.flatMap((la) => {
        if (filter.kind === 'region' && la.regionCode !== filter.regionCode) return []
        const standing = histories.get(la.laCode)?.standing
        if (standing?.grade !== 'inadequate' || answered.has(standing.record.id)) return []
        return [{ laCode: la.laCode, name: la.name, publishedOn: standing.record.publishedOn }]
      })
    },

    /** Every programme the principal may see (or every programme), newest first. */
    async inScope(principal: Principal | 'everyone'): Promise<ProgrammeRecord[]> {
      if (principal === 'everyone') return assemble(await programmesOf(db))
      const filter = laFilter(principal, 'monitoring.view')
      if (filter.kind === 'none' || filter.kind === 'team') return []
      if (filter.kind === 'las') return assemble(await programmesOf(db, filter.laCodes))
      const all = await programmesOf(db)
      if (filter.kind === 'all') return assemble(all)
      const inRegion = new Set(
        (await register.localAuthorities()).filter((la) => la.regionCode === filter.regionCode).map((la) => la.laCode),
      )
      return assemble(all.filter((programme) => inRegion.has(programme.laCode)))
    },
  }
}

export type MonitoringRecords = ReturnType<typeof monitoringRecords>
