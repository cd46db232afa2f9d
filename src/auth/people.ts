import type { Kysely } from 'kysely'
import { memoisedEach } from '../db/request-scope.js'
import type { Database, UserRow } from '../db/tables.js'
import { ROLE_INFO, type Role } from './roles.js'
import { isRecordId } from '../db/record-id.js'

/** Someone as other areas show them: name, email and role, never their credentials. */
export interface Person {
  readonly id: string
  readonly displayName: string
  readonly email: string
  readonly role: Role
  readonly active: boolean
}

/**
 * The people directory: how the areas learn who someone is (a team member's name, who wrote an
 * entry) without querying the accounts table themselves (ADR 0007).
 */
export function createPeopleDirectory(db: Kysely<Database>) {
  const select = () => db.selectFrom('users').select(['id', 'display_name', 'email', 'role', 'disabled_at'])
  const toPerson = (row: Pick<UserRow, 'id' | 'display_name' | 'email' | 'role' | 'disabled_at'>): Person => ({
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    active: row.disabled_at === null,
  })

  return {
    /** One person, or undefined for an id that is not an account. */
    async find(id: string): Promise<Person | undefined> {
      if (!isRecordId(id)) return undefined
      const row = await select().where('id', '=', id).executeTakeFirst()
      return row ? toPerson(row) : undefined
    },

    /**
     * Everyone of these ids, by id: one query, however many, and each person read once per web
     * request (a page's parts ask for overlapping sets: the team, who changed what, who uploaded).
     */
    async byIds(ids: Iterable<string | null | undefined>): Promise<Map<string, Person>> {
      const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && isRecordId(id)))]
      if (wanted.length === 0) return new Map()
      const found = await memoisedEach('people.byId', wanted.sort(), async (missing) => {
        const rows = await select()
          .where('id', 'in', [...missing])
          .execute()
        return new Map(rows.map((row) => [row.id, toPerson(row)]))
      })
      return new Map([...found].filter((entry): entry is [string, Person] => entry[1] !== undefined))
    },

    /** Active accounts of these roles, by name. */
    async withRoles(roles: readonly Role[]): Promise<Person[]> {
      if (roles.length === 0) return []
      const rows = await select()
        .where('role', 'in', [...roles])
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute()
      return rows.map(toPerson)
    },

    /**
     * Active accounts of these roles whose scope reaches the LA: LA staff of that LA, DfE staff and
     * commissioners assigned to it, regional directors of its region, and every account of a
     * role scoped to no LA. By name.
     */
    async reaching(roles: readonly Role[], la: { laCode: string; regionCode: string }): Promise<Person[]> {
      if (roles.length === 0) return []
      const rows = await db
        .selectFrom('users')
        .select(['id', 'display_name', 'email', 'role', 'disabled_at', 'la_code', 'region_code'])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('user_la_scopes')
                .select('user_la_scopes.user_id')
                .whereRef('user_la_scopes.user_id', '=', 'users.id')
                .where('user_la_scopes.la_code', '=', la.laCode),
            )
            .as('assigned'),
        )
        .where('role', 'in', [...roles])
        .where('disabled_at', 'is', null)
        .orderBy('display_name')
        .execute()
      const reaches = (row: (typeof rows)[number]): boolean => {
        switch (ROLE_INFO[row.role].scopedTo) {
          case 'la':
            return row.la_code === la.laCode
          case 'las':
            return Boolean(row.assigned)
          case 'region':
            return row.region_code === la.regionCode
          case 'none':
            return true
        }
      }
      return rows.filter(reaches).map(toPerson)
    },

    /** Active accounts of these roles assigned to the LA (DfE staff and commissioners), by name. */
    async assignedTo(laCode: string, roles: readonly Role[]): Promise<Person[]> {
      if (roles.length === 0) return []
      const rows = await select()
        .where('role', 'in', [...roles])
        .where('disabled_at', 'is', null)
        .where('id', 'in', db.selectFrom('user_la_scopes').select('user_id').where('la_code', '=', laCode))
        .orderBy('display_name')
        .execute()
      return rows.map(toPerson)
    },

    /**
     * Everyone active with where they work, read once (two queries) for a job that names the
     * owners of many records (the reminder job, issue 13): no query per record or per person.
     */
    async roster(): Promise<Roster> {
      const [rows, scopes] = await Promise.all([
        db
          .selectFrom('users')
          .select(['id', 'display_name', 'email', 'role', 'disabled_at', 'la_code', 'region_code'])
          .where('disabled_at', 'is', null)
          .orderBy('display_name')
          .execute(),
        db.selectFrom('user_la_scopes').select(['user_id', 'la_code']).execute(),
      ])
      const assigned = new Set(scopes.map((scope) => `${scope.user_id}:${scope.la_code}`))
      const byId = new Map(rows.map((row) => [row.id, row]))
      return {
        person(id) {
          const row = byId.get(id)
          return row ? toPerson(row) : undefined
        },
        at(la, roles) {
          return rows
            .filter((row) => roles.includes(row.role))
            .filter((row) => {
              switch (ROLE_INFO[row.role].scopedTo) {
                case 'la':
                  return row.la_code === la.laCode
                case 'las':
                  return assigned.has(`${row.id}:${la.laCode}`)
                // Ofsted staff owe an LA's steps in their own region; national roles everywhere.
                case 'region':
                case 'none':
                  return row.region_code === null ? row.role === 'national-director' : row.region_code === la.regionCode
              }
            })
            .map(toPerson)
        },
      }
    },

    /** Active Ofsted accounts (inspectors and managers), by name. */
    async ofstedStaff(): Promise<Person[]> {
      const roles = (Object.keys(ROLE_INFO) as Role[]).filter((role) => ROLE_INFO[role].kind === 'ofsted')
      return this.withRoles(roles)
    },
  }
}

/** The active accounts, read once: who of these roles answers for an LA's steps. */
export interface Roster {
  /** One active account by id (a record's named people: a programme's lead inspector, an offer's HMIs), or undefined. */
  person(id: string): Person | undefined
  /** LA staff of the LA, DfE staff assigned to it, Ofsted staff of its region, national directors. */
  at(la: { readonly laCode: string; readonly regionCode: string }, roles: readonly Role[]): Person[]
}

export type PeopleDirectory = ReturnType<typeof createPeopleDirectory>
