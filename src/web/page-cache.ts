import type { RepeatedWrite } from '../db/request-scope.js'

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

/** The kept pages of one app, by key, least recently served first. */
export class PageCache {
  readonly #pages = new Map<string, KeptPage>()
  #bytes = 0

  constructor(private readonly options: PageCacheOptions) {}

  /** The page kept under `key` if it was drawn at `version` and is young enough; else undefined. */
  get(key: string, version: number, nowMs: number): KeptPage | undefined {
    const page = this.#pages.get(key)
    if (!page) return undefined
    this.#pages.delete(key)
    if (page.version !== version || nowMs - page.keptAt > this.options.maxAgeMs) {
      this.#bytes -= page.bytes
      return undefined
    }
    this.#pages.set(key, page)
    return page
  }

  set(key: string, page: KeptPage): void {
    if (page.bytes > this.options.maxBytes / 8) return
    const before = this.#pages.get(key)
    if (before) {
      this.#pages.delete(key)
      this.#bytes -= before.bytes
    }
    this.#pages.set(key, page)
    this.#bytes += page.bytes
    for (const [oldest, kept] of this.#pages) {
      if (this.#bytes <= this.options.maxBytes) break
      this.#pages.delete(oldest)
      this.#bytes -= kept.bytes
    }
  }

  /** How many pages, and how many bytes, are kept now. */
  get size(): { readonly pages: number; readonly bytes: number } {
    return { pages: this.#pages.size, bytes: this.#bytes }
  }
}
