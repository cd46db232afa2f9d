import { recordAudit } from '../../auth/audit.js'
import type { AuditAction } from '../../auth/audit-actions.js'
import type { Action, PolicyTarget, Principal } from '../../auth/policy.js'
import type { Role } from '../../auth/roles.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import { enqueueEmail, type OutboxKind } from '../../notify/outbox.js'
import type { RequestContext } from '../deps.js'
import { offer2015Paths } from './paths.js'
import { findOffer, type OfferChanges, saveStep, updateOffer } from './repository.js'
import type { Offer2015Deps } from './service.js'
import type { OfferRecord } from './types.js'

/** What a change decides from the offer as it stands. */
export interface Decision {
  offer?: OfferChanges
  steps: { step: string; doneOn: string; note?: string; detail?: Record<string, unknown> }[]
  action: AuditAction
  summary: string
  /** The DfE's inspections and interventions team told (000#7, #15, #33): the LA's case leads get an email. */
  dfe?: string
  /** An offer at risk (000#37): the regional director and the National Director, Social Care told without delay. */
  atRisk?: string
}

/**
 * Changing an offer (every form of the area goes through it): under its lock, checking the form's
 * version, with its steps, the emails it sends through the outbox and its audit entry.
 */
export function offerChange(
  deps: Offer2015Deps,
  record: (offerId: string) => Promise<OfferRecord>,
  guard: (principal: Principal, action: Action, offer: OfferRecord['offer']) => Promise<PolicyTarget>,
) {
  const { db, register } = deps
  /** Change an offer under its lock, with its steps and audit entry, checking the form's version. */
  return async function change(
    principal: Principal,
    offerId: string,
    permission: Action,
    input: { version?: number | undefined },
    context: RequestContext,
    decide: (current: OfferRecord) => Decision,
  ): Promise<void> {
    const current = await record(offerId)
    const target = await guard(principal, permission, current.offer)
    const decided = decide(current)
    const alerts: { roles: Role[]; kind: OutboxKind; text: string }[] = [
      ...(decided.dfe
        ? [{ roles: ['dfe-case-lead'] as Role[], kind: 'monitoring-dfe' as const, text: decided.dfe }]
        : []),
      ...(decided.atRisk
        ? [
            {
              roles: ['regional-director', 'national-director'] as Role[],
              kind: 'offer-at-risk' as const,
              text: decided.atRisk,
            },
          ]
        : []),
    ]
    const emails = (
      await Promise.all(
        alerts.map(async (alert) =>
          (await deps.people.reaching(alert.roles, target)).map((person) => ({ ...alert, person })),
        ),
      )
    ).flat()
    const { la } = await register.show(current.offer.laCode)
    await db.transaction().execute(async (trx) => {
      const locked = await findOffer(trx, offerId, true)
      if (!locked) throw new NotFoundError()
      if (input.version !== undefined && locked.version !== input.version)
        throw new ConflictError('Someone else changed this offer. Reload the page and try again.')
      await updateOffer(trx, offerId, decided.offer ?? {})
      for (const step of decided.steps)
        await saveStep(trx, {
          offerId,
          step: step.step,
          doneOn: step.doneOn,
          note: step.note ?? '',
          detail: step.detail ?? {},
          by: principal.id,
        })
      // 'monitoring-dfe': the DfE told about an LA after an inadequate judgement; 'offer-at-risk': the directors told.
      for (const { kind, text, person } of emails)
        await enqueueEmail(trx, {
          kind,
          recipient: person.email,
          subject: `${la.name}: 2015 improvement offer – ${decided.summary}`,
          bodyText: `${text}\n\n${deps.config.baseUrl}${offer2015Paths.offer.build({ offerId })}`,
          dedupeKey: `offer-2015:${offerId}:${decided.action}:${kind}:${decided.summary}:${person.id}`,
        })
      await recordAudit(trx, {
        actor: principal,
        action: decided.action,
        recordType: 'offer-2015',
        recordId: offerId,
        laCode: current.offer.laCode,
        summary: decided.summary,
        changes: { ...decided.offer, steps: decided.steps },
        requestId: context.requestId,
      })
    })
  }
}
