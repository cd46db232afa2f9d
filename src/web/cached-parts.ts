import nunjucks from 'nunjucks'

/**
 * Where a cached part takes the markup that differs on every page (the account name and the
 * sign-out form with its CSRF token and submission key).
 */
export const PART_SLOT = '<!--app-part-slot-->'

type Caller = { caller?: () => unknown }

/**
 * `{% call cachedPart(key) %}…{% endcall %}` (or `cachedPart(key, slotHtml)`): markup built
 * from GOV.UK macros that is the same on many pages: the layout's header, phase banner, footer
 * and skip link, the service navigation of one role in one section, the register's filters as
 * they stand. GOV.UK's macros were most of the render time (issue 16: 0.75 ms of a 0.8 ms home
 * page; the register's filters 1.2 ms), so each part is rendered by its caller once, the first
 * time its key is seen, and kept. `slotHtml`, when given, takes the place of `PART_SLOT` in the
 * kept markup. The key must name everything the part shows. The layout's keys are a few hundred
 * at most (roles × sections); filters typed in are unbounded, so past `limit` keys all are
 * dropped and made again.
 */
export function cachedParts(limit = 1000) {
  const parts = new Map<string, string>()
  return function cachedPart(key: string, ...rest: unknown[]): nunjucks.runtime.SafeString {
    const { caller } = rest.at(-1) as Caller
    let html = parts.get(key)
    if (html === undefined) {
      if (!caller) throw new Error(`cachedPart("${key}") is called with {% call %}: it has nothing to render`)
      html = String(caller())
      if (parts.size >= limit) parts.clear()
      parts.set(key, html)
    }
    const slot = rest.length > 1 ? String(rest[0] ?? '') : undefined
    return new nunjucks.runtime.SafeString(slot === undefined ? html : html.replace(PART_SLOT, () => slot))
  }
}
