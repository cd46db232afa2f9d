/**
 * The thread from each recommendation to its outcome as an Excel workbook (issue 12: "One page per
 * LA shows the whole thread, and exports it to Excel"): one row per item of each programme, with
 * the plan's action against it and each assessment of progress after it.
 */
import type ExcelJS from 'exceljs'
import { loadExcelJs } from '../../lazy-libraries.js'
import { PROGRESS_LEVELS, RECOMMENDATION_KINDS, type ProgrammeRecord } from './types.js'

/** One row of the thread: an item, the latest plan's action, and each progress entry in order. */
interface ThreadRow {
  readonly programme: number
  readonly ref: string
  readonly kind: string
  readonly recommendation: string
  readonly action: string
  readonly planVersion: number | null
  readonly progress: readonly { readonly assessedOn: string; readonly level: string; readonly note: string }[]
}

export function threadOf(records: readonly ProgrammeRecord[]): ThreadRow[] {
  return [...records]
    .sort((a, b) => a.programme.setNumber - b.programme.setNumber)
    .flatMap((record) => {
      const latest = record.plans.at(-1)
      return record.recommendations.map((item) => ({
        programme: record.programme.setNumber,
        ref: item.ref,
        kind: RECOMMENDATION_KINDS[item.kind],
        recommendation: item.text,
        action: latest?.actions.find((action) => action.recommendationId === item.id)?.action ?? '',
        planVersion: latest?.versionNumber ?? null,
        progress: record.progress
          .filter((entry) => entry.recommendationId === item.id)
          .map((entry) => ({ assessedOn: entry.assessedOn, level: PROGRESS_LEVELS[entry.progress], note: entry.note })),
      }))
    })
}

const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`)

/** The workbook: a header row, frozen, with filters; dates as date cells; the latest progress first, then the history. */
export async function threadWorkbook(input: {
  laName: string
  rows: readonly ThreadRow[]
  generatedAt: Date
}): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcelJs()).Workbook()
  workbook.creator = 'ILACS service'
  workbook.created = input.generatedAt
  workbook.title = `${input.laName}: from recommendation to outcome`
  const sheet = workbook.addWorksheet('Thread')
  sheet.columns = [
    { key: 'programme', header: 'Programme', width: 11 },
    { key: 'ref', header: 'Item', width: 7 },
    { key: 'kind', header: 'Kind', width: 24 },
    { key: 'recommendation', header: 'Recommendation', width: 60 },
    { key: 'action', header: 'Action plan', width: 60 },
    { key: 'planVersion', header: 'Plan version', width: 12 },
    { key: 'latestOn', header: 'Last assessed', width: 14 },
    { key: 'latest', header: 'Latest progress', width: 22 },
    { key: 'history', header: 'Progress history', width: 80 },
  ]
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const row of input.rows) {
    const latest = row.progress.at(-1)
    sheet.addRow({
      programme: row.programme,
      ref: row.ref,
      kind: row.kind,
      recommendation: row.recommendation,
      action: row.action,
      planVersion: row.planVersion,
      latestOn: latest ? excelDate(latest.assessedOn) : null,
      latest: latest?.level ?? 'Not yet assessed',
      history: row.progress
        .map((entry) => `${entry.assessedOn}: ${entry.level}${entry.note ? ` – ${entry.note}` : ''}`)
        .join('\n'),
    })
  }
  sheet.getColumn('latestOn').numFmt = 'd mmmm yyyy'
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 9 } }
  return workbook
}
