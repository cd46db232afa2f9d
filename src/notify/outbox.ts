import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database } from '../db/tables.js'

type Db = Kysely<Database> | Transaction<Database>

/** What an email is about; the outbox refuses any other kind (a CHECK constraint). */
export const OUTBOX_KINDS = [
  'notice',
  'further-information-request',
  'case-of-concern',
  'reminder',
  'intervention-alert',
  'report-step',
  'report-factual-accuracy',
  'report-embargoed',
  // Sent by the publication job until the reminder job's 'report-late' reminders took over; kept for those queued.
  'report-late',
  'report-dfe-inadequate',
  'report-published',
  'monitoring-dfe',
  'offer-at-risk',
] as const
export type OutboxKind = (typeof OUTBOX_KINDS)[number]

export interface OutgoingEmail {
  readonly kind: OutboxKind
  readonly recipient: string
  readonly subject: string
  readonly bodyText: string
  /** Same key, same message: enqueueing twice (a double submit, a retry) sends it once. */
  readonly dedupeKey: string
  readonly activityId?: string | null
  readonly availableAt?: Date
  /** One file sent with the email (the final report under embargo, 002#216), stored with it. */
  readonly attachment?: EmailAttachment
}

export interface EmailAttachment {
  readonly fileName: string
  readonly contentType: string
  readonly content: Uint8Array
}

/**
 * Add an email to the outbox in the caller's transaction, so it is sent if and only if the
 * change that caused it is committed (the transactional outbox of ARCHITECTURE.md).
 */
export async function enqueueEmail(db: Db, email: OutgoingEmail): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      kind: email.kind,
      recipient: email.recipient,
      subject: email.subject,
      body_text: email.bodyText,
      dedupe_key: email.dedupeKey,
      activity_id: email.activityId ?? null,
      ...(email.availableAt ? { available_at: email.availableAt } : {}),
      ...(email.attachment
        ? {
            attachment_name: email.attachment.fileName,
            attachment_type: email.attachment.contentType,
            attachment: Buffer.from(email.attachment.content),
          }
        : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}

export interface ClaimedEmail {
  readonly id: string
  readonly recipient: string
  readonly subject: string
  readonly bodyText: string
  readonly attempts: number
  readonly attachment: EmailAttachment | null
}

/**
 * Claim up to `limit` due messages for `leaseSeconds`. FOR UPDATE SKIP LOCKED lets several
 * instances claim at once without taking the same message; the lease lets a message whose
 * sender crashed be claimed again later.
 */
export async function claimEmails(
  db: Kysely<Database>,
  now: Date,
  limit: number,
  leaseSeconds = 120,
): Promise<ClaimedEmail[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select([
        'id',
        'recipient',
        'subject',
        'body_text',
        'attempts',
        'attachment_name',
        'attachment_type',
        'attachment',
      ])
      .where('sent_at', 'is', null)
      .where('available_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('available_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute()
    if (rows.length === 0) return []
    await trx
      .updateTable('outbox')
      .set({ claimed_until: new Date(now.getTime() + leaseSeconds * 1000), attempts: sql`attempts + 1` })
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute()
    return rows.map((row) => ({
      id: row.id,
      recipient: row.recipient,
      subject: row.subject,
      bodyText: row.body_text,
      attempts: row.attempts + 1,
      attachment:
        row.attachment && row.attachment_name
          ? {
              fileName: row.attachment_name,
              contentType: row.attachment_type ?? 'application/octet-stream',
              content: row.attachment,
            }
          : null,
    }))
  })
}

/** Keep a claim while its message is still being sent (only while it is unsent). */
export async function renewClaim(db: Db, id: string, until: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ claimed_until: until })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute()
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ sent_at: now, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .execute()
}

/** Record a failure and try again later, backing off: 1, 2, 4 … minutes, at most an hour. */
export async function markFailed(db: Db, id: string, attempts: number, error: string, now: Date): Promise<void> {
  const delayMinutes = Math.min(60, 2 ** Math.max(0, attempts - 1))
  await db
    .updateTable('outbox')
    .set({
      claimed_until: null,
      last_error: error.slice(0, 500),
      available_at: new Date(now.getTime() + delayMinutes * 60_000),
    })
    .where('id', '=', id)
    .execute()
}

/** An email as its sender sees it later: what went to whom, and whether it has gone. */
export interface QueuedEmail {
  readonly recipient: string
  readonly subject: string
  readonly body: string
  readonly createdAt: Date
  readonly sentAt: Date | null
  readonly attempts: number
  readonly lastError: string | null
  /** The attached file's name, if the email carries one. */
  readonly attachmentName: string | null
}

/** The emails of one kind about one activity, oldest first (the notice page shows its confirmation). */
export async function emailsAbout(db: Db, activityId: string, kind: OutboxKind): Promise<QueuedEmail[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['recipient', 'subject', 'body_text', 'created_at', 'sent_at', 'attempts', 'last_error', 'attachment_name'])
    .where('activity_id', '=', activityId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    recipient: row.recipient,
    subject: row.subject,
    body: row.body_text,
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at ? new Date(row.sent_at) : null,
    attempts: row.attempts,
    lastError: row.last_error,
    attachmentName: row.attachment_name,
  }))
}
