import type { Kysely, Transaction } from 'kysely'
import { recordAudit } from '../auth/audit.js'
import type { RoleKind } from '../auth/roles.js'
import type { Clock } from '../clock.js'
import type { Database } from '../db/tables.js'
import { addDays, formatLongDate, type IsoDate } from '../rules/calendar/dates.js'
import { enqueueEmail } from './outbox.js'
import { runExclusively } from '../jobs/job-lease.js'

/**
 * Reminders by email for every deadline the areas know (issue 13): each area offers the
 * deadlines due, with who owes them; a job run at start and on a timer turns each into at most
 * one email per phase (before, on the day, overdue) through the outbox. The outbox's unique
 * dedupe key makes this idempotent: two instances running the job at once, or one running it
 * twice, enqueue each email once. A person may stop the reminders of a kind.
 */
export const REMINDER_KINDS = {
  'intervention-alert': 'New inadequate judgements in your local authorities',
  'intervention-report': 'Reports due to the DfE',
  'board-meeting': 'Improvement board meetings expected',
  'engagement-letter': 'Letters due after an annual engagement meeting',
  'inspection-step': 'Inspections and visits you lead: the notice call and the last day on site',
  'la-information': 'What your local authority sends before an inspection or visit: Annex A, cases and audits',
  'report-step': 'Reports and letters: writing, quality assurance, factual accuracy and the final copy',
  'report-publication': 'Reports and letters you lead that are not yet set to be published on their day',
  'report-late': 'Report steps gone late on the reports you lead or quality-assure',
  'monitoring-step':
    'Monitoring after an inadequate judgement: the action planning visit, the action plan, its review and the re-inspection decision',
  'offer-2015-step': 'The 2015 improvement offer: the seminar, the plan, visits, reviews and the progress inspection',
} as const
export type ReminderKind = keyof typeof REMINDER_KINDS

/** Whose steps each kind reminds of, so a person's reminders page lists only the kinds they can get. */
export const REMINDER_AUDIENCE: Readonly<Record<ReminderKind, readonly RoleKind[]>> = {
  'intervention-alert': ['dfe'],
  'intervention-report': ['dfe'],
  'board-meeting': ['dfe'],
  'engagement-letter': ['ofsted'],
  'inspection-step': ['ofsted'],
  'la-information': ['la'],
  'report-step': ['ofsted', 'la'],
  'report-publication': ['ofsted'],
  'report-late': ['ofsted'],
  'monitoring-step': ['ofsted', 'la', 'dfe'],
  'offer-2015-step': ['ofsted', 'la'],
}

/** How many days before a deadline the first reminder goes, by kind (a schedule per deadline type). */
export const REMINDER_SCHEDULE: Readonly<
  Record<ReminderKind, { beforeDays: number | null; onTheDay: boolean; overdue: boolean }>
> = {
  'intervention-alert': { beforeDays: null, onTheDay: true, overdue: true },
  'intervention-report': { beforeDays: 7, onTheDay: true, overdue: true },
  'board-meeting': { beforeDays: 7, onTheDay: false, overdue: true },
  'engagement-letter': { beforeDays: 7, onTheDay: true, overdue: true },
  // Inspection steps come days apart (notice, then Annex A two working days later, 002#73-79):
  // a week's warning would arrive before the LA knows of the inspection.
  'inspection-step': { beforeDays: 2, onTheDay: true, overdue: true },
  'la-information': { beforeDays: 2, onTheDay: true, overdue: true },
  'report-step': { beforeDays: 3, onTheDay: true, overdue: true },
  // A publication past its day is a late step: 'report-late' says so, once, to the lead and QA manager.
  'report-publication': { beforeDays: 3, onTheDay: true, overdue: false },
  // A warning, not a deadline: it goes once, the day after the step's date (as the home page shows it).
  'report-late': { beforeDays: null, onTheDay: false, overdue: true },
  // Monitoring and the 2015 offer run over months (a plan in 70 working days, 001#19; 000#27).
  'monitoring-step': { beforeDays: 14, onTheDay: true, overdue: true },
  'offer-2015-step': { beforeDays: 14, onTheDay: true, overdue: true },
}

/** A deadline someone owes, as an area reports it. */
export interface DueReminder {
  readonly kind: ReminderKind
  /** The record the deadline belongs to, so each reminder is sent once per record and deadline. */
  readonly recordId: string
  readonly due: IsoDate
  readonly recipient: { readonly email: string; readonly userId?: string | undefined }
  /** What is due, in a few words: "The adviser's first report for Birmingham". */
  readonly what: string
  /** Where to do it, as a path of the service. */
  readonly path: string
}

/** The same deadline for each person who owes it, once each (each stops their own reminders). */
export function remindEach(
  owners: Iterable<{ readonly id: string; readonly email: string }>,
  reminder: Omit<DueReminder, 'recipient'>,
): DueReminder[] {
  const each = new Map([...owners].filter((owner) => owner.email).map((owner) => [owner.id, owner]))
  return [...each.values()].map((owner) => ({ ...reminder, recipient: { email: owner.email, userId: owner.id } }))
}

/** An area's deadlines due on `today` or coming up. */
export type ReminderSource = (today: IsoDate) => Promise<DueReminder[]>

export type ReminderPhase = 'before' | 'on-the-day' | 'overdue'

/** Which reminder (if any) is due on `today` for a deadline on `due`, under the kind's schedule. */
export function reminderPhase(kind: ReminderKind, due: IsoDate, today: IsoDate): ReminderPhase | undefined {
  // An alert is news, not a deadline: it goes once, on the day or the first run after.
  if (kind === 'intervention-alert') return today >= due ? 'on-the-day' : undefined
  const schedule = REMINDER_SCHEDULE[kind]
  if (today > due) return schedule.overdue ? 'overdue' : undefined
  if (today === due) return schedule.onTheDay ? 'on-the-day' : schedule.beforeDays !== null ? 'before' : undefined
  return schedule.beforeDays !== null && today >= addDays(due, -schedule.beforeDays) ? 'before' : undefined
}

/** Why a person gets a kind, where it is not that they owe the step. */
const REASONS: Partial<Record<ReminderKind, string>> = {
  'intervention-alert': 'you are the DfE case lead for this local authority',
  'report-late': 'you lead or quality-assure this report or letter',
}

function message(reminder: DueReminder, phase: ReminderPhase, baseUrl: string) {
  const when = formatLongDate(reminder.due)
  const subject =
    reminder.kind === 'intervention-alert'
      ? reminder.what
      : phase === 'overdue'
        ? `${reminder.kind === 'report-late' ? 'Late' : 'Overdue'}: ${reminder.what} (due ${when})`
        : phase === 'on-the-day'
          ? `Due today: ${reminder.what}`
          : `Coming up: ${reminder.what} (due ${when})`
  const bodyText = [
    `${subject}.`,
    '',
    `Open it in the service: ${baseUrl}${reminder.path}`,
    '',
    `You get this ${reminder.kind === 'intervention-alert' ? 'alert' : 'reminder'} because ${REASONS[reminder.kind] ?? 'you owe this step'}. To stop reminders of this kind ("${REMINDER_KINDS[reminder.kind]}"), go to ${baseUrl}/account/reminders`,
  ].join('\n')
  return { subject, bodyText }
}

/** The kinds of reminder each of these people has stopped. */
export async function stoppedKinds(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const stopped = new Map<string, Set<string>>()
  if (userIds.length === 0) return stopped
  const rows = await db
    .selectFrom('reminder_stops')
    .select(['user_id', 'kind'])
    .where('user_id', 'in', [...userIds])
    .execute()
  for (const row of rows) stopped.set(row.user_id, (stopped.get(row.user_id) ?? new Set()).add(row.kind))
  return stopped
}

/** Stop or resume one kind of reminder for one person. */
export async function setReminderStopped(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  kind: ReminderKind,
  stopped: boolean,
): Promise<void> {
  if (stopped)
    await db
      .insertInto('reminder_stops')
      .values({ user_id: userId, kind })
      .onConflict((oc) => oc.doNothing())
      .execute()
  else await db.deleteFrom('reminder_stops').where('user_id', '=', userId).where('kind', '=', kind).execute()
}

export interface ReminderJob {
  /** Enqueue what is due today, now; returns how many reminders were new. */
  runOnce(): Promise<number>
  start(intervalMs?: number): void
  stop(): Promise<void>
}

/** The reminder job: run at start, then once a day (checked on a timer). */
export function createReminderJob(deps: {
  db: Kysely<Database>
  clock: Clock
  baseUrl: string
  sources: readonly ReminderSource[]
  log?: (message: string, detail?: Record<string, unknown>) => void
}): ReminderJob {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<number> | undefined

  async function runOnce(): Promise<number> {
    const today = deps.clock.today()
    const due = (await Promise.all(deps.sources.map((source) => source(today)))).flat()
    const stopped = await stoppedKinds(
      deps.db,
      due.flatMap((reminder) => (reminder.recipient.userId ? [reminder.recipient.userId] : [])),
    )
    const todo = due.flatMap((reminder) => {
      const phase = reminderPhase(reminder.kind, reminder.due, today)
      if (!phase) return []
      if (reminder.recipient.userId && stopped.get(reminder.recipient.userId)?.has(reminder.kind)) return []
      const dedupeKey = `reminder:${reminder.kind}:${reminder.recordId}:${reminder.due}:${phase}:${reminder.recipient.email.toLowerCase()}`
      return [{ reminder, phase, dedupeKey }]
    })
    // Those already in the outbox, in a few reads rather than one per reminder.
    const sent = new Set<string>()
    for (let start = 0; start < todo.length; start += 500) {
      const keys = todo.slice(start, start + 500).map((item) => item.dedupeKey)
      const rows = await deps.db.selectFrom('outbox').select('dedupe_key').where('dedupe_key', 'in', keys).execute()
      for (const row of rows) sent.add(row.dedupe_key)
    }
    let enqueued = 0
    for (const { reminder, phase, dedupeKey } of todo) {
      // The same step may come from two places (a lead who is also the QA manager): one email.
      if (sent.has(dedupeKey)) continue
      sent.add(dedupeKey)
      await enqueueEmail(deps.db, {
        kind: reminder.kind === 'intervention-alert' ? 'intervention-alert' : 'reminder',
        recipient: reminder.recipient.email,
        ...message(reminder, phase, deps.baseUrl),
        dedupeKey,
      })
      enqueued += 1
    }
    return enqueued
  }

  // One instance at a time enqueues reminders (the dedupe key would stop doubles anyway; this saves the work).
  let doneOn: string | undefined
  const once = () =>
    (running ??= runExclusively(deps, 'reminders', runOnce)
      .then((run) => {
        if (run.ran) doneOn = deps.clock.today()
        return run.ran ? run.value : 0
      })
      .finally(() => (running = undefined)))
  // Reminders are daily: the timer runs the job once a day per instance (at start, then after
  // midnight); a run that found another instance at work tries again at the next tick.
  const daily = () => {
    if (doneOn === deps.clock.today()) return
    void once().catch((error: unknown) => deps.log?.('reminders failed', { error: String(error) }))
  }
  return {
    runOnce: once,
    start(intervalMs = 15 * 60_000) {
      if (timer) return
      daily()
      timer = setInterval(daily, intervalMs)
      timer.unref()
    },
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await running
    },
  }
}

/** A reminder as its recipient sees it on their reminders page. */
export interface SentReminder {
  readonly subject: string
  readonly createdAt: Date
  readonly sentAt: Date | null
}

/**
 * Each person's reminder settings (issue 13: each user sees and stops the reminders they get):
 * the kinds they stopped, the reminders queued or sent to them, and stopping or resuming a kind
 * with its audit entry.
 */
export function createReminderSettings(db: Kysely<Database>) {
  return {
    async stopped(userId: string): Promise<Set<string>> {
      return (await stoppedKinds(db, [userId])).get(userId) ?? new Set()
    },

    /** The latest reminders and alerts to this address, newest first. */
    async sentTo(email: string, limit = 20): Promise<SentReminder[]> {
      const rows = await db
        .selectFrom('outbox')
        .select(['subject', 'created_at', 'sent_at'])
        .where('recipient', '=', email)
        .where('kind', 'in', ['reminder', 'intervention-alert'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map((row) => ({
        subject: row.subject,
        createdAt: new Date(row.created_at),
        sentAt: row.sent_at ? new Date(row.sent_at) : null,
      }))
    },

    async set(
      principal: { id: string; email: string },
      kind: ReminderKind,
      stop: boolean,
      context: { requestId: string },
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await setReminderStopped(trx, principal.id, kind, stop)
        await recordAudit(trx, {
          actor: principal,
          action: stop ? 'reminder.stop' : 'reminder.resume',
          recordType: 'reminder-kind',
          recordId: kind,
          summary: `${stop ? 'Stopped' : 'Resumed'} reminders: ${REMINDER_KINDS[kind]}`,
          requestId: context.requestId,
        })
      })
    },
  }
}

export type ReminderSettings = ReturnType<typeof createReminderSettings>
