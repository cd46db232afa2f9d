import type { Transaction } from 'kysely'
import type { AuditAction } from '../../auth/audit-actions.js'
import { recordAudit } from '../../auth/audit.js'
import type { Person } from '../../auth/people.js'
import type { Action, PolicyTarget, Principal } from '../../auth/policy.js'
import type { Database } from '../../db/tables.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { progressEvidence, progressSampleCounts } from '../../rules/progress-sample-2015.js'
import type { RequestContext } from '../deps.js'
import { checkPossibleNames, isChildId, type NameConfirmation, parseCaseIds } from '../evidence/index.js'
import {
  casesOf,
  concernsOf,
  deleteCase,
  insertCases,
  insertConcern,
  inspectorsOf,
  recordConcernResponse,
  setInspectors,
  updateCase,
} from './sample.repository.js'
import type { Offer2015Deps } from './service.js'
import type { CaseSource, Offer, OfferRecord } from './types.js'

/** The roles an offer's inspector may have (000#34-41: the HMI of the visits, the lead inspector). */
export const INSPECTOR_ROLES = ['hmi', 'senior-hmi'] as const

/** The shortfall step: the lead inspector's reason the sample falls short of Annex H. */
export const SHORTFALL_STEP = 'pi.sample-shortfall'

/**
 * The offer's named inspectors and its progress inspection's cases (000 Annex H): the case
 * sample by child ID, the cases of concern (Annex H/C) and the Annex H counts. Child IDs are
 * child-level data: only the offer's named inspectors read them (`offer-2015.cases`), and every
 * read and change is audited.
 */
export function offerSampleService(
  deps: Offer2015Deps,
  record: (offerId: string) => Promise<OfferRecord>,
  guard: (principal: Principal, action: Action, offer: Offer) => Promise<PolicyTarget>,
) {
  const { db, people, clock, register } = deps

  async function write(
    principal: Principal,
    offerId: string,
    audit: { action: AuditAction; summary: string; changes: Record<string, unknown> },
    context: RequestContext,
    apply: (trx: Transaction<Database>) => Promise<void>,
    action: Action = 'offer-2015.cases',
  ): Promise<void> {
    const { offer } = await record(offerId)
    await guard(principal, action, offer)
    await db.transaction().execute(async (trx) => {
      await apply(trx)
      await recordAudit(trx, {
        actor: principal,
        action: audit.action,
        recordType: 'offer-2015',
        recordId: offerId,
        laCode: offer.laCode,
        summary: audit.summary,
        changes: audit.changes,
        requestId: context.requestId,
      })
    })
  }

  /** The counts against Annex H and what the evaluated cases show: no child ID, so not audited. */
  async function counts(offerId: string) {
    const cases = await casesOf(db, offerId)
    return {
      counts: progressSampleCounts(cases),
      evidence: progressEvidence(cases),
      concerns: await concernsOf(db, offerId),
    }
  }

  return {
    counts,

    /**
     * The sample in the progress letter's evidence (Annex H/D, "what inspectors did"), in Annex
     * B's words (E9): counts only, never a child ID.
     */
    async evidenceLines(offerId: string): Promise<string[]> {
      const { counts: lines, evidence, concerns } = await counts(offerId)
      const count = (key: string) => lines.find((line) => line.key === key)?.count ?? 0
      const offered = count('laChildProtection') + count('laChildInNeed')
      if (count('selected') + offered === 0) return []
      return [
        `Inspectors considered ${count('selected') + offered} children’s cases: ${count('selected')} selected by the lead inspector, ${count('cse')} of them with a child sexual exploitation dimension, and ${offered} put forward by the local authority as examples of improved practice; the local authority audited ${count('laAudits')} of them.`,
        ...(evidence.standardsText ? [`${evidence.standardsText}.`, `${evidence.riskText}.`] : []),
        ...(concerns.length
          ? [
              `${concerns.length} ${concerns.length === 1 ? 'case of concern was' : 'cases of concern were'} referred to the local authority for a written response.`,
            ]
          : []),
      ]
    },

    /** The inspectors named for the offer, and the accounts that could be. */
    async inspectors(offerId: string): Promise<{ named: Person[]; candidates: Person[] }> {
      const ids = (await inspectorsOf(db, [offerId])).get(offerId) ?? []
      const [byId, candidates] = await Promise.all([people.byIds(ids), people.withRoles(INSPECTOR_ROLES)])
      return { named: ids.flatMap((id) => byId.get(id) ?? []), candidates }
    },

    /** The senior HMI or regional director names the offer's inspectors (issue 15). */
    async nameInspectors(principal: Principal, offerId: string, userIds: readonly string[], context: RequestContext) {
      const candidates = new Map((await people.withRoles(INSPECTOR_ROLES)).map((person) => [person.id, person]))
      const ids = [...new Set(userIds)]
      // An offer once staffed keeps an inspector: its steps and child IDs must be someone's.
      if (ids.length === 0) throw new ValidationError({ inspectors: 'Select at least one HMI of the offer' })
      if (ids.some((id) => !candidates.has(id)))
        throw new ValidationError({ inspectors: 'Select HMIs or senior HMIs with an active account' })
      await write(
        principal,
        offerId,
        {
          action: 'offer-2015.inspectors',
          summary: `Named the offer’s inspectors: ${ids.map((id) => candidates.get(id)!.displayName).join(', ')}`,
          changes: { inspectors: ids },
        },
        context,
        (trx) => setInspectors(trx, offerId, ids, principal.id),
        'offer-2015.assign',
      )
    },

    /** The case sample and cases of concern with their child IDs, for the offer's inspectors; audited. */
    async sample(principal: Principal, offerId: string, context: RequestContext) {
      const { offer } = await record(offerId)
      await guard(principal, 'offer-2015.cases', offer)
      const [cases, concerns] = await Promise.all([casesOf(db, offerId), concernsOf(db, offerId)])
      if (cases.length + concerns.length > 0)
        await recordAudit(db, {
          actor: principal,
          action: 'offer-2015.cases-read',
          recordType: 'offer-2015',
          recordId: offerId,
          laCode: offer.laCode,
          summary: `Read the child IDs of ${cases.length} progress inspection cases and ${concerns.length} cases of concern`,
          changes: {},
          requestId: context.requestId,
        })
      return { cases, concerns, counts: progressSampleCounts(cases), evidence: progressEvidence(cases) }
    },

    /** Add cases by the LA's child IDs (000 Annex H: the lead's 30, or the LA's four). */
    async addCases(
      principal: Principal,
      offerId: string,
      input: { childIds: string; source: CaseSource; cse: boolean; laAudit: boolean },
      context: RequestContext,
    ) {
      const { ids, invalid } = parseCaseIds(input.childIds)
      if (invalid.length > 0)
        throw new ValidationError({
          childIds: `Enter the LA’s child IDs, each with at least one digit: ${invalid.map((item) => `“${item}”`).join(', ')} ${invalid.length === 1 ? 'is not one' : 'are not'}`,
        })
      if (ids.length === 0) throw new ValidationError({ childIds: 'Enter at least one child ID' })
      if (input.source !== 'selected' && (input.cse || input.laAudit))
        throw new ValidationError({
          source: 'The CSE cases and the six audits are among the lead inspector’s 30 (000 Annex H)',
        })
      await write(
        principal,
        offerId,
        {
          action: 'offer-2015.case-add',
          summary: `Added ${ids.length} cases to the progress inspection sample`,
          changes: { childIds: ids, source: input.source, cse: input.cse, laAudit: input.laAudit },
        },
        context,
        (trx) => insertCases(trx, offerId, ids, { ...input, by: principal.id }),
      )
    },

    /** The inspectors' evaluation of a case once seen (000 Annex H: the standards; risk managed for every child). */
    async changeCase(
      principal: Principal,
      offerId: string,
      caseId: string,
      input: { standardsEvident: boolean | null; riskManaged: boolean | null },
      context: RequestContext,
    ) {
      const found = (await casesOf(db, offerId)).find((item) => item.id === caseId)
      if (!found) throw new ValidationError({ caseId: 'Select a case of the sample' })
      await write(
        principal,
        offerId,
        {
          action: 'offer-2015.case-change',
          summary: `Recorded progress inspection case ${found.childId} as seen`,
          changes: { childId: found.childId, ...input },
        },
        context,
        async (trx) => {
          if (!(await updateCase(trx, offerId, caseId, { ...found, ...input }))) throw new NotFoundError()
        },
      )
    },

    async removeCase(principal: Principal, offerId: string, caseId: string, context: RequestContext) {
      const found = (await casesOf(db, offerId)).find((item) => item.id === caseId)
      if (!found) throw new NotFoundError()
      await write(
        principal,
        offerId,
        {
          action: 'offer-2015.case-remove',
          summary: `Removed case ${found.childId} from the progress inspection sample`,
          changes: { childId: found.childId },
        },
        context,
        async (trx) => {
          await deleteCase(trx, offerId, caseId)
        },
      )
    },

    /**
     * A case of concern given to the LA as a formal written note, seeking a written response by
     * a date the inspector sets (000 Annex H/C): today or later. The note goes to the LA, so it
     * names no child (002#191): text that looks as if it does is shown back and saved only once
     * the inspector confirms it holds no names (the evidence area's check).
     */
    async raiseConcern(
      principal: Principal,
      offerId: string,
      input: {
        childId: string
        teamLocation: string
        issues: string
        responseDue: string
        names: NameConfirmation
      },
      context: RequestContext,
    ) {
      const errors: Record<string, string> = {}
      if (!isChildId(input.childId.trim())) errors['childId'] = 'Enter the LA’s child ID, with at least one digit'
      if (input.responseDue < clock.today()) errors['responseDue'] = 'The response is due today or later'
      if (Object.keys(errors).length) throw new ValidationError(errors)
      const places = (await register.localAuthorities()).map((la) => la.name)
      const namesConfirmed = checkPossibleNames(
        { teamLocation: input.teamLocation, issues: input.issues },
        input.names,
        places,
      )
      await write(
        principal,
        offerId,
        {
          action: 'offer-2015.concern-raise',
          summary: `Referred a case of concern to the LA, response due ${formatLongDate(input.responseDue)}`,
          // The count of words the inspector confirmed are not names, never the words (002#191).
          changes: { childId: input.childId.trim(), responseDue: input.responseDue, namesConfirmed },
        },
        context,
        async (trx) => {
          const { childId, teamLocation, issues, responseDue } = input
          await insertConcern(trx, offerId, {
            childId: childId.trim(),
            teamLocation,
            issues,
            responseDue,
            by: principal.id,
          })
        },
      )
    },

    /** The LA's written response, as received, kept with the record (Annex H/C: "retain a copy, incorporating any response"). */
    async recordResponse(
      principal: Principal,
      offerId: string,
      input: { concernId: string; response: string; respondedOn: string },
      context: RequestContext,
    ) {
      await write(
        principal,
        offerId,
        {
          action: 'offer-2015.concern-response',
          summary: `Recorded the LA’s response to a case of concern, received ${formatLongDate(input.respondedOn)}`,
          changes: { concernId: input.concernId, respondedOn: input.respondedOn },
        },
        context,
        async (trx) => {
          if (!(await recordConcernResponse(trx, offerId, input.concernId, input)))
            throw new ValidationError({ concernId: 'Select a case of concern of this offer' })
        },
      )
    },
  }
}

export type OfferSampleService = ReturnType<typeof offerSampleService>
