/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest'
import { normaliseWhitespace, seedText } from '../../test/support/seeds.js'
import { RULEBOOK, RULEBOOK_SECTIONS, quoteExcerpts, ruleById } from './rulebook.js'
import { RULE_IDS } from './types.js'

const modules = import.meta.glob('./**/*.ts')

/** The seeds an entry cites: every 000–004 named in its citation. */
function citedSeeds(citation: string): string[] {
  return [...new Set([...citation.matchAll(/\b(00[0-4])(?=#| |$)/g)].map((match) => match[1]!))]
}

describe('the rulebook', () => {
  it('has one entry per rule of RULES.md, in its order', () => {
    expect(RULEBOOK.map((entry) => entry.id)).toEqual([...RULE_IDS])
  })

  it('gives every entry a title, statement, citation, quote and implementation, and a known section', () => {
    for (const entry of RULEBOOK) {
      expect(entry.title.length, entry.id).toBeGreaterThan(3)
      expect(entry.statement.length, entry.id).toBeGreaterThan(20)
      expect(entry.citation, entry.id).toMatch(/00[0-4]/)
      expect(entry.implementedBy.length, entry.id).toBeGreaterThan(0)
      expect(RULEBOOK_SECTIONS as readonly string[], entry.id).toContain(entry.section)
    }
  })

  it.each(RULEBOOK.map((entry) => [entry.id, entry]))(
    '%s: every excerpt of the quote occurs in a cited seed (whitespace normalised)',
    (_id, entry) => {
      const seeds = citedSeeds(entry.citation)
      expect(seeds.length).toBeGreaterThan(0)
      for (const excerpt of quoteExcerpts(entry)) {
        const found = seeds.some((seed) => seedText(seed).includes(normaliseWhitespace(excerpt)))
        expect(found, `${entry.id}: "${excerpt}" not found in ${seeds.join(', ')}`).toBe(true)
      }
    },
  )

  it.each(RULEBOOK.map((entry) => [entry.id, entry]))('%s: every implementing export exists', async (_id, entry) => {
    for (const implementation of entry.implementedBy) {
      const load = modules[`./${implementation.module}.ts`]
      expect(load, `${entry.id}: no module ${implementation.module}`).toBeDefined()
      const module = (await load!()) as Record<string, unknown>
      for (const name of implementation.exports)
        expect(module[name], `${entry.id}: ${implementation.module} has no export ${name}`).toBeDefined()
    }
  })

  it('finds entries by id', () => {
    expect(ruleById('C2')?.citation).toBe('002#73 fn18')
    expect(ruleById('Z9')).toBeUndefined()
  })

  it('records the decisions RULES.md names (C5, P8, M4, E7, G2)', () => {
    for (const id of ['C5', 'P8', 'M4', 'E7', 'G2']) expect(ruleById(id)?.decision, id).toBeTruthy()
  })
})
