import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import { londonIsoDate } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { isAnnexANoticeFlag } from '../../rules/timelines/annex-a.js'
import { emailsAbout, enqueueEmail, type QueuedEmail } from '../../notify/outbox.js'
import type { RequestContext } from '../deps.js'
import { NOTICE_ROLE_LABELS, type NoticeRole } from './activity-types.js'
import { checkStep } from './lifecycle.js'
import { computeTimeline, lockedAt } from './activity.service.js'
import { noticeEmail } from './notice-email.js'
import type { ActivitiesDeps, ActivityRecords } from './records.js'
import { insertStatusChange } from './history.repository.js'
import { insertNotice } from './notice.repository.js'
import { bumpActivity } from './repository.js'
import { replaceTimeline } from './timeline.repository.js'

export interface NoticeInput {
  readonly calledAt: Date
  readonly spokeToRole: NoticeRole
  readonly spokeToName: string
  readonly notes: string
  readonly version: number | undefined
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The notice telephone call and the confirmation that follows it (002#73-76). */
export function noticeService({ db, clock, config }: ActivitiesDeps, records: ActivityRecords) {
  return {
    /**
     * Record the notice call: the activity becomes notified, the LA's users can see it, and the
     * confirmation with the Annex A request goes to the DCS (002#74) through the outbox, in the
     * same transaction. A late call is recorded with a warning: it never delays the start (002#75).
     */
    async recordNotice(
      principal: Principal,
      id: string,
      input: NoticeInput,
      context: RequestContext,
    ): Promise<{ warnings: string[] }> {
      const details = await records.details(id)
      const { activity, milestones, team, contacts } = details
      const errors: Record<string, string> = {}
      // Recording the call sends the confirmation to the DCS at once (002#74): only a call made.
      if (input.calledAt.getTime() > clock.now().getTime())
        errors.calledAt = 'The call must be today or in the past: record it once you have made it'
      const dcs = contacts.find((contact) => contact.contactRole === 'dcs')
      if (!dcs)
        errors.contacts = 'Add the DCS’s name and email address first: the confirmation is emailed to them (002#74)'
      const lead = team.find((member) => member.teamRole === 'lead-inspector')
      const check = checkStep({ ...details.lifecycle, noticeRecorded: true }, 'notified')
      if (!check.ok) errors.status = check.reason
      if (Object.keys(errors).length > 0 || !dcs) throw new ValidationError(errors)
      const { calledAt } = input
      const warnings: string[] = []
      const noticeDue = milestones.find((m) => m.key === 'notice')
      const calledOn = londonIsoDate(calledAt)
      const calledTime = londonTime.format(calledAt)
      if (noticeDue && calledOn !== noticeDue.date)
        warnings.push(
          `Notice was due on ${formatDate(noticeDue.date)}; the call was on ${formatDate(calledOn)}. The start date does not change (002#75).`,
        )
      else if (calledTime > '09:30') warnings.push(`The call was at ${calledTime}, after 9.30am (002#73).`)
      // A call on another day than it was due dates the Annex A request, and a late one the
      // deadlines, from the call (S4, 002#242): the timeline is stored so and the email lists them.
      const timeline =
        noticeDue && calledOn !== noticeDue.date
          ? computeTimeline(activity.type, activity.onsiteStart, activity.variant, calledOn, activity.monitoring)
          : undefined
      if (timeline?.ok) warnings.push(...timeline.flags.filter(isAnnexANoticeFlag).map((flag) => `${flag.message}.`))
      const email = noticeEmail({
        activity,
        milestones: timeline?.ok ? timeline.milestones : milestones,
        leadInspector: lead ? { name: lead.displayName, email: lead.email } : undefined,
        recipientName: dcs.name,
        serviceUrl: config.baseUrl,
      })
      const note = warnings.join(' ') || null
      await db.transaction().execute(async (trx) => {
        await lockedAt(trx, id, input.version)
        await insertNotice(trx, {
          activityId: id,
          calledAt,
          spokeToRole: input.spokeToRole,
          spokeToName: input.spokeToName,
          notes: input.notes || null,
          recordedBy: principal.id,
          recordedAt: clock.now(),
        })
        if (timeline?.ok) await replaceTimeline(trx, id, timeline.milestones, timeline.flags)
        await bumpActivity(trx, id, { status: 'notified', status_reason: note }, clock.now())
        await insertStatusChange(trx, {
          activityId: id,
          fromStatus: activity.status,
          toStatus: 'notified',
          note,
          changedBy: principal.id,
          at: clock.now(),
        })
        await enqueueEmail(trx, {
          kind: 'notice',
          recipient: dcs.email,
          subject: email.subject,
          bodyText: email.body,
          // One confirmation per call: a re-planned activity's new call sends its own (002#73-74).
          dedupeKey: details.notices.length === 0 ? `notice:${id}` : `notice:${id}:${details.notices.length + 1}`,
          activityId: id,
          availableAt: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'activity.notice',
          recordType: 'activity',
          recordId: id,
          laCode: activity.laCode,
          summary: `Recorded the notice call for ${activity.reference} (spoke to: ${NOTICE_ROLE_LABELS[input.spokeToRole]}); confirmation and Annex A request queued to ${dcs.email}`,
          changes: { calledAt: calledAt.toISOString(), spokeToRole: input.spokeToRole, warnings },
          requestId: context.requestId,
        })
      })
      return { warnings }
    },

    /** The notice emails of an activity and whether they have gone. */
    noticeEmails: (id: string): Promise<QueuedEmail[]> => emailsAbout(db, id, 'notice'),
  }
}
