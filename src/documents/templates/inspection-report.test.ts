import { describe, expect, it } from 'vitest'
import { FIRST_PAGE_QUESTIONS } from '../../rules/reports.js'
import { oneLine, renderAndRead, reportInput } from '../fixtures.js'
import type { DocumentModel } from '../model.js'
import { IncompleteDocumentError } from './common.js'
import {
  inspectionReport,
  inspectionReportProblems,
  summaryForChildren,
  type InspectionReportInput,
} from './inspection-report.js'
import { REPORT_FRAMEWORKS } from './judgement-areas.js'

const headings = (document: DocumentModel): string[] =>
  document.blocks.flatMap((block) => (block.type === 'heading' ? [`h${block.level} ${block.text}`] : []))

const GRADES_2018: InspectionReportInput['grades'] = {
  overall: 'requires-improvement',
  helpAndProtection: 'requires-improvement',
  childrenInCare: 'good',
  leaders: 'requires-improvement',
}

describe('inspectionReport', () => {
  it('gives the judgements and summary first, then the areas for improvement, then a section per judgement (002#205-206)', () => {
    const report = inspectionReport(reportInput())
    expect(report.blocks.map((block) => block.type).slice(0, 6)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'judgements',
      'heading',
    ])
    expect(headings(report)).toEqual([
      "h1 Inspection of Kent local authority children's services",
      'h2 Summary',
      'h2 Areas where improvement is needed most',
      'h2 The experiences and progress of children who need help and protection: good',
      'h2 The experiences and progress of children in care: good',
      'h2 The experiences and progress of care leavers: requires improvement to be good',
      'h2 The impact of leaders on social work practice with children and families: outstanding',
    ])
  })

  it('puts the graded judgements and the summary on the first page of the PDF, and the areas for improvement after it', async () => {
    const { pdfPages } = await renderAndRead(inspectionReport(reportInput()))
    expect(pdfPages[0]).toMatch(/Overall effectiveness\s+Good/)
    expect(pdfPages[0]).toContain('Since the last inspection, services for care leavers have improved')
    expect(pdfPages[0]).not.toContain('Areas where improvement is needed most')
    expect(pdfPages[1]!.startsWith('Areas where improvement is needed most')).toBe(true)
  })

  it.each(REPORT_FRAMEWORKS)('always reports on care leavers under the %s framework (002#211)', async (framework) => {
    const grades: InspectionReportInput['grades'] =
      // A post-monitoring inspection's SIF report grades the same four areas as 2018 (001#52).
      framework === 'ilacs-2018' || framework === 'sif'
        ? GRADES_2018
        : framework === 'ilacs-2023'
          ? { ...GRADES_2018, careLeavers: 'inadequate' }
          : { helpAndProtection: 'good', childrenInCare: 'good', careLeavers: 'good', leaders: 'good' }
    const report = inspectionReport({ ...reportInput(1), framework, grades })
    expect(headings(report).some((text) => /care leavers/i.test(text))).toBe(true)
    const { pdfPages, docxParagraphs } = await renderAndRead(report)
    expect(oneLine(pdfPages.join(' '))).toContain('Care leavers (1). Social workers know the children')
    expect(docxParagraphs.some((text) => text.startsWith('Care leavers (1). Social workers know'))).toBe(true)
  })

  it('gives care leavers their own sub-section where they share a judgement with children in care (2018)', () => {
    const report = inspectionReport({ ...reportInput(1), framework: 'ilacs-2018', grades: GRADES_2018 })
    expect(headings(report)).toContain('h3 Care leavers')
    expect(headings(report)).toContain('h2 The experiences and progress of children in care and care leavers: good')
  })

  it('gives no overall effectiveness grade from April 2026', () => {
    const report = inspectionReport({
      ...reportInput(1),
      framework: 'ilacs-2026',
      grades: { helpAndProtection: 'good', childrenInCare: 'good', careLeavers: 'good', leaders: 'good' },
    })
    const table = report.blocks.find((block) => block.type === 'judgements')
    expect(table?.type === 'judgements' && table.rows.map((row) => row.judgement)).not.toContain(
      'Overall effectiveness',
    )
  })

  it('reports how the LA assures itself of a provider it has delegated functions to (002#213)', () => {
    const report = inspectionReport({
      ...reportInput(1),
      delegation: { provider: 'Kent Children’s Trust', text: ['Contract monitoring is robust.'] },
    })
    expect(headings(report)).toContain('h3 How the local authority assures itself of Kent Children’s Trust')
  })

  it('refuses a report without its care leavers findings, with the citation', () => {
    expect(() => inspectionReport({ ...reportInput(), careLeavers: [] })).toThrow(IncompleteDocumentError)
    expect(inspectionReportProblems({ ...reportInput(), careLeavers: ['  '] })).toEqual([
      { message: 'Enter the findings about care leavers', citation: '002#211' },
    ])
  })

  it('lists every missing grade, summary answer and section', () => {
    const input = reportInput()
    const problems = inspectionReportProblems({
      ...input,
      grades: { ...input.grades, careLeavers: undefined },
      summary: { ...input.summary, changeSinceLastInspection: [] },
      areasForImprovement: [],
      sections: { ...input.sections, leaders: [] },
    })
    expect(problems.map((problem) => problem.citation)).toEqual(['002#97', '002#205', '002#206', '002#206'])
    expect(problems[1]!.message).toBe(`Answer: ${FIRST_PAGE_QUESTIONS[3]}`)
  })

  it('refuses a grade the framework does not give', () => {
    const problems = inspectionReportProblems({ ...reportInput(), framework: 'ilacs-2026' })
    expect(problems).toEqual([{ message: 'The ilacs-2026 framework gives no overall grade', citation: '002#96' }])
  })

  it('refuses an embargoed copy without the time the embargo lifts', () => {
    expect(inspectionReportProblems({ ...reportInput(), status: 'embargoed' })).toEqual([
      { message: 'Enter the date and time the embargo lifts', citation: '002#216' },
    ])
  })
})

describe('summaryForChildren (002#202)', () => {
  it('is a stand-alone document in plain words', async () => {
    const summary = summaryForChildren({
      localAuthority: { name: 'Kent', code: '886' },
      reference: '80471',
      status: 'final',
      fieldwork: { start: '2027-01-18', end: '2027-01-29' },
      text: ['Most children get the help they need quickly.'],
    })
    expect(summary.meta.kind).toBe('summary-for-children')
    const { pdfPages } = await renderAndRead(summary)
    const page = oneLine(pdfPages[0]!)
    expect(page).toContain('What we found in Kent: a summary for children and young people')
    expect(page).toContain('Ofsted inspectors visited Kent from 18 to 29 January 2027')
    expect(page).toContain('Most children get the help they need quickly.')
  })
})
