/** The Annex A returns area as other areas see it (ADR 0007). */
export type { AnnexAReturn, AnnexAReturnsService } from './service.js'
