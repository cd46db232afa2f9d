import * as cheerio from 'cheerio'
import { describe, expect, it } from 'vitest'
import { barChart, niceMax } from './chart.presenters.js'

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [48, 50],
    [51, 100],
  ])('rounds %i up to %i', (value, expected) => {
    expect(niceMax(value)).toBe(expected)
  })
})

describe('barChart', () => {
  const svg = barChart({
    id: 'load',
    title: 'Inspector-weeks <needed>',
    description: 'Needed against available',
    categories: ['Jan 2027', 'Feb 2027'],
    series: [
      { name: 'Needed', colour: '#1d70b8', values: [4, 10] },
      { name: 'Available', colour: '#505a5f', values: [8, 8] },
    ],
  })
  const $ = cheerio.load(svg, { xml: true })

  it('is an image named by its title and description', () => {
    expect($('svg').attr('role')).toBe('img')
    expect($('svg').attr('aria-labelledby')).toBe('load-title load-desc')
    expect($('#load-title').text()).toBe('Inspector-weeks <needed>')
    expect(svg).toContain('Inspector-weeks &#60;needed&#62;')
  })

  it('draws one bar per series and category, scaled to a nice maximum', () => {
    const bars = $('rect').filter((_, element) => $(element).find('title').length > 0)
    expect(bars).toHaveLength(4)
    expect(bars.first().find('title').text()).toBe('Jan 2027: Needed 4')
    // The maximum 10 is the top of the plot (160 units high): 4 is 64 units high.
    expect(Number(bars.first().attr('height'))).toBeCloseTo(64)
    expect(Number($(bars[1]).attr('height'))).toBeCloseTo(128)
  })

  it('uses no inline style (the CSP allows none)', () => {
    expect(svg).not.toContain('style=')
  })
})
