import { Writable } from 'node:stream'
import type { FastifyServerOptions } from 'fastify'
import type { Config } from './config.js'

/** Headers that must never reach a log line. */
const REDACT = ['req.headers.cookie', 'req.headers.authorization']

/**
 * An address as it may be logged: the path, and the query's names without their values. Query
 * strings carry child IDs (`case-sample?childId=…`) and CSRF tokens (`?_csrf=…` on uploads), which
 * must never reach a log (issue 10).
 */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?')
  if (at < 0) return url
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const name = pair.split('=')[0] ?? ''
      try {
        return `${encodeURIComponent(decodeURIComponent(name))}=…`
      } catch {
        return '…'
      }
    })
  return `${url.slice(0, at)}?${names.join('&')}`
}

/** How a request appears in a log line: Fastify's fields, with the query's values left out. */
const serializers = {
  req: (request: {
    method: string
    url: string
    hostname?: string
    ip?: string
    socket?: { remotePort?: number }
  }) => ({
    method: request.method,
    url: loggableUrl(request.url),
    host: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
}

const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}

// pino's own fields, shown in the line's prefix or not at all.
const HIDDEN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'err'])

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"]/.test(value) ? JSON.stringify(value) : value
  return JSON.stringify(value)
}

/**
 * One pino JSON line as a person reads it in a terminal: "13:05:12 INFO  message key=value".
 * An error's stack follows on its own lines. Anything that is not JSON is passed through.
 */
export function prettyLogLine(line: string): string {
  let entry: Record<string, unknown>
  try {
    entry = JSON.parse(line) as Record<string, unknown>
  } catch {
    return line
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : ''
  const level = (LEVELS[Number(entry.level)] ?? 'LOG').padEnd(5)
  const fields = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${formatValue(value)}`)
  const err = entry.err as { stack?: string; message?: string } | undefined
  const stack = err ? `\n${err.stack ?? err.message ?? ''}` : ''
  return `${time} ${level} ${String(entry.msg ?? '')}${fields.length ? ` ${fields.join(' ')}` : ''}${stack}`
}

/** A stream for pino that writes each JSON line prettily to `out`. */
export function prettyLogStream(out: NodeJS.WritableStream): Writable {
  let pending = ''
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8')
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) if (line.trim()) out.write(`${prettyLogLine(line)}\n`)
      done()
    },
  })
}

/**
 * How the server logs (issue 10): JSON lines in production, for the log collector; in
 * development short readable lines, and no line per request (set LOG_LEVEL=debug to see them),
 * so that "Serving http://…" and real warnings are not buried.
 */
export function serverLogging(
  config: Pick<Config, 'environment' | 'logLevel'>,
  out: NodeJS.WritableStream = process.stdout,
): { logger: FastifyServerOptions['logger']; quietRequests: boolean } {
  if (config.environment === 'production')
    return { logger: { level: config.logLevel, redact: REDACT, serializers }, quietRequests: false }
  return {
    logger: { level: config.logLevel, redact: REDACT, serializers, stream: prettyLogStream(out) },
    quietRequests: true,
  }
}
