/**
 * Renders the document model to Word (.docx), the copy inspectors and LAs edit and comment in.
 * A4, Arial, Word's own heading styles (so the navigation pane and accessibility checker see the
 * structure), the LA and reference in the header, "Page X of Y" in the footer, and Word's own
 * text watermark on drafts and embargoed copies.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IStylesOptions,
} from 'docx'
import { TextWatermark } from 'docx/watermarks'
import { gradeLabel, headerParts, watermarkText, type Block, type DocumentModel, type InlineText } from './model.js'

/** The sans-serif both renderers use: Arial in Word, its metric twin Helvetica in the PDF. */
export const WORD_FONT = 'Arial'

// Sizes in half-points (docx's unit for fonts) and twentieths of a point (page geometry).
const A4 = { width: 11906, height: 16838 }
const MARGIN = 1134 // 2 cm
const TEXT_WIDTH = A4.width - 2 * MARGIN
const HEADER_FILL = 'E8E8E8'
const NUMBERED = 'numbered-list'

const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: WORD_FONT, size: 22 }, paragraph: { spacing: { after: 160, line: 276 } } },
    heading1: { run: { font: WORD_FONT, size: 32, bold: true, color: '000000' }, paragraph: headingSpacing(240) },
    heading2: { run: { font: WORD_FONT, size: 26, bold: true, color: '000000' }, paragraph: headingSpacing(200) },
    heading3: { run: { font: WORD_FONT, size: 24, bold: true, color: '000000' }, paragraph: headingSpacing(160) },
  },
}

function headingSpacing(before: number): { spacing: { before: number; after: number }; keepNext: boolean } {
  // keepNext: a heading never ends a page on its own.
  return { spacing: { before, after: 120 }, keepNext: true }
}

const LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

/**
 * Renders a document to a .docx file.
 *
 * The watermark is Word's own (Design › Watermark: a WordArt shape in the header), so Word shows
 * it diagonally behind the text on every page and can remove it; LibreOffice shows it too.
 */
export async function renderDocx(document: DocumentModel): Promise<Buffer> {
  const { meta } = document
  let listInstance = 0
  const children = document.blocks.flatMap((block) => {
    if (block.type === 'list' && block.style === 'numbered') listInstance += 1
    return renderBlock(block, listInstance)
  })
  const word = new Document({
    title: meta.title,
    creator: 'Ofsted',
    description: `${meta.title}: ${meta.localAuthority.name} (${meta.localAuthority.code}), reference ${meta.reference}`,
    styles: STYLES,
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 397 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: { default: header(document) },
        footers: { default: footer() },
        children,
      },
    ],
  })
  return Packer.toBuffer(word)
}

function header(document: DocumentModel): Header {
  const { left, right } = headerParts(document.meta)
  const watermark = watermarkText(document.meta)
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } },
        children: [
          new TextRun({ text: left, size: 18 }),
          new TextRun({ text: `\t${right}`, size: 18 }),
          ...(watermark
            ? [new TextWatermark({ text: watermark, font: WORD_FONT, bold: true, color: 'A0A0A0', opacity: 0.4 })]
            : []),
        ],
      }),
    ],
  })
}

function footer(): Footer {
  // The words of footerText around Word's PAGE and NUMPAGES fields, which Word fills in as it lays out.
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    ],
  })
}

function renderBlock(block: Block, listInstance: number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: LEVELS[block.level - 1], children: [new TextRun(block.text)] })]
    case 'paragraph':
      return [new Paragraph({ children: runs(block.runs) })]
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            children: runs(item),
            spacing: { after: 80 },
            ...(block.style === 'bullet'
              ? { bullet: { level: 0 } }
              : { numbering: { reference: NUMBERED, level: 0, instance: listInstance } }),
          }),
      )
    case 'table':
      return [grid(block.header, block.rows)]
    case 'judgements':
      return [
        grid(
          ['Judgement', 'Grade'],
          block.rows.map((row) => [row.judgement, gradeLabel(row.grade)]),
          [70, 30],
        ),
      ]
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })]
  }
}

function runs(parts: readonly InlineText[]): TextRun[] {
  // A "\n" in the text is a line break within the paragraph (an address), as pdfmake reads it.
  return parts.flatMap((part) =>
    part.text
      .split('\n')
      .map(
        (line, i) => new TextRun({ text: line, bold: part.bold, italics: part.italic, break: i > 0 ? 1 : undefined }),
      ),
  )
}

function grid(headerCells: readonly string[], rows: readonly (readonly string[])[], percents?: number[]): Table {
  const widths = percents ?? headerCells.map(() => 100 / headerCells.length)
  const cell = (text: string, index: number, isHeader: boolean): TableCell =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.PERCENTAGE },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      shading: isHeader ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
      children: [new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, bold: isHeader })] })],
    })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      // tableHeader: Word repeats the header row on each page the table runs on to.
      new TableRow({ tableHeader: true, children: headerCells.map((text, i) => cell(text, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i, false)) })),
    ],
  })
}
