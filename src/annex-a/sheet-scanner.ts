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

/** The cells of one row, sparse (only cells with a value), reused from row to row. */
export class RowBuffer {
  /** The spreadsheet row number (1-based), as the analyst sees it in Excel. */
  rowNumber = 0
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
}

export const DEFAULT_SCANNER_OPTIONS: ScannerOptions = { maxRowBytes: 256 * 1024 ** 2, maxCellChars: 1_000_000 }

const LONG_ROW = 1024 * 1024
const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const QUOTE = 0x22
const APOS = 0x27

/**
 * Feed `push` the inflated chunks of one worksheet part in order; `onRow` sees each row that
 * has at least one cell. `onRow` returning `false` stops the scan (`push` then returns false).
 */
export class SheetScanner {
  private leftover: Buffer | undefined
  private parts: Buffer[] = []
  private partBytes = 0
  private inData = false
  private afterData = false
  private prefix = ''
  private prefixKnown = false
  private rowOpen = Buffer.from('<row')
  private rowClose = Buffer.from('</row>')
  private cellClose = Buffer.from('</c>')
  private sheetDataOpen = Buffer.from('<sheetData')
  private sheetDataClose = Buffer.from('</sheetData>')
  private lastRow = 0
  private stopped = false
  private readonly row = new RowBuffer()
  /** `ref` of every `<mergeCell>` (read after the data). */
  readonly mergeRefs: string[] = []
  /** Cells whose text was longer than `maxCellChars` and was cut. */
  cutCells = 0

  constructor(
    private readonly onRow: (row: RowBuffer) => boolean | void,
    private readonly options: ScannerOptions = DEFAULT_SCANNER_OPTIONS,
  ) {}

  push(chunk: Buffer): boolean {
    if (this.stopped) return false
    let data: Buffer
    if (this.leftover && this.leftover.length > LONG_ROW) {
      // A very long row (a 1,000,000-character cell): gather chunks until its end tag
      // arrives instead of re-copying the growing row on every chunk.
      const last = this.parts.length > 0 ? this.parts[this.parts.length - 1]! : this.leftover
      this.parts.push(chunk)
      this.partBytes += chunk.length
      const seam = Buffer.concat([last.subarray(Math.max(0, last.length - 8)), chunk.subarray(0, 8)])
      if (chunk.indexOf(this.rowClose) < 0 && seam.indexOf(this.rowClose) < 0) {
        if (this.leftover.length + this.partBytes > this.options.maxRowBytes) throw new AnnexAFileError('TOO_LARGE', `Row ${this.lastRow + 1} of a sheet is larger than ${this.options.maxRowBytes.toLocaleString('en-GB')} bytes.`)
        return true
      }
      data = Buffer.concat([this.leftover, ...this.parts])
      this.parts = []
      this.partBytes = 0
    } else {
      data = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk
    }
    this.leftover = undefined
    if (!this.prefixKnown && !this.findPrefix(data)) {
      this.keep(data, 0)
      return true
    }
    let pos = 0
    if (!this.inData && !this.afterData) {
      const open = data.indexOf(this.sheetDataOpen)
      if (open < 0) {
        this.keep(data, Math.max(0, data.length - this.sheetDataOpen.length))
        return true
      }
      this.inData = true
      pos = open + this.sheetDataOpen.length
      // `<sheetData/>`: an empty sheet.
      const end = data.indexOf(GT, pos)
      if (end < 0) {
        this.keep(data, open)
        this.inData = false
        return true
      }
      if (data[end - 1] === SLASH) {
        this.inData = false
        this.afterData = true
      }
      pos = end + 1
    }
    if (this.inData) pos = this.scanRows(data, pos)
    if (this.stopped) return false
    if (this.afterData) this.scanMerges(data, pos)
    return true
  }

  /** Call after the last chunk. */
  end(): void {
    if (this.parts.length > 0) {
      this.leftover = Buffer.concat([this.leftover!, ...this.parts])
      this.parts = []
    }
    if (this.leftover && this.inData && !this.stopped && this.leftover.indexOf(this.rowOpen) >= 0) {
      throw new AnnexAFileError('BAD_XML', `A sheet ends in the middle of row ${this.lastRow + 1}.`)
    }
  }

  private keep(data: Buffer, from: number): void {
    if (from < data.length) this.leftover = Buffer.from(data.subarray(from))
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
    this.prefixKnown = true
    this.rowOpen = Buffer.from(`<${prefix}row`)
    this.rowClose = Buffer.from(`</${prefix}row>`)
    this.cellClose = Buffer.from(`</${prefix}c>`)
    this.sheetDataOpen = Buffer.from(`<${prefix}sheetData`)
    this.sheetDataClose = Buffer.from(`</${prefix}sheetData>`)
    return true
  }

  private scanRows(data: Buffer, from: number): number {
    let pos = from
    const rowOpen = this.rowOpen
    const rowClose = this.rowClose
    for (;;) {
      const start = data.indexOf(rowOpen, pos)
      if (start < 0) {
        const close = data.indexOf(this.sheetDataClose, pos)
        if (close >= 0) {
          this.inData = false
          this.afterData = true
          return close + this.sheetDataClose.length
        }
        this.keep(data, Math.max(pos, data.length - this.sheetDataClose.length))
        return data.length
      }
      const after = data[start + rowOpen.length]
      if (after === undefined) {
        this.keep(data, start)
        return data.length
      }
      if (after !== 0x20 && after !== GT && after !== SLASH && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
        pos = start + rowOpen.length
        continue
      }
      const tagEnd = data.indexOf(GT, start)
      if (tagEnd < 0) {
        this.keep(data, start)
        return data.length
      }
      const rowNumber = this.attributeNumber(data, start, tagEnd, 0x72 /* r */) ?? this.lastRow + 1
      if (data[tagEnd - 1] === SLASH) {
        this.lastRow = rowNumber
        pos = tagEnd + 1
        continue
      }
      const end = data.indexOf(rowClose, tagEnd)
      if (end < 0) {
        if (data.length - start > this.options.maxRowBytes) throw new AnnexAFileError('TOO_LARGE', `Row ${rowNumber} of a sheet is larger than ${this.options.maxRowBytes.toLocaleString('en-GB')} bytes.`)
        this.keep(data, start)
        return data.length
      }
      this.lastRow = rowNumber
      this.scanCells(data, tagEnd + 1, end, rowNumber)
      pos = end + rowClose.length
      if (this.row.count > 0 && this.onRow(this.row) === false) {
        this.stopped = true
        return pos
      }
    }
  }

  /** A numeric attribute (`r="12"`) of the tag in [start, end), or undefined. Attribute names are one letter. */
  private attributeNumber(data: Buffer, start: number, end: number, name: number): number | undefined {
    for (let i = start + 1; i < end - 2; i++) {
      if (data[i] === name && data[i + 1] === 0x3d && (data[i - 1] === 0x20 || data[i - 1] === 0x09 || data[i - 1] === 0x0a || data[i - 1] === 0x0d)) {
        let j = i + 3
        let value = 0
        while (j < end) {
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

  private scanCells(data: Buffer, from: number, to: number, rowNumber: number): void {
    const row = this.row
    row.rowNumber = rowNumber
    row.count = 0
    let lastCol = -1
    let i = from
    const pl = this.prefix.length
    while (i < to) {
      const lt = data.indexOf(LT, i)
      if (lt < 0 || lt >= to) break
      const nameAt = lt + 1 + pl
      const delimiter = data[nameAt + 1]
      if (data[nameAt] !== 0x63 /* c */ || (delimiter !== 0x20 && delimiter !== GT && delimiter !== SLASH)) {
        i = lt + 1
        continue
      }
      // Attributes of <c>: r (reference), t (type), s (style).
      let col = -1
      let type = 0x6e // n
      let type2 = 0
      let style = 0
      let j = nameAt + 1
      let gt = -1
      while (j < to) {
        const c = data[j]!
        if (c === GT) {
          gt = j
          break
        }
        if (c === 0x3d /* = */) {
          const attr = data[j - 1]
          const quote = data[j + 1]
          const q = j + 2
          if (quote !== QUOTE && quote !== APOS) {
            j++
            continue
          }
          let k = q
          while (k < to && data[k] !== quote) k++
          if (data[j - 2] === 0x20 || data[j - 2] === 0x09 || data[j - 2] === 0x0a || data[j - 2] === 0x0d) {
            if (attr === 0x72 /* r */) {
              let value = 0
              for (let m = q; m < k; m++) {
                const ch = data[m]!
                if (ch >= 0x41 && ch <= 0x5a) value = value * 26 + (ch - 0x40)
                else if (ch >= 0x61 && ch <= 0x7a) value = value * 26 + (ch - 0x60)
                else break
              }
              col = value - 1
            } else if (attr === 0x74 /* t */) {
              type = data[q]!
              type2 = data[q + 1]!
            } else if (attr === 0x73 /* s */) {
              let value = 0
              for (let m = q; m < k; m++) value = value * 10 + (data[m]! - 0x30)
              style = value
            }
          }
          j = k + 1
          continue
        }
        j++
      }
      if (gt < 0) break
      if (col < 0) col = lastCol + 1
      lastCol = col
      if (data[gt - 1] === SLASH) {
        i = gt + 1
        continue
      }
      const cellEnd = data.indexOf(this.cellClose, gt)
      const end = cellEnd < 0 || cellEnd > to ? to : cellEnd
      this.readCell(data, gt + 1, end, col, type, type2, style)
      i = end + this.cellClose.length
    }
  }

  private readCell(data: Buffer, from: number, to: number, col: number, type: number, type2: number, style: number): void {
    let vStart = -1
    let vEnd = -1
    let formula = false
    let inline: string | undefined
    const pl = this.prefix.length
    let i = from
    while (i < to) {
      const lt = data.indexOf(LT, i)
      if (lt < 0 || lt >= to) break
      const n = lt + 1 + pl
      const name = data[n]
      const next = data[n + 1]
      if (name === 0x76 /* v */ && (next === GT || next === 0x20)) {
        const gt = data.indexOf(GT, n)
        vStart = gt + 1
        vEnd = data.indexOf(LT, vStart)
        i = vEnd + 1
      } else if (name === 0x66 /* f */ && (next === GT || next === 0x20 || next === SLASH)) {
        formula = true
        i = n + 1
      } else if (name === 0x69 /* i */ && data[n + 1] === 0x73 /* s */ && (data[n + 2] === GT || data[n + 2] === 0x20)) {
        inline = this.inlineText(data, n, to)
        i = to
      } else {
        i = lt + 1
      }
    }
    const row = this.row
    if (row.count === row.cols.length) row.grow()
    const at = row.count
    let kind: number
    if (inline !== undefined) {
      kind = CELL_TEXT
      row.texts[at] = inline
    } else if (vStart < 0 || vEnd < vStart) {
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
      row.texts[at] = this.text(data, vStart, vEnd)
    }
    row.cols[at] = col
    row.kinds[at] = kind
    row.styles[at] = style
    row.formulas[at] = formula ? 1 : 0
    row.count = at + 1
  }

  /** The text of `<is>`: every `<t>` run, skipping phonetic `<rPh>` runs. */
  private inlineText(data: Buffer, from: number, to: number): string {
    const xml = data.toString('utf8', from, to)
    return this.cut(readRuns(xml))
  }

  private text(data: Buffer, from: number, to: number): string {
    return this.cut(decodeXmlText(data.toString('utf8', from, to)))
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
    if (open >= last && text.indexOf('>', open) < 0) this.keep(data, from + open)
  }
}

/** Concatenate the `<t>` texts of a string item, skipping `<rPh>` (phonetic) runs. */
export function readRuns(xml: string): string {
  const withoutPhonetic = xml.includes('rPh') ? xml.replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : xml
  let text = ''
  for (const match of withoutPhonetic.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) text += match[1] ?? ''
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
