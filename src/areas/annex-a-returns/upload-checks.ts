import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import { sql } from 'kysely'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import type { AnnexAReturnsDeps } from './records.js'

/**
 * Checks on an upload before it is kept (issue 10: "a random 199 MiB .xlsx was accepted and
 * kept"; "no per-user rate limit or quota"): what its first bytes say it is, against its name,
 * and how much the person has uploaded lately.
 */

const ZIP = [0x50, 0x4b]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const PDF = Buffer.from('%PDF-')
const PNG = [0x89, 0x50, 0x4e, 0x47]
const JPEG = [0xff, 0xd8, 0xff]
const RTF = Buffer.from('{\\rtf')

const startsWith = (head: Buffer, bytes: ArrayLike<number>) => {
  for (let i = 0; i < bytes.length; i++) if (head[i] !== bytes[i]) return false
  return true
}

const isZip = (head: Buffer) => startsWith(head, ZIP) && [3, 5, 7].includes(head[2]!)

/** True when the first bytes read as text: a BOM, or no control bytes but tab, line ends and Ctrl-Z. */
export function looksLikeText(head: Buffer): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || startsWith(head, [0xef, 0xbb, 0xbf]))
    return true
  let zeros = 0
  for (const byte of head) {
    if (byte === 0) zeros++
    else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a)) return false
  }
  return zeros === 0 || zeros > head.length / 3
}

/** Why the first bytes of a file named `fileName` cannot be an Annex A return, or undefined. */
export function returnFileProblem(head: Buffer, fileName: string): string | undefined {
  const extension = extname(fileName).toLowerCase()
  if (extension === '.csv') {
    return looksLikeText(head) ? undefined : `“${fileName}” is named .csv but does not hold text`
  }
  if (isZip(head)) return undefined
  if (startsWith(head, OLE))
    // An old .xls, or an .xlsx protected with a password: the check says which, and what to do.
    return undefined
  if (startsWith(head, PDF)) return `“${fileName}” is a PDF, not an Excel workbook`
  if (looksLikeText(head))
    return `“${fileName}” holds plain text, not an Excel workbook: if it is one list saved as CSV, name it .csv`
  return `“${fileName}” is not an Excel workbook: its contents are not what an .xlsx file holds`
}

/** What a document's first bytes must be, by its extension; undefined where any text will do. */
const DOCUMENT_SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  '.pdf': (head) => startsWith(head, PDF),
  '.docx': isZip,
  '.xlsx': isZip,
  '.xlsm': isZip,
  '.pptx': isZip,
  '.odt': isZip,
  '.ods': isZip,
  '.doc': (head) => startsWith(head, OLE),
  '.xls': (head) => startsWith(head, OLE) || looksLikeText(head),
  '.png': (head) => startsWith(head, PNG),
  '.jpg': (head) => startsWith(head, JPEG),
  '.jpeg': (head) => startsWith(head, JPEG),
  '.rtf': (head) => startsWith(head, RTF),
  '.csv': looksLikeText,
  '.txt': looksLikeText,
}

/** Why the first bytes of a document named `fileName` do not match its type, or undefined. */
export function documentFileProblem(head: Buffer, fileName: string): string | undefined {
  const extension = extname(fileName).toLowerCase()
  const matches = DOCUMENT_SIGNATURES[extension]
  if (!matches || matches(head)) return undefined
  return `“${fileName}” is not a ${extension.slice(1).toUpperCase()} file: its contents do not match its name. Save it again in that format, or rename it to its real type`
}

/** How much one person may upload: files an hour and megabytes a day (config `uploads`). */
export function uploadQuota({ db, clock, config }: Pick<AnnexAReturnsDeps, 'db' | 'clock' | 'config'>) {
  return {
    /** Refuse (against `field`) when the person has used their quota; the stream is drained. */
    async check(principal: Principal, field: string, stream: Readable): Promise<void> {
      const now = clock.now().getTime()
      const hourAgo = new Date(now - 60 * 60 * 1000)
      const dayAgo = new Date(now - 24 * 60 * 60 * 1000)
      const returns = await db
        .selectFrom('annex_a_returns')
        .select([
          sql<string>`coalesce(sum(jsonb_array_length(files)) filter (where uploaded_at > ${hourAgo}), 0)`.as('files'),
          sql<string>`coalesce(sum(file_size), 0)`.as('bytes'),
        ])
        .where('uploaded_by', '=', principal.id)
        .where('uploaded_at', '>', dayAgo)
        .executeTakeFirstOrThrow()
      const documents = await db
        .selectFrom('annex_a_documents')
        .select([
          sql<string>`count(*) filter (where uploaded_at > ${hourAgo})`.as('files'),
          sql<string>`coalesce(sum(file_size), 0)`.as('bytes'),
        ])
        .where('uploaded_by', '=', principal.id)
        .where('uploaded_at', '>', dayAgo)
        .executeTakeFirstOrThrow()
      const files = Number(returns.files) + Number(documents.files)
      const megabytes = (Number(returns.bytes) + Number(documents.bytes)) / 1_048_576
      const { perHour, mbPerDay } = config.uploads
      let problem: string | undefined
      if (files >= perHour)
        problem = `You have uploaded ${files} files in the last hour, the most one person may. Wait an hour, then upload again; if you need to send more, contact the lead inspector`
      else if (megabytes >= mbPerDay)
        problem = `You have uploaded ${Math.round(megabytes).toLocaleString('en-GB')} MB in the last 24 hours, the most one person may. Upload again tomorrow; if you need to send more, contact the lead inspector`
      if (problem) {
        stream.resume()
        throw new ValidationError({ [field]: problem })
      }
    },
  }
}
