/**
 * The checks of a list page's filters that several areas share (issue 10): a value the filter
 * form never offers, or a page number no list has, is an edited address; the page says so with a
 * 400 and never ignores it silently, nor fails with a 500.
 */

const REGION_CODE = /^E\d{8}$/

/** A region filter: an ONS region code (E and eight digits) as the form offers it, or the error. */
export function regionFilter(text: string | undefined): { regionCode?: string; error?: string } {
  if (!text) return {}
  return REGION_CODE.test(text) ? { regionCode: text } : { error: 'Select a region from the list' }
}

/**
 * A list's page number: 1 when there is none; a whole number from 1 of at most `digits` digits,
 * or the error (and page 1).
 */
export function pageFilter(text: string | undefined, digits: number): { page: number; error?: string } {
  if (!text) return { page: 1 }
  if (!new RegExp(`^[1-9]\\d{0,${digits - 1}}$`).test(text))
    return { page: 1, error: 'Enter a page number, for example 2' }
  return { page: Number(text) }
}

/**
 * GOV.UK pagination for page `current` of `pages`: previous and next, the first and last pages and
 * two either side of the current one, with ellipses between; `landmarkLabel` names the navigation
 * for screen readers when "Pagination" would not say what is paged. Undefined for a single page.
 */
export function paginationLinks(
  current: number,
  pages: number,
  href: (page: number) => string,
  landmarkLabel?: string,
) {
  if (pages <= 1) return undefined
  return {
    ...(landmarkLabel ? { landmarkLabel } : {}),
    previous: current > 1 ? { href: href(current - 1) } : undefined,
    next: current < pages ? { href: href(current + 1) } : undefined,
    items: Array.from({ length: pages }, (_, i) => i + 1)
      .filter((n) => n === 1 || n === pages || Math.abs(n - current) <= 2)
      .flatMap((n, i, list) =>
        i > 0 && n - list[i - 1]! > 1
          ? [{ ellipsis: true }, { number: n, href: href(n), current: n === current }]
          : [{ number: n, href: href(n), current: n === current }],
      ),
  }
}
