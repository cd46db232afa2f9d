import { describe, expect, it } from 'vitest'
import { changed, diffWords } from './diff.js'

const joined = (parts: ReturnType<typeof diffWords>, keep: 'before' | 'after') =>
  parts
    .filter((part) => part.type === 'same' || part.type === (keep === 'before' ? 'removed' : 'added'))
    .map((part) => part.text)
    .join('')

describe('diffWords: comparing two versions of a section', () => {
  it('marks the words changed between two drafts', () => {
    const parts = diffWords('Most children are seen quickly.', 'Most children are seen promptly and safely.')
    expect(parts).toEqual([
      { type: 'same', text: 'Most children are seen ' },
      { type: 'removed', text: 'quickly.' },
      { type: 'added', text: 'promptly and safely.' },
    ])
    expect(changed(parts)).toBe(true)
  })

  it('gives back each version’s words when its parts are joined', () => {
    const before = 'Leaders know their services well.\n\nCaseloads are high in two teams.'
    const after = 'Leaders know their services well.\n\nCaseloads are now manageable in most teams.\n\nA new paragraph.'
    const parts = diffWords(before, after)
    const words = (text: string) => text.trim().split(/\s+/).join(' ')
    expect(words(joined(parts, 'before'))).toBe(words(before))
    expect(joined(parts, 'after')).toBe(after)
  })

  it('finds nothing changed in the same text, and nothing at all in two empty sections', () => {
    expect(changed(diffWords('Unchanged text.', 'Unchanged text.'))).toBe(false)
    expect(diffWords('', '')).toEqual([])
    expect(diffWords('', 'New text')).toEqual([{ type: 'added', text: 'New text' }])
  })
})
