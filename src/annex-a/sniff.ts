/**
 * What kind of file an upload really is, from its first bytes rather than its name: a zip
 * (xlsx/xlsm), an OLE compound file (legacy .xls, or an .xlsx encrypted with a password),
 * a CSV, or something else. Each refusal says what the file is and what to do.
 */
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { AnnexAFileError } from './errors.js'

export type FileKind = 'xlsx' | 'csv'

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
// Stream names inside an OLE file, in UTF-16LE as the directory stores them.
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')
const BIFF_WORKBOOK = Buffer.from('Workbook', 'utf16le')
const BIFF_BOOK = Buffer.from('Book', 'utf16le')
const OLE_SCAN_LIMIT = 64 * 1024 * 1024

/** Does an OLE file hold a stream named `name`? Scans the file (bounded) for the directory entry. */
async function oleHolds(path: string, names: Buffer[]): Promise<Buffer | undefined> {
  let tail = Buffer.alloc(0)
  let seen = 0
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    const data = Buffer.concat([tail, chunk])
    for (const name of names) if (data.includes(name)) return name
    tail = data.subarray(Math.max(0, data.length - 64))
    seen += chunk.length
    if (seen > OLE_SCAN_LIMIT) break
  }
  return undefined
}

/** Sniff `path` (named `fileName` by the uploader). Throws `AnnexAFileError` for files we cannot read. */
export async function sniffFile(path: string, fileName: string): Promise<{ kind: FileKind; size: number }> {
  let size: number
  try {
    size = (await stat(path)).size
  } catch {
    throw new AnnexAFileError('NOT_FOUND', `The file ${fileName} cannot be found.`)
  }
  if (size === 0) throw new AnnexAFileError('EMPTY_FILE', `The file ${fileName} is empty (0 bytes).`)
  const handle = await open(path, 'r')
  const head = Buffer.alloc(Math.min(size, 4096))
  try {
    await handle.read(head, 0, head.length, 0)
  } finally {
    await handle.close()
  }
  const extension = extname(fileName).toLowerCase()
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7))
    return { kind: 'xlsx', size }
  if (head.subarray(0, 8).equals(OLE)) {
    const found = await oleHolds(path, [ENCRYPTED_PACKAGE, BIFF_WORKBOOK, BIFF_BOOK])
    if (found === ENCRYPTED_PACKAGE)
      throw new AnnexAFileError(
        'ENCRYPTED',
        `The workbook ${fileName} is protected with a password, so it cannot be read.`,
      )
    if (found)
      throw new AnnexAFileError(
        'LEGACY_XLS',
        `The file ${fileName} is in the old Excel 97-2003 format (.xls), which cannot be read.`,
      )
    throw new AnnexAFileError(
      'NOT_A_SPREADSHEET',
      `The file ${fileName} is an old-style Office file but not an Excel workbook (it may be a Word document).`,
    )
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    throw new AnnexAFileError('NOT_A_SPREADSHEET', `The file ${fileName} is a PDF, not a spreadsheet.`)
  const text = looksLikeText(head)
  if (extension === '.csv' || extension === '.txt') {
    if (!text)
      throw new AnnexAFileError('NOT_A_SPREADSHEET', `The file ${fileName} is named .csv but does not hold text.`)
    return { kind: 'csv', size }
  }
  if (text) {
    const start = head
      .toString('utf8', 0, 200)
      .replace(/^\ufeff/, '')
      .trimStart()
      .toLowerCase()
    if (start.startsWith('<'))
      throw new AnnexAFileError(
        'NOT_A_SPREADSHEET',
        `The file ${fileName} is a web page or XML file saved with a spreadsheet name, not an Excel workbook.`,
      )
    throw new AnnexAFileError(
      'NOT_A_SPREADSHEET',
      `The file ${fileName} holds plain text (it looks like a CSV file) but is named ${extension || 'without an extension'}. If it is a CSV export of one list, rename it to end in .csv and upload it again.`,
    )
  }
  throw new AnnexAFileError('NOT_A_SPREADSHEET', `The file ${fileName} is not an Excel workbook or a CSV file.`)
}

/** True when the first bytes read as text (a BOM, or no control bytes other than tab and line ends). */
function looksLikeText(head: Buffer): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return true
  let zeros = 0
  for (const byte of head) {
    if (byte === 0) zeros++
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a)) return false
  }
  // UTF-16 text without a BOM: every other byte is zero.
  return zeros === 0 || zeros > head.length / 3
}
