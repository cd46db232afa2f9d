import type { FastifyReply } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import { type FormState, valueOf } from '../../web/forms.js'
import { contentDisposition } from '../../web/downloads.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, activityTitle } from '../activities/index.js'
import { evidencePaths } from '../evidence/index.js'
import {
  activityParams,
  compareQuery,
  fileParams,
  sectionForm,
  sectionParams,
  startForm,
  versionForm,
} from './forms.js'
import { reportPaths } from './paths.js'
import {
  comparedSections,
  historyItems,
  letterArrangements,
  progressRows,
  recipientRows,
  reportGuidance,
  sectionRows,
  stepTag,
  versionRows,
} from './presenters.js'
import { isUnpublishedLetter } from './publication.service.js'
import { paragraphsOf, sectionsFor } from './sections.js'
import type { ReportsService } from './service.js'
import { documentWord, EDITABLE_STEPS, isReviewStep, needsDirectorReview } from './workflow.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>
const context = (request: SignedInRequest) => ({ requestId: request.id })

/** The report page (steps, dates, sections, versions, history), starting it, its sections, comparing versions and files. */
export function draftingRoutes(reports: ReportsService): RouteSpec[] {
  const target = (request: ActivityRequest) => reports.target(request.params.activityId)

  async function reportPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const policy = (await target(request)) as PolicyTarget
    const may = (action: Parameters<typeof canOn>[1]) => canOn(request.principal, action, policy)
    const data = await reports.read.page(activityId)
    const { details, report, kind } = data
    const word = kind ? documentWord(kind) : 'report'
    const base = {
      activity: details.activity,
      title: activityTitle(details.activity),
      word,
      heading: word === 'letter' ? 'Letter' : 'Report',
      progressRows: progressRows(data.progress),
      arrangements: details.activity.monitoring ? letterArrangements(details.activity.monitoring) : undefined,
      guidance: reportGuidance(details.activity.type),
      errors: state?.errors ?? {},
      errorList: formErrorList(startForm, state),
      backHref: activityPaths.show.build({ activityId }),
    }
    if (!report || !data.latest || !data.definitions)
      return reply.page('reports/report.njk', {
        ...base,
        notStarted: true,
        supported: Boolean(kind),
        atReportStage: details.activity.status === 'report-stage',
        startAction: may('report.write') ? reportPaths.start.build({ activityId }) : undefined,
      })
    const editable = EDITABLE_STEPS.includes(report.step) && may('report.write')
    const latest = data.latest
    return reply.page('reports/report.njk', {
      ...base,
      report,
      stepTag: stepTag(report.step, isUnpublishedLetter(report.kind, details)),
      latest,
      overLimit: latest.pageLimit !== null && latest.pages > latest.pageLimit,
      sectionRows: sectionRows(data.definitions, latest.sections, data.reviewComments, {
        activityId,
        canEdit: editable,
      }),
      versionRows: versionRows(data.versions!, activityId, data.nameOf),
      versionItems: data.versions!.map((version) => ({
        value: String(version.number),
        text: `Version ${version.number}`,
      })),
      compareFrom: String(Math.max(1, latest.number - 1)),
      compareTo: String(latest.number),
      compareAction: reportPaths.compare.build({ activityId }),
      history: historyItems(data.steps!, data.nameOf),
      recipientRows: recipientRows(report.recipients, data.finalEmails ?? []),
      problems: data.problems ?? [],
      blockers: data.blockers ?? [],
      directorReview: kind ? needsDirectorReview(kind) : false,
      files: {
        pdf: reportPaths.file.build({ activityId, versionNumber: String(latest.number), file: 'report.pdf' }),
        docx: reportPaths.file.build({ activityId, versionNumber: String(latest.number), file: 'report.docx' }),
        childrenPdf: latest.documents.summaryForChildren
          ? reportPaths.file.build({
              activityId,
              versionNumber: String(latest.number),
              file: 'summary-for-children.pdf',
            })
          : undefined,
      },
      actions: {
        submit: report.step === 'drafting' && may('report.lead') ? reportPaths.submit.build({ activityId }) : undefined,
        review: isReviewStep(report.step) ? reportPaths.review.build({ activityId }) : undefined,
        send:
          report.step === 'approved' && may('report.lead')
            ? reportPaths.sendForFactualAccuracy.build({ activityId })
            : undefined,
        laComments: report.faVersion ? reportPaths.laComments.build({ activityId }) : undefined,
        embargo: report.step === 'factual-accuracy' ? reportPaths.embargo.build({ activityId }) : undefined,
      },
      faComments: data.faComments?.filter((comment) => comment.submittedAt).length ?? 0,
    })
  }

  async function sectionPage(
    request: SignedInRequest<{ activityId: string; section: string }>,
    reply: FastifyReply,
    state?: FormState,
  ) {
    const { activityId, section } = request.params
    const data = await reports.read.page(activityId)
    const policy = (await reports.target(activityId)) as PolicyTarget
    if (!data.report || !data.latest || !data.definitions)
      return reply.redirect(reportPaths.report.build({ activityId }), 303)
    const definition = data.definitions.find((candidate) => candidate.key === section)
    if (!definition) throw new NotFoundError()
    const stored = data.latest.sections[section]
    const values = state?.values ?? {}
    const chosen = (name: string, stored: readonly string[] = []) =>
      state ? (Array.isArray(values[name]) ? (values[name] as string[]) : [valueOf(values, name)]) : stored
    const editable = EDITABLE_STEPS.includes(data.report.step) && canOn(request.principal, 'report.write', policy)
    const mayReadEvidence = canOn(request.principal, 'evidence.read', policy)
    const evidenceChosen = chosen('evidenceIds', stored?.evidenceIds)
    const judgementsChosen = chosen('judgements', stored?.judgements)
    return reply.page('reports/section.njk', {
      caption: activityTitle(data.details.activity),
      heading: definition.label,
      definition,
      text: state ? valueOf(values, 'text') : (stored?.text ?? ''),
      paragraphs: paragraphsOf(stored?.text ?? '', definition.shape),
      subject: state ? valueOf(values, 'subject') : (stored?.subject ?? ''),
      note: valueOf(values, 'note'),
      version: data.report.version,
      grade: definition.judgement ? data.outcome.judgements.find((j) => j.area === definition.judgement) : undefined,
      evidenceItems: mayReadEvidence
        ? (data.entries ?? []).map((entry) => ({
            value: entry.id,
            text: entry.evaluativeStatement,
            hint: { text: `${entry.headingId}, ${entry.collectedOn}` },
            checked: evidenceChosen.includes(entry.id),
          }))
        : [],
      linkedEvidence: mayReadEvidence ? (data.entries ?? []).filter((entry) => evidenceChosen.includes(entry.id)) : [],
      evidenceHref: evidencePaths.record.build({ activityId }),
      judgementItems: data.outcome.areas.map((area) => ({
        value: area.key,
        text: area.label,
        checked: judgementsChosen.includes(area.key),
      })),
      comments: data.reviewComments!.filter((comment) => comment.section === section),
      nameOf: data.nameOf,
      editable,
      errors: state?.errors ?? {},
      errorList: formErrorList(sectionForm, state),
      formAction: editable ? reportPaths.section.build({ activityId, section }) : undefined,
      backHref: reportPaths.report.build({ activityId }),
    })
  }

  async function comparePage(
    request: SignedInRequest<{ activityId: string }, typeof compareQuery._output>,
    reply: FastifyReply,
  ) {
    const { activityId } = request.params
    const data = await reports.read.page(activityId)
    if (!data.report || !data.latest) return reply.redirect(reportPaths.report.build({ activityId }), 303)
    const to = request.query.to ?? data.latest.number
    const from = request.query.from ?? Math.max(1, to - 1)
    const { before, after } = await reports.read.pair(activityId, from, to)
    const definitions = sectionsFor(data.report.kind, data.outcome)
    const sections = comparedSections(definitions, before.sections, after.sections)
    return reply.page('reports/compare.njk', {
      caption: activityTitle(data.details.activity),
      before,
      after,
      sections,
      changedCount: sections.filter((section) => section.changed).length,
      versionItems: data.versions!.map((version) => ({
        value: String(version.number),
        text: `Version ${version.number}`,
      })),
      from: String(from),
      to: String(to),
      compareAction: reportPaths.compare.build({ activityId }),
      backHref: reportPaths.report.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: reportPaths.report.pattern,
      permission: 'report.view',
      params: activityParams,
      target,
      handler: reportPage,
    }),
    route({
      method: 'POST',
      url: reportPaths.start.pattern,
      permission: 'report.write',
      params: activityParams,
      target,
      form: startForm,
      page: reportPage,
      submit: async (request) => {
        await reports.drafting.start(request.principal, request.params.activityId, context(request))
        return reportPaths.report.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.submit.pattern,
      permission: 'report.lead',
      params: activityParams,
      target,
      form: versionForm,
      page: reportPage,
      submit: async (request, input) => {
        await reports.review.submit(request.principal, request.params.activityId, input, context(request))
        return reportPaths.report.build(request.params)
      },
    }),
    route({
      method: 'POST',
      url: reportPaths.sendForFactualAccuracy.pattern,
      permission: 'report.lead',
      params: activityParams,
      target,
      form: versionForm,
      page: reportPage,
      submit: async (request, input) => {
        await reports.factualAccuracy.send(request.principal, request.params.activityId, input, context(request))
        return reportPaths.report.build(request.params)
      },
    }),
    route({
      method: 'GET',
      url: reportPaths.section.pattern,
      permission: 'report.view',
      params: sectionParams,
      target: (request) => reports.target(request.params.activityId),
      handler: sectionPage,
    }),
    route({
      method: 'POST',
      url: reportPaths.section.pattern,
      permission: 'report.write',
      params: sectionParams,
      target: (request) => reports.target(request.params.activityId),
      form: sectionForm,
      page: sectionPage,
      submit: async (request, input) => {
        const { activityId, section } = request.params
        await reports.drafting.saveSection(request.principal, activityId, section, input, context(request))
        return reportPaths.report.build({ activityId })
      },
    }),
    route({
      method: 'GET',
      url: reportPaths.compare.pattern,
      permission: 'report.view',
      params: activityParams,
      query: compareQuery,
      target,
      handler: comparePage,
    }),
    route({
      method: 'GET',
      url: reportPaths.file.pattern,
      permission: 'report.view',
      params: fileParams,
      target: (request) => reports.target(request.params.activityId),
      handler: async (request, reply) => {
        const { activityId, versionNumber, file } = request.params
        const found = await reports.drafting.file(activityId, versionNumber, file)
        return reply
          .type(found.contentType)
          .header('content-disposition', contentDisposition(found.fileName))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(found.bytes))
      },
    }),
  ]
}
