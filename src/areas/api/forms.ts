import { z } from 'zod'
import { defineForm, field } from '../../web/forms.js'

/** The route inputs of the API and the API tokens page (ADR 0008); JSON bodies are in schemas.ts. */

export const laParams = z.object({ laCode: z.string() })
export const activityParams = z.object({ activityId: z.string() })
export const returnParams = z.object({ activityId: z.string(), returnId: z.string() })
export const tokenParams = z.object({ tokenId: z.string() })

/**
 * An Annex A return sent as the raw body: its name comes in the query string. Whether it was
 * given is checked by the handler, so that the error names `fileName` (a query that does not
 * parse is reported against `query`).
 */
export const returnUploadQuery = z.object({ fileName: field.text() })

export const tokenForm = defineForm({
  name: field.required('Enter a name for the token, for example “Case management system”'),
})

/** Revoking a token sends nothing but the CSRF token; the token is in the address. */
export const revokeTokenForm = defineForm({})
