import { SMTPServer } from 'smtp-server'

export interface ReceivedEmail {
  readonly from: string
  readonly to: string[]
  readonly raw: string
}

/**
 * A local SMTP server that keeps what it receives (ARCHITECTURE: real email, a sink in tests).
 * `beforeAccepting` runs before each message is acknowledged: a slow server, for example.
 */
export async function startSmtpSink(
  options: { beforeAccepting?: () => Promise<void> } = {},
): Promise<{ url: string; messages: ReceivedEmail[]; close(): Promise<void> }> {
  const messages: ReceivedEmail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        void (async () => {
          await options.beforeAccepting?.()
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
