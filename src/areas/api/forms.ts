import { z } from 'zod'
import { API_TOKEN_LIFETIMES_DAYS, DEFAULT_API_TOKEN_DAYS } from '../../auth/api-tokens.js'
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
  // The default is what the page has ticked; a request that sends none gets it too.
  days: field
    .text()
    .transform((value) => value || String(DEFAULT_API_TOKEN_DAYS))
    .pipe(
      z.enum(API_TOKEN_LIFETIMES_DAYS.map(String) as [string, ...string[]], {
        error: 'Select how long the token lasts',
      }),
    )
    .transform(Number),
})

/** Revoking a token sends nothing but the CSRF token; the token is in the address. */
export const revokeTokenForm = defineForm({})
