/**
 * The DfE's national dashboard (issue 13): every LA in intervention in the user's scope, with its
 * notice or direction, step, board, next report due, re-inspection expected, what is late and the
 * triggers that apply today; the same rows on the page and in the Excel workbook.
 */
import type ExcelJS from 'exceljs'
import { loadExcelJs } from '../../lazy-libraries.js'
import { reinspectionAbout } from '../../rules/intervention.js'
import { nextBoardMeetingBy, reportState } from '../../rules/intervention-record.js'
import type { Trigger } from '../../rules/intervention-triggers.js'
import { formName, stepLabel } from './presenters.js'
import type { InterventionRecord } from './types.js'

/** One record's line of the dashboard. */
export interface NationalRow {
  readonly interventionId: string
  readonly laCode: string
  readonly laName: string
  readonly instrument: string
  readonly step: string
  readonly boardChair: string
  readonly adviser: string
  readonly nextReportDue: string | null
  readonly reinspectionAbout: string | null
  /** What is late: reports overdue, the board's meeting. */
  readonly late: readonly string[]
  /** The triggers that apply today, each with its rule. */
  readonly triggers: readonly Pick<Trigger, 'title' | 'rule' | 'citation'>[]
}

/** The rows, newest record first, from the records and each LA's active triggers. */
export function nationalRows(
  records: readonly InterventionRecord[],
  laName: (laCode: string) => string,
  triggers: ReadonlyMap<string, readonly Trigger[]>,
  today: string,
): NationalRow[] {
  return records.map(({ intervention, instruments, board, meetings, reports }) => {
    const next = reports.filter((report) => !report.receivedOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]
    const overdue = intervention.closedOn
      ? 0
      : reports.filter((report) => reportState(report.dueOn, report.receivedOn, today).state === 'overdue').length
    const boardLate =
      !intervention.closedOn && board ? nextBoardMeetingBy(meetings.at(-1)?.metOn, board.setUpOn, today).late : false
    return {
      interventionId: intervention.id,
      laCode: intervention.laCode,
      laName: laName(intervention.laCode),
      instrument: instruments.length ? formName(instruments.at(-1)!.form) : 'None yet',
      step: stepLabel(intervention.step),
      boardChair: board ? `${board.chairName}${board.chairIndependent ? ' (independent)' : ''}` : 'No board',
      adviser: board?.adviserName ? `${board.adviserName} (${board.adviserKind ?? 'adviser'})` : 'None named',
      nextReportDue: intervention.closedOn ? null : (next?.dueOn ?? null),
      reinspectionAbout:
        intervention.inadequatePublishedOn && !intervention.closedOn
          ? reinspectionAbout(intervention.inadequatePublishedOn)
          : null,
      late: [
        ...(overdue ? [`${overdue} report${overdue === 1 ? '' : 's'}`] : []),
        ...(boardLate ? ['board meeting'] : []),
      ],
      triggers: (triggers.get(intervention.laCode) ?? []).map(({ title, rule, citation }) => ({
        title,
        rule,
        citation,
      })),
    }
  })
}

const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null)

/** The dashboard as a workbook: a header row, frozen, with filters; dates as date cells. */
export async function nationalWorkbook(rows: readonly NationalRow[], generatedAt: Date): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJs()).Workbook()
  workbook.creator = 'ILACS service'
  workbook.created = generatedAt
  workbook.title = 'Local authorities in intervention'
  const sheet = workbook.addWorksheet('In intervention')
  sheet.columns = [
    { key: 'laCode', header: 'LA code', width: 8 },
    { key: 'laName', header: 'Local authority', width: 24 },
    { key: 'instrument', header: 'Notice or direction', width: 30 },
    { key: 'step', header: 'Step', width: 28 },
    { key: 'boardChair', header: 'Board chair', width: 28 },
    { key: 'adviser', header: 'Adviser or commissioner', width: 28 },
    { key: 'nextReportDue', header: 'Next report due', width: 16 },
    { key: 'reinspectionAbout', header: 'Re-inspection expected about', width: 16 },
    { key: 'late', header: 'Late', width: 24 },
    { key: 'triggers', header: 'Triggers that apply today (rule)', width: 60 },
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of rows)
    sheet.addRow({
      ...row,
      nextReportDue: excelDate(row.nextReportDue),
      reinspectionAbout: excelDate(row.reinspectionAbout),
      late: row.late.join(', ') || 'Nothing',
      triggers: row.triggers.map((trigger) => `${trigger.title} (${trigger.rule}, ${trigger.citation})`).join('\n'),
    })
  sheet.getColumn('nextReportDue').numFmt = 'd mmmm yyyy'
  sheet.getColumn('reinspectionAbout').numFmt = 'd mmmm yyyy'
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 } }
  return workbook
}
