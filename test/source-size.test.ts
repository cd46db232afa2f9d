import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * ADR 0009: no source file is over 400 lines (as Prettier formats it, which `npm run lint`
 * checks), except the data tables and the measured Annex A hot path the ADR names.
 */
const LIMIT = 400
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const FOLDERS = ['src', 'test', 'bench', 'scripts']

/** ADR 0009's exceptions, in its order: the test fails unless the ADR names exactly these. */
const ALLOWED = [
  // Data tables, read as tables rather than as code.
  'src/rules/calendar/bank-holidays-data.ts',
  // The measured Annex A hot path (ADR 0002), where splitting would cost calls per row or cell.
  'src/annex-a/sheet-scanner.ts',
  'src/annex-a/list-processor.ts',
]

/** Every `.ts` file under the source folders, from the project root with forward slashes. */
function sourceFiles(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.ts'))
      .map((path) => `${folder}/${path.split('\\').join('/')}`),
  ).sort()
}

/** Lines as `wc -l` counts them: a final newline ends the last line rather than starting another. */
function lineCount(path: string): number {
  const text = readFileSync(join(root, path), 'utf8')
  const lines = text.split('\n').length
  return text.endsWith('\n') ? lines - 1 : lines
}

describe('source file size (ADR 0009)', () => {
  const files = sourceFiles()

  it(`has no file over ${LIMIT} lines but those ADR 0009 allows`, () => {
    const exempt = new Set(ALLOWED)
    const over = files
      .filter((path) => !exempt.has(path))
      .map((path) => ({ path, lines: lineCount(path) }))
      .filter(({ lines }) => lines > LIMIT)
      .map(({ path, lines }) => `${path}: ${lines} lines`)
    expect(over).toEqual([])
  })

  it('allows exactly the files ADR 0009 lists, each of which exists', () => {
    const adr = readFileSync(join(root, 'docs/adr/0009-large-files.md'), 'utf8')
    const decision = adr.slice(adr.indexOf('## Decision'), adr.indexOf('## Consequences'))
    const named = [...decision.matchAll(/`(src\/[^`]+\.ts)`/g)].map((match) => match[1])
    expect(named).toEqual(ALLOWED)
    for (const path of ALLOWED) expect(files, path).toContain(path)
  })
})
