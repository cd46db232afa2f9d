import { describe, expect, it } from 'vitest'
import { type Principal, reachesLa } from './policy.js'
import type { Role } from './roles.js'

function principal(role: Role, scope: { laCode?: string; laCodes?: string[]; regionCode?: string } = {}): Principal {
  return {
    id: 'u1',
    email: 'someone@example.gov.uk',
    displayName: 'Someone',
    role,
    regionCode: scope.regionCode ?? null,
    laCode: scope.laCode ?? null,
    laCodes: scope.laCodes ?? [],
  }
}

const kent = { laCode: '886', regionCode: 'E12000008' }
const birmingham = { laCode: '330', regionCode: 'E12000005' }

describe('reachesLa: may the account know a record of this LA exists?', () => {
  it('gives LA staff their own LA only, and not before the LA is told of an inspection (002#73)', () => {
    const analyst = principal('la-analyst', { laCode: '886' })
    expect(reachesLa(analyst, kent)).toBe(true)
    expect(reachesLa(analyst, birmingham)).toBe(false)
    expect(reachesLa(analyst, { ...kent, laVisible: false })).toBe(false)
  })

  it('gives DfE staff and commissioners their assigned LAs only', () => {
    const caseLead = principal('dfe-case-lead', { laCodes: ['330'] })
    expect(reachesLa(caseLead, birmingham)).toBe(true)
    expect(reachesLa(caseLead, kent)).toBe(false)
  })

  it('gives Ofsted staff every LA, so a missing permission is a plain 403', () => {
    expect(reachesLa(principal('regional-director', { regionCode: 'E12000008' }), birmingham)).toBe(true)
    expect(reachesLa(principal('qa-manager'), { ...kent, laVisible: false })).toBe(true)
  })
})
