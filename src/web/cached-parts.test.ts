import { join } from 'node:path'
import nunjucks from 'nunjucks'
import { describe, expect, it } from 'vitest'
import type { Principal } from '../auth/policy.js'
import { PART_SLOT, cachedParts } from './cached-parts.js'
import { govukFrontendDist, projectRoot } from './paths.js'
import { accountLabel, configureViews, findViewDirs, navigationFor, SERVICE_NAME } from './plugins/views.js'

describe('cachedPart', () => {
  it('renders each part once, the first time its key is seen, and puts each page its own slot', () => {
    const cachedPart = cachedParts()
    let rendered = 0
    const caller = () => {
      rendered += 1
      return `<nav>${PART_SLOT}</nav>`
    }
    expect(String(cachedPart('navigation hmi /', 'first $& page', { caller }))).toBe('<nav>first $& page</nav>')
    expect(String(cachedPart('navigation hmi /', 'second page', { caller }))).toBe('<nav>second page</nav>')
    expect(rendered).toBe(1)
    cachedPart('navigation hmi /register', 'third page', { caller })
    expect(rendered).toBe(2)
  })
})

describe('the layout', () => {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([...findViewDirs(join(projectRoot, 'src')), govukFrontendDist]),
    { autoescape: true, trimBlocks: true, lstripBlocks: true },
  )
  configureViews(env)
  const person = (role: Principal['role'], displayName: string) => ({ role, displayName }) as unknown as Principal
  const page = (principal: Principal, currentPath: string, csrfToken: string) =>
    env.render('home/index.njk', {
      serviceName: SERVICE_NAME,
      principal,
      accountLabel: accountLabel(principal),
      navigation: navigationFor(principal, currentPath),
      csrfToken,
      demoData: true,
      role: { label: 'Role', description: '' },
      links: [],
    })
  const current = (html: string) =>
    html.match(/<a class="govuk-service-navigation__link" href="([^"]*)" aria-current/)?.[1]

  it('shows each page its own section, account and CSRF token though its parts are rendered once', () => {
    const hmiHome = page(person('hmi', 'Hana Inspector'), '/', 'token-one')
    const hmiRegister = page(person('hmi', 'Hana Inspector'), '/register', 'token-two')
    const administrator = page(person('administrator', 'Ada Admin'), '/', 'token-three')

    expect(current(hmiHome)).toBe('/')
    expect(current(hmiRegister)).toBe('/register')
    expect(hmiRegister).toContain('value="token-two"')
    expect(hmiRegister).not.toContain('token-one')
    expect(administrator).toContain('Ada Admin')
    expect(administrator).not.toContain('Hana Inspector')
    expect(administrator).toContain('href="/admin/users"')
    expect(hmiHome).not.toContain('href="/admin/users"')
    for (const html of [hmiHome, hmiRegister, administrator]) {
      expect(html).not.toContain(PART_SLOT)
      expect(html.match(/class="govuk-header"/g)).toHaveLength(1)
      expect(html.match(/class="govuk-footer"/g)).toHaveLength(1)
      expect(html).toContain('Skip to main content')
      expect(html).toContain('Demo data')
    }
  })
  it("shows the register's filters as each request sets them, though each state is rendered once", () => {
    const items = (selected: string) =>
      ['', 'North West', 'London'].map((value) => ({ value, text: value || 'All', selected: value === selected }))
    const filters = (region: string, search: string) =>
      env.render('register/filters.njk', {
        filterAction: '/register',
        filters: { search, dueMonth: '', overdueOnly: false },
        regionItems: items(region),
        gradeItems: [],
        pathwayItems: [],
      })
    const selected = (html: string) => html.match(/<option value="([^"]*)" selected/)?.[1]
    expect(selected(filters('London', ''))).toBe('London')
    expect(selected(filters('North West', ''))).toBe('North West')
    expect(selected(filters('London', ''))).toBe('London')
    expect(filters('London', 'Kent')).toContain('value="Kent"')
  })
})
