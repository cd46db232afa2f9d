import type { Kysely } from 'kysely'
import nodemailer, { type Transporter } from 'nodemailer'
import type { Clock } from '../clock.js'
import type { Database } from '../db/tables.js'
import { claimEmails, markFailed, markSent } from './outbox.js'

export interface Dispatcher {
  /** Send what is due now; returns how many were sent. */
  runOnce(): Promise<number>
  start(intervalMs?: number): void
  stop(): Promise<void>
}

/**
 * Sends the outbox over SMTP (nodemailer). Without SMTP_URL (development) nothing is sent: the
 * messages stay in the outbox, where administrators can read them.
 */
export function createDispatcher(deps: {
  db: Kysely<Database>
  clock: Clock
  smtpUrl: string | undefined
  from: string
  log?: (message: string, detail?: Record<string, unknown>) => void
}): Dispatcher {
  const transport: Transporter | undefined = deps.smtpUrl ? nodemailer.createTransport(deps.smtpUrl) : undefined
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined

  async function runOnce(): Promise<number> {
    if (!transport) return 0
    const claimed = await claimEmails(deps.db, deps.clock.now(), 20)
    let sent = 0
    for (const email of claimed) {
      try {
        await transport.sendMail({
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
        })
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
      if (!transport || timer) return
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
      transport?.close()
    },
  }
}
