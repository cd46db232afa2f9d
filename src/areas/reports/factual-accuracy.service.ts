import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { renderDocx } from '../../documents/index.js'
import { ValidationError } from '../../errors.js'
import { factualAccuracyDeadline } from '../../rules/timelines/publication.js'
import type { RequestContext } from '../deps.js'
import { registerPaths } from '../register/index.js'
import {
  deleteUnsubmittedFaComment,
  faCommentsOf,
  openDisputesOf,
  insertFaComment,
  submitFaComments,
  updateFaComment,
} from './comments.repository.js'
import { checkVersion } from './drafting.service.js'
import { addressees, sendToEach } from './emails.js'
import { reportPaths } from './paths.js'
import type { ActivityDetails, ReportRecords, ReportsDeps } from './records.js'
import { DFE_MAILBOX } from './recipients.js'
import { findVersion, insertStep, latestVersion, lockReport, updateReport } from './repository.js'
import { paragraphsOf, sectionsFor } from './sections.js'
import type { FaCommentInput, FaDecisionInput, FaDisputeInput, FaResponseInput, Report } from './types.js'
import { documentWord, publicationKindOf } from './workflow.js'

const ANCHOR = /^([a-z-]+):(\d+)$/

/**
 * Factual accuracy (002#215-216, #222): the lead sends the approved draft to the LA (day 10, or 5
 * for a visit); the DCS and link person comment on paragraphs with the correction and their
 * evidence and submit once, within 3 (or 2) working days; late comments are kept and shown late;
 * the lead answers each; a disputed answer goes to the QA manager. An inadequate judgement is
 * told to the DfE as the draft goes out (004 "Introduction").
 */
export function factualAccuracyService(deps: ReportsDeps, records: ReportRecords) {
  const { db, clock, config } = deps
  const to = addressees(deps)

  async function open(activityId: string): Promise<{ details: ActivityDetails; report: Report }> {
    const [details, report] = await Promise.all([records.details(activityId), records.load(activityId)])
    return { details, report }
  }
  const laLink = (activityId: string) => `${config.baseUrl}${reportPaths.factualAccuracy.build({ activityId })}`
  const staffLink = (activityId: string) => `${config.baseUrl}${reportPaths.laComments.build({ activityId })}`

  async function comment(report: Report, commentId: string) {
    const found = (await faCommentsOf(db, report.id)).find((candidate) => candidate.id === commentId)
    if (!found) throw new ValidationError({ commentId: 'That comment is no longer on the report' })
    return found
  }

  return {
    comments: async (activityId: string) => {
      const report = await records.find(activityId)
      return report ? faCommentsOf(db, report.id) : []
    },

    /** Disputes awaiting the QA manager's decision (002#222), by report id (home pages): one query. */
    openDisputes: (reportIds: readonly string[]) => openDisputesOf(db, reportIds),

    /** The lead sends the approved draft to the LA; the DfE hears of an inadequate grade now (004). */
    async send(
      principal: Principal,
      activityId: string,
      input: { version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { details, report } = await open(activityId)
      if (report.step !== 'approved')
        throw new ValidationError({ send: 'The draft goes to the local authority once QA and review approve it' })
      const latest = (await latestVersion(db, report.id))!
      const sentOn = clock.today()
      const due = factualAccuracyDeadline(publicationKindOf(report.kind), sentOn)
      const statutory = records
        .milestones(report.kind, details)
        .find((m) => m.key === 'report.to-la-for-factual-accuracy')
      const facts = await records.facts(details, report.kind, 'draft', sentOn)
      const inadequate = Object.values(facts.grades).includes('inadequate')
      const word = documentWord(report.kind)
      const docx = await renderDocx(latest.documents.report)
      const [la, caseLeads] = await Promise.all([to.la(details), inadequate ? to.dfeCaseLeads(details) : []])
      const at = clock.now()
      await db.transaction().execute(async (trx) => {
        checkVersion(await lockReport(trx, report.id), input.version)
        await updateReport(
          trx,
          report.id,
          {
            step: 'factual-accuracy',
            fa_version: latest.number,
            fa_sent_on: sentOn,
            fa_due: due,
            ...(inadequate ? { dfe_notified_at: at } : {}),
          },
          at,
        )
        await insertStep(trx, report.id, {
          event: 'sent-for-factual-accuracy',
          toStep: 'factual-accuracy',
          milestone: 'report.to-la-for-factual-accuracy',
          statutoryDate: statutory?.date ?? null,
          at,
          actorId: principal.id,
          note: `Version ${latest.number}; comments due ${due}`,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.send-factual-accuracy',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Sent version ${latest.number} of the ${word} for ${details.activity.reference} to the LA for factual accuracy; comments due ${due}${statutory && sentOn > statutory.date ? ` (late: due to be sent ${statutory.date})` : ''}`,
          changes: { version: latest.number, sentOn, due, statutory: statutory?.date ?? null },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-factual-accuracy', la, {
          details,
          subject: `Draft ${word} for factual accuracy checks`,
          lines: [
            `The draft ${word} is attached and in the service for you to check its factual accuracy (002#215-216).`,
            `Comment on any paragraph with the correction you ask for and your evidence, then submit your comments once, by the end of ${due}.`,
            'The draft is confidential and must not be shared or published.',
          ],
          key: `sent:${latest.number}`,
          link: laLink(activityId),
          attachment: {
            fileName: `${details.activity.reference} draft ${word}.docx`,
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            content: docx,
          },
        })
        if (!inadequate) return
        // 004 "Introduction": the DfE is told of an inadequate judgement once Ofsted has confirmed it,
        // around the time the draft goes to the LA, with a task on the case lead's home page.
        await insertStep(trx, report.id, { event: 'dfe-notified', toStep: 'factual-accuracy', at, actorId: null })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.dfe-notify',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Told the DfE of an inadequate judgement in ${details.activity.reference} (${caseLeads.length} case lead${caseLeads.length === 1 ? '' : 's'})`,
          changes: { caseLeads: caseLeads.map((person) => person.email) },
          requestId: context.requestId,
        })
        const grades = facts.areas
          .filter((area) => facts.grades[area.key])
          .map((area) => `- ${area.label}: ${facts.grades[area.key]!.replace(/-/g, ' ')}`)
        await sendToEach(trx, 'report-dfe-inadequate', caseLeads.length > 0 ? caseLeads : [DFE_MAILBOX], {
          details,
          subject: 'Inadequate judgement confirmed',
          lines: [
            `Ofsted has confirmed an inadequate judgement for ${details.activity.laName}. The draft ${word} went to the local authority for factual accuracy checks today; it is not yet published and must not be shared.`,
            'The judgements:',
            ...grades,
            `Publication is due on ${records.milestones(report.kind, details).find((m) => m.key === 'report.published')?.date}.`,
          ],
          key: 'inadequate',
          link: `${config.baseUrl}${registerPaths.show.build({ laCode: details.activity.laCode })}`,
        })
      })
    },

    /** The LA comments on one paragraph of the draft it was sent, with the correction and its evidence. */
    async add(principal: Principal, activityId: string, input: FaCommentInput, context: RequestContext) {
      const { details, report } = await open(activityId)
      if (report.step !== 'factual-accuracy' || report.faSubmittedAt)
        throw new ValidationError({ anchor: 'Your comments have been submitted; no more can be added' })
      const match = ANCHOR.exec(input.anchor)
      const version = await findVersion(db, report.id, report.faVersion ?? 0)
      const definition = sectionsFor(report.kind, await records.agreedOutcome(details)).find(
        (candidate) => candidate.key === match?.[1],
      )
      const count = definition
        ? paragraphsOf(version?.sections[definition.key]?.text ?? '', definition.shape).length
        : 0
      const paragraph = Number(match?.[2] ?? 0)
      if (!definition || !version || paragraph < 1 || paragraph > count)
        throw new ValidationError({ anchor: 'Select the paragraph your comment is about' })
      await db.transaction().execute(async (trx) => {
        const id = await insertFaComment(trx, report.id, {
          versionNumber: version.number,
          section: definition.key,
          paragraph,
          correction: input.correction,
          evidence: input.evidence,
          authorId: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.fa-comment',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Added a factual accuracy comment on “${definition.label}”, paragraph ${paragraph}, of ${details.activity.reference}`,
          changes: { commentId: id, section: definition.key, paragraph },
          requestId: context.requestId,
        })
      })
    },

    /** Take back a comment not yet submitted. */
    async remove(principal: Principal, activityId: string, commentId: string, context: RequestContext) {
      const { details, report } = await open(activityId)
      await db.transaction().execute(async (trx) => {
        if (!(await deleteUnsubmittedFaComment(trx, report.id, commentId)))
          throw new ValidationError({ commentId: 'Only a comment not yet submitted can be removed' })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.fa-remove',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Removed a factual accuracy comment not yet submitted from ${details.activity.reference}`,
          changes: { commentId },
          requestId: context.requestId,
        })
      })
    },

    /** The LA submits its comments once (002#216); after the deadline they are kept and marked late. */
    async submit(
      principal: Principal,
      activityId: string,
      input: { version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { details, report } = await open(activityId)
      if (report.step !== 'factual-accuracy' || report.faSubmittedAt)
        throw new ValidationError({ submit: 'Your comments have already been submitted' })
      const today = clock.today()
      const late = report.faDue !== null && today > report.faDue
      const statutory = records.milestones(report.kind, details).find((m) => m.key === 'report.factual-accuracy-due')
      const at = clock.now()
      await db.transaction().execute(async (trx) => {
        checkVersion(await lockReport(trx, report.id), input.version)
        const count = await submitFaComments(trx, report.id, at, late)
        await updateReport(trx, report.id, { fa_submitted_at: at, fa_submitted_by: principal.id }, at)
        await insertStep(trx, report.id, {
          event: 'comments-submitted',
          toStep: 'factual-accuracy',
          milestone: 'report.factual-accuracy-due',
          statutoryDate: statutory?.date ?? null,
          at,
          actorId: principal.id,
          note: `${count} comment${count === 1 ? '' : 's'}${late ? `, late (due ${report.faDue})` : ''}`,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.fa-submit',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Submitted ${count} factual accuracy comment${count === 1 ? '' : 's'} on ${details.activity.reference}${late ? `, late (due ${report.faDue})` : ''}`,
          changes: { count, late, due: report.faDue },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-step', to.lead(details), {
          details,
          subject: 'The local authority’s factual accuracy comments',
          lines: [
            `The local authority has submitted ${count} factual accuracy comment${count === 1 ? '' : 's'}${late ? `, after the deadline of ${report.faDue}` : ''}. Answer each: accepted with the change, or not accepted with the reason (002#215).`,
          ],
          key: 'comments-submitted',
          link: staffLink(activityId),
        })
      })
    },

    /** The lead answers a submitted comment: accepted with the change made, or not, with the reason. */
    async respond(principal: Principal, activityId: string, input: FaResponseInput, context: RequestContext) {
      const { details, report } = await open(activityId)
      if (report.step !== 'factual-accuracy')
        throw new ValidationError({ response: 'Comments are answered while the report is with the LA' })
      const found = await comment(report, input.commentId)
      if (!found.submittedAt) throw new ValidationError({ response: 'The local authority has not submitted it yet' })
      if (found.disputedAt) throw new ValidationError({ response: 'The answer is disputed: the QA manager decides it' })
      await db.transaction().execute(async (trx) => {
        await updateFaComment(trx, report.id, found.id, {
          response: input.response,
          response_text: input.text,
          responded_by: principal.id,
          responded_at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.fa-respond',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Answered a factual accuracy comment on ${details.activity.reference}: ${input.response === 'accepted' ? 'accepted with a change' : 'not accepted'}`,
          changes: { commentId: found.id, response: input.response },
          requestId: context.requestId,
        })
      })
    },

    /** The LA disputes an answer that did not accept its comment; the QA manager decides (002#222). */
    async dispute(principal: Principal, activityId: string, input: FaDisputeInput, context: RequestContext) {
      const { details, report } = await open(activityId)
      const found = await comment(report, input.commentId)
      if (report.step !== 'factual-accuracy' || found.response !== 'not-accepted' || found.disputedAt)
        throw new ValidationError({ reason: 'Only an answer that did not accept your comment can be disputed, once' })
      await db.transaction().execute(async (trx) => {
        await updateFaComment(trx, report.id, found.id, {
          dispute_reason: input.reason,
          disputed_by: principal.id,
          disputed_at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.fa-dispute',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Disputed the answer to a factual accuracy comment on ${details.activity.reference}`,
          changes: { commentId: found.id },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-step', to.qa(details), {
          details,
          subject: 'A factual accuracy dispute to decide',
          lines: ['The local authority disputes the lead inspector’s answer to one of its comments (002#222).'],
          key: `dispute:${found.id}`,
          link: staffLink(activityId),
        })
      })
    },

    /** The QA manager decides a dispute: the lead's answer stands, or the correction is to be made (002#222). */
    async decide(principal: Principal, activityId: string, input: FaDecisionInput, context: RequestContext) {
      const { details, report } = await open(activityId)
      const found = await comment(report, input.commentId)
      if (report.step !== 'factual-accuracy' || !found.disputedAt || found.disputeDecision)
        throw new ValidationError({ decision: 'Only an open dispute can be decided' })
      const told = [...to.lead(details), ...(await to.la(details))]
      await db.transaction().execute(async (trx) => {
        await updateFaComment(trx, report.id, found.id, {
          dispute_decision: input.decision,
          dispute_note: input.note,
          decided_by: principal.id,
          decided_at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.fa-decide',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Decided a factual accuracy dispute on ${details.activity.reference}: ${input.decision === 'upheld' ? 'the lead inspector’s answer stands' : 'the correction is to be made'}`,
          changes: { commentId: found.id, decision: input.decision },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-step', told, {
          details,
          subject: 'A factual accuracy dispute is decided',
          lines: [
            input.decision === 'upheld'
              ? 'The QA manager has decided that the lead inspector’s answer stands.'
              : 'The QA manager has decided that the correction is to be made.',
            input.note,
          ],
          key: `decided:${found.id}`,
          link: laLink(activityId),
        })
      })
    },
  }
}
