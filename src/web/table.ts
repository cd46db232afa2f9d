/** Escaped as Nunjucks escapes, so the markup is byte for byte the component's. */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#39;',
  '<': '&lt;',
  '>': '&gt;',
}
const escapeHtml = (value: string) => value.replace(/[&"'<>]/g, (character) => ENTITIES[character]!)

/** A cell as `govukTable` takes it. */
export interface TableCell {
  readonly text?: unknown
  readonly html?: unknown
  readonly format?: string
  readonly classes?: string
  readonly colspan?: number
  readonly rowspan?: number
  readonly attributes?: Readonly<Record<string, unknown>>
}

/** The parameters of `govukTable` (GOV.UK Frontend's table component). */
export interface TableParams {
  readonly caption?: string
  readonly captionClasses?: string
  readonly classes?: string
  readonly attributes?: Readonly<Record<string, unknown>>
  readonly firstCellIsHeader?: boolean
  readonly head?: readonly TableCell[]
  readonly rows: ReadonlyArray<readonly TableCell[] | null | undefined>
}

const text = (value: unknown) => (value === undefined || value === null ? '' : escapeHtml(String(value)))

function attributes(values: Readonly<Record<string, unknown>> | undefined): string {
  if (!values) return ''
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    .map(([name, value]) => (value === true ? ` ${escapeHtml(name)}` : ` ${escapeHtml(name)}="${text(value)}"`))
    .join('')
}

function content(cell: TableCell): string {
  return cell.html ? String(cell.html) : text(cell.text)
}

function common(cell: TableCell): string {
  return (
    (cell.colspan ? ` colspan="${text(cell.colspan)}"` : '') +
    (cell.rowspan ? ` rowspan="${text(cell.rowspan)}"` : '') +
    attributes(cell.attributes)
  )
}

/**
 * GOV.UK's table markup, written out in code (issue 16): `govukTable` calls the
 * `govukAttributes` macro for every cell, which made Nunjucks half the CPU of a 153-row page.
 * Same classes and structure as the component (govuk-frontend's table/template.njk), for
 * `text` and `html` cells, `format`, `classes`, `colspan`, `rowspan` and plain `attributes`.
 */
export function renderTable(params: TableParams): string {
  const parts: string[] = [
    `<table class="govuk-table${params.classes ? ` ${text(params.classes)}` : ''}"${attributes(params.attributes)}>`,
  ]
  if (params.caption)
    parts.push(
      `<caption class="govuk-table__caption${params.captionClasses ? ` ${text(params.captionClasses)}` : ''}">${text(params.caption)}</caption>`,
    )
  if (params.head) {
    parts.push('<thead class="govuk-table__head"><tr class="govuk-table__row">')
    for (const item of params.head)
      parts.push(
        `<th scope="col" class="govuk-table__header${item.format ? ` govuk-table__header--${text(item.format)}` : ''}${item.classes ? ` ${text(item.classes)}` : ''}"${common(item)}>${content(item)}</th>`,
      )
    parts.push('</tr></thead>')
  }
  parts.push('<tbody class="govuk-table__body">')
  for (const row of params.rows) {
    if (!row) continue
    parts.push('<tr class="govuk-table__row">')
    row.forEach((cell, index) => {
      if (index === 0 && params.firstCellIsHeader)
        parts.push(
          `<th scope="row" class="govuk-table__header${cell.classes ? ` ${text(cell.classes)}` : ''}"${common(cell)}>${content(cell)}</th>`,
        )
      else
        parts.push(
          `<td class="govuk-table__cell${cell.format ? ` govuk-table__cell--${text(cell.format)}` : ''}${cell.classes ? ` ${text(cell.classes)}` : ''}"${common(cell)}>${content(cell)}</td>`,
        )
    })
    parts.push('</tr>')
  }
  parts.push('</tbody></table>')
  return parts.join('')
}
