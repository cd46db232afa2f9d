/**
 * The sections of each kind of report or letter, in the order the seeds give them, and how the
 * judgements and findings already agreed fill them (issue 11: never typed twice). A section's text
 * is paragraphs separated by a blank line, or, for a list, one item per line; the LA comments on a
 * paragraph (or list item) by its number (002#215).
 */
import { FIRST_PAGE_QUESTIONS } from '../../rules/reports.js'
import type { Grade } from '../register/index.js'
import type { ReportKind } from './workflow.js'

/** One section as stored in a version: its text and what it rests on. */
export interface SectionContent {
  readonly text: string
  /** Evidence entries the section rests on (ids in the evidence record). */
  readonly evidenceIds: readonly string[]
  /** Judgement areas (the register's keys) the section rests on. */
  readonly judgements: readonly string[]
  /** A name the section needs besides its text: the third-party provider (002#213). */
  readonly subject?: string
}

export type Sections = Readonly<Record<string, SectionContent>>

/** How a section is written and checked. */
export interface SectionDefinition {
  readonly key: string
  readonly label: string
  readonly shape: 'paragraphs' | 'list' | 'line'
  readonly hint: string
  readonly citation: string
  /** An optional section is left out of the document while empty. */
  readonly optional?: boolean
  /** The judgement area it reports on, whose grade and rationale it starts from. */
  readonly judgement?: string
  /** The name a section asks besides its text, and its label. */
  readonly subjectLabel?: string
}

/** What the judgements area has agreed, for filling sections. */
export interface AgreedOutcome {
  /** The judgement areas of the framework (register keys), in report order. */
  readonly areas: ReadonlyArray<{ key: string; label: string }>
  readonly judgements: ReadonlyArray<{ area: string; grade: Grade; rationale: string }>
  readonly findings: ReadonlyArray<{
    kind: 'strength' | 'area-for-improvement' | 'priority-action'
    text: string
  }>
  readonly topics: readonly string[]
}

const SUMMARY_KEYS = ['summary-experiences', 'summary-leaders', 'summary-support', 'summary-change'] as const

/** The sections of a document of this kind; an inspection report's depend on its framework's areas. */
export function sectionsFor(kind: ReportKind, outcome: Pick<AgreedOutcome, 'areas'>): SectionDefinition[] {
  if (kind === 'inspection-report') {
    const areaSections: SectionDefinition[] = outcome.areas
      .filter((area) => area.key !== 'overall')
      .map((area) => ({
        key: area.key,
        label: area.label,
        shape: 'paragraphs',
        hint: 'The main strengths and areas to improve only (002#210), the extent of each and what children experience (002#211)',
        citation: area.key === 'care-leavers' ? '002#206, #211' : '002#206, #210-211',
        judgement: area.key,
      }))
    const separateCareLeavers = outcome.areas.some((area) => area.key === 'care-leavers')
    return [
      ...SUMMARY_KEYS.map((key, index): SectionDefinition => ({
        key,
        label: FIRST_PAGE_QUESTIONS[index]!,
        shape: 'paragraphs',
        hint: 'Part of the brief summary on the first page, after the graded judgements',
        citation: '002#205',
        ...(index === 0 ? { judgement: 'overall' } : {}),
      })),
      {
        key: 'areas-for-improvement',
        label: 'Areas where improvement is needed most',
        shape: 'list',
        hint: 'One a line. Say what needs to improve, not how to remedy it, in proportion to the grade (002#209)',
        citation: '002#206, #209',
      },
      ...areaSections,
      ...(separateCareLeavers
        ? []
        : [
            {
              key: 'care-leavers',
              label: 'The experiences and progress of care leavers',
              shape: 'paragraphs',
              hint: 'Always reported on a standard or short inspection; printed under children in care (002#211)',
              citation: '002#211',
              judgement: 'children-in-care',
            } satisfies SectionDefinition,
          ]),
      {
        key: 'delegation',
        label: 'How the local authority assures itself of a third party with delegated functions',
        shape: 'paragraphs',
        hint: 'Only where a third party provides children’s services under delegated functions: contract management and quality assurance (002#213)',
        citation: '002#213',
        optional: true,
        subjectLabel: 'The third-party provider',
      },
      {
        key: 'summary-for-children',
        label: 'Summary for children and young people',
        shape: 'paragraphs',
        hint: 'A stand-alone summary in plain words, published with the report (002#202)',
        citation: '002#202',
      },
    ]
  }
  if (kind === 'focused-visit-letter')
    return [
      {
        key: 'focus',
        label: 'What the visit looked at',
        shape: 'line',
        hint: 'Completes “Inspectors looked at …”',
        citation: '002#105-107',
      },
      {
        key: 'findings',
        label: 'Findings',
        shape: 'paragraphs',
        hint: 'Strengths and areas to improve, in narrative, with no grade and no hint of one (002#108)',
        citation: '002#108, #207',
      },
      {
        key: 'areas-for-improvement',
        label: 'Areas where improvement is needed most',
        shape: 'list',
        hint: 'A small number, one a line (002#207, #209)',
        citation: '002#207, #209',
        optional: true,
      },
      {
        key: 'areas-for-priority-action',
        label: 'Areas for priority action',
        shape: 'list',
        hint: 'Only where inspectors found serious weaknesses (002#109-110)',
        citation: '002#109-110, #207',
        optional: true,
      },
    ]
  return [
    {
      key: 'areas-covered',
      label: 'Areas covered by the visit',
      shape: 'list',
      hint: 'The weaknesses and recommendations agreed for the visit, one a line',
      citation: '001#25, #39',
    },
    {
      key: 'findings',
      label: 'Findings and evaluation of progress',
      shape: 'paragraphs',
      hint: 'In particular the evaluation of progress since the inspection (002#208)',
      citation: '002#208; 001#40',
    },
  ]
}

/** A section's text as its paragraphs (or list items), numbered from 1 by their position. */
export function paragraphsOf(text: string, shape: SectionDefinition['shape']): string[] {
  const trimmed = text.replace(/\r\n?/g, '\n').trim()
  if (trimmed === '') return []
  if (shape === 'paragraphs') return trimmed.split(/\n\s*\n/).map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
  if (shape === 'line') return [trimmed.replace(/\s+/g, ' ')]
  return trimmed
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '')
}

const empty = (judgements: readonly string[] = []): SectionContent => ({ text: '', evidenceIds: [], judgements })

/**
 * The first version's sections, filled from what was agreed (issue 11): each judgement area's
 * section starts from its rationale and rests on its judgement; a focused visit's findings,
 * areas for improvement and priority actions start from the findings recorded on site.
 */
export function prefilledSections(kind: ReportKind, outcome: AgreedOutcome): Record<string, SectionContent> {
  const sections: Record<string, SectionContent> = {}
  const rationale = (area: string) => outcome.judgements.find((judgement) => judgement.area === area)?.rationale ?? ''
  const texts = (kinds: readonly string[]) =>
    outcome.findings.filter((finding) => kinds.includes(finding.kind)).map((finding) => finding.text.trim())
  for (const definition of sectionsFor(kind, outcome)) {
    const judgements = definition.judgement ? [definition.judgement] : []
    let text = ''
    if (kind === 'inspection-report' && definition.judgement && definition.key !== 'care-leavers')
      text = rationale(definition.judgement)
    if (kind === 'focused-visit-letter') {
      if (definition.key === 'focus') text = focusOf(outcome.topics)
      if (definition.key === 'findings') text = texts(['strength', 'area-for-improvement']).join('\n\n')
      if (definition.key === 'areas-for-improvement') text = texts(['area-for-improvement']).join('\n')
      if (definition.key === 'areas-for-priority-action') text = texts(['priority-action']).join('\n')
    }
    sections[definition.key] = { ...empty(judgements), text }
  }
  return sections
}

/** "the local authority’s arrangements for children in care and care leavers", from the visit's topics. */
function focusOf(topics: readonly string[]): string {
  if (topics.length === 0) return ''
  const names = topics.map((topic) => topic.charAt(0).toLowerCase() + topic.slice(1))
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `the local authority’s arrangements for ${list}`
}
