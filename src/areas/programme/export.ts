/**
 * The programme as an Excel workbook (issue 6: "Exports to Excel"): one row per planned
 * activity of each LA in the selection, and one row for each LA with none, so directors can
 * filter and sort it as they did their tracker spreadsheet. A header row, frozen panes (the
 * header and the LA columns), date-typed cells and filters; a second sheet lists every rule
 * check with its rule and citation.
 */
import type ExcelJS from 'exceljs'
import { loadExcelJs } from '../../lazy-libraries.js'
import type { IsoDate } from '../../rules/calendar/dates.js'
import { isStatus, STATUS_LABELS, TYPE_LABELS } from '../activities/index.js'
import type { PlanActivity, PlanLa } from './types.js'

const NEXT_TYPE: Readonly<Record<string, string>> = {
  'short-inspection': 'Short inspection',
  'standard-inspection': 'Standard inspection',
  'sif-inspection': 'Re-inspection (SIF)',
  'post-monitoring-inspection': 'Post-monitoring inspection',
}

/** The columns of the Programme sheet, in order: header text, width and, for dates, the format. */
export const PROGRAMME_COLUMNS = [
  { key: 'laCode', header: 'LA code', width: 9 },
  { key: 'laName', header: 'Local authority', width: 28 },
  { key: 'region', header: 'Region', width: 24 },
  { key: 'pathway', header: 'Pathway', width: 9 },
  { key: 'next', header: 'Next judgement inspection', width: 24 },
  { key: 'dueFrom', header: 'Due from', width: 13, date: true },
  { key: 'dueTo', header: 'Due to', width: 13, date: true },
  { key: 'overdue', header: 'Overdue', width: 9 },
  { key: 'reference', header: 'Activity', width: 22 },
  { key: 'type', header: 'Type', width: 20 },
  { key: 'notice', header: 'Notice', width: 13, date: true },
  { key: 'onsiteStart', header: 'First day on site', width: 15, date: true },
  { key: 'onsiteEnd', header: 'Last day on site', width: 15, date: true },
  { key: 'lead', header: 'Lead inspector', width: 24 },
  { key: 'status', header: 'Status', width: 16 },
  { key: 'errors', header: 'Errors', width: 8 },
  { key: 'warnings', header: 'Warnings', width: 9 },
  { key: 'checks', header: 'Rule checks', width: 80 },
] as const

const DATE_FORMAT = 'd mmm yyyy'

/** A calendar date as the Date exceljs writes as that day's serial number (midnight UTC). */
function excelDate(date: IsoDate | undefined): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null
}

function header(
  sheet: ExcelJS.Worksheet,
  columns: ReadonlyArray<{ key: string; header: string; width: number; date?: boolean }>,
  frozenColumns: number,
): void {
  sheet.columns = columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.width,
    ...(column.date ? { style: { numFmt: DATE_FORMAT } } : {}),
  }))
  const row = sheet.getRow(1)
  row.font = { bold: true }
  row.alignment = { vertical: 'top', wrapText: true }
  sheet.views = [
    {
      state: 'frozen',
      xSplit: frozenColumns,
      ySplit: 1,
      topLeftCell: `${String.fromCharCode(65 + frozenColumns)}2`,
      activeCell: 'A2',
    },
  ]
}

/** The workbook for the LAs and activities of the plan the user is looking at. */
export async function programmeWorkbook(input: {
  las: readonly PlanLa[]
  activities: readonly PlanActivity[]
  generatedAt: Date
  title: string
}): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJs()).Workbook()
  workbook.creator = 'ILACS service'
  workbook.created = input.generatedAt
  workbook.title = input.title

  const sheet = workbook.addWorksheet('Programme')
  header(sheet, PROGRAMME_COLUMNS, 2)
  const checksSheet = workbook.addWorksheet('Rule checks')
  const checkColumns = [
    { key: 'reference', header: 'Activity', width: 22 },
    { key: 'laName', header: 'Local authority', width: 28 },
    { key: 'severity', header: 'Severity', width: 10 },
    { key: 'rule', header: 'Rule', width: 7 },
    { key: 'citation', header: 'Citation', width: 18 },
    { key: 'message', header: 'Check', width: 90 },
    { key: 'note', header: 'Note', width: 60 },
  ]
  header(checksSheet, checkColumns, 1)

  const byLa = new Map<string, PlanActivity[]>()
  for (const activity of input.activities) byLa.set(activity.laCode, [...(byLa.get(activity.laCode) ?? []), activity])
  const las = [...input.las].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  for (const la of las) {
    const pathway = la.pathway
    const base = {
      laCode: la.laCode,
      laName: la.name,
      region: la.regionName,
      pathway: pathway?.pathway ?? null,
      next: pathway ? (NEXT_TYPE[pathway.next.type] ?? pathway.next.type) : 'No graded judgement',
      dueFrom: excelDate(pathway?.next.from),
      dueTo: excelDate(pathway?.next.to),
      overdue: pathway && pathway.overdue.length > 0 ? 'Yes' : 'No',
    }
    const activities = (byLa.get(la.laCode) ?? []).sort((a, b) =>
      a.fieldwork.onsiteStart < b.fieldwork.onsiteStart ? -1 : 1,
    )
    if (activities.length === 0) sheet.addRow(base)
    for (const activity of activities) {
      const errors = activity.checks.filter((check) => check.severity === 'error').length
      sheet.addRow({
        ...base,
        reference: activity.reference,
        type: TYPE_LABELS[activity.type],
        notice: excelDate(activity.fieldwork.notice),
        onsiteStart: excelDate(activity.fieldwork.onsiteStart),
        onsiteEnd: excelDate(activity.fieldwork.onsiteEnd),
        lead: activity.lead?.name ?? null,
        status: isStatus(activity.status) ? STATUS_LABELS[activity.status] : activity.status,
        errors,
        warnings: activity.checks.length - errors,
        checks: activity.checks
          .map(
            (check) =>
              `${check.severity === 'error' ? 'Error' : 'Warning'} ${check.rule} (${check.citation}): ${check.message}`,
          )
          .join('\n'),
      })
      for (const check of activity.checks) {
        checksSheet.addRow({
          reference: activity.reference,
          laName: activity.laName,
          severity: check.severity === 'error' ? 'Error' : 'Warning',
          rule: check.rule,
          citation: check.citation,
          message: check.message,
          note: check.note ?? null,
        })
      }
    }
  }
  sheet.getColumn('checks').alignment = { wrapText: true, vertical: 'top' }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, sheet.rowCount), column: PROGRAMME_COLUMNS.length },
  }
  checksSheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, checksSheet.rowCount), column: checkColumns.length },
  }
  return workbook
}
