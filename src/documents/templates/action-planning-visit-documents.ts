/**
 * The two documents of the action planning visit besides the regional director's letter: the
 * final agenda the lead inspector circulates five working days before the visit (001#14, Annex B;
 * 002#121) and the record of the visit the senior HMI sends to the DCS (001#18, Annex C). They are
 * sent, not published, so they are final copies.
 */
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { ACTION_PLANNING_VISIT_RECORD } from '../../rules/after-inadequate.js'
import { bullets, heading, paragraph, type Block, type DocumentModel } from '../model.js'
import { assertComplete, basisProblems, metaFor, paragraphs, requireText, type DocumentBasis } from './common.js'

/** The agenda of the visit (001 Annex B), tailored with the report's recommendations. */
export interface ActionPlanningVisitAgendaInput extends DocumentBasis {
  visitOn: IsoDate
  /** The day the final agenda is circulated: five working days before the visit (001#14). */
  circulatedOn: IsoDate
  /** The report's recommendations and areas for priority action, "R1: …", in the report's order. */
  recommendations: readonly string[]
  /** The 70-working-day deadline for the action plan (001#19), for the last item. */
  actionPlanDue?: IsoDate
}

/** Builds the final agenda (001 Annex B). */
export function actionPlanningVisitAgenda(input: ActionPlanningVisitAgendaInput): DocumentModel {
  assertComplete(basisProblems(input))
  const title = `Action planning visit to ${input.localAuthority.name} children's services: agenda`
  const blocks: Block[] = [
    heading(1, title),
    paragraph(`Visit on ${formatDate(input.visitOn)}. Final agenda circulated ${formatDate(input.circulatedOn)}.`),
    // Annex B's note: a suggested guide, tailored with the local authority.
    paragraph(
      'This programme was discussed with the director of children’s services, who could ask for specific areas to be covered (001#14).',
    ),
    heading(2, 'Welcome and introductions (senior HMI and DCS)'),
    heading(2, 'Understanding the inspection findings and judgements'),
    bullets(['group discussion led by the lead inspector from the inspection']),
    ...(input.recommendations.length > 0
      ? [paragraph('The recommendations of the report:'), bullets(input.recommendations)]
      : []),
    heading(2, 'What has happened since the inspection?'),
    bullets(['group discussion about the actions the local authority has taken so far']),
    heading(2, 'Understanding the performance challenges'),
    bullets([
      'understand the inspection judgement and identify barriers to change',
      'begin to articulate the priorities for change and the capacity needed to make it happen',
    ]),
    heading(2, 'Identifying improvement priorities'),
    bullets([
      'identify evidence measures for change and leadership responsibilities',
      'agree initial timescales, improvement strategy (including relationship with Ofsted HMI/SHMI and the improvement board work)',
    ]),
    heading(2, 'Summary of improvement planning and next steps'),
    bullets([
      'review the expectations in respect of next steps, the preparation of the written response to the inspection in the form of an action plan and timescales for submission' +
        (input.actionPlanDue ? ` (the action plan is due by ${formatDate(input.actionPlanDue)})` : ''),
    ]),
  ]
  return { meta: metaFor('action-planning-visit-agenda', title, input, { issued: input.circulatedOn }), blocks }
}

/** The record of the visit (001#18, Annex C). */
export interface ActionPlanningVisitRecordInput extends DocumentBasis {
  visitOn: IsoDate
  /** The day the senior HMI sent it to the DCS: the date of record. */
  sentOn: IsoDate
  attendees: string
  discussion: string
  planning: string
  /** The Ofsted HMI (lead inspector) and the senior HMI who agree and sign it. */
  signedBy: readonly string[]
  /** 001#18: sent to the DCS, copied to the regional director and the national director, social care. */
  sentTo: string
  copies: readonly string[]
}

const lines = (text: string) => text.split(/\n+/).map((line) => line.trim())

/** Builds the record (001 Annex C), its sections headed as the annex heads them. */
export function actionPlanningVisitRecord(input: ActionPlanningVisitRecordInput): DocumentModel {
  assertComplete([
    ...basisProblems(input),
    ...requireText([input.attendees], 'Enter who attended', '001 Annex C'),
    ...requireText([input.discussion], 'Enter the details of the discussion', '001#18, Annex C'),
  ])
  const [attendees, discussion, planning, signed, dated] = ACTION_PLANNING_VISIT_RECORD
  const title = `Record of action planning visit: ${input.localAuthority.name}`
  const blocks: Block[] = [
    heading(1, title),
    paragraph(`Visit on ${formatDate(input.visitOn)}.`),
    heading(2, `1. ${attendees}`),
    ...paragraphs(lines(input.attendees)),
    heading(2, `2. ${discussion}`),
    ...paragraphs(lines(input.discussion)),
    heading(2, `3. ${planning}`),
    // Annex C: any agreed variation from the report's recommendations is recorded with the reasons.
    ...(input.planning.trim() ? paragraphs(lines(input.planning)) : [paragraph('None recorded.')]),
    paragraph(`${signed}: ${input.signedBy.join(', ')}`),
    paragraph(`${dated}: ${formatDate(input.sentOn)}`),
    paragraph(`Sent to ${input.sentTo}; cc ${input.copies.join(', ')}`),
  ]
  return { meta: metaFor('action-planning-visit-record', title, input, { issued: input.sentOn }), blocks }
}
