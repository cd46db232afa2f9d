import nunjucks from 'nunjucks'

/**
 * Where a cached part takes the markup that differs on every page (the account name and the
 * sign-out form with its CSRF token and submission key).
 */
export const LAYOUT_SLOT = '<!--app-layout-slot-->'

type Caller = { caller?: () => unknown }

/**
 * `{% call layoutPart(key) %}…{% endcall %}` (or `layoutPart(key, slotHtml)`): the layout's
 * parts that are the same on every page of a kind: GOV.UK's header, the phase banner, the
 * footer, the service navigation of one role in one section. Their GOV.UK macros were most of
 * the layout's render time on every page (issue 16: 0.75 ms of a 0.8 ms home page), so each is
 * rendered by its caller once, the first time its key is seen, and kept. `slotHtml`, when
 * given, takes the place of `LAYOUT_SLOT` in the kept markup. The key must name everything
 * the part shows; a few hundred keys at most exist (roles × sections), and the limit only
 * guards against a key built from something unbounded.
 */
export function layoutParts(limit = 1000) {
  const parts = new Map<string, string>()
  return function layoutPart(key: string, ...rest: unknown[]): nunjucks.runtime.SafeString {
    const { caller } = rest.at(-1) as Caller
    let html = parts.get(key)
    if (html === undefined) {
      if (!caller) throw new Error(`layoutPart("${key}") is called with {% call %}: it has nothing to render`)
      html = String(caller())
      if (parts.size >= limit) parts.clear()
      parts.set(key, html)
    }
    const slot = rest.length > 1 ? String(rest[0] ?? '') : undefined
    return new nunjucks.runtime.SafeString(slot === undefined ? html : html.replace(LAYOUT_SLOT, () => slot))
  }
}
