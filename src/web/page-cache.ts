import { constants, crc32, deflateRawSync } from 'node:zlib'
import type { RepeatedWrite } from '../db/request-scope.js'
import { crc32Combine, shiftForLength } from './crc32-combine.js'

/**
 * Signed-in pages kept as drawn, for the same session, until the data changes (issue 16,
 * ADR 0031). A page is kept with the data version it was drawn at (src/db/data-version.ts) and
 * served again only while that version stands, within `maxAgeMs` of being drawn, for the same
 * session, address and minute of the service's clock. What must differ on every response is
 * cut out when the page is kept and made afresh when it is served: the CSP nonce (the header has
 * a new one) and each form's submission key (a form drawn twice must be two submissions).
 */

/** A kept page: the markup cut around its per-response values, and the headers it was sent with. */
export interface KeptPage {
  /**
   * The markup between the holes, one more than `holes`, encoded once: a kept page is copied
   * into the response, never encoded again (the register's 119 KB took longer to encode than
   * to find).
   */
  readonly pieces: readonly Buffer[]
  readonly holes: ReadonlyArray<'nonce' | 'submission'>
  readonly headers: Readonly<Record<string, string>>
  /** Writes made again on each serving: the page's audit entries (request-scope.ts). */
  readonly repeat: readonly RepeatedWrite[]
  readonly version: number
  readonly keptAt: number
  readonly bytes: number
}

/** What a kept page's holes are filled with on serving. */
export interface Fresh {
  readonly nonce: string
  submissionKey(): string
}

/**
 * Cut `html` at each appearance of the response's nonce and of each submission key (the value
 * of a `name="<submissionField>"` input). Returns undefined when the page cannot be cut safely
 * (no nonce to look for while the page has a script with one).
 */
export function cutPage(
  html: string,
  values: { nonce: string | undefined; submissionField: string },
): Pick<KeptPage, 'pieces' | 'holes' | 'bytes'> | undefined {
  const nonce = values.nonce
  if (!nonce && html.includes('nonce="')) return undefined
  const submission = `name="${values.submissionField}" value="`
  const pieces: string[] = []
  const holes: Array<'nonce' | 'submission'> = []
  let from = 0
  for (;;) {
    const atNonce = nonce ? html.indexOf(nonce, from) : -1
    const atField = html.indexOf(submission, from)
    const atSubmission = atField === -1 ? -1 : atField + submission.length
    if (atNonce === -1 && atSubmission === -1) break
    if (atSubmission === -1 || (atNonce !== -1 && atNonce < atSubmission)) {
      pieces.push(html.slice(from, atNonce))
      holes.push('nonce')
      from = atNonce + nonce!.length
    } else {
      const end = html.indexOf('"', atSubmission)
      if (end === -1) return undefined
      pieces.push(html.slice(from, atSubmission))
      holes.push('submission')
      from = end
    }
  }
  pieces.push(html.slice(from))
  const encoded = pieces.map((piece) => Buffer.from(piece))
  return { pieces: encoded, holes, bytes: encoded.reduce((sum, piece) => sum + piece.length, 0) }
}

/** A kept page's pieces prepared for compressed servings, once (`compressPieces`). */
export interface Compressed {
  /** Each piece as raw deflate ending in a sync flush, so that the next part starts on a byte. */
  readonly deflated: readonly Buffer[]
  /** Each piece's CRC-32, and what joining it after something else multiplies that by. */
  readonly crcs: readonly number[]
  readonly shifts: readonly number[]
  /** The deflated pieces' size, counted in the page cache's with the page's own. */
  readonly bytes: number
}
/** A gzip member's header: deflate, no name, no time, from Unix. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
/** An empty last block (fixed Huffman, end of block only), as zlib ends a stream after a flush. */
const LAST_BLOCK = Buffer.from([0x03, 0x00])
/** `shiftForLength` of the holes' lengths, which hardly vary (a nonce, a UUID). */
const holeShifts = new Map<number, number>()

/** The page's pieces compressed each on its own, for `gzipPage`. */
export function compressPieces(page: Pick<KeptPage, 'pieces'>): Compressed {
  const deflated = page.pieces.map((piece) => deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH }))
  return {
    deflated,
    crcs: page.pieces.map((piece) => crcOf(piece)),
    shifts: page.pieces.map((piece) => shiftForLength(piece.length)),
    bytes: deflated.reduce((sum, piece) => sum + piece.length, 0),
  }
}

/**
 * The kept page filled as `fillPage` fills it, gzip-compressed (issue 16: compression "on cached
 * fragments"). Each piece is compressed once, on its own; each hole's value goes between them as
 * a stored (uncompressed) block; the gzip checksum of the whole is joined from the pieces' and
 * the values' (src/web/crc32-combine.ts). A 132 KB programme page is sent as 13 KB without
 * compressing or reading the page on the request, given the pieces compressed when first
 * served (`PageCache.compressed`).
 */
export function gzipPage(
  page: Pick<KeptPage, 'pieces' | 'holes'>,
  fresh: Fresh,
  { deflated, crcs, shifts }: Compressed = compressPieces(page),
): Buffer {
  const parts: Buffer[] = [GZIP_HEADER, deflated[0]!]
  let checksum = crcs[0]!
  let size = page.pieces[0]!.length
  for (const [index, hole] of page.holes.entries()) {
    const value = Buffer.from(hole === 'nonce' ? fresh.nonce : fresh.submissionKey())
    let shift = holeShifts.get(value.length)
    if (shift === undefined) holeShifts.set(value.length, (shift = shiftForLength(value.length)))
    parts.push(storedBlock(value), deflated[index + 1]!)
    checksum = crc32Combine(checksum, crcOf(value), shift)
    checksum = crc32Combine(checksum, crcs[index + 1]!, shifts[index + 1]!)
    size += value.length + page.pieces[index + 1]!.length
  }
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(checksum, 0)
  trailer.writeUInt32LE(size % 2 ** 32, 4)
  parts.push(LAST_BLOCK, trailer)
  return Buffer.concat(parts)
}

/**
 * The CRC-32 of `bytes`, 0 for none. Never `zlib.crc32(bytes, start)` on an empty piece: Node 20
 * answers 0 for `Buffer.from('')` whatever the start, which broke the checksum of a page ending in
 * a hole.
 */
function crcOf(bytes: Buffer): number {
  return bytes.length === 0 ? 0 : crc32(bytes)
}

/** `bytes` as a deflate stored block, not the last (RFC 1951 3.2.4), starting on a byte boundary. */
function storedBlock(bytes: Buffer): Buffer {
  if (bytes.length > 0xffff) throw new Error('A kept page’s hole holds at most 65,535 bytes')
  const header = Buffer.alloc(5)
  header.writeUInt16LE(bytes.length, 1)
  header.writeUInt16LE(~bytes.length & 0xffff, 3)
  return Buffer.concat([header, bytes])
}

/** True when an Accept-Encoding header takes gzip (present, and not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header.split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase())
    if (coding !== 'gzip' && coding !== '*') return false
    const q = params.find((param) => param.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/** The kept page with this response's nonce and new submission keys. */
export function fillPage(page: Pick<KeptPage, 'pieces' | 'holes'>, fresh: Fresh): Buffer {
  if (page.holes.length === 0) return page.pieces[0] ?? Buffer.alloc(0)
  const parts: Buffer[] = [page.pieces[0]!]
  for (const [index, hole] of page.holes.entries())
    parts.push(Buffer.from(hole === 'nonce' ? fresh.nonce : fresh.submissionKey()), page.pieces[index + 1]!)
  return Buffer.concat(parts)
}

export interface PageCacheOptions {
  /** Kept pages' total size; past it the least recently served go first. */
  readonly maxBytes: number
  /** A page is drawn again after this long however quiet the data (bounds any change unheard). */
  readonly maxAgeMs: number
}

/** A kept page with its compressed pieces once made, and what the two take together. */
interface Entry {
  readonly page: KeptPage
  compressed: Compressed | undefined
  bytes: number
}

/**
 * The kept pages of one app, by key, least recently served first. Their size counts every byte
 * kept for them, compressed copies included, and `sweep` lets go of pages that can never be
 * served again (a page of an older data version, or past its age) without waiting to be asked
 * for them: the soak showed the cache sitting at its full size on pages of versions long gone.
 */
export class PageCache {
  readonly #pages = new Map<string, Entry>()
  #bytes = 0

  constructor(private readonly options: PageCacheOptions) {}

  /** The page kept under `key` if it was drawn at `version` and is young enough; else undefined. */
  get(key: string, version: number, nowMs: number): KeptPage | undefined {
    const entry = this.#pages.get(key)
    if (!entry) return undefined
    this.#pages.delete(key)
    if (!this.#servable(entry.page, version, nowMs)) {
      this.#bytes -= entry.bytes
      return undefined
    }
    this.#pages.set(key, entry)
    return entry.page
  }

  set(key: string, page: KeptPage): void {
    if (page.bytes > this.options.maxBytes / 8) return
    this.#drop(key)
    this.#pages.set(key, { page, compressed: undefined, bytes: page.bytes })
    this.#bytes += page.bytes
    this.#fit()
  }

  /**
   * `page`'s pieces compressed, made on its first compressed serving and kept with it while it
   * is still kept under `key` (a page let go meanwhile has them made for this serving only).
   */
  compressed(key: string, page: KeptPage): Compressed {
    const entry = this.#pages.get(key)
    if (entry?.page === page && entry.compressed) return entry.compressed
    const made = compressPieces(page)
    if (entry?.page === page) {
      entry.compressed = made
      entry.bytes += made.bytes
      this.#bytes += made.bytes
      this.#fit()
    }
    return made
  }

  /** Let go of every page not drawn at `version` or past its age at `nowMs`; how many went. */
  sweep(version: number, nowMs: number): number {
    let dropped = 0
    for (const [key, entry] of this.#pages) {
      if (this.#servable(entry.page, version, nowMs)) continue
      this.#drop(key)
      dropped += 1
    }
    return dropped
  }

  /** How many pages, and how many bytes, are kept now. */
  get size(): { readonly pages: number; readonly bytes: number } {
    return { pages: this.#pages.size, bytes: this.#bytes }
  }

  #servable(page: KeptPage, version: number, nowMs: number): boolean {
    return page.version === version && nowMs - page.keptAt <= this.options.maxAgeMs
  }

  #drop(key: string): void {
    const entry = this.#pages.get(key)
    if (!entry) return
    this.#pages.delete(key)
    this.#bytes -= entry.bytes
  }

  /** Least recently served first, until the pages fit. */
  #fit(): void {
    for (const key of this.#pages.keys()) {
      if (this.#bytes <= this.options.maxBytes) break
      this.#drop(key)
    }
  }
}
