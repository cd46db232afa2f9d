import { PassThrough } from 'node:stream'
import Fastify, { LogController } from 'fastify'
import { describe, expect, it } from 'vitest'
import { prettyLogLine, serverLogging } from './logging.js'

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
})
