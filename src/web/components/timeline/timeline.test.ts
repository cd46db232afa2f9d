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
    env.renderString('{% from "components/timeline/macro.njk" import appTimeline %}{{ appTimeline(params) }}', {
      params,
    }),
  )

describe('appTimeline', () => {
  it('renders each item with its date, title and machine-readable datetime', () => {
    const $ = render({
      items: [
        {
          date: 'Monday 6 June 2022',
          datetime: '2022-06-06',
          title: 'Fieldwork starts',
          text: 'Team on site pm',
          past: true,
        },
      ],
    })
    expect($('.app-timeline__item')).toHaveLength(1)
    expect($('.app-timeline__item').hasClass('app-timeline__item--past')).toBe(true)
    expect($('time').attr('datetime')).toBe('2022-06-06')
    expect($('h3').text()).toBe('Fieldwork starts')
  })

  it('escapes text and lets html win when both are given', () => {
    const escaped = render({
      items: [{ date: 'd', datetime: '2022-01-01', title: '<b>x</b>', text: '<script>alert(1)</script>' }],
    })
    expect(escaped('script')).toHaveLength(0)
    expect(escaped('.app-timeline__description').text()).toBe('<script>alert(1)</script>')
    const html = render({
      items: [{ date: 'd', datetime: '2022-01-01', title: 't', text: 'plain', html: '<a href="/rules/S4">S4</a>' }],
    })
    expect(html('.app-timeline__description a').attr('href')).toBe('/rules/S4')
  })

  it('marks today and uses the heading level asked for', () => {
    const $ = render({ headingLevel: 2, items: [{ date: 'd', datetime: '2022-01-01', title: 't', current: true }] })
    expect($('h2')).toHaveLength(1)
    expect($('.govuk-tag').text()).toBe('Today')
  })
})
