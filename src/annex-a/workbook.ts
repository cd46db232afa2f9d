/**
 * The parts of an .xlsx/.xlsm that say where the data is: `_rels/.rels` → workbook.xml (sheet
 * names, hidden sheets, the 1904 date system) → its rels (sheet parts) → styles (which cells
 * are dates) → shared strings. Everything but the sheets themselves is small and read whole,
 * except the shared strings, which stream.
 */
import { posix } from 'node:path'
import { AnnexAFileError } from './errors.js'
import { mib, SharedStringsReader, SharedStringTooLarge, type SharedStringLimits } from './shared-strings.js'
import {
  CELL_SHARED,
  DEFAULT_SCANNER_OPTIONS,
  SheetScanner,
  type RowBuffer,
  type ScannerOptions,
} from './sheet-scanner.js'
import { startTags } from './xml-text.js'
import { columnLetter } from './xlsx-writer.js'
import { DEFAULT_ZIP_LIMITS, ZipArchive, type ZipEntry, type ZipLimits } from './zip.js'

export interface WorkbookSheet {
  readonly name: string
  /** 0-based position in the workbook's sheet order. */
  readonly index: number
  readonly hidden: boolean
  readonly entry: ZipEntry
}

export interface OpenWorkbook {
  readonly archive: ZipArchive
  readonly sheets: readonly WorkbookSheet[]
  /** workbook.xml says `date1904`: serial 0 is 1904-01-01 (old Mac Excel). */
  readonly date1904: boolean
  readonly sharedStrings: readonly string[]
  /** The longest shared string before it was cut to the reader's limit. */
  readonly longestSharedString: number
  /** Per cell style index: 1 when its number format shows a date. */
  readonly dateStyles: Uint8Array
  /** Bytes of all sheet parts, compressed (for progress). */
  readonly sheetBytes: number
}

export interface WorkbookOptions {
  readonly zip?: ZipLimits
  readonly maxCellChars?: number
  readonly sharedStrings?: Partial<Omit<SharedStringLimits, 'maxChars'>>
  readonly signal?: AbortSignal
}

function resolveTarget(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(base), target)
  return posix.normalize(path).toLowerCase()
}

async function relationships(
  archive: ZipArchive,
  owner: string,
): Promise<Map<string, { target: string; type: string }>> {
  const relsPath = posix.join(posix.dirname(owner), '_rels', `${posix.basename(owner)}.rels`).toLowerCase()
  const entry = archive.entries.get(relsPath)
  const found = new Map<string, { target: string; type: string }>()
  if (!entry) return found
  const xml = (await archive.readWhole(entry)).toString('utf8')
  for (const rel of startTags(xml, 'Relationship')) {
    const id = rel.get('Id')
    const target = rel.get('Target')
    if (id && target && rel.get('TargetMode') !== 'External')
      found.set(id, { target: resolveTarget(owner, target), type: rel.get('Type') ?? '' })
  }
  return found
}

/** Open the zip and read everything except the sheet data. */
export async function openWorkbook(path: string, options: WorkbookOptions = {}): Promise<OpenWorkbook> {
  const archive = await ZipArchive.open(path, options.zip ?? DEFAULT_ZIP_LIMITS)
  try {
    const root = await relationships(archive, '')
    const office = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))
    const workbookPath = office?.target ?? 'xl/workbook.xml'
    const workbookEntry = archive.entries.get(workbookPath)
    if (!workbookEntry) {
      const looksLikeWord = archive.entries.has('word/document.xml')
      throw new AnnexAFileError(
        'NOT_A_WORKBOOK',
        looksLikeWord
          ? 'This is a Word document, not an Excel workbook.'
          : 'This zip file is not an Excel workbook (it has no workbook part).',
      )
    }
    const workbookXml = (await archive.readWhole(workbookEntry)).toString('utf8')
    const rels = await relationships(archive, workbookPath)
    const date1904 = startTags(workbookXml, 'workbookPr').some((pr) => ['1', 'true'].includes(pr.get('date1904') ?? ''))

    const sheets: WorkbookSheet[] = []
    let sheetBytes = 0
    startTags(workbookXml, 'sheet').forEach((tag) => {
      const relId = [...tag.entries()].find(([name]) => name === 'id' || name.endsWith(':id'))?.[1]
      const rel = relId ? rels.get(relId) : undefined
      // Chart sheets and dialog sheets hold no cells.
      if (!rel || !rel.type.endsWith('/worksheet')) return
      const entry = archive.entries.get(rel.target)
      if (!entry) return
      const state = tag.get('state')
      sheets.push({
        name: tag.get('name') ?? `Sheet${sheets.length + 1}`,
        index: sheets.length,
        hidden: state === 'hidden' || state === 'veryHidden',
        entry,
      })
      sheetBytes += entry.compressedSize
    })

    const stylesRel = [...rels.values()].find((r) => r.type.endsWith('/styles'))
    const stylesEntry = archive.entries.get(stylesRel?.target ?? 'xl/styles.xml')
    const dateStyles = stylesEntry
      ? dateStylesOf((await archive.readWhole(stylesEntry)).toString('utf8'))
      : new Uint8Array(0)

    const sstRel = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))
    const sstEntry = archive.entries.get(sstRel?.target ?? 'xl/sharedstrings.xml')
    const shared = new SharedStringsReader({
      ...(options.maxCellChars ? { maxChars: options.maxCellChars } : {}),
      ...options.sharedStrings,
    })
    if (sstEntry) {
      try {
        // Small compressed reads: zlib inflates a whole read before the reader can refuse, so a
        // huge string is refused after about 64 KiB × its ratio of inflating, not 1 MiB × it.
        await archive.read(sstEntry, (chunk) => void shared.push(chunk), {
          ...(options.signal ? { signal: options.signal } : {}),
          readChunk: 64 * 1024,
        })
      } catch (error) {
        if (error instanceof SharedStringTooLarge && !error.whole)
          throw await nameTheCell(archive, sheets, error, options.signal)
        throw error
      }
    }

    return {
      archive,
      sheets,
      date1904,
      sharedStrings: shared.strings,
      longestSharedString: shared.longestString,
      dateStyles,
      sheetBytes,
    }
  } catch (error) {
    await archive.close()
    throw error
  }
}

/**
 * A shared string too large to read: find the first cell that shows it, so the LA is told which
 * cell to fix. Only the sheets' cell references are scanned (linear in the sheets' size).
 */
async function nameTheCell(
  archive: ZipArchive,
  sheets: readonly WorkbookSheet[],
  error: SharedStringTooLarge,
  signal: AbortSignal | undefined,
): Promise<AnnexAFileError> {
  const text = `more than ${mib(error.limit)} of text (a cell in Excel holds at most 32,767 characters)`
  const workbook = { archive } as OpenWorkbook
  for (const sheet of sheets) {
    let found: string | undefined
    await scanSheet(
      workbook,
      sheet,
      (row) => {
        for (let i = row.start; i < row.start + row.count; i++)
          if (row.kinds[i] === CELL_SHARED && row.nums[i] === error.index) {
            found = `${columnLetter(row.cols[i]!)}${row.rowNumber}`
            return false
          }
      },
      signal ? { signal } : {},
    )
    if (found)
      return new AnnexAFileError('TOO_LARGE', `Cell ${found} on the sheet "${sheet.name}" holds ${text}.`, {
        cause: error,
      })
  }
  return new AnnexAFileError('TOO_LARGE', `The workbook holds a text of ${text}, which no cell shows.`, {
    cause: error,
  })
}

// Built-in number formats that show dates (ECMA-376 §18.8.30; 50–58 are the East Asian ones).
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
])

/** True when a custom number format shows a date or time (d, m, y, h or s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!
  return /[dmyhs]/i.test(bare) && !/general/i.test(bare)
}

/** For each cell style (`cellXfs` order), 1 when its number format is a date. */
export function dateStylesOf(stylesXml: string): Uint8Array {
  const custom = new Map<number, boolean>()
  for (const fmt of startTags(stylesXml, 'numFmt'))
    custom.set(Number(fmt.get('numFmtId')), isDateFormat(fmt.get('formatCode') ?? ''))
  const cellXfs = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[0] ?? ''
  const xfs = startTags(cellXfs, 'xf')
  const result = new Uint8Array(xfs.length)
  xfs.forEach((xf, i) => {
    const id = Number(xf.get('numFmtId') ?? 0)
    result[i] = (custom.get(id) ?? BUILT_IN_DATE_FORMATS.has(id)) ? 1 : 0
  })
  return result
}

export interface ScanResult {
  /** `ref` of every merged range on the sheet. */
  readonly mergeRefs: readonly string[]
  /** Cells whose inline text was longer than the reader keeps. */
  readonly cutCells: number
}

/** How a sheet is scanned; `inflateChunk` and `yieldEachChunk` are for slow row handlers. */
export interface ScanOptions {
  readonly signal?: AbortSignal
  readonly onCompressed?: (bytes: number) => void
  readonly scanner?: ScannerOptions
  /** Bytes of XML scanned at a time (default 256 KiB, a few hundred rows). */
  readonly inflateChunk?: number
  /**
   * Let the event loop turn after each chunk, so that a handler that takes long over each row
   * (the marked-up workbook) does not hold up the requests the same process is answering.
   */
  readonly yieldEachChunk?: boolean
}

const nextTurn = () => new Promise<true>((resolve) => setImmediate(() => resolve(true)))

/**
 * Stream one sheet's rows through `onRow` (return `false` to stop, e.g. after the header).
 * The `RowBuffer` is reused: copy anything needed after `onRow` returns.
 */
export async function scanSheet(
  workbook: OpenWorkbook,
  sheet: WorkbookSheet,
  onRow: (row: RowBuffer) => boolean | void,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const scanner = new SheetScanner(onRow, { ...(options.scanner ?? DEFAULT_SCANNER_OPTIONS), sheet: sheet.name })
  let complete = true
  await workbook.archive.read(
    sheet.entry,
    (chunk) => {
      if (scanner.push(chunk)) return options.yieldEachChunk ? nextTurn() : true
      complete = false
      return false
    },
    {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onCompressed ? { onCompressed: options.onCompressed } : {}),
      ...(options.inflateChunk ? { inflateChunk: options.inflateChunk } : {}),
    },
  )
  if (complete) scanner.end()
  return { mergeRefs: scanner.mergeRefs, cutCells: scanner.cutCells }
}
