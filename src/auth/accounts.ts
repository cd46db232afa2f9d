import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/tables.js'
import { ConflictError, NotFoundError, ValidationError } from '../errors.js'
import { recordAudit } from './audit.js'
import { hashPassword, passwordProblem } from './passwords.js'
import type { Principal } from './policy.js'
import { isRole, ROLE_INFO, type Role } from './roles.js'
import { revokeApiTokensOf } from './api-tokens.js'
import { endSessionsOf } from './sessions.js'
import { clearFailures, emailKey, slowedAddresses } from './sign-in-throttle.js'
import { findUserByEmail } from './users.js'

/** A new account as an administrator enters it, its shape already checked (admin's account form). */
export interface AccountInput {
  readonly email: string
  readonly displayName: string
  readonly role: Role
  /** Regional roles: the region ('' for other roles). */
  readonly regionCode: string
  /** LA roles: the LA ('' for other roles). */
  readonly laCode: string
  /** DfE roles: the LA codes the account reaches. */
  readonly laCodes: readonly string[]
  /** Blank for an account that signs in only with single sign-on. */
  readonly password: string
}

/** What is wrong with a new account, in GOV.UK's words; the account form says the same. */
export const ACCOUNT_MESSAGES = {
  email: 'Enter an email address in the correct format, like name@example.gov.uk',
  displayName: 'Enter the person’s name',
  role: 'Select a role',
  regionCode: 'Select the region',
  laCode: 'Select the local authority',
  laCodes: 'Enter the LA codes this account covers, for example 330, 331',
  unknownLaCodes: (codes: readonly string[]) => `These are not LA codes: ${codes.join(', ')}`,
  emailTaken: 'An account with this email address already exists',
} as const

export interface Account {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly role: Role
  readonly regionCode: string | null
  readonly laCode: string | null
  readonly laCodes: readonly string[]
  readonly disabled: boolean
  /** Until when sign-in attempts with this email address must wait (wrong passwords), or null. */
  readonly signInSlowedUntil: Date | null
  readonly singleSignOn: boolean
  readonly demo: boolean
}

/** The regions and LAs an account may be scoped to: the register owns them (ADR 0007). */
export interface AccountReferenceData {
  regions(): Promise<ReadonlyArray<{ readonly code: string }>>
  findLocalAuthority(laCode: string): Promise<object | undefined>
}

/** Accounts: administrators create, disable, unlock and reset them; every change is audited. */
export function createAccountsService(db: Kysely<Database>, now: () => Date, register: AccountReferenceData) {
  const toAccount = (user: UserRow, laCodes: readonly string[], slowed: ReadonlyMap<string, Date>): Account => ({
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role as Role,
    regionCode: user.region_code,
    laCode: user.la_code,
    laCodes,
    disabled: user.disabled_at !== null,
    signInSlowedUntil: slowed.get(emailKey(user.email)) ?? null,
    singleSignOn: user.oidc_subject !== null,
    demo: user.is_demo,
  })

  async function scopesOf(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>()
    if (userIds.length === 0) return map
    const rows = await db
      .selectFrom('user_la_scopes')
      .selectAll()
      .where('user_id', 'in', [...userIds])
      .orderBy('la_code')
      .execute()
    for (const row of rows) map.set(row.user_id, [...(map.get(row.user_id) ?? []), row.la_code])
    return map
  }

  return {
    async list(filter: { role?: string | undefined; search?: string | undefined } = {}): Promise<Account[]> {
      let query = db.selectFrom('users').selectAll()
      if (filter.role && isRole(filter.role)) query = query.where('role', '=', filter.role)
      if (filter.search) {
        const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        query = query.where((eb) => eb.or([eb('email', 'ilike', like), eb('display_name', 'ilike', like)]))
      }
      const users = await query.orderBy('role').orderBy('email').execute()
      const scopes = await scopesOf(users.map((user) => user.id))
      const slowed = await slowedAddresses(
        db,
        users.map((user) => user.email),
        now(),
      )
      return users.map((user) => toAccount(user, scopes.get(user.id) ?? [], slowed))
    },

    async get(id: string): Promise<Account> {
      const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
      if (!user) throw new NotFoundError()
      return toAccount(user, (await scopesOf([id])).get(id) ?? [], await slowedAddresses(db, [user.email], now()))
    },

    /**
     * Create an account. Its shape was checked by the form; here the rules: the scope its role
     * needs (a region, an LA or LAs, from the register), the password policy, and one account
     * per email address. Throws ValidationError with GOV.UK messages.
     */
    async create(admin: Principal, input: AccountInput, requestId: string): Promise<string> {
      const errors: Record<string, string> = {}
      const email = input.email.trim().toLowerCase()
      const role = input.role
      const scope = ROLE_INFO[role].scopedTo
      const laCodes = scope === 'la' ? [input.laCode] : scope === 'las' ? input.laCodes : []
      const [regions, found] = await Promise.all([
        register.regions(),
        Promise.all(laCodes.map(async (code) => ((await register.findLocalAuthority(code)) ? [code] : []))),
      ])
      const knownLas = new Set(found.flat())
      if (scope === 'region' && !regions.some((region) => region.code === input.regionCode))
        errors.regionCode = ACCOUNT_MESSAGES.regionCode
      if (scope === 'la' && !knownLas.has(input.laCode)) errors.laCode = ACCOUNT_MESSAGES.laCode
      if (scope === 'las') {
        const unknown = input.laCodes.filter((code) => !knownLas.has(code))
        if (input.laCodes.length === 0) errors.laCodes = ACCOUNT_MESSAGES.laCodes
        else if (unknown.length > 0) errors.laCodes = ACCOUNT_MESSAGES.unknownLaCodes(unknown)
      }
      if (input.password) {
        const problem = passwordProblem(input.password)
        if (problem) errors.password = problem
      }
      if (await findUserByEmail(db, email)) errors.email = ACCOUNT_MESSAGES.emailTaken
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      const passwordHash = input.password ? await hashPassword(input.password) : null
      return db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('users')
          .values({
            email,
            display_name: input.displayName.trim(),
            role,
            region_code: scope === 'region' ? input.regionCode : null,
            la_code: scope === 'la' ? input.laCode : null,
            password_hash: passwordHash,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        if (scope === 'las')
          await trx
            .insertInto('user_la_scopes')
            .values([...new Set(input.laCodes)].map((la_code) => ({ user_id: id, la_code })))
            .execute()
        await recordAudit(trx, {
          actor: admin,
          action: 'user.create',
          recordType: 'user',
          recordId: id,
          laCode: scope === 'la' ? input.laCode : null,
          summary: `Created ${ROLE_INFO[role].label} account for ${email}`,
          changes: {
            after: {
              email,
              role,
              regionCode: input.regionCode || null,
              laCode: input.laCode || null,
              laCodes: input.laCodes,
              password: input.password ? 'set' : 'single sign-on only',
            },
          },
          requestId,
        })
        return id
      })
    },

    async setDisabled(admin: Principal, id: string, disabled: boolean, requestId: string): Promise<void> {
      if (id === admin.id && disabled) throw new ConflictError('You cannot disable your own account')
      const account = await this.get(id)
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ disabled_at: disabled ? now() : null })
          .where('id', '=', id)
          .execute()
        // Disabling ends every way in: sessions and API tokens. Enabling brings no token back.
        const tokens = disabled ? await revokeApiTokensOf(trx, id, now()) : 0
        await recordAudit(trx, {
          actor: admin,
          action: disabled ? 'user.disable' : 'user.enable',
          recordType: 'user',
          recordId: id,
          summary: `${disabled ? 'Disabled' : 'Enabled'} ${account.email}${tokens ? `; revoked ${tokens} API token${tokens === 1 ? '' : 's'}` : ''}`,
          requestId,
        })
      })
      if (disabled) await endSessionsOf(db, id)
    },

    /** Let the account's email address sign in again at once, forgetting its wrong passwords. */
    async unlock(admin: Principal, id: string, requestId: string): Promise<void> {
      const account = await this.get(id)
      await clearFailures(db, account.email)
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          actor: admin,
          action: 'user.unlock',
          recordType: 'user',
          recordId: id,
          summary: `Cleared the sign-in wait of ${account.email}`,
          requestId,
        })
      })
    },

    async resetPassword(admin: Principal, id: string, password: string, requestId: string): Promise<void> {
      const problem = passwordProblem(password)
      if (problem) throw new ValidationError({ password: problem })
      const account = await this.get(id)
      const passwordHash = await hashPassword(password)
      await clearFailures(db, account.email)
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute()
        // A new password ends what the old one started: sessions and API tokens.
        const tokens = await revokeApiTokensOf(trx, id, now())
        await recordAudit(trx, {
          actor: admin,
          action: 'user.reset-password',
          recordType: 'user',
          recordId: id,
          summary: `Set a new password for ${account.email}${tokens ? `; revoked ${tokens} API token${tokens === 1 ? '' : 's'}` : ''}`,
          requestId,
        })
      })
      await endSessionsOf(db, id)
    },
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>
