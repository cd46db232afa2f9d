import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentDisposition } from './downloads.js'
import { projectRoot } from './paths.js'

describe('contentDisposition', () => {
  it('names a file with dashes, curly quotes and accents in UTF-8, with a plain ASCII fallback', () => {
    const header = contentDisposition('Kent – children’s "audit" café.xlsx')
    expect(header).toBe(
      `attachment; filename="Kent - children's _audit_ cafe.xlsx"; filename*=UTF-8''Kent%20%E2%80%93%20children%E2%80%99s%20%22audit%22%20caf%C3%A9.xlsx`,
    )
    // Only Latin-1 may go in a header; this is plain ASCII.
    expect(header).toMatch(/^[\x20-\x7e]+$/)
  })

  it('cannot be split or made to name a path', () => {
    expect(contentDisposition('a\r\nSet-Cookie: x=1/../b.pdf')).toBe(
      `attachment; filename="a Set-Cookie: x=1 .. b.pdf"; filename*=UTF-8''a%20Set-Cookie%3A%20x%3D1%20..%20b.pdf`,
    )
    expect(contentDisposition('')).toContain('filename="download"')
  })

  it('is the only way a download is named', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !path.endsWith('downloads.ts')) {
          const source = readFileSync(path, 'utf8')
          if (/'content-disposition',\s*[`'"]|attachment; filename=/i.test(source))
            offenders.push(relative(projectRoot, path))
        }
      }
    }
    walk(join(projectRoot, 'src'))
    expect(offenders).toEqual([])
  })
})
