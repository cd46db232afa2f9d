import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('loadConfig', () => {
  it('works with nothing set: embedded database, demo data, port 3000', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      environment: 'development',
      port: 3000,
      databaseUrl: undefined,
      demoData: true,
      cookieSecure: true,
      oidc: undefined,
    })
    expect(config.dataDir.endsWith('/data')).toBe(true)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('uses PORT and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://localhost/ilacs' })
    expect(config.port).toBe(8080)
    expect(config.baseUrl).toBe('http://localhost:8080')
    expect(config.databaseUrl).toBe('postgres://localhost/ilacs')
  })

  it('keeps files in the database on PostgreSQL and on disk with the embedded database, unless FILE_STORE says', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/ilacs' }).fileStore).toBe('database')
    expect(loadConfig({}).fileStore).toBe('disk')
    expect(loadConfig({ FILE_STORE: '' }).fileStore).toBe('disk')
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/ilacs', FILE_STORE: 'disk' }).fileStore).toBe('disk')
    expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(ConfigError)
  })

  it('refuses to start in production without the settings that must be real, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError)
    const message = (() => {
      try {
        loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' })
        return 'did not throw'
      } catch (error) {
        return (error as Error).message
      }
    })()
    for (const part of ['SESSION_SECRET', 'BASE_URL', 'SMTP_URL', 'DEMO_DATA cannot be true in production'])
      expect(message).toContain(part)
  })

  it('trusts no proxy unless TRUST_PROXY names how many or which, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.1' }).trustProxy).toEqual(['10.0.0.0/8', '192.0.2.1'])
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY must be/)
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/"10.0.0.0\/99"/)
  })

  it('turns demo data off by default in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      BASE_URL: 'https://ilacs.example.gov.uk',
      SMTP_URL: 'smtp://mail:25',
    })
    expect(config.demoData).toBe(false)
  })

  it('needs all three OpenID Connect settings together', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.gov.uk' })).toThrow(
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/,
    )
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.example.gov.uk',
      OIDC_CLIENT_ID: 'ilacs',
      OIDC_CLIENT_SECRET: 'secret',
    })
    expect(config.oidc?.clientId).toBe('ilacs')
  })

  it('listens on localhost outside production unless HOST says otherwise, and on every address in production', () => {
    expect(loadConfig({}).host).toBe('localhost')
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
    const production = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(32),
      BASE_URL: 'https://ilacs.example.gov.uk',
      SMTP_URL: 'smtp://mail:25',
    })
    expect(production.host).toBe('0.0.0.0')
  })

  it('rejects a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
  })
})
