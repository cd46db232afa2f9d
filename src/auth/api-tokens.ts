import { createHash, randomBytes } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/tables.js'
import { recordAudit } from './audit.js'
import type { Principal } from './policy.js'
import { isRole } from './roles.js'

/** Tokens look like `ilacs_<random>`, so secret scanners and people can recognise them. */
const PREFIX = 'ilacs_'
const hash = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * How long a token lasts, chosen when it is made (ADR "API tokens expire"): 90 days unless the
 * person chooses otherwise, a year at most.
 */
export const API_TOKEN_LIFETIMES_DAYS = [30, 90, 180, 365] as const
export type ApiTokenLifetime = (typeof API_TOKEN_LIFETIMES_DAYS)[number]
export const DEFAULT_API_TOKEN_DAYS: ApiTokenLifetime = 90
export const MAX_API_TOKEN_DAYS = 365

export interface ApiTokenSummary {
  readonly id: string
  readonly name: string
  readonly createdAt: Date
  readonly expiresAt: Date
  readonly lastUsedAt: Date | null
  readonly revoked: boolean
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at) : null,
    revoked: row.revoked_at !== null,
  }))
}

/**
 * Make a token for the principal's own account, lasting `days` (at most a year); it is shown
 * once and only its hash is kept.
 */
export async function createApiToken(
  db: Kysely<Database>,
  principal: Principal,
  input: { name: string; days: number; now: Date },
  requestId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
  const days = Math.min(MAX_API_TOKEN_DAYS, Math.max(1, Math.floor(input.days)))
  const expiresAt = new Date(input.now.getTime() + days * 24 * 60 * 60 * 1000)
  await db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('api_tokens')
      .values({ user_id: principal.id, name: input.name, token_hash: hash(token), expires_at: expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow()
    await recordAudit(trx, {
      actor: principal,
      action: 'api-token.create',
      recordType: 'api-token',
      recordId: id,
      summary: `Created API token “${input.name}”, expiring after ${days} days`,
      requestId,
    })
  })
  return { token, expiresAt }
}

/**
 * Revoke every live token of an account: its access ends with its sessions when it is disabled
 * or its password is reset, and re-enabling it brings none back. Returns how many were revoked.
 */
export async function revokeApiTokensOf(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  now: Date,
): Promise<number> {
  const revoked = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(revoked.numUpdatedRows)
}

/** Revoke one of the principal's own tokens; false when it has no such token. Revoking twice is harmless. */
export async function revokeApiToken(
  db: Kysely<Database>,
  principal: Principal,
  tokenId: string,
  now: Date,
  requestId: string,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(tokenId)) return false
  return db.transaction().execute(async (trx) => {
    const token = await trx
      .selectFrom('api_tokens')
      .select(['revoked_at'])
      .where('id', '=', tokenId)
      .where('user_id', '=', principal.id)
      .forUpdate()
      .executeTakeFirst()
    if (!token) return false
    if (token.revoked_at) return true
    await trx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', tokenId).execute()
    await recordAudit(trx, {
      actor: principal,
      action: 'api-token.revoke',
      recordType: 'api-token',
      recordId: tokenId,
      summary: 'Revoked an API token',
      requestId,
    })
    return true
  })
}

/** The account behind a bearer token, or undefined for an unknown, revoked, expired or disabled one. */
export async function principalForApiToken(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Principal | undefined> {
  if (!token.startsWith(PREFIX)) return undefined
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id as token_id',
      't.last_used_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.region_code',
      'u.la_code',
    ])
    .where('t.token_hash', '=', hash(token))
    .where('t.revoked_at', 'is', null)
    .where('t.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst()
  if (!row || !isRole(row.role)) return undefined
  const scopes = await db
    .selectFrom('user_la_scopes')
    .select('la_code')
    .where('user_id', '=', row.id)
    .orderBy('la_code')
    .execute()
  // Record use at most once a minute.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute()
  }
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    regionCode: row.region_code,
    laCode: row.la_code,
    laCodes: scopes.map((scope) => scope.la_code),
  }
}
