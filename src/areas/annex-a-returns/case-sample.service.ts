import type { AuditAction } from '../../auth/audit-actions.js'
import type { Transaction } from 'kysely'
import { childSummary, type ChildSummary, sampleCoverage } from '../../annex-a/index.js'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import type { Database } from '../../db/tables.js'
import { AUDITED_CASES_REQUESTED } from '../../rules/case-selection.js'
import { ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import type { AnnexARecords, AnnexAReturnsDeps } from './records.js'
import { deleteSampleEntry, insertSampleEntries, sampleOf, setAuditedCasesRequested } from './case-sample.repository.js'
import type { ChildFilter, ChildrenFound, SampleEntry } from './types.js'

/**
 * The case sample (002#150-153): finding children on the lists by factor, choosing them by the
 * LA's child ID, and asking the LA for the audits of cases it has already audited (002#258).
 */
export function caseSampleService({ db, activities }: AnnexAReturnsDeps, records: AnnexARecords) {
  async function sample(activityId: string): Promise<SampleEntry[]> {
    return records.withNames(
      await sampleOf(db, activityId),
      (record) => record.addedById,
      ({ addedById: _id, ...record }, addedBy) => ({ ...record, addedBy }),
    )
  }

  /** Change the sample and record who did it, in one transaction. */
  async function change(
    principal: Principal,
    activityId: string,
    audit: { action: AuditAction; summary: (activity: { reference: string; laName: string }) => string },
    changes: Record<string, unknown>,
    context: RequestContext,
    write: (trx: Transaction<Database>) => Promise<void>,
  ): Promise<void> {
    const activity = await activities.load(activityId)
    await db.transaction().execute(async (trx) => {
      await write(trx)
      await recordAudit(trx, {
        actor: principal,
        action: audit.action,
        recordType: 'case-sample',
        recordId: activityId,
        laCode: activity.laCode,
        summary: audit.summary(activity),
        changes,
        requestId: context.requestId,
      })
    })
  }

  return {
    /** The children in the sample, in the order they were added. */
    sample,

    /**
     * The children whose audited cases the lead asked the LA for (002#258): child-level data, for
     * those who may read the return (the caller checks `annex-a.read`), so the read is audited.
     */
    async requestedAuditedCases(principal: Principal, activityId: string, context: RequestContext) {
      const requested = (await sampleOf(db, activityId)).filter((entry) => entry.auditedCaseRequested)
      if (requested.length > 0)
        await records.audit(
          principal,
          activityId,
          'case-sample.read-requested',
          `Read the child IDs of the ${requested.length} audited cases asked for (002#258)`,
          activityId,
          context,
        )
      return requested.map((entry) => entry.childId)
    },

    /** Children of the current return matching a filter, for building the case sample; audited. */
    async children(
      principal: Principal,
      activityId: string,
      context: RequestContext,
      filter: ChildFilter = {},
    ): Promise<ChildrenFound | undefined> {
      const current = await records.current(activityId)
      if (!current) return undefined
      const table = await records.childrenTable(current.id)
      if (!table) return undefined
      await records.audit(
        principal,
        activityId,
        'annex-a.read-children',
        `Read the children of the Annex A return${filter.childId ? ` (child ${filter.childId})` : ''}`,
        current.id,
        context,
        { filter },
      )
      const matches: ChildSummary[] = []
      let total = 0
      for (let i = 0; i < table.count; i++) {
        const child = childSummary(table, i)
        if (filter.childId && child.childId !== filter.childId) continue
        if (filter.factor && !child.factors.includes(filter.factor)) continue
        if (filter.threshold && !child.thresholds.includes(filter.threshold)) continue
        if (filter.list && !child.lists.includes(filter.list)) continue
        total += 1
        if (matches.length < (filter.limit ?? 50)) matches.push(child)
      }
      const chosen = await sampleOf(db, activityId)
      return {
        current,
        children: matches,
        total,
        coverage: sampleCoverage(
          table,
          chosen.map((entry) => entry.childId),
        ),
      }
    },

    /** Add children to the case sample by their LA child IDs (002#150-153): only ids on the lists. */
    async addToSample(
      principal: Principal,
      activityId: string,
      childIds: readonly string[],
      reason: string,
      context: RequestContext,
    ): Promise<void> {
      const ids = [...new Set(childIds.map((id) => id.trim()).filter(Boolean))]
      if (ids.length === 0) throw new ValidationError({ childIds: 'Enter or choose at least one child ID' })
      const current = await records.current(activityId)
      const table = current ? await records.childrenTable(current.id) : undefined
      const known = new Set(table?.childId ?? [])
      const unknown = ids.filter((id) => !known.has(id))
      if (unknown.length > 0)
        throw new ValidationError({
          childIds: `These child IDs are not on the Annex A lists: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? '…' : ''}`,
        })
      await change(
        principal,
        activityId,
        {
          action: 'case-sample.add',
          summary: (activity) => `Added ${ids.length} children to the case sample of ${activity.reference}`,
        },
        { childIds: ids, reason },
        context,
        (trx) => insertSampleEntries(trx, activityId, ids, reason || null, principal.id),
      )
    },

    async removeFromSample(
      principal: Principal,
      activityId: string,
      childId: string,
      context: RequestContext,
    ): Promise<void> {
      await change(
        principal,
        activityId,
        {
          action: 'case-sample.remove',
          summary: (activity) => `Removed a child from the case sample of ${activity.reference}`,
        },
        { childId },
        context,
        (trx) => deleteSampleEntry(trx, activityId, childId),
      )
    },

    /**
     * Ask the LA for the audit documents of 6 to 12 (AUDITED_CASES_REQUESTED) cases it has already audited (002#258). The
     * request is for children in the sample; the LA sees only their child IDs.
     */
    async requestAuditedCases(
      principal: Principal,
      activityId: string,
      childIds: readonly string[],
      context: RequestContext,
    ): Promise<void> {
      const inSample = new Set((await sampleOf(db, activityId)).map((entry) => entry.childId))
      const ids = [...new Set(childIds)].filter((id) => inSample.has(id))
      const { min, max } = AUDITED_CASES_REQUESTED
      if (ids.length < min || ids.length > max)
        throw new ValidationError({
          audited: `Choose between ${min} and ${max} children whose cases the LA has already audited (002#258); you chose ${ids.length}`,
        })
      await change(
        principal,
        activityId,
        {
          action: 'case-sample.request-audits',
          summary: (activity) => `Asked ${activity.laName} for the audits of ${ids.length} cases (002#258)`,
        },
        { childIds: ids },
        context,
        (trx) => setAuditedCasesRequested(trx, activityId, ids),
      )
    },
  }
}
