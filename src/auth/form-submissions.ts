import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/tables.js'

/**
 * Forms are idempotent (issue 10; ADR "Every form is sent once"). Each form carries a key made
 * when its page was shown; a submission claims (account, key, address, answers) in
 * `form_submissions`, whose primary key makes the claim unique. The same form sent again (a
 * double click, a retry, a second tab) waits for the first and gets its result, so the work is
 * done once. A submission that was refused (an error to fix) gives its claim up, so the corrected
 * form goes through.
 */

/** The hidden field every form carries its key in (`csrfField()` writes it). */
export const SUBMISSION_FIELD = '_submission'

/** How long a repeat waits for the first submission to finish before saying it is still running. */
const WAIT_MS = 20_000
const POLL_MS = 50
/** Claims are forgotten after a day: a page older than that is sent afresh. */
const KEEP_MS = 24 * 60 * 60 * 1000

export interface Submission {
  readonly userId: string
  readonly key: string
  readonly path: string
  readonly bodyHash: string
}

/** What became of a submission's first sending. */
export type Claim =
  | { readonly kind: 'claimed' }
  /** Done already: where it led (a 303), or null when it answered with a page. */
  | { readonly kind: 'done'; readonly location: string | null }
  /** Still running after the wait. */
  | { readonly kind: 'running' }

/** A valid key as a form sends it, or undefined. */
export function submissionKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const value = (body as Record<string, unknown>)[SUBMISSION_FIELD]
  return typeof value === 'string' && /^[\w-]{16,64}$/.test(value) ? value : undefined
}

/** A hash of the answers (everything but the CSRF token and the key), field order aside. */
export function answersHash(body: unknown): string {
  const entries =
    typeof body === 'object' && body !== null
      ? Object.entries(body as Record<string, unknown>)
          .filter(([name]) => name !== '_csrf' && name !== SUBMISSION_FIELD)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      : []
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex')
}

export function formSubmissions(db: Kysely<Database>, now: () => Date) {
  const row = (submission: Submission) =>
    db
      .selectFrom('form_submissions')
      .select(['outcome', 'completed_at'])
      .where('user_id', '=', submission.userId)
      .where('form_key', '=', submission.key)
      .where('path', '=', submission.path)
      .where('body_hash', '=', submission.bodyHash)
      .executeTakeFirst()
  const where = (submission: Submission) =>
    db
      .updateTable('form_submissions')
      .where('user_id', '=', submission.userId)
      .where('form_key', '=', submission.key)
      .where('path', '=', submission.path)
      .where('body_hash', '=', submission.bodyHash)

  async function tryClaim(submission: Submission): Promise<boolean> {
    const inserted = await db
      .insertInto('form_submissions')
      .values({
        user_id: submission.userId,
        form_key: submission.key,
        path: submission.path,
        body_hash: submission.bodyHash,
        created_at: now(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('user_id')
      .executeTakeFirst()
    return inserted !== undefined
  }

  return {
    /** Claim a submission, or wait for the one that holds it and say what it did. */
    async claim(submission: Submission): Promise<Claim> {
      await db
        .deleteFrom('form_submissions')
        .where('user_id', '=', submission.userId)
        .where('created_at', '<', new Date(now().getTime() - KEEP_MS))
        .execute()
      const deadline = Date.now() + WAIT_MS
      for (;;) {
        if (await tryClaim(submission)) return { kind: 'claimed' }
        const found = await row(submission)
        // Claimed, then given up (refused) meanwhile: try again for it.
        if (!found) continue
        if (found.completed_at) return { kind: 'done', location: found.outcome || null }
        if (Date.now() > deadline) return { kind: 'running' }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      }
    },

    /** The submission did its work: remember where it led ('' for a page). */
    async complete(submission: Submission, location: string | null): Promise<void> {
      await where(submission)
        .set({ outcome: location ?? '', completed_at: now() })
        .execute()
    },

    /** The submission was refused or failed: give the claim up so the form can be sent again. */
    async release(submission: Submission): Promise<void> {
      await db
        .deleteFrom('form_submissions')
        .where('user_id', '=', submission.userId)
        .where('form_key', '=', submission.key)
        .where('path', '=', submission.path)
        .where('body_hash', '=', submission.bodyHash)
        .execute()
    },
  }
}

export type FormSubmissions = ReturnType<typeof formSubmissions>
