import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { EVIDENCE_ENTRY_PARTS } from '../../rules/evidence.js'
import { dateFieldFrom, dateFieldOf, dateInputItems, type Form, type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import { SIGNIFICANCE, SOURCE_TYPES } from './fieldwork.js'
import { activityParams, entryForm, namesOf, qaNoteForm, type RecordQuery, recordQuery } from './forms.js'
import { evidencePaths } from './paths.js'
import {
  coverageTables,
  entryGroups,
  headingItems,
  headingTitle,
  londonNow,
  namesWarning,
  qaNoteTargetItems,
} from './presenters.js'
import type { EvidenceService } from './service.js'

type RecordRequest = SignedInRequest<{ activityId: string }, RecordQuery>

export interface EvidenceRouteDeps {
  readonly evidence: EvidenceService
  readonly clock: Clock
}

/**
 * The evidence record page: entries by heading, coverage of the 17 headings, and the QA notes
 * with their forms. Shared by the QA note routes, whose refusals show this page again.
 */
export function evidenceRecordPage(evidence: EvidenceService) {
  return async function recordPage(
    request: RecordRequest,
    reply: FastifyReply,
    state?: FormState,
    form: Form<unknown> = qaNoteForm,
  ) {
    const { principal } = request
    const { activityId } = request.params
    const { heading: headingId, inspector: authorId } = request.query
    const data = await evidence.record(principal, activityId, { headingId, authorId }, { requestId: request.id })
    const target = (await evidence.target(activityId))!
    const values = state?.values ?? {}
    const entryOf = (id: string | null) => data.entries.find((entry) => entry.id === id)
    return reply.page('evidence/record.njk', {
      activity: data.details.activity,
      title: activityTitle(data.details.activity),
      coverage: data.coverage,
      coverageTables: coverageTables(data.coverage, activityId, headingId),
      groups: entryGroups(data.entries, data.marks, data.notes),
      entryCount: data.entries.length,
      filtered: Boolean(headingId || authorId),
      filterHeading: headingId ? headingTitle(headingId) : undefined,
      headingItems: headingItems(headingId, 'All headings'),
      inspectorItems: [
        { value: '', text: 'All inspectors' },
        ...data.authors.map((author) => ({
          value: author.id,
          text: `${author.name} (${author.count})`,
          selected: author.id === authorId,
        })),
      ],
      casesChecked: data.casesChecked,
      notes: data.notes.map((note) => ({
        ...note,
        about: entryOf(note.entryId),
        aboutHeading: note.entryId ? headingTitle(entryOf(note.entryId)?.headingId ?? '') : undefined,
        resolveHref: evidencePaths.resolveQaNote.build({ activityId, noteId: note.id }),
      })),
      openNotes: data.notes.filter((note) => !note.resolvedAt).length,
      canWrite: canOn(principal, 'evidence.write', target),
      canQa: canOn(principal, 'evidence.qa', target),
      canResolve: canOn(principal, 'evidence.lead', target),
      qaTargetItems: qaNoteTargetItems(data.entries, valueOf(values, 'entryId') || undefined),
      values: { note: valueOf(values, 'note') },
      errors: state?.errors ?? {},
      errorList: formErrorList(form, state),
      newHref:
        evidencePaths.newEntry.build({ activityId }) + (headingId ? `?heading=${encodeURIComponent(headingId)}` : ''),
      recordHref: evidencePaths.record.build({ activityId }),
      qaHref: evidencePaths.qaNotes.build({ activityId }),
      backHref: activityPaths.show.build({ activityId }),
      parts: EVIDENCE_ENTRY_PARTS,
      ruleE1: ruleLink('E1', '002#181-191'),
      ruleE2: ruleLink('E2', '002#239-241'),
    })
  }
}

/**
 * The evidence record (002#181-192, E1, E2). Decision (ADR 0004): entries are append-only.
 * 002#181 calls them contemporaneous records that QA managers scrutinise and that are considered
 * in a complaint, so there is no edit route; a correction is a new entry (the record page says so).
 */
export function entryRoutes({ evidence, clock }: EvidenceRouteDeps): RouteSpec[] {
  const target = (request: SignedInRequest<{ activityId: string }>) => evidence.target(request.params.activityId)
  const recordPage = evidenceRecordPage(evidence)

  async function entryPage(request: RecordRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const { details } = await evidence.keepInTouch(activityId)
    const now = londonNow(clock)
    const values = state?.values ?? { headingId: request.query.heading, significance: 'none' }
    const collectedOn = state ? dateFieldOf(values, 'collectedOn') : dateFieldFrom(now.date)
    const time = (state?.values.collectedTime ?? { hour: now.hour, minute: now.minute }) as Record<string, string>
    return reply.page('evidence/entry-form.njk', {
      activity: details.activity,
      title: activityTitle(details.activity),
      values: {
        ...Object.fromEntries(
          ['evaluativeStatement', 'evidenceSummary', 'impact', 'sourceDetail', 'caseIds'].map((name) => [
            name,
            valueOf(values, name),
          ]),
        ),
        teamAgreed: valueOf(values, 'teamAgreed') === 'yes',
        hour: time.hour ?? '',
        minute: time.minute ?? '',
      },
      errors: state?.errors ?? {},
      errorList: formErrorList(entryForm, state),
      names: namesWarning(state),
      headingItems: headingItems(valueOf(values, 'headingId') || undefined, 'Select a heading'),
      sourceItems: Object.entries(SOURCE_TYPES).map(([value, label]) => ({
        value,
        text: label,
        checked: values.sourceType === value,
      })),
      significanceItems: Object.entries(SIGNIFICANCE).map(([value, label]) => ({
        value,
        text: label,
        checked: (valueOf(values, 'significance') || 'none') === value,
      })),
      collectedOnItems: dateInputItems('collectedOn', collectedOn, Boolean(state?.errors.collectedOn)),
      parts: EVIDENCE_ENTRY_PARTS,
      formAction: evidencePaths.newEntry.build({ activityId }),
      backHref: evidencePaths.record.build({ activityId }),
      ruleE1: ruleLink('E1', '002#181-191'),
    })
  }

  return [
    route({
      method: 'GET',
      url: evidencePaths.record.pattern,
      permission: 'evidence.read',
      params: activityParams,
      query: recordQuery,
      target,
      handler: (request, reply) => recordPage(request, reply),
    }),
    route({
      method: 'GET',
      url: evidencePaths.newEntry.pattern,
      permission: 'evidence.write',
      params: activityParams,
      query: recordQuery,
      target,
      handler: entryPage,
    }),
    route({
      method: 'POST',
      url: evidencePaths.newEntry.pattern,
      permission: 'evidence.write',
      params: activityParams,
      query: recordQuery,
      target,
      form: entryForm,
      page: entryPage,
      conflictField: 'status',
      submit: async (request, { confirmNames, namesFingerprint, ...input }) => {
        const { activityId } = request.params
        const names = namesOf({ confirmNames, namesFingerprint })
        await evidence.addEntry(request.principal, activityId, { ...input, names }, { requestId: request.id })
        return `${evidencePaths.record.build({ activityId })}?heading=${encodeURIComponent(input.headingId)}`
      },
    }),
  ]
}
