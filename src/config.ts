import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { z } from 'zod'

/**
 * The service's configuration, parsed once from the environment at start-up (STYLE.md §3:
 * modules never read `process.env`). Defaults make `npm start` work with nothing set: the
 * embedded database in ./data, local accounts, demo data. Values that must be real in
 * production are required when ENVIRONMENT is production, and the start fails with a message
 * naming each missing one.
 */
const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes')

const environmentSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().optional(),
  BASE_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  // Empty (as .env.example leaves it) means the default.
  FILE_STORE: z.enum(['database', 'disk', '']).optional(),
  SESSION_SECRET: z.string().optional(),
  COOKIE_SECURE: booleanText.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanText.optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('ILACS service <no-reply@ilacs.localhost>'),
  FEEDBACK_EMAIL: z.email().default('feedback@ilacs.localhost'),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_DELAY_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(120),
  TRUST_PROXY: z.string().optional(),
  UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  UPLOAD_MB_PER_DAY: z.coerce.number().int().min(1).default(2048),
  UPLOAD_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  PAGE_CACHE_MB: z.coerce.number().int().min(0).default(64),
})

/**
 * Which proxies' `X-Forwarded-For` to believe: none (the default), the number of proxy hops in
 * front of the service, or the proxies' addresses (IPs or CIDR ranges, comma-separated). Trusting
 * any proxy at all would let every client choose its own address, and so its own rate limit.
 */
export type TrustProxy = false | number | readonly string[]

function parseTrustProxy(value: string | undefined, problems: string[]): TrustProxy {
  const text = value?.trim() ?? ''
  if (text === '' || text === 'false' || text === '0') return false
  if (/^\d+$/.test(text)) return Number(text)
  const entries = text.split(',').map((entry) => entry.trim())
  const bad = entries.filter((entry) => {
    const [address = '', bits, ...rest] = entry.split('/')
    const kind = isIP(address)
    if (kind === 0 || rest.length > 0) return true
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (kind === 4 ? 32 : 128))
  })
  if (bad.length > 0)
    problems.push(
      `TRUST_PROXY must be the number of proxies in front of the service or their addresses (IPs or CIDR ranges, comma-separated), not ${bad.map((entry) => `"${entry}"`).join(', ')}`,
    )
  return entries
}

export type Environment = 'production' | 'development' | 'test'

export interface Config {
  readonly environment: Environment
  readonly port: number
  readonly host: string
  readonly baseUrl: string
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  /**
   * Where uploads and generated files are kept (ADR 0020): in the database, so several instances
   * share them (the default on PostgreSQL), or on this machine's disk under `dataDir` (the default
   * with the embedded database, which only one instance can open).
   */
  readonly fileStore: 'database' | 'disk'
  readonly sessionSecret: string
  readonly cookieSecure: boolean
  readonly logLevel: string
  readonly demoData: boolean
  readonly smtpUrl: string | undefined
  readonly mailFrom: string
  /** The service team's mailbox, linked from the Beta banner's feedback page. */
  readonly feedbackEmail: string
  readonly oidc: { readonly issuer: string; readonly clientId: string; readonly clientSecret: string } | undefined
  readonly signIn: {
    readonly maxAttempts: number
    readonly maxDelayMinutes: number
    readonly attemptsPerMinute: number
  }
  readonly trustProxy: TrustProxy
  readonly sessionIdleMinutes: number
  /** Signed-in pages kept until the data changes (ADR 0031), in MB; 0 keeps none. */
  readonly pageCacheMb: number
  /** Files one person may upload per hour and megabytes per day; raw uploads kept this many days after publication. */
  readonly uploads: { readonly perHour: number; readonly mbPerDay: number; readonly retentionDays: number }
}

/** Thrown when the environment cannot make a valid configuration; the message lists every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const DEVELOPMENT_SECRET = 'development-only-session-secret-not-for-production'

/** Parse `env` (normally `process.env`) into a frozen Config, or throw ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`)
  }
  const e = parsed.data
  const environment: Environment =
    e.NODE_ENV === 'production' ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'development'
  const production = environment === 'production'

  const problems: string[] = []
  if (production) {
    if (!e.SESSION_SECRET || e.SESSION_SECRET.length < 32)
      problems.push('SESSION_SECRET must be set to at least 32 characters in production')
    if (!e.BASE_URL) problems.push('BASE_URL must be set in production (the public https address of the service)')
    if (!e.SMTP_URL) problems.push('SMTP_URL must be set in production so notices and reminders are sent')
    if (e.DEMO_DATA) problems.push('DEMO_DATA cannot be true in production: demo accounts have published passwords')
  }
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET]
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    problems.push('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together')
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, problems)
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`)

  const baseUrl = e.BASE_URL ?? `http://localhost:${e.PORT}`
  return Object.freeze({
    environment,
    port: e.PORT,
    // Demo accounts have published passwords: outside production only this machine may connect,
    // unless HOST says otherwise (issue 10).
    host: e.HOST ?? (production ? '0.0.0.0' : 'localhost'),
    baseUrl,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: resolve(e.DATA_DIR),
    fileStore: e.FILE_STORE || (e.DATABASE_URL ? 'database' : 'disk'),
    sessionSecret: e.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    // Secure by default: browsers accept Secure cookies from http://localhost, and anywhere else must be https.
    cookieSecure: e.COOKIE_SECURE ?? true,
    logLevel: e.LOG_LEVEL,
    demoData: e.DEMO_DATA ?? !production,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    feedbackEmail: e.FEEDBACK_EMAIL,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? Object.freeze({ issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET })
        : undefined,
    signIn: Object.freeze({
      maxAttempts: e.SIGN_IN_MAX_ATTEMPTS,
      maxDelayMinutes: e.SIGN_IN_MAX_DELAY_MINUTES,
      attemptsPerMinute: e.SIGN_IN_ATTEMPTS_PER_MINUTE,
    }),
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    pageCacheMb: e.PAGE_CACHE_MB,
    trustProxy: Array.isArray(trustProxy) ? Object.freeze([...trustProxy]) : trustProxy,
    uploads: Object.freeze({
      perHour: e.UPLOADS_PER_HOUR,
      mbPerDay: e.UPLOAD_MB_PER_DAY,
      retentionDays: e.UPLOAD_RETENTION_DAYS,
    }),
  })
}
