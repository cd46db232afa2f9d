import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { acceptsGzip, compressPieces, cutPage, fillPage, gzipPage, type KeptPage, PageCache } from './page-cache.js'

const FIELD = '_submission'
const html =
  '<html><script nonce="N0NCE">x</script><form><input type="hidden" name="_csrf" value="tok">' +
  '<input type="hidden" name="_submission" value="key-1"></form>' +
  '<form><input type="hidden" name="_submission" value="key-2"></form><p>N0NCE is the nonce</p></html>'

const kept = (bytes: number, version = 1, keptAt = 0): KeptPage => ({
  pieces: [Buffer.from('x'.repeat(bytes))],
  holes: [],
  headers: {},
  repeat: [],
  version,
  keptAt,
  bytes,
})

describe('cutting a page at what differs on every response', () => {
  it('gives back the same page when filled with the values it was drawn with', () => {
    const cut = cutPage(html, { nonce: 'N0NCE', submissionField: FIELD })!
    expect(cut.holes).toEqual(['nonce', 'submission', 'submission', 'nonce'])
    const keys = ['key-1', 'key-2']
    expect(fillPage(cut, { nonce: 'N0NCE', submissionKey: () => keys.shift()! }).toString()).toBe(html)
    expect(cut.bytes).toBe(Buffer.byteLength(html) - 2 * 'N0NCE'.length - 'key-1'.length - 'key-2'.length)
  })

  it('puts the new nonce everywhere the old one was, and a new key in each form', () => {
    const cut = cutPage(html, { nonce: 'N0NCE', submissionField: FIELD })!
    let next = 0
    const filled = fillPage(cut, { nonce: 'FRESH', submissionKey: () => `new-${(next += 1)}` }).toString()
    expect(filled).not.toContain('N0NCE')
    expect(filled.match(/FRESH/g)).toHaveLength(2)
    expect(filled).toContain('name="_submission" value="new-1"')
    expect(filled).toContain('name="_submission" value="new-2"')
    // The CSRF token stays: it is bound to the session and the secret the key names.
    expect(filled).toContain('name="_csrf" value="tok"')
  })

  it('keeps the bytes of text in any language as they were', () => {
    const text = '<p>Children’s services — Ynys Môn, “Outstanding” ✓</p>'
    const cut = cutPage(text, { nonce: 'N0NCE', submissionField: FIELD })!
    expect(fillPage(cut, { nonce: 'N0NCE', submissionKey: () => '' })).toEqual(Buffer.from(text))
  })

  it('refuses a page with a nonce when the response had none to look for', () => {
    expect(cutPage(html, { nonce: undefined, submissionField: FIELD })).toBeUndefined()
  })
})

describe('the kept pages', () => {
  it('serves a page only at the data version it was drawn at, and within its age', () => {
    const pages = new PageCache({ maxBytes: 1000, maxAgeMs: 60_000 })
    pages.set('a', kept(10, 7, 1000))
    expect(pages.get('a', 8, 1000)).toBeUndefined()
    // A page found stale is dropped: the older version never comes back.
    expect(pages.get('a', 7, 1000)).toBeUndefined()
    pages.set('b', kept(10, 7, 1000))
    expect(pages.get('b', 7, 61_000)?.bytes).toBe(10)
    expect(pages.get('b', 7, 61_001)).toBeUndefined()
    expect(pages.size).toEqual({ pages: 0, bytes: 0 })
  })

  it('lets the least recently served pages go when over its size', () => {
    const pages = new PageCache({ maxBytes: 800, maxAgeMs: 60_000 })
    for (const key of 'abcdefgh') pages.set(key, kept(100))
    expect(pages.size).toEqual({ pages: 8, bytes: 800 })
    pages.get('a', 1, 0)
    pages.set('i', kept(100))
    expect(pages.size).toEqual({ pages: 8, bytes: 800 })
    expect(pages.get('b', 1, 0)).toBeUndefined()
    expect(pages.get('a', 1, 0)).toBeDefined()
    expect(pages.get('i', 1, 0)).toBeDefined()
  })

  it('keeps no page bigger than an eighth of its size, and counts a page kept again once', () => {
    const pages = new PageCache({ maxBytes: 800, maxAgeMs: 60_000 })
    pages.set('big', kept(101))
    pages.set('a', kept(50))
    pages.set('a', kept(60))
    expect(pages.size).toEqual({ pages: 1, bytes: 60 })
  })

  it('counts a page’s compressed copy in its size, made once and let go with the page', () => {
    const pages = new PageCache({ maxBytes: 100_000, maxAgeMs: 60_000 })
    const page = { ...kept(0), ...cutPage(html.repeat(20), { nonce: 'N0NCE', submissionField: FIELD })! }
    pages.set('a', page)
    const first = pages.compressed('a', page)
    expect(first.bytes).toBeGreaterThan(0)
    expect(pages.size).toEqual({ pages: 1, bytes: page.bytes + first.bytes })
    expect(pages.compressed('a', page)).toBe(first)
    expect(pages.size.bytes).toBe(page.bytes + first.bytes)
    // Kept again under the same key, the old page and its copy go; a page no longer kept is not counted.
    pages.set('a', kept(10))
    expect(pages.size).toEqual({ pages: 1, bytes: 10 })
    expect(pages.compressed('a', page).bytes).toBe(first.bytes)
    expect(pages.size).toEqual({ pages: 1, bytes: 10 })
  })

  it('lets older pages go when a compressed copy takes it over its size', () => {
    const page = { ...kept(0), ...cutPage(html.repeat(20), { nonce: 'N0NCE', submissionField: FIELD })! }
    const copy = compressPieces(page).bytes
    const pages = new PageCache({ maxBytes: page.bytes * 8, maxAgeMs: 60_000 })
    pages.set('old', kept(page.bytes * 7 - copy + 1))
    pages.set('a', page)
    pages.compressed('a', page)
    expect(pages.get('old', 1, 0)).toBeUndefined()
    expect(pages.size).toEqual({ pages: 1, bytes: page.bytes + copy })
  })

  it('lets go of every page of an older data version, or past its age, when swept', () => {
    const pages = new PageCache({ maxBytes: 1000, maxAgeMs: 60_000 })
    pages.set('old-version', kept(10, 6, 50_000))
    pages.set('too-old', kept(20, 7, 0))
    pages.set('good', kept(30, 7, 50_000))
    expect(pages.sweep(7, 60_001)).toBe(2)
    expect(pages.size).toEqual({ pages: 1, bytes: 30 })
    expect(pages.get('good', 7, 60_001)?.bytes).toBe(30)
  })
})

describe('a kept page sent compressed', () => {
  const fresh = () => {
    let next = 0
    return { nonce: 'FRESH', submissionKey: () => `new-${(next += 1)}` }
  }

  it('unzips to the page fillPage gives, holes at either end included', () => {
    for (const page of [html, `N0NCE${html}N0NCE`, 'N0NCE', '']) {
      const cut = cutPage(page, { nonce: 'N0NCE', submissionField: FIELD })!
      expect(gunzipSync(gzipPage(cut, fresh())).toString()).toBe(fillPage(cut, fresh()).toString())
    }
  })

  it('is a fraction of a large page’s size, and new values each time it is sent', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>Local authority ${i}</td><td>Good</td></tr>`)
    const page = `<script nonce="N0NCE"></script><table>${rows.join('')}</table>${html}`
    const cut = cutPage(page, { nonce: 'N0NCE', submissionField: FIELD })!
    const first = gzipPage(cut, fresh())
    expect(first.length).toBeLessThan(cut.bytes / 10)
    const other = gunzipSync(gzipPage(cut, { nonce: 'OTHER', submissionKey: () => 'k' })).toString()
    expect(other).toContain('<script nonce="OTHER">')
    expect(other).not.toContain('FRESH')
    expect(gunzipSync(first).toString()).toContain('<script nonce="FRESH">')
  })

  it('is sent only to a client that takes gzip', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true)
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip(undefined)).toBe(false)
  })
})
