import type { Kysely } from 'kysely'
import type { Clock } from '../../clock.js'
import type { Database } from '../../db/tables.js'
import { runExclusively } from '../../jobs/job-lease.js'
import type { ReportsService } from './service.js'

/** What the job logs: what it did, or why it failed. */
export type JobLog = (level: 'info' | 'error', detail: Record<string, unknown>, message: string) => void

/**
 * The report workflow's job (issue 11), run by the server when it starts and then every minute:
 * publish each embargoed report whose time has come and flag steps gone late. Runs never overlap.
 * Several instances take turns (a lease in job_leases); were two to run it at once, a report already
 * published is refused by the publications area and the activity, so it is published once.
 */
export function startReportJob(
  reports: Pick<ReportsService, 'publication'>,
  log: JobLog,
  intervalMs = 60_000,
  lease?: { db: Kysely<Database>; clock: Clock },
  /**
   * Run after a run that published something: the server runs the reminder job, so the DfE's
   * alert of a new inadequate judgement goes as it is published, not at the next day's run (the
   * outbox's dedupe key sends it once either way).
   */
  afterPublishing?: () => Promise<unknown>,
) {
  let running: Promise<void> | undefined
  // With a lease (the server), one instance at a time runs it: the others skip that minute.
  const due = () =>
    lease
      ? runExclusively(lease, 'report-job', () => reports.publication.runDueWork()).then((turn) =>
          turn.ran ? turn.value : { published: 0, flagged: 0, failed: [] },
        )
      : reports.publication.runDueWork()
  const run = () =>
    (running ??= due()
      .then(async (done) => {
        if (done.published > 0 || done.flagged > 0) log('info', done, 'report job: published and flagged')
        for (const failure of done.failed) log('error', failure, 'report job: a report could not be published')
        if (done.published > 0)
          await afterPublishing?.().catch((error: unknown) =>
            log('error', { error: String(error) }, 'report job: the reminders after publishing failed'),
          )
      })
      .catch((error: unknown) => log('error', { error: String(error) }, 'report job failed'))
      .finally(() => (running = undefined)))
  const first = run()
  const timer = setInterval(() => void run(), intervalMs)
  timer.unref()
  return {
    /** The run started at start-up, for a caller that wants to wait for it. */
    first,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
