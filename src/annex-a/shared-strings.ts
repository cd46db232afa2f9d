/**
 * The shared strings part (`xl/sharedStrings.xml`): every `<si>` decoded once, in order, so a
 * cell's `t="s"` index is an array lookup. Streamed chunk by chunk like the sheets.
 *
 * Bounded and linear (issue 10: one 256 MiB string in a 2.8 MB workbook took 432 s, because each
 * chunk was joined to everything held so far and searched again): an unfinished item is held as
 * a list of chunks, only the new chunk is searched for its end, and an item larger than
 * `maxItemBytes` of XML, or a part whose strings pass `maxTotalBytes`, stops the reading at once
 * with `SharedStringTooLarge` (the workbook reader then names the cell that uses it).
 */
import { AnnexAFileError } from './errors.js'
import { readRuns } from './sheet-scanner.js'
import { decodeXmlText } from './xml-text.js'

export interface SharedStringLimits {
  /** Longest text kept for one string; longer text is cut (and reported by the caller). */
  readonly maxChars: number
  /** Largest XML of one string item: Excel holds at most 32,767 characters in a cell. */
  readonly maxItemBytes: number
  /** Largest XML of all the strings together. */
  readonly maxTotalBytes: number
}

export const DEFAULT_SHARED_STRING_LIMITS: SharedStringLimits = {
  maxChars: 1_000_000,
  maxItemBytes: 16 * 1024 ** 2,
  maxTotalBytes: 256 * 1024 ** 2,
}

/** A shared string past the limits; `index` is its position, which cells refer to. */
export class SharedStringTooLarge extends AnnexAFileError {
  constructor(
    readonly index: number,
    readonly limit: number,
    readonly whole: boolean,
  ) {
    super(
      'TOO_LARGE',
      whole
        ? `The workbook's shared text is larger than ${mib(limit)}, far more than an Annex A return holds.`
        : `Text number ${index + 1} of the workbook is larger than ${mib(limit)} (a cell in Excel holds at most 32,767 characters).`,
    )
  }
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
}

export class SharedStringsReader {
  readonly strings: string[] = []
  /** Chunks after the last complete item: the start of at most one unfinished item (no `</si>`). */
  private pending: Buffer[] = []
  private pendingBytes = 0
  private totalBytes = 0
  private siOpen = '<si>'
  private siClose = Buffer.from('</si>')
  private prefixKnown = false
  private longest = 0
  private readonly limits: SharedStringLimits

  constructor(limits: Partial<SharedStringLimits> = {}) {
    this.limits = { ...DEFAULT_SHARED_STRING_LIMITS, ...limits }
  }

  /** The longest string seen, in characters, before any cut (for the "very long cell" finding). */
  get longestString(): number {
    return this.longest
  }

  push(chunk: Buffer): void {
    this.totalBytes += chunk.length
    if (this.totalBytes > this.limits.maxTotalBytes)
      throw new SharedStringTooLarge(this.strings.length, this.limits.maxTotalBytes, true)
    if (!this.prefixKnown) {
      const head = this.pendingBytes > 0 ? Buffer.concat([...this.pending, chunk]) : chunk
      const text = head.toString('latin1', 0, Math.min(head.length, 4096))
      const match = /<([\w.-]+:)?sst[\s>]/.exec(text)
      if (!match && head.length < 4096) {
        this.pending = [head]
        this.pendingBytes = head.length
        return
      }
      const prefix = match?.[1] ?? ''
      this.siOpen = `<${prefix}si>`
      this.siClose = Buffer.from(`</${prefix}si>`)
      this.prefixKnown = true
      this.pending = []
      this.pendingBytes = 0
      chunk = head
    }
    // Only the new chunk (and the seam with what is held) is searched for the last item's end.
    const close = this.siClose
    let last = chunk.lastIndexOf(close)
    let cut = last < 0 ? -1 : last + close.length
    if (cut < 0 && this.pendingBytes > 0) {
      const tail = this.pending[this.pending.length - 1]!
      const seam = Buffer.concat([
        tail.subarray(Math.max(0, tail.length - close.length + 1)),
        chunk.subarray(0, close.length - 1),
      ])
      last = seam.indexOf(close)
      if (last >= 0) cut = last + close.length - Math.min(tail.length, close.length - 1)
    }
    if (cut < 0) {
      this.pending.push(chunk)
      this.pendingBytes += chunk.length
      if (this.pendingBytes > this.limits.maxItemBytes) throw this.tooLarge()
      return
    }
    const data =
      this.pendingBytes > 0 ? Buffer.concat([...this.pending, chunk.subarray(0, cut)]) : chunk.subarray(0, cut)
    this.pending = cut < chunk.length ? [Buffer.from(chunk.subarray(cut))] : []
    this.pendingBytes = chunk.length - cut
    this.items(data.toString('utf8'))
    if (this.pendingBytes > this.limits.maxItemBytes) throw this.tooLarge()
  }

  /** The unfinished item is too large: its index counts any empty items held before it. */
  private tooLarge(): SharedStringTooLarge {
    const held = Buffer.concat(this.pending).toString('latin1', 0, Math.min(this.pendingBytes, 1024 * 1024))
    const open = held.indexOf(this.siOpen)
    const before = open < 0 ? held : held.slice(0, open)
    const empties = before.split(this.siOpen.replace('>', '/>')).length - 1
    return new SharedStringTooLarge(this.strings.length + empties, this.limits.maxItemBytes, false)
  }

  private items(text: string): void {
    const open = this.siOpen
    const close = this.siClose.toString('latin1')
    const emptyTag = open.replace('>', '/>')
    // `<si/>` is an empty string item; found once and moved on only when passed (never rescanned).
    let empty = text.indexOf(emptyTag)
    let pos = 0
    for (;;) {
      let start = text.indexOf(open, pos)
      if (empty >= 0 && (start < 0 || empty < start)) {
        this.strings.push('')
        pos = empty + emptyTag.length
        empty = text.indexOf(emptyTag, pos)
        continue
      }
      if (start < 0) return
      start += open.length
      const end = text.indexOf(close, start)
      if (end < 0) return
      this.strings.push(this.cut(this.item(text.slice(start, end))))
      pos = end + close.length
    }
  }

  private item(inner: string): string {
    // Fast path for the common `<t>text</t>` item with no runs.
    if (inner.startsWith('<t') && inner.endsWith('</t>')) {
      const gt = inner.indexOf('>')
      const body = inner.slice(gt + 1, -4)
      if (inner.charCodeAt(gt - 1) !== 0x2f && !body.includes('<')) return decodeXmlText(body)
    }
    return readRuns(inner)
  }

  private cut(text: string): string {
    if (text.length > this.longest) this.longest = text.length
    return text.length > this.limits.maxChars ? text.slice(0, this.limits.maxChars) : text
  }
}
