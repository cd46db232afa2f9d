/**
 * A hand-written scanner for the few SpreadsheetML elements a worksheet's data needs:
 * `<row r>`, `<c r t s>`, `<v>`, `<f>`, `<is><t>`, and `<mergeCell ref>` after the data.
 * It works on the inflated bytes chunk by chunk, keeps only the unfinished row between
 * chunks, and reuses one `RowBuffer` for every row, so reading allocates little beyond the
 * strings a sheet holds inline.
 */
import { AnnexAFileError } from './errors.js'
import { decodeXmlText } from './xml-text.js'

export const CELL_EMPTY = 0
export const CELL_NUMBER = 1
/** A shared string: `nums[i]` is its index in the shared strings table. */
export const CELL_SHARED = 2
export const CELL_TEXT = 3
export const CELL_BOOL = 4
/** An Excel error value such as `#N/A`, in `texts[i]`. */
export const CELL_ERROR = 5
/** A formula whose result Excel did not save. */
export const CELL_NO_VALUE = 6

/**
 * The cells of one row, sparse (only cells with a value), reused from row to row. The row's
 * cells are at indexes `start` … `start + count - 1` of the arrays (start is 0 except when rows
 * arrive in batches from the scan worker, which share one set of arrays).
 */
export class RowBuffer {
  /** The spreadsheet row number (1-based), as the analyst sees it in Excel. */
  rowNumber = 0
  start = 0
  count = 0
  /** 0-based column index of each cell (A = 0). */
  cols = new Int32Array(64)
  kinds = new Uint8Array(64)
  nums = new Float64Array(64)
  texts: string[] = []
  styles = new Int32Array(64)
  formulas = new Uint8Array(64)

  grow(): void {
    const size = this.cols.length * 2
    const grow = <T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T => (to.set(from), to)
    this.cols = grow(this.cols, new Int32Array(size))
    this.kinds = grow(this.kinds, new Uint8Array(size))
    this.nums = grow(this.nums, new Float64Array(size))
    this.styles = grow(this.styles, new Int32Array(size))
    this.formulas = grow(this.formulas, new Uint8Array(size))
  }
}

export interface ScannerOptions {
  /** Largest single row, in bytes of XML (a guard against a file that is one endless row). */
  readonly maxRowBytes: number
  /** Longest text kept for one cell; longer text is cut (the length is reported by the caller). */
  readonly maxCellChars: number
  /** The sheet's name, for messages. */
  readonly sheet?: string
}

/**
 * A row of Annex A is a few hundred bytes; 32 MB holds 30 cells of Excel's longest text many
 * times over, and bounds what one row may make the reader hold (issue 10).
 */
export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { maxRowBytes: 32 * 1024 ** 2, maxCellChars: 1_000_000 }

/** Excel's last row: a row numbered beyond it was not written by a spreadsheet. */
export const MAX_EXCEL_ROW = 1_048_576

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f

/**
 * Feed `push` the inflated chunks of one worksheet part in order; `onRow` sees each row that
 * has at least one cell. `onRow` returning `false` stops the scan (`push` then returns false).
 *
 * Speed: each chunk is searched once (natively) for its last `</row>`; every complete row
 * before it is then parsed in one forward pass over the bytes. Only the unfinished row at the
 * end of a chunk is copied, and joined to the start of the next chunk up to its first `</row>`.
 */
export class SheetScanner {
  /** Bytes after the last complete row, not yet parsed (usually part of one row). */
  private parts: Buffer[] = []
  private partBytes = 0
  private inData = false
  private afterData = false
  private prefix = ''
  private pl = 0
  private prefixKnown = false
  private rowClose = Buffer.from('</row>')
  private sheetDataOpen = Buffer.from('<sheetData')
  private sheetDataClose = Buffer.from('</sheetData>')
  private lastRow = 0
  private stopped = false
  /** `ref` of every `<mergeCell>` (read after the data). */
  readonly mergeRefs: string[] = []
  /** Cells whose text was longer than `maxCellChars` and was cut. */
  cutCells = 0

  constructor(
    private readonly onRow: (row: RowBuffer) => boolean | void,
    private readonly options: ScannerOptions = DEFAULT_SCANNER_OPTIONS,
    /** The buffer rows are written to (the scan worker passes one whose `start` it moves on). */
    private readonly row: RowBuffer = new RowBuffer(),
  ) {}

  /** "the sheet "List_1"" (or "a sheet"), for messages. */
  private get where(): string {
    return this.options.sheet === undefined ? 'a sheet' : `the sheet "${this.options.sheet}"`
  }

  private get Where(): string {
    return this.options.sheet === undefined ? 'A sheet' : `The sheet "${this.options.sheet}"`
  }

  private pending(): Buffer {
    const joined = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts)
    this.parts = []
    this.partBytes = 0
    return joined
  }

  private hold(data: Buffer, from: number): void {
    if (from >= data.length) return
    // Copy, so the (large) inflated chunk can be freed.
    const rest = Buffer.from(data.subarray(from))
    this.parts.push(rest)
    this.partBytes += rest.length
  }

  push(chunk: Buffer): boolean {
    if (this.stopped) return false
    if (this.afterData) {
      this.scanMerges(this.partBytes > 0 ? Buffer.concat([this.pending(), chunk]) : chunk, 0)
      return true
    }
    if (!this.inData) return this.findSheetData(chunk)
    const data = chunk
    let from = 0
    if (this.partBytes > 0) {
      const close = chunk.indexOf(this.rowClose)
      if (close < 0) {
        // No row ends in this chunk: a long row goes on, or the sheet data ends here.
        const last = this.parts[this.parts.length - 1]!
        const seam = Buffer.concat([last.subarray(Math.max(0, last.length - 16)), chunk.subarray(0, 16)])
        this.parts.push(chunk)
        this.partBytes += chunk.length
        if (
          seam.indexOf(this.rowClose) >= 0 ||
          chunk.indexOf(this.sheetDataClose) >= 0 ||
          seam.indexOf(this.sheetDataClose) >= 0
        ) {
          const joined = this.pending()
          return this.region(joined, 0)
        }
        if (this.partBytes > this.options.maxRowBytes)
          throw new AnnexAFileError(
            'TOO_LARGE',
            `Row ${this.lastRow + 1} of ${this.where} is larger than ${(this.options.maxRowBytes / 1024 ** 2).toLocaleString('en-GB')} MB.`,
          )
        return true
      }
      const stitched = Buffer.concat([this.pending(), chunk.subarray(0, close + this.rowClose.length)])
      this.rows(stitched, 0, stitched.length)
      if (this.stopped) return false
      from = close + this.rowClose.length
    }
    return this.region(data, from)
  }

  /** Parse the complete rows of data[from…], then keep or finish the tail. */
  private region(data: Buffer, from: number): boolean {
    const last = data.lastIndexOf(this.rowClose)
    let tail = from
    if (last >= from) {
      this.rows(data, from, last + this.rowClose.length)
      if (this.stopped) return false
      tail = last + this.rowClose.length
    }
    const end = data.indexOf(this.sheetDataClose, tail)
    if (end >= 0) {
      this.rows(data, tail, end)
      this.inData = false
      this.afterData = true
      this.scanMerges(data, end + this.sheetDataClose.length)
    } else this.hold(data, tail)
    return !this.stopped
  }

  private findSheetData(chunk: Buffer): boolean {
    const data = this.partBytes > 0 ? Buffer.concat([this.pending(), chunk]) : chunk
    if (!this.prefixKnown && !this.findPrefix(data)) {
      this.hold(data, 0)
      return true
    }
    const open = data.indexOf(this.sheetDataOpen)
    const tagEnd = open < 0 ? -1 : data.indexOf(GT, open)
    if (tagEnd < 0) {
      if (data.length > 64 * 1024 * 1024)
        throw new AnnexAFileError('BAD_XML', `${this.Where} has no data section in its first 64 MB.`)
      this.hold(data, 0)
      return true
    }
    if (data[tagEnd - 1] === SLASH) {
      // `<sheetData/>`: an empty sheet.
      this.afterData = true
      this.scanMerges(data, tagEnd + 1)
      return true
    }
    this.inData = true
    return this.region(data, tagEnd + 1)
  }

  /** Call after the last chunk. */
  end(): void {
    if (this.inData && !this.stopped) {
      const rest = this.pending().toString('latin1')
      if (/<[\w.:-]*row[\s>]/.test(rest))
        throw new AnnexAFileError('BAD_XML', `${this.Where} ends in the middle of row ${this.lastRow + 1}.`)
    }
  }

  /** Worksheets written with a namespace prefix (`<x:worksheet>`) use it on every element. */
  private findPrefix(data: Buffer): boolean {
    const text = data.toString('latin1', 0, Math.min(data.length, 4096))
    const match = /<([\w.-]+:)?worksheet[\s>]/.exec(text)
    if (!match) return data.length > 4096 ? this.setPrefix('') : false
    return this.setPrefix(match[1] ?? '')
  }

  private setPrefix(prefix: string): true {
    this.prefix = prefix
    this.pl = Buffer.byteLength(prefix)
    this.prefixKnown = true
    this.rowClose = Buffer.from(`</${prefix}row>`)
    this.sheetDataOpen = Buffer.from(`<${prefix}sheetData`)
    this.sheetDataClose = Buffer.from(`</${prefix}sheetData>`)
    return true
  }

  /** Parse every `<row>` in data[from, to); the region holds whole rows only. */
  private rows(data: Buffer, from: number, to: number): void {
    const pl = this.pl
    let p = from
    while (p < to) {
      while (p < to && data[p] !== LT) p++
      if (p >= to) return
      const n = p + 1 + pl
      if (
        data[n] !== 0x72 /* r */ ||
        data[n + 1] !== 0x6f /* o */ ||
        data[n + 2] !== 0x77 /* w */ ||
        !isDelimiter(data[n + 3]!)
      ) {
        p++
        continue
      }
      let gt = n + 3
      while (gt < to && data[gt] !== GT) gt++
      if (gt >= to) throw new AnnexAFileError('BAD_XML', `Row ${this.lastRow + 1} of ${this.where} is damaged.`)
      const rowNumber = this.attributeNumber(data, n + 3, gt, 0x72 /* r */) ?? this.lastRow + 1
      this.lastRow = rowNumber
      // Rows past Excel's last (58 million in the probe's file, issue 10) are refused at once.
      if (rowNumber > MAX_EXCEL_ROW)
        throw new AnnexAFileError(
          'TOO_LARGE',
          `${this.Where} has a row ${rowNumber.toLocaleString('en-GB')}, past Excel's last row (${MAX_EXCEL_ROW.toLocaleString('en-GB')}).`,
        )
      if (data[gt - 1] === SLASH) {
        p = gt + 1
        continue
      }
      p = this.cells(data, gt + 1, to, rowNumber)
      if (this.row.count > 0 && this.onRow(this.row) === false) {
        this.stopped = true
        return
      }
    }
  }

  /** A numeric attribute (`r="12"`) in data[from, to) of a start tag, or undefined. Attribute names are one letter. */
  private attributeNumber(data: Buffer, from: number, to: number, name: number): number | undefined {
    for (let i = from; i < to - 2; i++) {
      if (data[i] === name && data[i + 1] === 0x3d && isSpace(data[i - 1]!)) {
        let j = i + 3
        let value = 0
        while (j < to) {
          const c = data[j]!
          if (c < 0x30 || c > 0x39) break
          value = value * 10 + (c - 0x30)
          j++
        }
        return value
      }
    }
    return undefined
  }

  /** Parse the cells of a row starting at `p` (after `<row …>`); returns the position after `</row>`. */
  private cells(data: Buffer, p: number, to: number, rowNumber: number): number {
    const row = this.row
    const pl = this.pl
    row.rowNumber = rowNumber
    row.count = 0
    let lastCol = -1
    for (;;) {
      while (p < to && data[p] !== LT) p++
      if (p >= to) throw new AnnexAFileError('BAD_XML', `Row ${rowNumber} of ${this.where} is damaged (it has no end).`)
      if (data[p + 1] === SLASH) {
        // The row's end tag, or the end of an element we skipped (such as <extLst>).
        const q = p + 2 + pl
        if (data[q] === 0x72 && data[q + 1] === 0x6f && data[q + 2] === 0x77 && data[q + 3] === GT) return q + 4
        p++
        continue
      }
      const n = p + 1 + pl
      if (data[n] !== 0x63 /* c */ || !isDelimiter(data[n + 1]!)) {
        p++
        continue
      }
      // Attributes of <c>: r (reference), t (type), s (style).
      let col = -1
      let type = 0x6e // n
      let type2 = 0
      let style = 0
      let j = n + 1
      while (j < to && data[j] !== GT) {
        if (data[j] === 0x3d /* = */ && isSpace(data[j - 2]!)) {
          const attr = data[j - 1]
          const quote = data[j + 1]
          let k = j + 2
          while (k < to && data[k] !== quote) k++
          if (attr === 0x72 /* r */) {
            let value = 0
            for (let m = j + 2; m < k; m++) {
              const ch = data[m]!
              if (ch >= 0x41 && ch <= 0x5a) value = value * 26 + (ch - 0x40)
              else if (ch >= 0x61 && ch <= 0x7a) value = value * 26 + (ch - 0x60)
              else break
            }
            col = value - 1
          } else if (attr === 0x74 /* t */) {
            type = data[j + 2]!
            type2 = data[j + 3]!
          } else if (attr === 0x73 /* s */) {
            let value = 0
            for (let m = j + 2; m < k; m++) value = value * 10 + (data[m]! - 0x30)
            style = value
          }
          j = k + 1
          continue
        }
        j++
      }
      if (col < 0) col = lastCol + 1
      lastCol = col
      if (data[j - 1] === SLASH) {
        p = j + 1
        continue
      }
      p = this.cell(data, j + 1, to, col, type, type2, style)
    }
  }

  /** Parse a cell's content from `p` (after `<c …>`); returns the position after `</c>`. */
  private cell(data: Buffer, p: number, to: number, col: number, type: number, type2: number, style: number): number {
    const pl = this.pl
    let vStart = -1
    let vEnd = -1
    let formula = false
    let inline: string | undefined
    for (;;) {
      while (p < to && data[p] !== LT) p++
      if (p >= to)
        throw new AnnexAFileError('BAD_XML', `A cell in row ${this.row.rowNumber} of ${this.where} is damaged.`)
      if (data[p + 1] === SLASH) {
        const q = p + 2 + pl
        if (data[q] === 0x63 /* c */ && data[q + 1] === GT) {
          p = q + 2
          break
        }
        p++
        continue
      }
      const n = p + 1 + pl
      const name = data[n]
      const next = data[n + 1]!
      if (name === 0x76 /* v */ && (next === GT || isSpace(next))) {
        let gt = n + 1
        while (data[gt] !== GT) gt++
        vStart = gt + 1
        let lt = vStart
        while (lt < to && data[lt] !== LT) lt++
        vEnd = lt
        // Skip </v>.
        p = lt + 4 + pl
      } else if (name === 0x66 /* f */ && (next === GT || next === SLASH || isSpace(next))) {
        formula = true
        let gt = n + 1
        while (data[gt] !== GT) gt++
        if (data[gt - 1] === SLASH) p = gt + 1
        else {
          let lt = gt + 1
          while (lt < to && data[lt] !== LT) lt++
          p = lt + 4 + pl
        }
      } else if (name === 0x69 /* i */ && next === 0x73 /* s */ && (data[n + 2] === GT || isSpace(data[n + 2]!))) {
        const close = data.indexOf(`</${this.prefix}is>`, n)
        const end = close < 0 || close > to ? to : close
        inline = this.cut(readRuns(data.toString('utf8', n, end)))
        p = end + 5 + pl
      } else p++
    }
    this.store(data, col, type, type2, style, vStart, vEnd, formula, inline)
    return p
  }

  private store(
    data: Buffer,
    col: number,
    type: number,
    type2: number,
    style: number,
    vStart: number,
    vEnd: number,
    formula: boolean,
    inline: string | undefined,
  ): void {
    const row = this.row
    if (row.start + row.count === row.cols.length) row.grow()
    const at = row.start + row.count
    let kind: number
    if (inline !== undefined) {
      kind = CELL_TEXT
      row.texts[at] = inline
    } else if (vStart < 0) {
      if (!formula) return
      kind = CELL_NO_VALUE
    } else if (vEnd === vStart) {
      // <v></v>: an empty value (a formula such as =IF(…,"") saves this); the cell is blank.
      return
    } else if (type === 0x73 /* s */ && type2 !== 0x74 /* not "str" */) {
      kind = CELL_SHARED
      let value = 0
      for (let m = vStart; m < vEnd; m++) value = value * 10 + (data[m]! - 0x30)
      row.nums[at] = value
    } else if (type === 0x6e /* n */) {
      kind = CELL_NUMBER
      row.nums[at] = parseNumber(data, vStart, vEnd)
    } else if (type === 0x62 /* b */) {
      kind = CELL_BOOL
      row.nums[at] = data[vStart] === 0x31 ? 1 : 0
    } else if (type === 0x65 /* e */) {
      kind = CELL_ERROR
      row.texts[at] = data.toString('utf8', vStart, vEnd)
    } else {
      // "str" (a formula's text result), "inlineStr" with <v>, "d" (an ISO date as text).
      kind = CELL_TEXT
      row.texts[at] = this.cut(decodeXmlText(data.toString('utf8', vStart, vEnd)))
    }
    row.cols[at] = col
    row.kinds[at] = kind
    row.styles[at] = style
    row.formulas[at] = formula ? 1 : 0
    row.count++
  }

  private cut(text: string): string {
    if (text.length <= this.options.maxCellChars) return text
    this.cutCells++
    return text.slice(0, this.options.maxCellChars)
  }

  private scanMerges(data: Buffer, from: number): void {
    const text = data.toString('latin1', from)
    let last = 0
    for (const match of text.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*?ref\s*=\s*["']([A-Za-z0-9:$]+)["'][^>]*>/g)) {
      this.mergeRefs.push(match[1]!)
      last = match.index + match[0].length
    }
    // Keep a possibly cut tag for the next chunk.
    const open = text.lastIndexOf('<')
    if (open >= last && text.indexOf('>', open) < 0) this.hold(data, from + open)
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}

function isDelimiter(c: number): boolean {
  return c === 0x20 || c === GT || c === SLASH || c === 0x09 || c === 0x0a || c === 0x0d
}

/** Concatenate the `<t>` texts of a string item, skipping `<rPh>` (phonetic) runs. */
export function readRuns(xml: string): string {
  const withoutPhonetic = xml.includes('rPh')
    ? xml.replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '')
    : xml
  let text = ''
  for (const match of withoutPhonetic.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g))
    text += match[1] ?? ''
  return decodeXmlText(text)
}

/** A number written in a `<v>`: fast path for plain decimals, `parseFloat` for exponents. */
export function parseNumber(data: Buffer, from: number, to: number): number {
  let i = from
  let negative = false
  if (data[i] === 0x2d) {
    negative = true
    i++
  }
  let whole = 0
  let digits = 0
  for (; i < to; i++) {
    const c = data[i]!
    if (c < 0x30 || c > 0x39) break
    whole = whole * 10 + (c - 0x30)
    digits++
  }
  let value = whole
  if (i < to && data[i] === 0x2e) {
    i++
    let fraction = 0
    let scale = 1
    for (; i < to; i++) {
      const c = data[i]!
      if (c < 0x30 || c > 0x39) break
      fraction = fraction * 10 + (c - 0x30)
      scale *= 10
      digits++
    }
    // Exact while every integer involved fits in 2^53, so the division rounds once, as parseFloat does.
    value = digits <= 15 ? (whole * scale + fraction) / scale : parseFloat(data.toString('latin1', from, to))
  } else if (digits > 15) {
    value = parseFloat(data.toString('latin1', from, to))
  }
  if (i < to) return parseFloat(data.toString('latin1', from, to))
  return negative ? -value : value
}
