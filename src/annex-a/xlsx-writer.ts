/**
 * A minimal streaming .xlsx writer for the generator and test fixtures: rows go straight into
 * a deflating zip part, so a 1,000,000-row sheet is never in memory. Strings go to a shared
 * strings table as Excel writes them (the table is written after the sheets, which readers
 * must cope with). Dates are serials with a `dd/mm/yyyy` format, as a real return has them.
 */
import { escapeXml } from './xml-text.js'
import { ZipWriter, type ZipEntryWriter } from './zip-writer.js'

/** One cell: text, a number, a date (as a serial in a date-formatted cell), or a formula. */
export type CellValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | { readonly serial: number; readonly dateStyle?: boolean }
  | { readonly inline: string }
  | { readonly formula: string; readonly cached?: string | number }
  | { readonly error: string }

export interface SheetOptions {
  readonly hidden?: boolean
  /** Merge ranges such as "A3:A5", written after the data. */
  readonly merges?: readonly string[]
}

/** Style indexes in the styles part written by `finish`. */
export const STYLE_DATE = 1
const STYLE_BOLD = 2

/** Column letters for 0-based column `index` (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rest = (n - 1) % 26
    letters = String.fromCharCode(65 + rest) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

const LETTERS = Array.from({ length: 64 }, (_, i) => columnLetter(i))

interface SheetRecord {
  name: string
  hidden: boolean
}

export class XlsxWriter {
  private readonly zip: ZipWriter
  private readonly sheets: SheetRecord[] = []
  private readonly strings = new Map<string, number>()
  private sheet: ZipEntryWriter | undefined
  private merges: string[] = []
  private rowNumber = 0

  constructor(
    path: string,
    private readonly options: { readonly date1904?: boolean; readonly level?: number } = {},
  ) {
    this.zip = new ZipWriter(path, options.level ?? 6)
  }

  async startSheet(name: string, options: SheetOptions = {}): Promise<void> {
    if (this.sheet) throw new Error('End the previous sheet first')
    this.sheets.push({ name, hidden: options.hidden ?? false })
    this.merges = [...(options.merges ?? [])]
    this.rowNumber = 0
    this.sheet = this.zip.entry(`xl/worksheets/sheet${this.sheets.length}.xml`)
    await this.sheet.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>',
    )
  }

  private stringIndex(text: string): number {
    let index = this.strings.get(text)
    if (index === undefined) {
      index = this.strings.size
      this.strings.set(text, index)
    }
    return index
  }

  /** Append a row (or the row numbered `rowNumber`, leaving blank rows before it). `bold` styles every cell. */
  row(cells: readonly CellValue[], options: { rowNumber?: number; bold?: boolean } = {}): Promise<void> | void {
    if (!this.sheet) throw new Error('Start a sheet first')
    this.rowNumber = options.rowNumber ?? this.rowNumber + 1
    const r = this.rowNumber
    let xml = `<row r="${r}">`
    const bold = options.bold ? ` s="${STYLE_BOLD}"` : ''
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]
      if (cell === null || cell === undefined || cell === '') continue
      const ref = `${LETTERS[i] ?? columnLetter(i)}${r}`
      if (typeof cell === 'string') xml += `<c r="${ref}"${bold} t="s"><v>${this.stringIndex(cell)}</v></c>`
      else if (typeof cell === 'number') xml += `<c r="${ref}"${bold}><v>${cell}</v></c>`
      else if (typeof cell === 'boolean') xml += `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`
      else if ('serial' in cell)
        xml += `<c r="${ref}"${cell.dateStyle === false ? '' : ` s="${STYLE_DATE}"`}><v>${cell.serial}</v></c>`
      else if ('error' in cell) xml += `<c r="${ref}" t="e"><v>${escapeXml(cell.error)}</v></c>`
      else if ('inline' in cell)
        xml += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.inline)}</t></is></c>`
      else {
        const cached = cell.cached
        const type = typeof cached === 'string' ? ' t="str"' : ''
        const value = cached === undefined ? '' : `<v>${typeof cached === 'string' ? escapeXml(cached) : cached}</v>`
        xml += `<c r="${ref}"${type}><f>${escapeXml(cell.formula)}</f>${value}</c>`
      }
    }
    return this.sheet.write(`${xml}</row>`)
  }

  /** Merge a range (e.g. "C5:C6") on the open sheet; written after its rows. */
  merge(ref: string): void {
    this.merges.push(ref)
  }

  async endSheet(): Promise<void> {
    if (!this.sheet) throw new Error('No sheet is open')
    const merges =
      this.merges.length > 0
        ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
        : ''
    await this.sheet.write(`</sheetData>${merges}</worksheet>`)
    await this.sheet.end()
    this.sheet = undefined
  }

  /** Write shared strings, styles, the workbook and its relationships, and close the file. */
  async finish(): Promise<void> {
    if (this.sheet) await this.endSheet()
    const sst = this.zip.entry('xl/sharedStrings.xml')
    await sst.write(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.strings.size}" uniqueCount="${this.strings.size}">`,
    )
    let batch = ''
    for (const text of this.strings.keys()) {
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : ''
      batch += `<si><t${space}>${escapeXml(text)}</t></si>`
      if (batch.length > 65536) {
        await sst.write(batch)
        batch = ''
      }
    }
    await sst.write(`${batch}</sst>`)
    await sst.end()
    await this.zip.file(
      'xl/styles.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    )
    const sheetsXml = this.sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
      )
      .join('')
    await this.zip.file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${this.options.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetsXml}</sheets></workbook>`,
    )
    const n = this.sheets.length
    const sheetRels = this.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')
    await this.zip.file(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    )
    await this.zip.file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    )
    const overrides = this.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('')
    await this.zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}` +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    this.zip.finish()
  }
}
