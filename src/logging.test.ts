import { PassThrough } from 'node:stream'
import Fastify, { LogController } from 'fastify'
import { describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from './app.js'
import { fixedClock } from './clock.js'
import { loadConfig } from './config.js'
import { loggableUrl, prettyLogLine, serverLogging } from './logging.js'
import { createTestDatabase } from './test-support/test-db.js'

async function logsOf(environment: 'development' | 'production', level = 'info') {
  const out = new PassThrough()
  let text = ''
  out.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const logging = serverLogging({ environment, logLevel: level }, out)
  // Production logs go to stdout; capture them through the same stream for the test.
  const logger =
    environment === 'production' ? { ...(logging.logger as object), stream: out } : (logging.logger as object)
  const app = Fastify({
    logger,
    ...(logging.quietRequests ? { logController: new LogController({ disableRequestLogging: true }) } : {}),
  })
  app.get('/', async () => 'ok')
  await app.inject({ method: 'GET', url: '/' })
  app.log.info('Serving http://localhost:3000')
  await app.close()
  return text
}

describe('server logs', () => {
  it('are short readable lines in development, with no line per request', async () => {
    const text = await logsOf('development')
    expect(text).toMatch(/^\d\d:\d\d:\d\d INFO {2}Serving http:\/\/localhost:3000$/m)
    expect(text).not.toContain('{"level"')
    expect(text).not.toContain('incoming request')
  })

  it('are JSON lines in production, one per request', async () => {
    const lines = (await logsOf('production')).trim().split('\n')
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
    expect(lines.some((line) => line.includes('incoming request'))).toBe(true)
  })

  it('keeps extra fields and error stacks readable', () => {
    const line = prettyLogLine(
      JSON.stringify({
        level: 50,
        time: Date.UTC(2026, 11, 2, 9, 5, 0),
        msg: 'failed',
        url: '/x',
        err: { stack: 'Error: x\n    at y' },
      }),
    )
    expect(line).toBe('09:05:00 ERROR failed url=/x\nError: x\n    at y')
  })

  it('never carry a query string’s values (child IDs, CSRF tokens), on any line', async () => {
    const database = await createTestDatabase()
    const out = new PassThrough()
    let text = ''
    out.on('data', (chunk: Buffer) => (text += chunk.toString()))
    const dataDir = await mkdtemp(join(tmpdir(), 'logs-'))
    const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', DATA_DIR: dataDir })
    const logging = serverLogging({ environment: 'production', logLevel: 'info' }, out)
    const app = await buildApp({
      config,
      db: database.db,
      databaseKind: database.kind,
      clock: fixedClock('2027-01-11T10:00:00Z'),
      logger: { ...(logging.logger as object), stream: out },
    })
    app.get('/fails', async () => {
      throw new Error('boom')
    })
    try {
      await app.inject({ url: '/activities/a1/case-sample?childId=CHILD-98765&_csrf=TOKEN-ABCDEF' })
      await app.inject({ url: '/fails?childId=CHILD-98765' })
    } finally {
      await app.close()
      await database.close()
      await rm(dataDir, { recursive: true, force: true })
    }
    expect(text).toContain('/activities/a1/case-sample?childId=…&_csrf=…')
    expect(text).toContain('request failed')
    expect(text).not.toContain('CHILD-98765')
    expect(text).not.toContain('TOKEN-ABCDEF')
  })

  it('shows an address with the names of its query, never the values', () => {
    expect(loggableUrl('/a/b')).toBe('/a/b')
    expect(loggableUrl('/case-sample?childId=C1&factor=disabled&_csrf=x')).toBe(
      '/case-sample?childId=…&factor=…&_csrf=…',
    )
    expect(loggableUrl('/x?%E0=1')).toBe('/x?…')
  })
})
