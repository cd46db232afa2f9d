import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'

/**
 * A browser-like client for `app.inject()`: keeps cookies, reads the CSRF token from the last
 * page's forms (as a browser submits it), and follows nothing automatically so tests can
 * assert on redirects.
 */
let agents = 0

export class TestAgent {
  private readonly cookies = new Map<string, string>()
  private csrfToken: string | undefined
  /** The submission key of each form on the last page, by the address it posts to. */
  private submissionKeys = new Map<string, string>()
  private lastPage = '/'
  /** Each agent is a different client address, as real users are (the sign-in rate limit is per address). */
  readonly remoteAddress: string

  constructor(
    private readonly app: FastifyInstance,
    options: { remoteAddress?: string } = {},
  ) {
    agents += 1
    this.remoteAddress = options.remoteAddress ?? `10.${(agents >> 16) & 255}.${(agents >> 8) & 255}.${agents & 255}`
  }

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as Array<{ name: string; value: string; expires?: Date; maxAge?: number }>) {
      const expired =
        (cookie.expires && cookie.expires.getTime() <= Date.now()) || cookie.maxAge === 0 || cookie.value === ''
      if (expired) this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    const type = String(response.headers['content-type'] ?? '')
    if (type.includes('text/html')) {
      const $ = cheerio.load(response.body)
      const token = $('input[name="_csrf"]').first().attr('value')
      if (token) this.csrfToken = token
      // Like a browser, a form sends the key of its own copy on the page it came from.
      this.submissionKeys = new Map()
      $('form').each((_, form) => {
        const key = $(form).find('input[name="_submission"]').attr('value')
        const action = ($(form).attr('action') || this.lastPage).split('?')[0]!
        if (key && !this.submissionKeys.has(action)) this.submissionKeys.set(action, key)
      })
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader()
    this.lastPage = url.split('?')[0]!
    const response = await this.app.inject({
      method: 'GET',
      url,
      remoteAddress: this.remoteAddress,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
    })
    this.remember(response)
    return response
  }

  /** POST a form. The CSRF token of the last HTML page is added unless `_csrf` is given. */
  async post(
    url: string,
    form: Record<string, string | string[]> = {},
    options: { withCsrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    }
    if (options.withCsrf !== false && !('_csrf' in form)) {
      if (!this.csrfToken) await this.get('/sign-in')
      if (this.csrfToken) body.append('_csrf', this.csrfToken)
    }
    const key = this.submissionKeys.get(url.split('?')[0]!)
    if (key && !('_submission' in form)) body.append('_submission', key)
    const cookie = this.cookieHeader()
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.remoteAddress,
      payload: body.toString(),
      headers: {
        ...options.headers,
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie ? { cookie } : {}),
      },
    })
    this.remember(response)
    return response
  }

  /**
   * POST a multipart form with one file, as a browser does for an upload. The CSRF token goes in
   * the query string (multipart bodies are read after the CSRF check).
   */
  async upload(
    url: string,
    fields: Record<string, string | string[]>,
    file:
      | { field: string; name: string; content: Buffer; type?: string }
      | Array<{ field: string; name: string; content: Buffer; type?: string }>,
  ): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.get('/sign-in')
    const boundary = `----ilacs${Math.random().toString(16).slice(2)}`
    const parts: Buffer[] = []
    for (const [name, values] of Object.entries(fields)) {
      for (const value of [values].flat())
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`))
    }
    for (const one of [file].flat()) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${one.field}"; filename="${one.name}"\r\nContent-Type: ${one.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
      )
      parts.push(one.content, Buffer.from('\r\n'))
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    const cookie = this.cookieHeader()
    const separator = url.includes('?') ? '&' : '?'
    const response = await this.app.inject({
      method: 'POST',
      url: `${url}${separator}_csrf=${encodeURIComponent(this.csrfToken ?? '')}`,
      remoteAddress: this.remoteAddress,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(cookie ? { cookie } : {}) },
    })
    this.remember(response)
    return response
  }

  /**
   * The same browser reaching another instance of the service (several instances behind one
   * address share sessions through the database): its cookies and last page's tokens, copied.
   */
  onInstance(app: FastifyInstance): TestAgent {
    const other = new TestAgent(app, { remoteAddress: this.remoteAddress })
    for (const [name, value] of this.cookies) other.cookies.set(name, value)
    other.csrfToken = this.csrfToken
    other.submissionKeys = new Map(this.submissionKeys)
    other.lastPage = this.lastPage
    return other
  }

  /**
   * Sign in through the real form and open the page it leads to, as a browser does (the forms
   * of a session carry tokens bound to it); throws unless it redirects.
   */
  async signIn(email: string, password: string): Promise<this> {
    await this.get('/sign-in')
    const response = await this.post('/sign-in', { email, password })
    if (response.statusCode !== 303) throw new Error(`Sign-in as ${email} failed with ${response.statusCode}`)
    await this.get(response.headers.location ?? '/')
    return this
  }
}

/** Parse a page's HTML for assertions (heading, error summary, table cells). */
export function page(response: LightMyRequestResponse) {
  const $ = cheerio.load(response.body)
  return {
    $,
    heading: $('h1').first().text().trim(),
    errorSummary: $('.govuk-error-summary__list a')
      .map((_, element) => ({ text: $(element).text().trim(), href: $(element).attr('href') }))
      .get(),
    title: $('title').text().trim(),
  }
}
