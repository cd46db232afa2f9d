import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import { govukFrontendDist } from './paths.js'
import { renderTable, type TableParams } from './table.js'

const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(govukFrontendDist), { autoescape: true })
const govukTable = (params: TableParams) =>
  env.renderString('{% from "govuk/components/table/macro.njk" import govukTable %}{{ govukTable(params) }}', {
    params,
  })
/** The same markup up to whitespace between and inside tags. */
const normalised = (html: string) =>
  html
    .replace(/\s+/g, ' ')
    .replace(/>\s+</g, '><')
    .replace(/\s+>/g, '>')
    .replace(/>\s+/g, '>')
    .replace(/\s+</g, '<')
    .trim()

describe('renderTable', () => {
  it('writes what govukTable writes, escaping text and keeping html', () => {
    const params: TableParams = {
      caption: 'Local authorities',
      captionClasses: 'govuk-visually-hidden',
      classes: 'app-table',
      firstCellIsHeader: true,
      head: [{ text: 'Name' }, { text: 'Count', format: 'numeric' }, { html: '<span>Due</span>', classes: 'x' }],
      rows: [
        [{ text: 'Brighton & Hove <East>' }, { text: 3, format: 'numeric' }, { html: '<a href="/a?b=1&amp;c">x</a>' }],
        [
          { text: 'Kent', colspan: 2, attributes: { 'data-sort': 'k"ent' } },
          { text: '', rowspan: 1 },
        ],
      ],
    }
    expect(normalised(renderTable(params))).toBe(normalised(govukTable(params)))
  })
})
