/**
 * The shared strings part (`xl/sharedStrings.xml`): every `<si>` decoded once, in order, so a
 * cell's `t="s"` index is an array lookup. Streamed chunk by chunk like the sheets.
 */
import { readRuns } from './sheet-scanner.js'
import { decodeXmlText } from './xml-text.js'

export class SharedStringsReader {
  readonly strings: string[] = []
  private leftover: Buffer | undefined
  private siOpen = '<si>'
  private siClose = '</si>'
  private prefixKnown = false
  private longest = 0

  constructor(private readonly maxChars = 1_000_000) {}

  /** The longest string seen, in characters, before any cut (for the "very long cell" finding). */
  get longestString(): number {
    return this.longest
  }

  push(chunk: Buffer): void {
    const data = this.leftover ? Buffer.concat([this.leftover, chunk]) : chunk
    this.leftover = undefined
    if (!this.prefixKnown) {
      const head = data.toString('latin1', 0, Math.min(data.length, 4096))
      const match = /<([\w.-]+:)?sst[\s>]/.exec(head)
      if (!match && data.length < 4096) {
        this.leftover = data
        return
      }
      const prefix = match?.[1] ?? ''
      this.siOpen = `<${prefix}si>`
      this.siClose = `</${prefix}si>`
      this.prefixKnown = true
    }
    // Decode up to the last complete item only, so a multi-byte character is never split.
    const last = data.lastIndexOf(this.siClose)
    if (last < 0) {
      this.leftover = data
      return
    }
    const cut = last + this.siClose.length
    const text = data.toString('utf8', 0, cut)
    if (cut < data.length) this.leftover = Buffer.from(data.subarray(cut))
    this.items(text)
  }

  private items(text: string): void {
    const open = this.siOpen
    const close = this.siClose
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
    return text.length > this.maxChars ? text.slice(0, this.maxChars) : text
  }
}
