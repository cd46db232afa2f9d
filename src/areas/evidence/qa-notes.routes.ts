import type { FormState } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { evidenceRecordPage, type EvidenceRouteDeps } from './entries.routes.js'
import { activityParams, qaNoteForm, qaNoteParams, recordQuery, resolveQaNoteForm } from './forms.js'
import { evidencePaths } from './paths.js'

/** Each note has its own resolution box on the record page: its error goes against that box. */
function forNote(noteId: string, state: FormState | undefined): FormState | undefined {
  if (!state?.errors.resolution) return state
  const { resolution, ...errors } = state.errors
  return { ...state, errors: { ...errors, [`resolution-${noteId}`]: resolution } }
}

/**
 * QA manager notes on the evidence record (002#190): the QA manager adds them, the lead
 * resolves them (002#186). Both forms are on the record page, which a refusal shows again.
 */
export function qaNoteRoutes({ evidence }: EvidenceRouteDeps): RouteSpec[] {
  const recordPage = evidenceRecordPage(evidence)
  const context = (request: SignedInRequest) => ({ requestId: request.id })
  const notesOf = (activityId: string) => `${evidencePaths.record.build({ activityId })}#qa-notes`

  return [
    route({
      method: 'POST',
      url: evidencePaths.qaNotes.pattern,
      permission: 'evidence.qa',
      params: activityParams,
      query: recordQuery,
      target: (request) => evidence.target(request.params.activityId),
      form: qaNoteForm,
      page: recordPage,
      conflictField: 'status',
      submit: async (request, input) => {
        await evidence.addQaNote(request.principal, request.params.activityId, input, context(request))
        return notesOf(request.params.activityId)
      },
    }),
    route({
      method: 'POST',
      url: evidencePaths.resolveQaNote.pattern,
      permission: 'evidence.lead',
      params: qaNoteParams,
      query: recordQuery,
      target: (request) => evidence.qaNoteTarget(request.params.activityId, request.params.noteId),
      form: resolveQaNoteForm,
      page: (request, reply, state) =>
        recordPage(request, reply, forNote(request.params.noteId, state), resolveQaNoteForm),
      conflictField: 'status',
      submit: async (request, input) => {
        const { activityId, noteId } = request.params
        await evidence.resolveQaNote(request.principal, activityId, noteId, input, context(request))
        return notesOf(activityId)
      },
    }),
  ]
}
