/**
 * Opens the real files: the page count of a rendered PDF (page limits are checked on it, 002#212,
 * 001#65), the text of each PDF page, and the paragraphs, headers, footers and watermark of a
 * .docx. Tests read both renderings back with these; the product counts pages with them.
 *
 * PDFs are parsed by pdfjs-dist (Mozilla's PDF.js; 5.6 is the last line that runs on Node 20),
 * not by counting `/Type /Page` in the bytes, which miscounts compressed object streams and
 * incremental updates. A .docx is a zip: fflate inflates only the parts we read.
 */
import { unzipSync } from 'fflate'
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js'
import { loadPdfJs } from '../lazy-libraries.js'

/** The most a single .docx part may inflate to: far above any letter, far below a zip bomb. */
const MAX_PART_BYTES = 32 * 1024 * 1024

async function openPdf<T>(pdf: Uint8Array, use: (document: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // pdf.js takes ownership of the array it is given (it may detach it), so it gets a copy.
  const { getDocument } = await loadPdfJs()
  const task = getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  })
  const document = await task.promise
  try {
    return await use(document)
  } finally {
    await task.destroy()
  }
}

/** The number of pages of a PDF, from its page tree. Rejects when the bytes are not a PDF. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return openPdf(pdf, async (document) => document.numPages)
}

/**
 * The text of each page of a PDF, in reading order as pdf.js finds it: lines end with "\n".
 * The header, footer and watermark are part of a page's text.
 */
export async function pdfText(pdf: Uint8Array): Promise<string[]> {
  return openPdf(pdf, async (document) => {
    const pages: string[] = []
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        text += item.str
        if (item.hasEOL) text += '\n'
      }
      pages.push(text)
      page.cleanup()
    }
    return pages
  })
}

/** What a .docx shows around its body: header and footer paragraphs, and the watermark's words. */
export interface DocxFurniture {
  headers: string[]
  footers: string[]
  watermarks: string[]
}

/**
 * The text of each non-empty paragraph of a .docx body (`word/document.xml`), table cells
 * included, in order. Tabs are "\t"; the PAGE and NUMPAGES fields read "{PAGE}" and "{NUMPAGES}".
 */
export function docxText(docx: Uint8Array): string[] {
  const parts = docxParts(docx, (name) => name === 'word/document.xml')
  const xml = parts.get('word/document.xml')
  if (xml === undefined) throw new Error('Not a Word document: word/document.xml is missing')
  return paragraphs(xml)
}

/** The header and footer paragraphs of a .docx and the text of any watermark (Word's WordArt shape). */
export function docxFurniture(docx: Uint8Array): DocxFurniture {
  const parts = docxParts(docx, (name) => /^word\/(header|footer)\d*\.xml$/.test(name))
  const furniture: DocxFurniture = { headers: [], footers: [], watermarks: [] }
  for (const [name, xml] of [...parts].sort(([a], [b]) => a.localeCompare(b))) {
    const target = name.startsWith('word/header') ? furniture.headers : furniture.footers
    target.push(...paragraphs(xml))
    for (const match of xml.matchAll(/<v:textpath\b[^>]*\bstring="([^"]*)"/g)) {
      furniture.watermarks.push(decodeEntities(match[1]!))
    }
  }
  return furniture
}

function docxParts(docx: Uint8Array, wanted: (name: string) => boolean): Map<string, string> {
  const files = unzipSync(docx, {
    filter: (file) => {
      if (!wanted(file.name)) return false
      if (file.originalSize > MAX_PART_BYTES) throw new Error(`${file.name} is too large to read`)
      return true
    },
  })
  const decoder = new TextDecoder()
  return new Map(Object.entries(files).map(([name, bytes]) => [name, decoder.decode(bytes)]))
}

const FIELDS: Readonly<Record<string, string>> = { PAGE: '{PAGE}', NUMPAGES: '{NUMPAGES}' }

/**
 * The paragraphs of a WordprocessingML part. A scanner over the few elements that carry text
 * (`w:p`, `w:t`, `w:tab`, `w:br`, fields) rather than a DOM: the parts are our own or Word's.
 */
function paragraphs(xml: string): string[] {
  const found: string[] = []
  let text = ''
  let inText = false
  let inInstruction = false
  let instruction = ''
  // Inside a field: its cached result is skipped and the placeholder written at its end.
  let fieldDepth = 0
  // A paragraph's properties list its tab stops as <w:tab/> too; those are not text.
  let inProperties = false
  const endField = (): void => {
    fieldDepth -= 1
    if (fieldDepth === 0) text += fieldText(instruction)
  }
  for (const match of xml.matchAll(/<(\/?)([A-Za-z0-9:]+)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, name, attributes = '', selfClosing, chars] = match
    if (chars !== undefined) {
      if (inText && fieldDepth === 0) text += decodeEntities(chars)
      if (inInstruction) instruction += decodeEntities(chars)
      continue
    }
    const opens = !closing && !selfClosing
    switch (name) {
      case 'w:p':
        if (!opens && text.trim() !== '') found.push(text)
        text = ''
        break
      case 'w:pPr':
        inProperties = opens
        break
      case 'w:t':
        inText = opens
        break
      case 'w:instrText':
        inInstruction = opens
        if (opens) instruction = ''
        break
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (!closing && !inProperties && fieldDepth === 0) text += name === 'w:tab' ? '\t' : '\n'
        break
      case 'w:fldChar': {
        const type = /w:fldCharType="(\w+)"/.exec(attributes)?.[1]
        if (type === 'begin') fieldDepth += 1
        else if (type === 'end' && fieldDepth > 0) endField()
        break
      }
      case 'w:fldSimple':
        if (closing) {
          if (fieldDepth > 0) endField()
          break
        }
        instruction = /w:instr="([^"]*)"/.exec(attributes)?.[1] ?? ''
        fieldDepth += 1
        if (selfClosing) endField()
        break
    }
  }
  return found
}

function fieldText(instruction: string): string {
  const name = instruction.trim().split(/\s+/)[0]?.toUpperCase() ?? ''
  return FIELDS[name] ?? ''
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16))
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? ''
  })
}
