/** The 2015 improvement offer area as other areas see it (ADR 0007): its service, types and paths. */
export type { Offer2015Service } from './service.js'
export type { Offer, OfferRecord } from './types.js'
export { offer2015Paths } from './paths.js'
