import type { Kysely } from 'kysely'
import type { Transporter } from 'nodemailer'
import type { Clock } from '../clock.js'
import type { Database } from '../db/tables.js'
import { loadNodemailer } from '../lazy-libraries.js'
import { claimEmails, markFailed, markSent, renewClaim } from './outbox.js'

export interface Dispatcher {
  /** Send what is due now; returns how many were sent. */
  runOnce(): Promise<number>
  start(intervalMs?: number): void
  stop(): Promise<void>
}

/** How long a claim on one message lasts; it is renewed while the message is being sent. */
const LEASE_SECONDS = 120
/** Messages sent in one run, one claim at a time. */
const BATCH = 20

/**
 * Sends the outbox over SMTP (nodemailer). Without SMTP_URL (development) nothing is sent: the
 * messages stay in the outbox, where administrators can read them.
 *
 * Several instances share the outbox. Each claims one message just before sending it and renews
 * the claim while the server is slow, so a claim never runs out while its message is on its way
 * and no other instance sends it again (issue 10: a batch claimed at once outlived its claim on
 * a slow server and was sent twice). The transport's timeouts end a stuck send well within it.
 */
export function createDispatcher(deps: {
  db: Kysely<Database>
  clock: Clock
  smtpUrl: string | undefined
  from: string
  log?: (message: string, detail?: Record<string, unknown>) => void
  /** How long a claim lasts before it is renewed (tests shorten it). */
  leaseSeconds?: number
}): Dispatcher {
  const leaseSeconds = deps.leaseSeconds ?? LEASE_SECONDS
  // Made on the first send: nodemailer is loaded only by a service that sends (lazy-libraries.ts).
  let transport: Promise<Transporter> | undefined
  const transporter = () =>
    (transport ??= loadNodemailer().then((nodemailer) =>
      nodemailer.createTransport({
        url: deps.smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    ))
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined

  /** Renew the claim on a message every third of its lease until `sending` settles. */
  async function whileClaimed<T>(id: string, sending: Promise<T>): Promise<T> {
    const renew = setInterval(
      () => {
        const until = new Date(deps.clock.now().getTime() + leaseSeconds * 1000)
        renewClaim(deps.db, id, until).catch((error: unknown) =>
          deps.log?.('could not renew an email claim', { outboxId: id, error: String(error) }),
        )
      },
      (leaseSeconds * 1000) / 3,
    )
    try {
      return await sending
    } finally {
      clearInterval(renew)
    }
  }

  async function runOnce(): Promise<number> {
    if (!deps.smtpUrl) return 0
    const transport = await transporter()
    let sent = 0
    for (let n = 0; n < BATCH; n++) {
      const [email] = await claimEmails(deps.db, deps.clock.now(), 1, leaseSeconds)
      if (!email) break
      try {
        await whileClaimed(
          email.id,
          transport.sendMail({
            from: deps.from,
            to: email.recipient,
            subject: email.subject,
            text: email.bodyText,
            ...(email.attachment
              ? {
                  attachments: [
                    {
                      filename: email.attachment.fileName,
                      contentType: email.attachment.contentType,
                      content: Buffer.from(email.attachment.content),
                    },
                  ],
                }
              : {}),
          }),
        )
        await markSent(deps.db, email.id, deps.clock.now())
        sent += 1
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        await markFailed(deps.db, email.id, email.attempts, message, deps.clock.now())
        deps.log?.('email failed; will retry', { outboxId: email.id, attempts: email.attempts, error: message })
      }
    }
    return sent
  }

  return {
    runOnce: () => (running ??= runOnce().finally(() => (running = undefined))),
    start(intervalMs = 5000) {
      if (!deps.smtpUrl || timer) return
      timer = setInterval(() => {
        void (running ??= runOnce().finally(() => (running = undefined))).catch((error: unknown) =>
          deps.log?.('outbox run failed', { error: String(error) }),
        )
      }, intervalMs)
      timer.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await running
      if (transport) (await transport).close()
    },
  }
}
