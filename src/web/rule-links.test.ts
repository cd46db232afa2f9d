import { describe, expect, it } from 'vitest'
import { citationLink, ruleForCitation, withCitationLinks } from './rule-links.js'

describe('citation links', () => {
  it.each([
    ['002#257', 'S5'],
    ['002#75', 'S4'],
    ['002#190', 'E1'],
  ])('finds the rule that cites %s', (citation, rule) => {
    expect(ruleForCitation(citation)).toBe(rule)
  })

  it('links a citation to its rule, and leaves one no rule cites as plain text', () => {
    expect(citationLink('002#257')).toContain('href="/rules/S5"')
    expect(citationLink('999#1')).not.toContain('<a')
    expect(citationLink('999#1')).toContain('999#1')
  })
  it('turns citations in brackets into links after the words', () => {
    const html = withCitationLinks('The DCS and the link person (002#73, #76)')
    expect(html.startsWith('The DCS and the link person <a')).toBe(true)
    expect(html).toContain('002#73, #76</a>')
    expect(withCitationLinks('No citation <here>')).toBe('No citation &#60;here&#62;')
  })
})
