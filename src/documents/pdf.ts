/**
 * Renders the document model to PDF, the copy that is published, with pdfmake (pure JS, in
 * process; ADR 0012 records why not LibreOffice). The page furniture matches the Word copy:
 * A4, Helvetica (Arial's metric twin, one of the PDF standard fonts, so nothing is embedded or
 * read from disk), the LA and reference in the header, "Page X of Y" in the footer and a diagonal
 * watermark on drafts and embargoed copies.
 */
import type pdfmakeModule from 'pdfmake'
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js'
import { loadPdfmake } from '../lazy-libraries.js'
import { footerText, gradeLabel, headerParts, watermarkText, type Block, type DocumentModel } from './model.js'

/** The PDF standard fonts used: no file is read, so pdfmake may open no path at all (see below). */
const STANDARD_FONTS = {
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
}
const STANDARD_FONT_NAMES = new Set(Object.values(STANDARD_FONTS.Helvetica))

// 2 cm margins, as the Word copy; the header and footer sit in the top and bottom margins.
const MARGIN = 56.7
// pdfmake's line is 1.0 × the font's ascent and descent; Word's "1.15 lines" of Arial is taller.
// 1.35 gives Word's line pitch (13.8 pt at 11 pt), so reports of 3 to 12 pages have the same page
// count here as in LibreOffice's rendering of the .docx (ADR 0012).
const LINE_HEIGHT = 1.35
const HEADING_SIZES = { 1: 16, 2: 13, 3: 12 } as const
const HEADER_FILL = '#E8E8E8'
const A4_WIDTH = 595.28
const A4_DIAGONAL = Math.hypot(A4_WIDTH, 841.89)

/**
 * Renders a document to a PDF file.
 *
 * Page limits (002#212, 001#65) are checked on this file with `pdfPageCount`, never estimated.
 */
export async function renderPdf(document: DocumentModel): Promise<Buffer> {
  const pdfmake = await loadPdfmake()
  configure(pdfmake)
  return pdfmake.createPdf(definition(document)).getBuffer()
}

function configure(pdfmake: typeof pdfmakeModule): void {
  // The model is text only: no fetching URLs, and no local files beyond the built-in font names.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => STANDARD_FONT_NAMES.has(path))
  pdfmake.setFonts(STANDARD_FONTS)
}

function definition(document: DocumentModel): TDocumentDefinitions {
  const { meta } = document
  const { left, right } = headerParts(meta)
  const watermark = watermarkText(meta)
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: meta.title, author: 'Ofsted', subject: `${meta.localAuthority.name}, reference ${meta.reference}` },
    defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: LINE_HEIGHT },
    header: () => ({
      margin: [MARGIN, 28, MARGIN, 0],
      stack: [
        {
          columns: [
            { text: left, fontSize: 9 },
            { text: right, fontSize: 9, alignment: 'right' },
          ],
        },
        {
          canvas: [
            { type: 'line', x1: 0, y1: 3, x2: A4_WIDTH - 2 * MARGIN, y2: 3, lineWidth: 0.5, lineColor: '#808080' },
          ],
        },
      ],
    }),
    footer: (page, pages) => ({
      text: footerText(page, pages),
      alignment: 'center',
      fontSize: 9,
      margin: [0, 20, 0, 0],
    }),
    ...(watermark
      ? {
          watermark: {
            text: watermark,
            font: 'Helvetica',
            bold: true,
            fontSize: watermarkSize(watermark),
            color: '#A0A0A0',
            opacity: 0.4,
          },
        }
      : {}),
    // A heading never ends a page on its own (Word's keepNext on the heading styles).
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && nodes.getFollowingNodesOnPage().length === 0,
    content: document.blocks.map(renderBlock),
  }
}

/**
 * pdfmake's automatic size lets a long watermark run off the page; this keeps it within about
 * three quarters of A4's diagonal (Helvetica Bold capitals average about 0.7 em wide).
 */
function watermarkSize(text: string): number {
  return Math.min(140, Math.floor((A4_DIAGONAL * 0.75) / (0.7 * text.length)))
}

function renderBlock(block: Block): Content {
  switch (block.type) {
    case 'heading':
      return {
        text: block.text,
        bold: true,
        fontSize: HEADING_SIZES[block.level],
        headlineLevel: block.level,
        margin: [0, block.level === 1 ? 0 : 10, 0, 6],
      }
    case 'paragraph':
      return { text: runs(block.runs), margin: [0, 0, 0, 8] }
    case 'list': {
      const items = block.items.map((item) => ({
        text: runs(item),
        margin: [0, 0, 0, 4] as [number, number, number, number],
      }))
      return block.style === 'bullet' ? { ul: items, margin: [0, 0, 0, 6] } : { ol: items, margin: [0, 0, 0, 6] }
    }
    case 'table':
      return grid(block.header, block.rows)
    case 'judgements':
      return grid(
        ['Judgement', 'Grade'],
        block.rows.map((row) => [row.judgement, gradeLabel(row.grade)]),
        ['70%', '30%'],
      )
    case 'page-break':
      return { text: '', pageBreak: 'after' }
  }
}

function runs(parts: Extract<Block, { type: 'paragraph' }>['runs']): Content[] {
  return parts.map((part) => ({ text: part.text, bold: part.bold ?? false, italics: part.italic ?? false }))
}

function grid(header: readonly string[], rows: readonly (readonly string[])[], widths?: string[]): Content {
  const head: TableCell[] = header.map((text) => ({ text, bold: true, fillColor: HEADER_FILL }))
  return {
    // headerRows: the header row repeats on each page the table runs on to, as in Word.
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths ?? header.map(() => '*'),
      body: [head, ...rows.map((row) => [...row])],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#808080',
      vLineColor: () => '#808080',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 10],
  }
}
