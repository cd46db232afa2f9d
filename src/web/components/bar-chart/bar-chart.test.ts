import { join } from 'node:path'
import * as cheerio from 'cheerio'
import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { govukFrontendDist, projectRoot } from '../../paths.js'

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(projectRoot, 'src/web'), govukFrontendDist]), {
  autoescape: true,
})
const render = (params: unknown) =>
  cheerio.load(
    env.renderString('{% from "components/bar-chart/macro.njk" import appBarChart %}{{ appBarChart(params) }}', {
      params,
    }),
  )

describe('appBarChart', () => {
  it('draws one bar per item, scaled to the largest, with the figures in a table', () => {
    const $ = render({
      id: 'ages',
      title: 'Age bands',
      items: [
        { label: 'Under 1', value: 10 },
        { label: '1 to 4', value: 40 },
      ],
    })
    const widths = $('rect')
      .map((_, el) => Number($(el).attr('width')))
      .get()
    expect(widths).toEqual([90, 360])
    expect($('table tbody tr')).toHaveLength(2)
    expect($('table tbody tr').last().text()).toContain('40')
    expect($('svg').attr('role')).toBe('img')
  })

  it('escapes labels and copes with all-zero data', () => {
    const $ = render({ id: 'x', title: 't', items: [{ label: '<script>', value: 0 }] })
    expect($('script')).toHaveLength(0)
    expect($('rect').attr('width')).toBe('0')
  })
})
