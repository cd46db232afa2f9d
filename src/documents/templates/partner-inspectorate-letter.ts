/**
 * The letter from His Majesty's Chief Inspector (HMCI) to a partner inspectorate when an
 * inspection finds significant concerns about another agency's practice (002#224-225): the
 * concerns as the report lays them out, and the advice that the inspectorate may wish to
 * investigate under its own powers. The lead inspector drafts it and submits it with the draft
 * report for quality assurance (002#225), so its first versions are drafts.
 */
import { formatDate, type IsoDate } from '../../rules/calendar/dates.js'
import { bullets, heading, paragraph, type Block, type DocumentModel } from '../model.js'
import {
  assertComplete,
  basisProblems,
  fieldworkDates,
  letterClose,
  letterOpening,
  metaFor,
  paragraphs,
  requireText,
  type ContentProblem,
  type DocumentBasis,
  type Fieldwork,
  type Paragraphs,
  type Recipient,
} from './common.js'

/** The partner inspectorates (002#224 footnote 31). */
export const PARTNER_INSPECTORATES = {
  cqc: 'the Care Quality Commission (CQC)',
  hmicfrs: "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS)",
  'hmi-probation': "His Majesty's Inspectorate of Probation",
  'hmi-prisons': "His Majesty's Inspectorate of Prisons",
  hmcpsi: "His Majesty's Crown Prosecution Service Inspectorate",
} as const
export type PartnerInspectorate = keyof typeof PARTNER_INSPECTORATES

/** Everything a letter to a partner inspectorate says. */
export interface PartnerInspectorateLetterInput extends DocumentBasis {
  inspectorate: PartnerInspectorate
  /** The partner's chief inspector. */
  recipient: Recipient
  /** The inspection the concerns come from. */
  fieldwork: Fieldwork
  issued: IsoDate
  /** The agency whose practice gives concern, e.g. "Kent Police". */
  agency: string
  /** The concerns, as laid out in the report (002#224). */
  concerns: readonly string[]
  /** Anything more the partner needs to know (context, what the LA has done). */
  context?: Paragraphs
  /** The day the report is due to be published, when known: it is shared under embargo until then (002#224). */
  publicationDue?: IsoDate
  /** His Majesty's Chief Inspector, who signs it. */
  chiefInspector: string
}

/** What is missing from a partner-inspectorate letter's content, each with its citation. */
export function partnerInspectorateLetterProblems(input: PartnerInspectorateLetterInput): ContentProblem[] {
  return [
    ...basisProblems(input),
    ...requireText([input.agency], 'Enter the agency the concerns are about', '002#224'),
    ...requireText(input.concerns, 'Enter the concerns, as the report sets them out', '002#224'),
  ]
}

/** The letter's subject line. */
export function partnerInspectorateSubject(localAuthority: string, agency: string): string {
  return `Inspection of ${localAuthority} local authority children's services: concerns about ${agency}`
}

/** Builds the letter from HMCI to a partner inspectorate; throws IncompleteDocumentError when content is missing. */
export function partnerInspectorateLetter(input: PartnerInspectorateLetterInput): DocumentModel {
  assertComplete(partnerInspectorateLetterProblems(input))
  const la = input.localAuthority.name
  const subject = partnerInspectorateSubject(la, input.agency)
  const embargo = input.publicationDue
    ? `We will share the final report with ${PARTNER_INSPECTORATES[input.inspectorate]} under embargo until it is published on ${formatDate(input.publicationDue)}.`
    : `We will share the final report with ${PARTNER_INSPECTORATES[input.inspectorate]} under embargo until it is published.`
  const blocks: Block[] = [
    ...letterOpening(input.issued, input.recipient, subject),
    paragraph(
      `Ofsted inspected ${la} local authority children's services from ${fieldworkDates(input.fieldwork)}. ` +
        `Inspectors found evidence of significant concerns about the practice of ${input.agency}. ${embargo}`,
    ),
    // 002#224: the concerns as laid out in the report…
    heading(2, 'Our concerns'),
    bullets(input.concerns),
    ...paragraphs(input.context ?? []),
    // …and our advice that the inspectorate may wish to investigate under its powers.
    heading(2, 'Our advice'),
    paragraph(
      `You may wish to consider investigating these concerns under your powers. Please contact us if you need further information about the inspection's findings.`,
    ),
    ...letterClose(input.chiefInspector, "His Majesty's Chief Inspector of Education, Children's Services and Skills"),
  ]
  return {
    meta: metaFor('partner-inspectorate-letter', subject, input, {
      fieldworkStart: input.fieldwork.start,
      fieldworkEnd: input.fieldwork.end,
      issued: input.issued,
    }),
    blocks,
  }
}
