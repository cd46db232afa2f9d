import { recordAudit } from '../../auth/audit.js'
import { canOn, type Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import { type DeliveryBody, type DeliveryBodyInput, type DirectionsOf, inForceOn } from './delivery.js'
import { deliveryBodiesOf, insertDeliveryBody, lockDeliveryBody, updateDeliveryBody } from './delivery.repository.js'
import { findLocalAuthority } from './repository.js'

export interface DeliveryDeps extends ServiceDeps {
  /** The directions to contract out or transfer functions the intervention area recorded (none without it). */
  readonly directionsOf?: DirectionsOf | undefined
}

/**
 * The bodies that run an LA's children's services under delegated functions (issue 12;
 * 002#227-237). The Ofsted regional director or the DfE case lead records them (`delivery.manage`);
 * everyone who sees the LA in the register sees them. A direction is linked from the intervention
 * record, never copied.
 */
export function deliveryService({ db, directionsOf }: DeliveryDeps) {
  const directions = (laCode: string) => (directionsOf ? directionsOf(laCode) : Promise.resolve([]))

  /** The checks the form cannot make alone: the direction is this LA's, and a voluntary arrangement follows none. */
  async function check(laCode: string, input: DeliveryBodyInput) {
    const errors: Record<string, string> = {}
    if (input.directionId) {
      if (input.basis === 'voluntary')
        errors.directionId = 'A voluntary arrangement follows no direction: select “No direction recorded”'
      else if (!(await directions(laCode)).some((direction) => direction.id === input.directionId))
        errors.directionId = 'Select a direction recorded for this local authority'
    }
    if (input.until !== null && input.until < input.since)
      errors.until = 'The date the arrangement ended must be on or after the date it started'
    if (Object.keys(errors).length > 0) throw new ValidationError(errors)
  }

  async function laFor(principal: Principal, laCode: string) {
    const la = await findLocalAuthority(db, laCode)
    if (!la || !canOn(principal, 'delivery.manage', la)) throw new NotFoundError()
    return la
  }

  return {
    /** Every body that runs or ran the LA's children's services, oldest first. */
    deliveryBodies: (laCode: string): Promise<DeliveryBody[]> => deliveryBodiesOf(db, [laCode]),

    /** The bodies running the LA's children's services on a date (an activity's fieldwork, a letter's date). */
    async deliveryOn(laCode: string, on: string): Promise<DeliveryBody[]> {
      return (await deliveryBodiesOf(db, [laCode])).filter((body) => inForceOn(body, on))
    },

    /** The directions a body may follow, for the form. */
    deliveryDirections: directions,

    async recordDeliveryBody(
      principal: Principal,
      laCode: string,
      input: DeliveryBodyInput,
      context: RequestContext,
    ): Promise<string> {
      const la = await laFor(principal, laCode)
      await check(laCode, input)
      return db.transaction().execute(async (trx) => {
        const id = await insertDeliveryBody(trx, laCode, input, principal.id)
        await recordAudit(trx, {
          actor: principal,
          action: 'delivery.record',
          recordType: 'delivery-body',
          recordId: id,
          laCode,
          summary: `Recorded ${input.name} running children’s services for ${la.name} from ${input.since}`,
          changes: { after: input },
          requestId: context.requestId,
        })
        return id
      })
    },

    async changeDeliveryBody(
      principal: Principal,
      laCode: string,
      id: string,
      input: DeliveryBodyInput & { version: number },
      context: RequestContext,
    ): Promise<void> {
      const la = await laFor(principal, laCode)
      const { version, ...value } = input
      await check(laCode, value)
      await db.transaction().execute(async (trx) => {
        const before = await lockDeliveryBody(trx, id)
        if (!before || before.laCode !== laCode) throw new NotFoundError()
        if (before.version !== version)
          throw new ValidationError({ name: 'Someone else changed this record. Reload the page and try again.' })
        await updateDeliveryBody(trx, id, value, principal.id)
        await recordAudit(trx, {
          actor: principal,
          action: 'delivery.change',
          recordType: 'delivery-body',
          recordId: id,
          laCode,
          summary: `Changed the record of ${value.name} running children’s services for ${la.name}`,
          changes: { before, after: value },
          requestId: context.requestId,
        })
      })
    },
  }
}
