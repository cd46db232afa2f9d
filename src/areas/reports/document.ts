/**
 * A version's documents from its sections and the activity's facts, through the templates of
 * `src/documents` (ADR 0012): the report or letter, and for an inspection the stand-alone summary
 * for children and young people (002#202). A draft may be incomplete: an empty section prints as
 * "[Not yet written: …]" so every draft renders and its pages are counted, and the problems the
 * template finds are listed on the report page and stop it going to QA.
 */
import {
  type ContentProblem,
  type DocumentModel,
  type DocumentStatus,
  focusedVisitLetter,
  focusedVisitLetterProblems,
  type FocusedVisitLetterInput,
  inspectionReport,
  inspectionReportProblems,
  type InspectionReportInput,
  monitoringVisitLetter,
  monitoringVisitLetterProblems,
  type MonitoringVisitLetterInput,
  REPORT_JUDGEMENT_AREAS,
  type ReportFramework,
  summaryForChildren,
} from '../../documents/index.js'
import type { Grade } from '../register/index.js'
import { paragraphsOf, type Sections, sectionsFor, type AgreedOutcome } from './sections.js'
import type { ReportKind } from './workflow.js'

/** What a document says besides its sections: the activity, its people, its grades and its status. */
export interface DocumentFacts {
  readonly kind: ReportKind
  readonly inspection: 'standard' | 'short' | 'post-monitoring' | null
  readonly framework: ReportFramework | null
  /** A monitoring visit's number in its set and arrangements (issue 12), else null. */
  readonly monitoring?: { readonly visitNumber: number; readonly handbook: 'ilacs' | '2017' } | null
  /** A monitoring visit: the last day of the inspection that judged the LA inadequate, from the register. */
  readonly judgedInadequateOn?: string
  /** A monitoring visit: its programme's items, each with the progress recorded at the visit (issue 12). */
  readonly itemProgress?: MonitoringVisitLetterInput['itemProgress']
  readonly areas: AgreedOutcome['areas']
  readonly localAuthority: { readonly name: string; readonly code: string }
  readonly reference: string
  readonly fieldwork: { readonly start: string; readonly end: string }
  readonly leadInspector: string
  readonly otherInspectors: readonly string[]
  /** Agreed grades by the register's area key. */
  readonly grades: Readonly<Record<string, Grade>>
  /** The DCS the letter is addressed to. */
  readonly dcsName: string
  readonly issued: string
  readonly status: DocumentStatus
  /** The bodies running the LA's children's services under delegated functions at fieldwork (002#213). */
  readonly delegatedTo?: readonly string[]
  /** "YYYY-MM-DDTHH:MM" in England, for an embargoed copy (002#216). */
  readonly embargoUntil?: string | undefined
}

export interface VersionDocuments {
  readonly report: DocumentModel
  /** The summary for children and young people, published with an inspection report (002#202). */
  readonly summaryForChildren?: DocumentModel
}

const PLACEHOLDER = (label: string) => `[Not yet written: ${label}]`

function textOf(sections: Sections, key: string): string {
  return sections[key]?.text ?? ''
}

/** The template input of a document, with placeholders for empty sections when `fill` is set. */
function inputs(facts: DocumentFacts, sections: Sections, fill: boolean) {
  const definitions = sectionsFor(facts.kind, facts)
  const items = (key: string) => {
    const definition = definitions.find((candidate) => candidate.key === key)
    const found = paragraphsOf(textOf(sections, key), definition?.shape ?? 'paragraphs')
    if (found.length > 0 || !fill || !definition || definition.optional) return found
    return [PLACEHOLDER(definition.label)]
  }
  const basis = {
    localAuthority: { ...facts.localAuthority },
    reference: facts.reference,
    status: facts.status,
    ...(facts.embargoUntil ? { embargoUntil: facts.embargoUntil } : {}),
  }
  const fieldwork = { ...facts.fieldwork }
  const recipient = {
    name: facts.dcsName,
    role: 'Director of Children’s Services',
    address: [facts.localAuthority.name],
  }
  return { items, basis, fieldwork, recipient }
}

/** The names of the bodies with delegated functions at fieldwork, as the report names them, or ''. */
export function delegatedNames(facts: Pick<DocumentFacts, 'delegatedTo'>): string {
  return (facts.delegatedTo ?? []).join(' and ')
}

/** The register key an area's section is stored under in this framework. */
function sectionKey(framework: ReportFramework, key: 'helpAndProtection' | 'childrenInCare' | 'leaders'): string {
  return REPORT_JUDGEMENT_AREAS[framework].find((area) => area.key === key)?.registerKey ?? key
}

function reportInput(facts: DocumentFacts, sections: Sections, fill: boolean): InspectionReportInput {
  const { items, basis, fieldwork } = inputs(facts, sections, fill)
  const framework = facts.framework ?? 'ilacs-2018'
  const grades: InspectionReportInput['grades'] = {}
  for (const area of REPORT_JUDGEMENT_AREAS[framework]) {
    const grade = facts.grades[area.registerKey]
    if (grade) grades[area.key] = grade
  }
  const delegation = items('delegation')
  return {
    ...basis,
    inspection: facts.inspection ?? 'standard',
    framework,
    fieldwork,
    leadInspector: facts.leadInspector,
    grades,
    summary: {
      experiencesOfChildren: items('summary-experiences'),
      leadersKnowPractice: items('summary-leaders'),
      supportForPractice: items('summary-support'),
      changeSinceLastInspection: items('summary-change'),
    },
    areasForImprovement: items('areas-for-improvement'),
    // Each section is stored under its area's register key (the SIF's differ: looked-after, leadership).
    sections: {
      helpAndProtection: items(sectionKey(framework, 'helpAndProtection')),
      childrenInCare: items(sectionKey(framework, 'childrenInCare')),
      leaders: items(sectionKey(framework, 'leaders')),
    },
    careLeavers: items('care-leavers'),
    ...(delegation.length > 0
      ? {
          delegation: {
            provider: sections.delegation?.subject || delegatedNames(facts) || 'the third-party provider',
            text: delegation,
          },
        }
      : {}),
    issued: facts.issued,
  }
}

function focusedInput(facts: DocumentFacts, sections: Sections, fill: boolean): FocusedVisitLetterInput {
  const { items, basis, fieldwork, recipient } = inputs(facts, sections, fill)
  return {
    ...basis,
    fieldwork,
    issued: facts.issued,
    recipient,
    leadInspector: facts.leadInspector,
    otherInspectors: facts.otherInspectors,
    focus: items('focus')[0] ?? '',
    findings: items('findings'),
    areasForImprovement: items('areas-for-improvement'),
    areasForPriorityAction: items('areas-for-priority-action'),
  }
}

function monitoringInput(facts: DocumentFacts, sections: Sections, fill: boolean): MonitoringVisitLetterInput {
  const { items, basis, fieldwork, recipient } = inputs(facts, sections, fill)
  return {
    ...basis,
    fieldwork,
    issued: facts.issued,
    recipient,
    leadInspector: facts.leadInspector,
    otherInspectors: facts.otherInspectors,
    // The visit's number in its set is the activity's (issue 12); the judgement date the register's.
    visitNumber: facts.monitoring?.visitNumber ?? 1,
    judgedInadequateOn: facts.judgedInadequateOn ?? facts.fieldwork.start,
    areasCovered: items('areas-covered'),
    findings: items('findings'),
    ...(facts.itemProgress ? { itemProgress: facts.itemProgress } : {}),
  }
}

/** What the document still needs, with citations (empty when it may go to QA). */
export function documentProblems(facts: DocumentFacts, sections: Sections): ContentProblem[] {
  if (facts.kind === 'inspection-report') {
    const children = paragraphsOf(textOf(sections, 'summary-for-children'), 'paragraphs')
    const delegation = paragraphsOf(textOf(sections, 'delegation'), 'paragraphs')
    const provider = delegatedNames(facts)
    return [
      ...inspectionReportProblems(reportInput(facts, sections, false)),
      // Where a body runs the services, the report says how the LA assures itself of it (002#213).
      ...(provider && delegation.length === 0
        ? [
            {
              message: `Say how the local authority assures itself of ${provider}, including its contract management and quality assurance`,
              citation: '002#213',
            },
          ]
        : []),
      ...(children.length > 0
        ? []
        : [{ message: 'Enter the summary for children and young people', citation: '002#202' }]),
    ]
  }
  if (facts.kind === 'focused-visit-letter') return focusedVisitLetterProblems(focusedInput(facts, sections, false))
  return monitoringVisitLetterProblems(monitoringInput(facts, sections, false))
}

/**
 * The documents of a version. A draft fills empty sections with a placeholder; an embargoed or
 * final copy must be complete. Throws IncompleteDocumentError for what a placeholder cannot mend
 * (a grade in a focused-visit letter, 002#108).
 */
export function buildDocuments(facts: DocumentFacts, sections: Sections): VersionDocuments {
  const fill = facts.status === 'draft'
  if (facts.kind === 'focused-visit-letter') return { report: focusedVisitLetter(focusedInput(facts, sections, fill)) }
  if (facts.kind === 'monitoring-visit-letter')
    return { report: monitoringVisitLetter(monitoringInput(facts, sections, fill)) }
  const input = reportInput(facts, sections, fill)
  const children = paragraphsOf(textOf(sections, 'summary-for-children'), 'paragraphs')
  return {
    report: inspectionReport(input),
    summaryForChildren: summaryForChildren({
      localAuthority: input.localAuthority,
      reference: input.reference,
      status: input.status,
      ...(input.embargoUntil ? { embargoUntil: input.embargoUntil } : {}),
      fieldwork: input.fieldwork,
      text: children.length > 0 ? children : [PLACEHOLDER('Summary for children and young people')],
      issued: facts.issued,
    }),
  }
}
