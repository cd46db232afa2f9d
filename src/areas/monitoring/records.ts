import type { PeopleDirectory } from '../../auth/people.js'
import { type Action, canOn, laFilter, type PolicyTarget, type Principal } from '../../auth/policy.js'
import type { BlobStore } from '../../files/blob-store.js'
import { NotFoundError } from '../../errors.js'
import type { ServiceDeps } from '../deps.js'
import { afterReinspection } from '../../rules/after-inadequate.js'
import { type JudgementRecord, pathwayGrade, type RegisterService } from '../register/index.js'
import { findProgramme, plansOf, programmesOf, progressOf, recommendationsOf, reviewsOf } from './repository.js'
import { type Programme, type ProgrammeRecord, PROGRESS_LEVELS, type ReinspectionOutcome } from './types.js'

/** What a monitoring visit's letter says of the programme's items (001#25, #40): each looked at, and the rest. */
export interface VisitItemProgress {
  readonly looked: readonly { ref: string; text: string; progress: string; note: string }[]
  readonly notLooked: readonly { ref: string; text: string }[]
}

export interface MonitoringDeps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'show' | 'target' | 'localAuthorities' | 'histories' | 'deliveryOn'>
  readonly people: PeopleDirectory
  readonly blobs: BlobStore
  /** The items of the report an activity published (the reports area), to take instead of typing them. */
  readonly reportItems?: (activityId: string) => Promise<{ kind: 'recommendation' | 'priority-action'; text: string }[]>
  /** The LA's monitoring visits and post-monitoring inspections (the activities area), as the principal may see them. */
  readonly monitoringActivities?: (principal: Principal, laCode: string) => Promise<readonly { id: string }[]>
}

/**
 * The first graded judgement published after the programme's own (a current record, not a
 * corrected one) and what follows from it (M9, afterReinspection). Read, not stored: a correction
 * of that judgement in the register changes the outcome with it.
 */
function reinspectionOutcome(programme: Programme, records: readonly JudgementRecord[]): ReinspectionOutcome | null {
  const own = records.find((record) => record.id === programme.judgementId)
  if (!own) return null
  const next = records
    .filter((record) => record.correctedById === null && record.publishedOn > own.publishedOn)
    .map((record) => ({ record, grade: pathwayGrade(record.framework, record.grades)?.grade }))
    .filter((entry) => entry.grade !== undefined)
    .sort((a, b) => a.record.publishedOn.localeCompare(b.record.publishedOn))[0]
  if (!next?.grade) return null
  const after = afterReinspection(next.grade)
  return {
    judgementId: next.record.id,
    publishedOn: next.record.publishedOn,
    grade: next.grade,
    monitoringRestarts: after.monitoringRestarts,
    message: after.message,
    citation: after.citation,
  }
}

/** Reading programmes: one with everything recorded against it, an LA's, everyone's in scope, and the policy target of each. */
export function monitoringRecords({ db, register }: MonitoringDeps) {
  async function assemble(programmes: readonly Programme[]): Promise<ProgrammeRecord[]> {
    const ids = programmes.map((programme) => programme.id)
    const [recommendations, plans, reviews, progress, histories] = await Promise.all([
      recommendationsOf(db, ids),
      plansOf(db, ids),
      reviewsOf(db, ids),
      progressOf(db, ids),
      programmes.length ? register.histories() : new Map(),
    ])
    return programmes.map((stored) => {
      const mine = <T extends { programmeId: string }>(rows: readonly T[]) =>
        rows.filter((row) => row.programmeId === stored.id)
      const outcome = reinspectionOutcome(stored, histories.get(stored.laCode)?.records ?? [])
      // Closed by the re-inspection's publication unless it was closed earlier (ADR 0018).
      const programme = outcome && !stored.closedOn ? { ...stored, closedOn: outcome.publishedOn } : stored
      return {
        programme,
        outcome,
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

    /**
     * The items of the programme a monitoring visit belongs to (the one its progress was recorded
     * against, else the LA's programme open on its first day on site), each with the progress
     * recorded at the visit (the latest, when recorded twice), and those it did not look at. For
     * the visit's letter (001#25, #40); undefined when the visit belongs to no programme with items.
     */
    async visitProgress(
      activityId: string,
      laCode: string,
      onsiteStart: string,
    ): Promise<VisitItemProgress | undefined> {
      const programmes = await assemble(await programmesOf(db, [laCode]))
      const record =
        programmes.find((candidate) => candidate.progress.some((entry) => entry.activityId === activityId)) ??
        programmes.find(
          ({ programme }) =>
            programme.openedOn <= onsiteStart && (!programme.closedOn || programme.closedOn >= onsiteStart),
        )
      if (!record || record.recommendations.length === 0) return undefined
      const looked: { ref: string; text: string; progress: string; note: string }[] = []
      const notLooked: { ref: string; text: string }[] = []
      for (const item of record.recommendations) {
        // Entries come oldest first: the last one recorded at this visit stands.
        const entry = record.progress
          .filter((candidate) => candidate.recommendationId === item.id && candidate.activityId === activityId)
          .at(-1)
        if (entry && entry.progress !== 'not-yet-seen')
          looked.push({ ref: item.ref, text: item.text, progress: PROGRESS_LEVELS[entry.progress], note: entry.note })
        else notLooked.push({ ref: item.ref, text: item.text })
      }
      return { looked, notLooked }
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
