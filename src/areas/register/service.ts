import { recordAudit } from '../../auth/audit.js'
import { type Principal, canOn, laFilter } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { FieldErrors } from '../../web/legacy-forms.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import type { PathwayStatus } from '../../rules/pathways.js'
import type { Grade } from './frameworks.js'
import { createJudgementCache } from './judgement-cache.js'
import { registerPathway } from './pathway.js'
import { currentRecords, latestJudgement, type Standing, standing } from './history.js'
import { type JudgementForm, checkJudgement } from './judgement-input.js'
import {
  type JudgementRecord,
  type LocalAuthority,
  findLocalAuthority,
  insertJudgement,
  judgementRecords,
  listLocalAuthorities,
  listRegions,
  lockJudgement,
} from './repository.js'

export interface RegisterEntry {
  readonly la: LocalAuthority
  readonly standing: Standing | undefined
  readonly pathway: PathwayStatus | undefined
}

export interface RegisterQuery {
  readonly search?: string | undefined
  readonly regionCode?: string | undefined
  /** A grade, or 'none' for LAs with no judgement recorded. */
  readonly grade?: Grade | 'none' | undefined
  readonly pathway?: 1 | 2 | 3 | undefined
  /** `YYYY-MM`: LAs whose next judgement inspection is due in a window that includes this month. */
  readonly dueMonth?: string | undefined
  readonly overdueOnly?: boolean | undefined
}

/** Does the window [from, to] overlap the calendar month `YYYY-MM`? */
export function windowIncludesMonth(window: { from: string; to: string }, month: string): boolean {
  return window.from.slice(0, 7) <= month && month <= window.to.slice(0, 7)
}

export function createRegisterService({ db, clock }: ServiceDeps) {
  const cache = createJudgementCache(db)
  // Reference data is loaded before the app starts and does not change while it runs.
  let allLas: Promise<LocalAuthority[]> | undefined
  const localAuthorities = () => (allLas ??= listLocalAuthorities(db, { kind: 'all' }))
  // Standings and pathways of every LA, worked out once per change of the records or of the day.
  let derived:
    | {
        key: string
        byLa: Map<
          string,
          { standing: Standing | undefined; pathway: PathwayStatus | undefined; records: JudgementRecord[] }
        >
      }
    | undefined
  async function standings() {
    const { version, records } = await cache.snapshot()
    const today = clock.today()
    const key = `${version}|${today}`
    if (derived?.key !== key) {
      const byLa = new Map<
        string,
        { standing: Standing | undefined; pathway: PathwayStatus | undefined; records: JudgementRecord[] }
      >()
      for (const [laCode, history] of groupByLa(records))
        byLa.set(laCode, { standing: standing(history), pathway: registerPathway(history, today), records: history })
      derived = { key, byLa }
    }
    return derived.byLa
  }

  return {
    regions: () => listRegions(db),

    /** Every LA in the register, by name: reference data, read once. */
    localAuthorities,

    /** The LA for a route's authorisation check, or undefined (404). */
    findLocalAuthority: async (laCode: string) => (await localAuthorities()).find((la) => la.laCode === laCode),

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

    /** One LA with its whole judgement history (corrected versions included). */
    async show(laCode: string): Promise<{
      la: LocalAuthority
      records: JudgementRecord[]
      standing: Standing | undefined
      pathway: PathwayStatus | undefined
    }> {
      const la = (await localAuthorities()).find((candidate) => candidate.laCode === laCode)
      if (!la) throw new NotFoundError()
      const entry = (await standings()).get(laCode)
      return { la, records: entry?.records ?? [], standing: entry?.standing, pathway: entry?.pathway }
    },

    /**
     * Record a published judgement (issue 3; 002#96-97). Checked, then written with its audit
     * entry in one transaction. Throws ValidationError with the field map.
     */
    async record(
      principal: Principal,
      laCode: string,
      form: JudgementForm,
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      return db.transaction().execute(async (trx) => {
        const la = await findLocalAuthority(trx, laCode)
        if (!la || !canOn(principal, 'judgement.record', la)) throw new NotFoundError()
        const records = await judgementRecords(trx, [laCode])
        const errors: FieldErrors = { ...dateErrors }
        const previous = latestJudgement(records)
        const valid = checkJudgement(form, { today: clock.today(), previous }, errors)
        if (!valid) throw new ValidationError(errors)
        const id = await insertJudgement(trx, { ...valid, laCode, source: 'manual', recordedBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'judgement.record',
          recordType: 'judgement',
          recordId: id,
          laCode,
          summary: `Recorded ${valid.activityType} judgement published ${valid.publishedOn} for ${la.name}`,
          changes: { after: valid },
          requestId: context.requestId,
        })
        return id
      })
    },

    /**
     * Correct a judgement: a new record that names the one it corrects and why. The old record
     * stays in the history; only the latest version of each judgement counts.
     */
    async correct(
      principal: Principal,
      laCode: string,
      recordId: string,
      form: JudgementForm,
      reason: string,
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      return db.transaction().execute(async (trx) => {
        const la = await findLocalAuthority(trx, laCode)
        if (!la || !canOn(principal, 'judgement.record', la)) throw new NotFoundError()
        const locked = await lockJudgement(trx, recordId)
        if (!locked || locked.la_code !== laCode) throw new NotFoundError()
        const records = await judgementRecords(trx, [laCode])
        const original = records.find((record) => record.id === recordId)
        if (!original) throw new NotFoundError()
        if (original.correctedById)
          throw new ConflictError('This judgement has already been corrected. Correct its latest version instead.')
        const errors: FieldErrors = { ...dateErrors }
        if (!reason) errors.correctionReason = 'Enter why the judgement is being corrected'
        const others = currentRecords(records).filter((record) => record.id !== recordId)
        const valid = checkJudgement(form, { today: clock.today(), previous: latestJudgement(others) }, errors)
        if (!valid || errors.correctionReason) throw new ValidationError(errors)
        const id = await insertJudgement(trx, {
          ...valid,
          laCode,
          correctsId: recordId,
          correctionReason: reason,
          source: 'manual',
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'judgement.correct',
          recordType: 'judgement',
          recordId: id,
          laCode,
          summary: `Corrected judgement ${recordId} for ${la.name}: ${reason}`,
          changes: { corrects: recordId, reason, before: pick(original), after: valid },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
}

export type RegisterService = ReturnType<typeof createRegisterService>

function groupByLa(records: readonly JudgementRecord[]): Map<string, JudgementRecord[]> {
  const byLa = new Map<string, JudgementRecord[]>()
  for (const record of records) {
    const list = byLa.get(record.laCode) ?? []
    list.push(record)
    byLa.set(record.laCode, list)
  }
  return byLa
}

function pick(record: JudgementRecord) {
  const { framework, activityType, inspectionStart, inspectionEnd, publishedOn, grades } = record
  return { framework, activityType, inspectionStart, inspectionEnd, publishedOn, grades }
}
