import { describe, expect, it } from 'vitest'
import { ChildRegistry } from './child-registry.js'

describe('ChildRegistry', () => {
  it('gives each id one slot, through growth and hash collisions', () => {
    const registry = new ChildRegistry()
    const ids = Array.from({ length: 50_000 }, (_, i) => `C${(i * 7919) % 100_003}`)
    const slots = ids.map((id) => registry.slot(id, -1))
    expect(new Set(slots).size).toBe(new Set(ids).size)
    ids.forEach((id, i) => {
      expect(registry.slot(id, -1)).toBe(slots[i])
      expect(registry.find(id)).toBe(slots[i])
      expect(registry.ids[slots[i]!]).toBe(id)
    })
    expect(registry.find('not there')).toBe(-1)
  })

  it('finds the same child by shared-string index and by text, across workbooks', () => {
    const registry = new ChildRegistry()
    registry.useSharedStrings(10)
    const a = registry.slot('A1', 3)
    expect(registry.knownSlot(3)).toBe(a)
    expect(registry.knownSlot(4)).toBe(-1)
    // The same text under another shared-string index is the same child.
    expect(registry.slot('A1', 4)).toBe(a)
    expect(registry.knownSlot(4)).toBe(a)
    registry.useSharedStrings(5)
    expect(registry.knownSlot(3)).toBe(-1)
    expect(registry.slot('A1', 0)).toBe(a)
    expect(registry.slot('B2', 1)).not.toBe(a)
    expect(registry.size).toBe(2)
  })
})
