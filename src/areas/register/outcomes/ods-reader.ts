/**
 * A small OpenDocument spreadsheet (.ods) reader for Ofsted's published outcomes (issue 14), in
 * the style of the Annex A reader (ADR 0002): the zip is read with `ZipArchive` and `content.xml`
 * streams through a tag scanner, so the 40 MB content of a statistics file is never one string.
 * It keeps only what a table of text needs: each cell's value (dates as `YYYY-MM-DD`), with
 * `number-columns-repeated` / `number-rows-repeated` expanded (capped, since a sheet ends in a
 * row repeated a million times) and hyperlinks kept as their target.
 */
import { ZipArchive } from '../../../annex-a/zip.js'
import { attributes, decodeXmlText } from '../../../annex-a/xml-text.js'

/** One non-empty row of a sheet: its 1-based row number as a spreadsheet shows it, and its cells. */
export interface SheetRow {
  readonly row: number
  readonly cells: readonly string[]
  /** Hyperlink targets by column index, where a cell links somewhere (Ofsted's report pages). */
  readonly links: Readonly<Record<number, string>>
}

export interface Sheet {
  readonly name: string
  readonly rows: readonly SheetRow[]
}

/** Repeated empty columns beyond this are never data (sheets pad to 1,024 or 16,384 columns). */
const MAX_COLUMNS = 512
const TAG = /<(\/?)([a-z]+:[a-z-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g

/** Read every sheet of an .ods file as rows of text. */
export async function readOds(path: string): Promise<Sheet[]> {
  const archive = await ZipArchive.open(path)
  try {
    const entry = archive.entries.get('content.xml')
    if (!entry) throw new Error('This file is not an OpenDocument spreadsheet (it has no content.xml).')
    const scanner = new OdsScanner()
    const decoder = new TextDecoder('utf-8')
    await archive.read(entry, (chunk) => scanner.push(decoder.decode(chunk, { stream: true })))
    scanner.push(decoder.decode())
    return scanner.sheets
  } finally {
    await archive.close()
  }
}

/** The scanner's state machine over the tags of content.xml. */
class OdsScanner {
  readonly sheets: Sheet[] = []
  private pending = ''
  private sheet: { name: string; rows: SheetRow[] } | undefined
  private rowNumber = 0
  private rowRepeat = 1
  private cells: string[] = []
  private links: Record<number, string> = {}
  private cellRepeat = 1
  private cellValue: string | undefined
  private cellText: string[] | undefined
  private link: string | undefined
  private paragraphs = 0

  push(text: string): void {
    const data = this.pending + text
    // Everything up to the last complete tag is scanned; the rest waits for the next chunk.
    const end = data.lastIndexOf('>') + 1
    this.pending = data.slice(end)
    let last = 0
    TAG.lastIndex = 0
    for (let match = TAG.exec(data); match && match.index < end; match = TAG.exec(data)) {
      if (this.cellText && match.index > last) this.cellText.push(decodeXmlText(data.slice(last, match.index)))
      last = TAG.lastIndex
      this.tag(match[1] === '/', match[2]!, match[3]!, match[4] === '/')
    }
  }

  private tag(closing: boolean, name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case 'table:table':
        if (closing) this.sheet = undefined
        else {
          this.sheet = { name: attributes(attrs).get('table:name') ?? `Sheet${this.sheets.length + 1}`, rows: [] }
          this.sheets.push(this.sheet)
          this.rowNumber = 0
        }
        return
      case 'table:table-row':
        if (!closing) {
          this.rowRepeat = Number(attributes(attrs).get('table:number-rows-repeated') ?? 1)
          this.cells = []
          this.links = {}
        }
        if (closing || selfClosing) this.endRow()
        return
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!closing) this.startCell(attrs)
        if (closing || selfClosing) this.endCell()
        return
      case 'text:p':
        if (!closing && this.cellText && this.paragraphs++ > 0) this.cellText.push('\n')
        return
      case 'text:s':
        if (this.cellText) this.cellText.push(' '.repeat(Number(attributes(attrs).get('text:c') ?? 1)))
        return
      case 'text:a':
        if (!closing && this.cellText) this.link ??= attributes(attrs).get('xlink:href')
        return
      default:
    }
  }

  private startCell(attrs: string): void {
    const a = attributes(attrs)
    this.cellRepeat = Number(a.get('table:number-columns-repeated') ?? 1)
    const type = a.get('office:value-type')
    this.cellValue =
      type === 'date'
        ? a.get('office:date-value')?.slice(0, 10)
        : type === 'float' || type === 'percentage' || type === 'currency'
          ? a.get('office:value')
          : type === 'boolean'
            ? a.get('office:boolean-value')
            : a.get('office:string-value')
    this.cellText = []
    this.link = undefined
    this.paragraphs = 0
    // A HYPERLINK formula keeps its target in the formula, not the text.
    const formula = a.get('table:formula')
    const target = formula ? /HYPERLINK\(\s*"([^"]+)"/i.exec(formula)?.[1] : undefined
    if (target) this.link = target
  }

  private endCell(): void {
    const text = (this.cellValue ?? this.cellText?.join('') ?? '').trim()
    if (this.link && this.cells.length < MAX_COLUMNS) this.links[this.cells.length] = this.link
    for (let i = 0; i < this.cellRepeat && this.cells.length < MAX_COLUMNS; i++) this.cells.push(text)
    this.cellText = undefined
    this.cellValue = undefined
  }

  private endRow(): void {
    const start = this.rowNumber + 1
    this.rowNumber += this.rowRepeat
    let width = this.cells.length
    while (width > 0 && this.cells[width - 1] === '') width--
    if (width === 0 || !this.sheet) return
    const cells = this.cells.slice(0, width)
    // A repeated row with values is rare (a copied blank-looking row); keep a few copies at most.
    for (let r = 0; r < Math.min(this.rowRepeat, 16); r++)
      this.sheet.rows.push({ row: start + r, cells, links: this.links })
  }
}
