import { laFilter, type PolicyTarget, type Principal } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import type { PathwayStatus } from '../../rules/pathways.js'
import type { ServiceDeps } from '../deps.js'
import { standing } from './history.js'
import { earlierInspections } from './earlier.repository.js'
import { outcomeReadings } from './readings.repository.js'
import { createJudgementCache } from './judgement-cache.js'
import { type NationalDrift, nationalDrift } from './drift.js'
import { registerPathway } from './pathway.js'
import { type ExportedLa, exportedLa } from './outcomes/export.js'
import { listLocalAuthorities, listRegions } from './repository.js'
import { type VisitRecord, visitEntry } from './visits.js'
import type { JudgementRecord, LaHistory, LocalAuthority, RegisterEntry, RegisterQuery, Standing } from './types.js'

/** Does the window [from, to] overlap the calendar month `YYYY-MM`? */
export function windowIncludesMonth(window: { from: string; to: string }, month: string): boolean {
  return window.from.slice(0, 7) <= month && month <= window.to.slice(0, 7)
}

interface Derived {
  readonly standing: Standing | undefined
  readonly pathway: PathwayStatus | undefined
  readonly records: JudgementRecord[]
  readonly visits: VisitRecord[]
}

/**
 * Reading the register: the LAs (reference data, read once) and each one's judgement history,
 * standing and pathway, worked out once per change of the records or of the day.
 */
export function registerRecords({ db, clock }: ServiceDeps) {
  const cache = createJudgementCache(db)
  // Reference data is loaded before the app starts and does not change while it runs.
  let allLas: Promise<LocalAuthority[]> | undefined
  const localAuthorities = () => (allLas ??= listLocalAuthorities(db, { kind: 'all' }))
  let derived: { key: string; byLa: Map<string, Derived> } | undefined
  let driftCache: { version: string; drift: NationalDrift } | undefined

  async function standings(): Promise<Map<string, Derived>> {
    const { version, records, visits } = await cache.snapshot()
    const today = clock.today()
    const key = `${version}|${today}`
    if (derived?.key !== key) {
      const byLa = new Map<string, Derived>()
      const visitsByLa = groupByLa(visits)
      for (const [laCode, history] of groupByLa(records)) {
        const laVisits = visitsByLa.get(laCode) ?? []
        byLa.set(laCode, {
          standing: standing(history),
          pathway: registerPathway(history, today, laVisits.map(visitEntry)),
          records: history,
          visits: laVisits,
        })
      }
      // An LA with visits and no judgement yet (an import before its first judgement) has no pathway.
      for (const [laCode, laVisits] of visitsByLa)
        if (!byLa.has(laCode))
          byLa.set(laCode, { standing: undefined, pathway: undefined, records: [], visits: laVisits })
      derived = { key, byLa }
    }
    return derived.byLa
  }

  /** One LA with its whole judgement history (corrected versions included). */
  async function show(laCode: string): Promise<LaHistory> {
    const la = (await localAuthorities()).find((candidate) => candidate.laCode === laCode)
    if (!la) throw new NotFoundError()
    const entry = (await standings()).get(laCode)
    return {
      la,
      records: entry?.records ?? [],
      visits: entry?.visits ?? [],
      standing: entry?.standing,
      pathway: entry?.pathway,
    }
  }

  return {
    /** The nine regions, by code. */
    regions: () => listRegions(db),

    /** Every LA in the register, by name: reference data, read once. */
    localAuthorities,

    /** One LA, or undefined for a code that is not one. */
    findLocalAuthority: async (laCode: string) => (await localAuthorities()).find((la) => la.laCode === laCode),

    /** The policy target of an LA's pages, or null for a code that is not an LA (404). */
    async target(laCode: string): Promise<PolicyTarget | null> {
      const la = (await localAuthorities()).find((candidate) => candidate.laCode === laCode)
      return la ? { laCode: la.laCode, regionCode: la.regionCode } : null
    },

    /** The register as the principal may see it: every LA in scope with its standing. */
    async list(principal: Principal, query: RegisterQuery = {}): Promise<RegisterEntry[]> {
      const filter = laFilter(principal, 'register.view')
      const las = (await localAuthorities()).filter((la) =>
        filter.kind === 'all'
          ? true
          : filter.kind === 'region'
            ? la.regionCode === filter.regionCode
            : filter.kind === 'las'
              ? filter.laCodes.includes(la.laCode)
              : false,
      )
      const byLa = await standings()
      const search = query.search?.trim().toLowerCase()
      return las
        .map((la) => ({ la, standing: byLa.get(la.laCode)?.standing, pathway: byLa.get(la.laCode)?.pathway }))
        .filter((entry) => !query.regionCode || entry.la.regionCode === query.regionCode)
        .filter(
          (entry) => !query.grade || (query.grade === 'none' ? !entry.standing : entry.standing?.grade === query.grade),
        )
        .filter((entry) => !query.pathway || entry.pathway?.pathway === query.pathway)
        .filter(
          (entry) =>
            !query.dueMonth || (entry.pathway !== undefined && windowIncludesMonth(entry.pathway.next, query.dueMonth)),
        )
        .filter((entry) => !query.overdueOnly || (entry.pathway?.overdue.length ?? 0) > 0)
        .filter(
          (entry) =>
            !search ||
            entry.la.name.toLowerCase().includes(search) ||
            entry.la.laCode === search ||
            entry.la.gssCode.toLowerCase() === search,
        )
    },

    show,

    /**
     * The LA's inspections under the frameworks before the SIF (2009–2013), oldest first: history
     * only, read apart from the standings and pathways, which they never enter (issue 14).
     */
    earlierInspections: (laCode: string) => earlierInspections(db, [laCode]),

    /** What Ofsted's files said about the LA's inspections where the register keeps another value (ADR 0030). */
    outcomeReadings: (laCode: string) => outcomeReadings(db, [laCode]),

    /** The national distribution of lateness against the framework, from the real history (issue 14). */
    async drift(): Promise<NationalDrift> {
      const { version, records } = await cache.snapshot()
      if (driftCache?.version !== version)
        driftCache = { version, drift: nationalDrift(records, await localAuthorities()) }
      return driftCache.drift
    },

    /** Every LA with its whole history, pathway and next window, in the export's shape (issue 14). */
    async exportAll(): Promise<ExportedLa[]> {
      const las = await localAuthorities()
      const [byLa, earlier] = await Promise.all([standings(), earlierInspections(db)])
      const earlierByLa = groupByLa(earlier)
      return las.map((la) => {
        const entry = byLa.get(la.laCode)
        return exportedLa(
          {
            la,
            records: entry?.records ?? [],
            visits: entry?.visits ?? [],
            standing: entry?.standing,
            pathway: entry?.pathway,
          },
          earlierByLa.get(la.laCode) ?? [],
        )
      })
    },

    /** The activities whose visits the register holds (published through the service), so the planner counts each once. */
    async visitActivityIds(): Promise<Set<string>> {
      const { visits } = await cache.snapshot()
      return new Set(visits.flatMap((visit) => (visit.activityId ? [visit.activityId] : [])))
    },

    /**
     * Every LA's judgement records (corrected versions included) and standing, from one snapshot:
     * a batch read for other areas (ADR 0007). LAs with no judgement are absent.
     */
    async histories(): Promise<
      ReadonlyMap<string, { readonly records: readonly JudgementRecord[]; readonly standing: Standing | undefined }>
    > {
      return new Map([...(await standings())].map(([laCode, entry]) => [laCode, entry]))
    },

    /** One version of one of the LA's judgements (a corrected one too); NotFoundError if it has none of that id. */
    async judgementRecord(laCode: string, recordId: string): Promise<JudgementRecord> {
      const record = (await show(laCode)).records.find((candidate) => candidate.id === recordId)
      if (!record) throw new NotFoundError()
      return record
    },
  }
}

export type RegisterRecords = ReturnType<typeof registerRecords>

function groupByLa<T extends { readonly laCode: string }>(records: readonly T[]): Map<string, T[]> {
  const byLa = new Map<string, T[]>()
  for (const record of records) {
    const list = byLa.get(record.laCode) ?? []
    list.push(record)
    byLa.set(record.laCode, list)
  }
  return byLa
}
