/**
 * Comparing two versions of a report, section by section (issue 11: any two saved drafts can be
 * compared): each section's text as words kept, removed and added, by the longest common
 * subsequence of their words. Sections are a few hundred words, so the quadratic table is small;
 * a very long pair falls back to "replaced" rather than using time and memory.
 */
export interface DiffPart {
  readonly type: 'same' | 'added' | 'removed'
  readonly text: string
}

/** Beyond this many word pairs the diff says "removed all, added all" instead of aligning. */
const MAX_CELLS = 4_000_000

function tokens(text: string): string[] {
  // Each word with the spaces after it: words are compared, so a change of spacing alone is not a change.
  return text.match(/\s*\S+\s*/g) ?? []
}

function push(parts: DiffPart[], type: DiffPart['type'], text: string): void {
  const last = parts.at(-1)
  if (last && last.type === type) parts[parts.length - 1] = { type, text: last.text + text }
  else parts.push({ type, text })
}

/** The words of `before` and `after` as kept, removed and added parts, in reading order. */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ type: 'same', text: before }]
  const a = tokens(before)
  const b = tokens(after)
  if (a.length * b.length > MAX_CELLS) {
    const parts: DiffPart[] = []
    if (before) parts.push({ type: 'removed', text: before })
    if (after) parts.push({ type: 'added', text: after })
    return parts
  }
  const same = (x: string, y: string) => x.trim() === y.trim()
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i -= 1)
    for (let j = b.length - 1; j >= 0; j -= 1)
      lengths[i]![j] = same(a[i]!, b[j]!)
        ? lengths[i + 1]![j + 1]! + 1
        : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
  const parts: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (same(a[i]!, b[j]!)) {
      push(parts, 'same', b[j]!)
      i += 1
      j += 1
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) {
      push(parts, 'removed', a[i]!)
      i += 1
    } else {
      push(parts, 'added', b[j]!)
      j += 1
    }
  }
  while (i < a.length) push(parts, 'removed', a[i++]!)
  while (j < b.length) push(parts, 'added', b[j++]!)
  return parts
}

/** Whether a diff changes anything. */
export function changed(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.type !== 'same')
}
