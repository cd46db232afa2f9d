import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../clock.js'
import { createDispatcher } from '../../notify/dispatcher.js'
import { createReminderJob, type ReminderKind, setReminderStopped } from '../../notify/reminders.js'
import { buildTestApp, type TestApp } from '../../test-support/build-test-app.js'
import { settableClock } from '../../test-support/factories/judgements.js'
import { atReportStage, createReportCast, reportAt } from '../../test-support/factories/reports.js'
import { startSmtpSink } from '../../test-support/smtp-sink.js'
import { createUser } from '../../test-support/factories/users.js'
import { reminderSources } from '../index.js'
import { startReportJob } from './job.js'

/** The report's publication and its late steps, by email (issue 13). */
const clock = settableClock('2027-02-01T09:00:00Z')
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp({ clock })
})
afterAll(async () => t?.close())

/** What the sources offer on the clock's day, of `kind`, for `la`, as [recipient, due, what]. */
async function due(kind: ReminderKind, la: string) {
  const today = clock.today()
  const all = (await Promise.all(reminderSources(t.app.services).map((source) => source(today)))).flat()
  return all
    .filter((reminder) => reminder.kind === kind && reminder.what.includes(la))
    .map((reminder) => [reminder.recipient.email, reminder.due, reminder.what])
    .sort((a, b) => `${a[1]}${a[0]}`.localeCompare(`${b[1]}${b[0]}`))
}

/** The reminders queued for `email` (not the workflow's own emails). */
const outboxTo = (email: string) =>
  t.db
    .selectFrom('outbox')
    .select('subject')
    .where('recipient', '=', email)
    .where('kind', '=', 'reminder')
    .orderBy('subject')
    .execute()

describe('a report waiting at QA past its day (002#216)', () => {
  it('warns the lead and the QA manager once, as their home pages do; the QA manager’s reaches SMTP', async () => {
    const cast = await createReportCast(t, clock, '886')
    // Kent, on site from Monday 1 March 2027 to Friday 12 March: the draft is due to the LA ten
    // working days later, Tuesday 30 March (past Good Friday and Easter Monday).
    const id = await atReportStage(cast, { type: 'standard-inspection', onsite: '2027-03-01' })
    await reportAt(cast, id, 'qa-review')
    clock.set('2027-03-31T08:00:00Z')
    const draft = 'draft report sent to the local authority for factual accuracy checks: Standard inspection of Kent'
    expect(await due('report-late', 'Kent')).toEqual(
      [cast.lead.email, cast.qa.email].sort().map((email) => [email, '2027-03-30', draft]),
    )
    // The lead stopped these warnings; the QA manager did not.
    await setReminderStopped(t.db, cast.lead.id, 'report-late', true)
    const job = () =>
      createReminderJob({ db: t.db, clock, baseUrl: 'https://ilacs.example', sources: reminderSources(t.app.services) })
    await Promise.all([job().runOnce(), job().runOnce()])
    await job().runOnce()
    const late = `Late: ${draft} (due Tuesday 30 March 2027)`
    expect((await outboxTo(cast.qa.email)).map((email) => email.subject)).toEqual([
      late,
      'Overdue: Review the draft report: Standard inspection of Kent (due Tuesday 30 March 2027)',
    ])
    expect((await outboxTo(cast.lead.email)).map((email) => email.subject)).not.toContain(late)
    // The publication job still records the late step in the report's history, and sends nothing.
    expect(await t.app.services.reports.publication.flagLate()).toBe(1)
    expect(await outboxTo(cast.qa.email)).toHaveLength(2)

    const sink = await startSmtpSink()
    const dispatcher = createDispatcher({
      db: t.db,
      clock: systemClock,
      smtpUrl: sink.url,
      from: 'ILACS <no-reply@ilacs.test>',
    })
    try {
      while ((await dispatcher.runOnce()) > 0);
      // Quoted-printable wraps long lines with a soft break ("=" at the end of the line).
      const toQa = sink.messages
        .filter((message) => message.to.includes(cast.qa.email))
        .map((message) => message.raw.replace(/=\r?\n/g, ''))
        .filter((raw) => raw.includes('Subject: Late: draft report sent'))
      expect(toQa).toHaveLength(1)
      expect(toQa[0]).toContain(`https://ilacs.example/activities/${id}/report`)
    } finally {
      await dispatcher.stop()
      await sink.close()
    }
  })
})

describe('publication on its day (002#216)', () => {
  it('reminds the lead until the letter is set to be published on its day', async () => {
    const cast = await createReportCast(t, clock, '887')
    // Medway, a focused visit on site Tuesday 13 and Wednesday 14 April 2027: the letter is
    // published 16 working days later, Friday 7 May (past the May Day bank holiday).
    const id = await atReportStage(cast, { type: 'focused-visit', onsite: '2027-04-13', laCode: '887' })
    await reportAt(cast, id, 'factual-accuracy')
    clock.set('2027-05-04T08:00:00Z')
    expect(await due('report-publication', 'Medway')).toEqual([
      [cast.lead.email, '2027-05-07', 'Publication of the letter: Focused visit of Medway'],
    ])
    const job = createReminderJob({ db: t.db, clock, baseUrl: '', sources: reminderSources(t.app.services) })
    await job.runOnce()
    expect((await outboxTo(cast.lead.email)).map((email) => email.subject)).toContain(
      'Coming up: Publication of the letter: Focused visit of Medway (due Friday 7 May 2027)',
    )
    // Under embargo until 00:01 on Friday 7 May: the job publishes it on its day; nothing to remind.
    await reportAt(cast, id, 'embargoed')
    expect(await due('report-publication', 'Medway')).toEqual([])
  })
})

describe('the DfE’s alert as an inadequate report is published (004 Introduction)', () => {
  it('goes when the report job publishes it, not at the next day’s reminder run, and once', async () => {
    const cast = await createReportCast(t, clock, '936')
    // Surrey, on site from Monday 7 June 2027: published 21 working days after Friday 18 June.
    const id = await atReportStage(cast, {
      type: 'standard-inspection',
      onsite: '2027-06-07',
      laCode: '936',
      grade: 'inadequate',
    })
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: ['936'] })
    await reportAt(cast, id, 'embargoed')
    clock.set('2027-07-19T09:00:00Z')
    const reminders = createReminderJob({ db: t.db, clock, baseUrl: '', sources: reminderSources(t.app.services) })
    const job = startReportJob(
      t.app.services.reports,
      () => undefined,
      3_600_000,
      undefined,
      () => reminders.runOnce(),
    )
    await job.first
    await job.stop()
    const alerts = () =>
      t.db
        .selectFrom('outbox')
        .select(['recipient', 'kind'])
        .where('subject', '=', 'New inadequate judgement: Surrey')
        .execute()
    expect(await alerts()).toEqual([{ recipient: caseLead.email, kind: 'intervention-alert' }])
    // The day's own run finds it queued already.
    await reminders.runOnce()
    expect(await alerts()).toHaveLength(1)
  })
})
