/**
 * The report of a standard or short inspection (E6: 002#202, #205-213) and its stand-alone
 * summary for children and young people (002#202).
 */
import { type IsoDate } from '../../rules/calendar/dates.js'
import { GRADE_NAMES, type Grade } from '../../rules/judgements.js'
import { FIRST_PAGE_QUESTIONS } from '../../rules/reports.js'
import { heading, judgementTable, numbered, pageBreak, paragraph, type Block, type DocumentModel } from '../model.js'
import {
  assertComplete,
  basisProblems,
  fieldworkDates,
  metaFor,
  paragraphs,
  requireText,
  type ContentProblem,
  type DocumentBasis,
  type Fieldwork,
  type Paragraphs,
} from './common.js'
import {
  gradesCareLeaversSeparately,
  REPORT_JUDGEMENT_AREAS,
  type JudgementAreaKey,
  type ReportFramework,
} from './judgement-areas.js'

/** The areas with a section of their own (overall effectiveness is the first page, 002#205). */
export type SectionKey = 'helpAndProtection' | 'childrenInCare' | 'leaders'

/** Everything an inspection report says. */
export interface InspectionReportInput extends DocumentBasis {
  /** A post-monitoring single inspection's report has the same shape, at most 12 pages (001#64-65). */
  inspection: 'standard' | 'short' | 'post-monitoring'
  framework: ReportFramework
  fieldwork: Fieldwork
  leadInspector: string
  /** One grade per area the framework grades (`REPORT_JUDGEMENT_AREAS`), overall where it has one. */
  grades: Partial<Record<JudgementAreaKey, Grade>>
  /** The first-page summary, one answer per question of 002#205, in its order. */
  summary: {
    experiencesOfChildren: Paragraphs
    leadersKnowPractice: Paragraphs
    supportForPractice: Paragraphs
    changeSinceLastInspection: Paragraphs
  }
  /** The areas where improvement is needed most: what, never how (002#209). */
  areasForImprovement: readonly string[]
  /** The text of each judgement area's section (002#206, #210-211). */
  sections: Record<SectionKey, Paragraphs>
  /** Always reported on a standard or short inspection (002#211). */
  careLeavers: Paragraphs
  /** Where a third party provides delegated functions: how the LA assures itself of its work (002#213). */
  delegation?: { provider: string; text: Paragraphs }
  issued?: IsoDate
}

const SUMMARY_KEYS = [
  'experiencesOfChildren',
  'leadersKnowPractice',
  'supportForPractice',
  'changeSinceLastInspection',
] as const satisfies readonly (keyof InspectionReportInput['summary'])[]

/** What is missing from a report's content, each with its citation; empty when it can be built. */
export function inspectionReportProblems(input: InspectionReportInput): ContentProblem[] {
  const areas = REPORT_JUDGEMENT_AREAS[input.framework]
  const problems = [...basisProblems(input)]
  for (const area of areas) {
    if (!input.grades[area.key]) problems.push({ message: `Select a grade for ${area.label}`, citation: '002#97' })
  }
  for (const key of Object.keys(input.grades) as JudgementAreaKey[]) {
    if (!areas.some((area) => area.key === key)) {
      problems.push({ message: `The ${input.framework} framework gives no ${key} grade`, citation: '002#96' })
    }
  }
  SUMMARY_KEYS.forEach((key, i) =>
    problems.push(...requireText(input.summary[key], `Answer: ${FIRST_PAGE_QUESTIONS[i]}`, '002#205')),
  )
  problems.push(
    ...requireText(input.areasForImprovement, 'Enter the areas where improvement is needed most', '002#206'),
  )
  for (const area of areas) {
    if (area.key === 'overall' || area.key === 'careLeavers') continue
    problems.push(...requireText(input.sections[area.key], `Enter the section on ${area.label}`, '002#206'))
  }
  problems.push(...requireText(input.careLeavers, 'Enter the findings about care leavers', '002#211'))
  if (input.delegation) {
    problems.push(
      ...requireText(
        input.delegation.text,
        `Enter how the local authority assures itself of ${input.delegation.provider}`,
        '002#213',
      ),
    )
  }
  return problems
}

/** The title of the report, also used by the summary for children. */
export function reportTitle(localAuthority: string): string {
  return `Inspection of ${localAuthority} local authority children's services`
}

/**
 * Builds an inspection report. Throws IncompleteDocumentError when content a report must have is
 * missing (`inspectionReportProblems`). Its length is checked on the rendered PDF (002#212).
 */
export function inspectionReport(input: InspectionReportInput): DocumentModel {
  assertComplete(inspectionReportProblems(input))
  const title = reportTitle(input.localAuthority.name)
  const areas = REPORT_JUDGEMENT_AREAS[input.framework]
  const gradeOf = (key: JudgementAreaKey): Grade => input.grades[key]!
  const blocks: Block[] = [
    heading(1, title),
    paragraph(`Inspection dates: ${fieldworkDates(input.fieldwork)}`),
    paragraph(
      `Type of inspection: ${input.inspection === 'post-monitoring' ? 'post-monitoring single' : input.inspection} inspection`,
    ),
    paragraph(`Lead inspector: ${input.leadInspector}, His Majesty's Inspector`),
    // 002#205: the first page gives the graded judgements…
    judgementTable(areas.map((area) => ({ judgement: area.label, grade: gradeOf(area.key) }))),
    // …and a brief summary answering the four questions, in their order.
    heading(2, 'Summary'),
    ...SUMMARY_KEYS.flatMap((key) => paragraphs(input.summary[key])),
    // 002#206: the areas for improvement follow the first page.
    pageBreak(),
    heading(2, 'Areas where improvement is needed most'),
    numbered(input.areasForImprovement),
  ]
  // 002#206: then a section on each judgement area (overall effectiveness is the first page's).
  for (const area of areas) {
    if (area.key === 'overall') continue
    blocks.push(heading(2, `${area.label}: ${GRADE_NAMES[gradeOf(area.key)]}`))
    if (area.key === 'careLeavers') {
      // 002#211: care leavers always reported; here they are a judgement of their own.
      blocks.push(...paragraphs(input.careLeavers))
      continue
    }
    blocks.push(...paragraphs(input.sections[area.key]))
    if (area.key === 'childrenInCare' && !gradesCareLeaversSeparately(input.framework)) {
      // 002#211: under the 2018 framework care leavers share this judgement; they still get their findings.
      blocks.push(heading(3, 'Care leavers'), ...paragraphs(input.careLeavers))
    }
    if (area.key === 'leaders' && input.delegation) {
      // 002#213: how the LA assures itself of the help, protection and care its provider gives.
      blocks.push(
        heading(3, `How the local authority assures itself of ${input.delegation.provider}`),
        ...paragraphs(input.delegation.text),
      )
    }
  }
  return {
    meta: metaFor('inspection-report', title, input, {
      fieldworkStart: input.fieldwork.start,
      fieldworkEnd: input.fieldwork.end,
      ...(input.issued ? { issued: input.issued } : {}),
    }),
    blocks,
  }
}

/** The stand-alone summary written for children and young people (002#202). */
export interface SummaryForChildrenInput extends DocumentBasis {
  fieldwork: Fieldwork
  /** Plain words for children and young people: what inspectors found and what happens next. */
  text: Paragraphs
  issued?: IsoDate
}

/** Builds the summary for children and young people (002#202); throws IncompleteDocumentError without text. */
export function summaryForChildren(input: SummaryForChildrenInput): DocumentModel {
  assertComplete([
    ...basisProblems(input),
    ...requireText(input.text, 'Enter the summary for children and young people', '002#202'),
  ])
  const title = `What we found in ${input.localAuthority.name}: a summary for children and young people`
  return {
    meta: metaFor('summary-for-children', title, input, {
      fieldworkStart: input.fieldwork.start,
      fieldworkEnd: input.fieldwork.end,
      ...(input.issued ? { issued: input.issued } : {}),
    }),
    blocks: [
      heading(1, title),
      paragraph(
        `Ofsted inspectors visited ${input.localAuthority.name} from ${fieldworkDates(input.fieldwork)} to find out how well children and young people are helped, protected and cared for.`,
      ),
      ...paragraphs(input.text),
    ],
  }
}
