/**
 * The bodies that run an LA's children's services under delegated functions (issue 12;
 * 002#227-237): the LA record holds them, with the functions they run and the direction, if any,
 * they follow. The inspection stays the LA's unless a section 497A(4A) direction applies (G5).
 */

/** What kind of body it is (002#227, 004#Forms of intervention: a trust, another council, or another body). */
export const DELIVERY_KINDS = {
  trust: 'A trust',
  'other-la': 'Another local authority',
  'other-body': 'A voluntary or other body',
} as const
export type DeliveryKind = keyof typeof DELIVERY_KINDS

/** Why the body runs the functions: the LA chose to, or the Secretary of State directed it (002#231-232). */
export const DELIVERY_BASES = {
  voluntary: 'A voluntary arrangement by the local authority (no direction)',
  's497A(4)': 'A direction under section 497A(4) of the Education Act 1996',
  's497A(4A)': 'A direction under section 497A(4A) of the Education Act 1996',
} as const
export type DeliveryBasis = keyof typeof DELIVERY_BASES

/** Whether all or only some of the LA's children's services functions are delegated (002#234). */
export const DELIVERY_EXTENTS = {
  all: 'All of its children’s services functions',
  some: 'Some of its children’s services functions',
} as const
export type DeliveryExtent = keyof typeof DELIVERY_EXTENTS

/** A body with delegated functions, as recorded. */
export interface DeliveryBody {
  readonly id: string
  readonly laCode: string
  readonly name: string
  readonly kind: DeliveryKind
  readonly basis: DeliveryBasis
  readonly extent: DeliveryExtent
  readonly functions: string
  /** Where letters and reports are copied (002#216); empty until known. */
  readonly email: string
  /** The intervention's direction to contract out or transfer the functions, when one was recorded. */
  readonly directionId: string | null
  readonly since: string
  readonly until: string | null
  readonly version: number
}

/** What the form records: the body without its identity, LA and version. */
export type DeliveryBodyInput = Omit<DeliveryBody, 'id' | 'laCode' | 'version'>

/** A direction recorded in the LA's intervention that a body may follow (offered by the intervention area). */
export interface DirectionRef {
  readonly id: string
  readonly interventionId: string
  readonly issuedOn: string
  readonly issuer: string
  /** The intervention record's page. */
  readonly href: string
}

/** Looks up the directions to contract out or transfer functions recorded for an LA. */
export type DirectionsOf = (laCode: string) => Promise<readonly DirectionRef[]>

/** Is the body running the functions on `on`? */
export function inForceOn(body: Pick<DeliveryBody, 'since' | 'until'>, on: string): boolean {
  return body.since <= on && (body.until === null || on <= body.until)
}
