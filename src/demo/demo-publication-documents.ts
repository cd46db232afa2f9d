/**
 * The words of the demo's published reports and letters (demo-publications.ts), rendered with
 * the real templates (src/documents). Invented text: the LA names are real, the findings are not.
 */
import {
  focusedVisitLetter,
  inspectionReport,
  renderPdf,
  summaryForChildren,
  type Paragraphs,
  type ReportFramework,
} from '../documents/index.js'
import type { Grade } from '../areas/register/index.js'
import type { IsoDate } from '../rules/calendar/dates.js'

/** The register's area keys and the templates' (the same areas, spelt differently). */
const AREA_KEYS = {
  overall: 'overall',
  'help-and-protection': 'helpAndProtection',
  'children-in-care': 'childrenInCare',
  'care-leavers': 'careLeavers',
  leaders: 'leaders',
} as const

function prose(la: string, topic: string, count: number): Paragraphs {
  return Array.from(
    { length: count },
    (_, i) =>
      `${topic} in ${la} (${i + 1}). Social workers know the children they work with well and visit them regularly, ` +
      'seeing them alone when it is appropriate. Assessments consider the history of the family; a few do not fully ' +
      'analyse the impact of parental difficulties on the child. Managers review plans regularly.',
  )
}

export interface DemoReport {
  readonly la: { name: string; code: string }
  readonly inspection: 'standard' | 'short'
  readonly framework: ReportFramework
  readonly fieldwork: { start: IsoDate; end: IsoDate }
  readonly issued: IsoDate
  /** By the register's area keys. */
  readonly grades: Readonly<Record<string, Grade>>
}

/** The report and the summary for children and young people, as published PDFs (002#202-213). */
export async function demoReportPdfs(report: DemoReport): Promise<{ pdf: Uint8Array; summary: Uint8Array }> {
  const name = report.la.name
  const grades = Object.fromEntries(
    Object.entries(report.grades).map(([key, grade]) => [AREA_KEYS[key as keyof typeof AREA_KEYS], grade]),
  )
  const basis = { localAuthority: report.la, reference: `8${report.la.code}1`, status: 'final' as const }
  const pdf = await renderPdf(
    inspectionReport({
      ...basis,
      inspection: report.inspection,
      framework: report.framework,
      fieldwork: report.fieldwork,
      leadInspector: 'Demo HMI',
      grades,
      summary: {
        experiencesOfChildren: [`Most children in ${name} receive help that is timely and makes a difference to them.`],
        leadersKnowPractice: ['Leaders know the strengths of front-line practice and where it needs to improve.'],
        supportForPractice: ['Caseloads are manageable and staff turnover has fallen.'],
        changeSinceLastInspection: ['Services for care leavers have improved since the last inspection.'],
      },
      areasForImprovement: [
        'The quality and timeliness of pathway plans for care leavers.',
        'Management oversight of the response to children who go missing from home or care.',
      ],
      sections: {
        helpAndProtection: prose(name, 'Help and protection', 3),
        childrenInCare: prose(name, 'Children in care', 3),
        leaders: prose(name, 'Leaders', 3),
      },
      careLeavers: prose(name, 'Care leavers', 2),
      issued: report.issued,
    }),
  )
  const summary = await renderPdf(
    summaryForChildren({
      ...basis,
      fieldwork: report.fieldwork,
      text: [
        `Inspectors visited ${name} to see how well children and young people are helped and looked after.`,
        'They talked to children, families, social workers and managers, and read children’s records.',
      ],
      issued: report.issued,
    }),
  )
  return { pdf, summary }
}

/** A focused-visit letter as the published PDF (002#108-110, #207): findings, no grade. */
export async function demoLetterPdf(letter: {
  la: { name: string; code: string }
  fieldwork: { start: IsoDate; end: IsoDate }
  issued: IsoDate
  focus: string
}): Promise<Uint8Array> {
  return renderPdf(
    focusedVisitLetter({
      localAuthority: letter.la,
      reference: `8${letter.la.code}2`,
      status: 'final',
      fieldwork: letter.fieldwork,
      issued: letter.issued,
      recipient: {
        name: `Demo Director of Children’s Services, ${letter.la.name}`,
        role: "Director of Children's Services",
        address: [`${letter.la.name} Council`],
      },
      leadInspector: 'Demo HMI',
      focus: letter.focus,
      findings: prose(letter.la.name, 'Children in care', 2),
      areasForImprovement: ['The consistency of management oversight of care plans.'],
    }),
  )
}
