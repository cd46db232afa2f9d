import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/tables.js'

/**
 * One instance at a time for each periodic job (issue 16: several instances on one PostgreSQL).
 * The job's row in job_leases is claimed under FOR UPDATE SKIP LOCKED, renewed every third of
 * the lease while the work runs and released when it ends; another instance that finds it held
 * skips that run. An instance killed mid-run stops renewing, so its lease ends and the next run
 * anywhere takes the job up. (Returns to check and emails to send have leases of their own, per
 * item: annex_a_returns.claimed_until, outbox.claimed_until.)
 */

/** This process, as the holder of the leases it takes. */
const THIS_INSTANCE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`

/** Claim `name` until `until` unless another holder's lease is still running; true when claimed. */
async function claimLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ name })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('job_leases')
      .select(['holder', 'held_until'])
      .where('name', '=', name)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!row) return false
    const held = row.held_until !== null && new Date(row.held_until).getTime() > now.getTime()
    if (held && row.holder !== holder) return false
    await trx.updateTable('job_leases').set({ holder, held_until: until }).where('name', '=', name).execute()
    return true
  })
}

async function renewLease(db: Kysely<Database>, name: string, holder: string, until: Date): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ held_until: until })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute()
}

async function releaseLease(db: Kysely<Database>, name: string, holder: string): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ holder: null, held_until: null })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute()
}

/**
 * Run `work` as job `name` if no other instance is running it; `{ ran: false }` when one is.
 * `holder` names the instance (tests give two in one process different names).
 */
export async function runExclusively<T>(
  deps: { db: Kysely<Database>; clock: Clock; leaseMs?: number; holder?: string },
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const { db, clock } = deps
  const leaseMs = deps.leaseMs ?? 5 * 60_000
  const holder = deps.holder ?? THIS_INSTANCE
  const until = () => new Date(clock.now().getTime() + leaseMs)
  if (!(await claimLease(db, name, holder, clock.now(), until()))) return { ran: false }
  const renew = setInterval(() => void renewLease(db, name, holder, until()).catch(() => undefined), leaseMs / 3)
  renew.unref()
  try {
    return { ran: true, value: await work() }
  } finally {
    clearInterval(renew)
    await releaseLease(db, name, holder).catch(() => undefined)
  }
}
