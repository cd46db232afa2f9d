/**
 * One Annex A list as a CSV file (some LAs export lists one by one, SPEC §0). The encoding is
 * detected, not assumed: a BOM says UTF-8 or UTF-16; UTF-16 without a BOM shows as zero bytes;
 * otherwise the file is checked as UTF-8 and read as Windows-1252 (what Excel on Windows saves
 * as "CSV") when it is not valid UTF-8. Rows stream into the same `RowBuffer` as a sheet's.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { AnnexAFileError, stoppedError } from './errors.js'
import { CELL_TEXT, MAX_EXCEL_ROW, RowBuffer } from './sheet-scanner.js'

/** The most one value, one row and one file may hold (issue 10): Excel's own limits, or near them. */
const MAX_FIELD_CHARS = 16 * 1024 * 1024
const MAX_COLUMNS = 16_384

export type CsvEncoding = 'UTF-8 with BOM' | 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252'

const DECODER_LABEL: Record<CsvEncoding, string> = {
  'UTF-8 with BOM': 'utf-8',
  'UTF-8': 'utf-8',
  'UTF-16 LE': 'utf-16le',
  'UTF-16 BE': 'utf-16be',
  'Windows-1252': 'windows-1252',
}

async function head(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function isUtf8(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>)
      decoder.decode(chunk, { stream: true })
    decoder.decode()
    return true
  } catch {
    return false
  }
}

/** The encoding a CSV file is written in. */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const start = await head(path, 4096)
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'UTF-8 with BOM'
  if (start[0] === 0xff && start[1] === 0xfe) return 'UTF-16 LE'
  if (start[0] === 0xfe && start[1] === 0xff) return 'UTF-16 BE'
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < start.length; i++) {
    if (start[i] !== 0) continue
    if (i % 2) oddZeros++
    else evenZeros++
  }
  if (oddZeros > start.length / 4) return 'UTF-16 LE'
  if (evenZeros > start.length / 4) return 'UTF-16 BE'
  return (await isUtf8(path)) ? 'UTF-8' : 'Windows-1252'
}

export interface CsvReadResult {
  readonly encoding: CsvEncoding
  readonly delimiter: string
}

/**
 * Stream the records of a CSV file through `onRow` (return false to stop). Quoted fields may
 * hold delimiters, doubled quotes and line breaks (RFC 4180). `row.rowNumber` is the row Excel
 * shows when it opens the file.
 */
export async function readCsv(
  path: string,
  onRow: (row: RowBuffer) => boolean | void,
  options: {
    signal?: AbortSignal
    onBytes?: (bytes: number) => void
    maxCellChars?: number
    encoding?: CsvEncoding
  } = {},
): Promise<CsvReadResult> {
  const encoding = options.encoding ?? (await detectEncoding(path))
  const decoder = new TextDecoder(DECODER_LABEL[encoding], { ignoreBOM: false })
  const maxCellChars = options.maxCellChars ?? 1_000_000
  const row = new RowBuffer()
  let delimiter = ''
  let field = ''
  let col = 0
  let quoted = false
  let afterQuote = false
  let recordNumber = 0
  let stopped = false
  let pending = ''
  let sepLineChecked = false
  let skipLeadingNewline = false

  const endField = () => {
    if (col >= MAX_COLUMNS)
      throw new AnnexAFileError(
        'TOO_LARGE',
        `Row ${recordNumber + 1} has more than ${MAX_COLUMNS.toLocaleString('en-GB')} columns, more than Excel holds.`,
      )
    if (field.length > 0) {
      if (row.count === row.cols.length) row.grow()
      // CSV rows always start at index 0 of the buffer.
      row.cols[row.count] = col
      row.kinds[row.count] = CELL_TEXT
      row.texts[row.count] = field.length > maxCellChars ? field.slice(0, maxCellChars) : field
      row.styles[row.count] = 0
      row.formulas[row.count] = 0
      row.count++
    }
    field = ''
    col++
  }
  const endRecord = () => {
    endField()
    recordNumber++
    if (recordNumber > MAX_EXCEL_ROW)
      throw new AnnexAFileError(
        'TOO_LARGE',
        `The file has more than ${MAX_EXCEL_ROW.toLocaleString('en-GB')} rows, more than Excel holds.`,
      )
    row.rowNumber = recordNumber
    if (row.count > 0 && onRow(row) === false) stopped = true
    row.count = 0
    col = 0
  }

  const parse = (text: string) => {
    let i = 0
    const n = text.length
    while (i < n && !stopped) {
      const c = text.charCodeAt(i)
      if (quoted) {
        const close = text.indexOf('"', i)
        if (close < 0) {
          field += text.slice(i)
          if (field.length > MAX_FIELD_CHARS)
            throw new AnnexAFileError(
              'TOO_LARGE',
              `A quoted value starting on row ${recordNumber + 1} never ends: check for a stray double quote (").`,
            )
          return
        }
        field += text.slice(i, close)
        i = close + 1
        quoted = false
        afterQuote = true
        continue
      }
      if (c === 0x22 /* " */) {
        // A doubled quote inside a quoted field: the quote was closed, and opens again.
        if (afterQuote) field += '"'
        quoted = true
        afterQuote = false
        i++
        continue
      }
      afterQuote = false
      if (c === delimiter.charCodeAt(0)) {
        endField()
        i++
      } else if (c === 0x0a) {
        endRecord()
        i++
      } else if (c === 0x0d) {
        endRecord()
        i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1
        // A \r\n split across chunks is handled by skipping a leading \n below.
        if (i >= n) skipLeadingNewline = true
      } else {
        let j = i + 1
        const d = delimiter.charCodeAt(0)
        while (j < n) {
          const k = text.charCodeAt(j)
          if (k === d || k === 0x0a || k === 0x0d || k === 0x22) break
          j++
        }
        field += text.slice(i, j)
        i = j
        if (field.length > MAX_FIELD_CHARS)
          throw new AnnexAFileError(
            'TOO_LARGE',
            `Row ${recordNumber + 1} holds a value of more than ${MAX_FIELD_CHARS.toLocaleString('en-GB')} characters (a cell in Excel holds at most 32,767).`,
          )
      }
    }
  }

  const feed = (text: string) => {
    if (skipLeadingNewline && text.startsWith('\n')) text = text.slice(1)
    skipLeadingNewline = false
    if (!delimiter) {
      pending += text
      const lineEnd = pending.search(/\r|\n/)
      if (lineEnd < 0 && pending.length < 65536) return
      const first = lineEnd < 0 ? pending : pending.slice(0, lineEnd)
      // Excel's "sep=;" first line names the delimiter.
      if (!sepLineChecked && /^sep=.$/i.test(first)) {
        delimiter = first.charAt(4)
        pending = pending.slice(lineEnd).replace(/^\r?\n/, '')
      } else {
        delimiter = chooseDelimiter(first)
      }
      sepLineChecked = true
      const all = pending
      pending = ''
      parse(all.replace(/^\ufeff/, ''))
      return
    }
    parse(text)
  }

  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (options.signal?.aborted) throw stoppedError(options.signal)
    options.onBytes?.(chunk.length)
    feed(decoder.decode(chunk, { stream: true }))
    if (stopped) break
  }
  if (!stopped) {
    feed(decoder.decode())
    if (!delimiter) {
      delimiter = chooseDelimiter(pending)
      parse(pending)
    }
    if (quoted)
      throw new AnnexAFileError(
        'BAD_XML',
        `A quoted value starting near row ${recordNumber + 1} never ends: check for a stray double quote (").`,
      )
    if (field.length > 0 || col > 0) endRecord()
  }
  return { encoding, delimiter: delimiter || ',' }
}

/** The delimiter used in the header line: comma, semicolon or tab, whichever appears most. */
function chooseDelimiter(line: string): string {
  const count = (c: string) => line.split(c).length - 1
  const candidates: [string, number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ]
  candidates.sort((a, b) => b[1] - a[1])
  return candidates[0]![1] > 0 ? candidates[0]![0] : ','
}
