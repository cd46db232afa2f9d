import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Clock, londonIsoDate, systemClock } from '../clock.js'
import type { DatabaseHandle } from '../db/database.js'
import { startSmtpSink } from '../test-support/smtp-sink.js'
import { createTestDatabase } from '../test-support/test-db.js'
import { createDispatcher } from './dispatcher.js'
import { enqueueEmail } from './outbox.js'

let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

describe('the outbox dispatcher', () => {
  it('sends each email once when two instances share a slow SMTP server', async () => {
    // Time as both instances see it: each message takes the server 50 seconds to accept, so a
    // batch of 20 would outlive a 300-second claim three times over. The claim is 300 s, not the
    // usual 120, because the other instance's acceptances move this clock too (two or three of
    // them during one send on a busy machine), while the claim is renewed on real time.
    let offsetMs = 0
    const clock: Clock = {
      now: () => new Date(Date.now() + offsetMs),
      today: () => londonIsoDate(new Date(Date.now() + offsetMs)),
    }
    const sink = await startSmtpSink({
      beforeAccepting: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20))
        offsetMs += 50_000
      },
    })
    for (let n = 0; n < 20; n++)
      await enqueueEmail(database.db, {
        kind: 'notice',
        recipient: `person${n}@example.gov.uk`,
        subject: `Message ${n}`,
        bodyText: 'Hello',
        dedupeKey: `slow-smtp-${n}`,
      })
    const [first, second] = [0, 1].map(() =>
      createDispatcher({
        db: database.db,
        clock,
        smtpUrl: sink.url,
        from: 'ILACS <no-reply@ilacs.test>',
        leaseSeconds: 300,
      }),
    )
    try {
      let firstDone = false
      const keepPolling = async () => {
        let sent = 0
        while (!firstDone) {
          sent += await second!.runOnce()
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
        return sent
      }
      const [sentByFirst, sentBySecond] = await Promise.all([
        first!.runOnce().finally(() => (firstDone = true)),
        keepPolling(),
      ])
      let more = 0
      for (let round = 0; round < 5; round++) more += (await first!.runOnce()) + (await second!.runOnce())
      const recipients = sink.messages.flatMap((message) => message.to)
      expect(new Set(recipients).size).toBe(20)
      expect(recipients).toHaveLength(20)
      expect(sentByFirst + sentBySecond + more).toBe(20)
    } finally {
      await first!.stop()
      await second!.stop()
      await sink.close()
    }
  })

  it('keeps its claim on a message the server takes longer than the claim to accept', async () => {
    const sink = await startSmtpSink({ beforeAccepting: () => new Promise((resolve) => setTimeout(resolve, 1500)) })
    await enqueueEmail(database.db, {
      kind: 'notice',
      recipient: 'slow@example.gov.uk',
      subject: 'Slow',
      bodyText: 'Hello',
      dedupeKey: 'slower-than-its-claim',
    })
    const [first, second] = [0, 1].map(() =>
      createDispatcher({
        db: database.db,
        clock: systemClock,
        smtpUrl: sink.url,
        from: 'x@ilacs.test',
        leaseSeconds: 0.5,
      }),
    )
    try {
      const sending = first!.runOnce()
      let sentBySecond = 0
      for (let n = 0; n < 15; n++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        sentBySecond += await second!.runOnce()
      }
      expect((await sending) + sentBySecond).toBe(1)
      expect(sink.messages.filter((message) => message.to.includes('slow@example.gov.uk'))).toHaveLength(1)
    } finally {
      await first!.stop()
      await second!.stop()
      await sink.close()
    }
  })
})
