import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import type { FeedbackRecord } from './feedback.js'
import { isJudgedType, judgementAreas } from './framework-judgements.js'
import { FEEDBACK_STATUSES, frameworkOf, type JudgementsDeps, type OutcomeReader } from './records.js'
import { feedbackRecordedOf, findFeedback, findOutcome, judgementsOf, upsertFeedback } from './repository.js'
import type { FeedbackInput } from './types.js'

/**
 * The feedback meeting (E5, 002#196-201) on the last day on site, recorded once the judgements or
 * findings are confirmed; the LA's DCS sees it only once it is on record (002#197).
 */
export function feedbackService({ db, clock, activities }: JudgementsDeps, records: OutcomeReader) {
  return {
    /**
     * Record the feedback meeting. The provisional judgements given are kept as they stood, so
     * what the LA was told stays on record whatever QA and moderation later change.
     */
    async recordFeedback(
      principal: Principal,
      activityId: string,
      input: FeedbackInput,
      context: RequestContext,
    ): Promise<void> {
      const activity = await activities.load(activityId)
      const outcome = await findOutcome(db, activityId)
      const graded = isJudgedType(activity.type)
      const judgements = graded ? await judgementsOf(db, activityId) : []
      const errors: Record<string, string> = {}
      if (!FEEDBACK_STATUSES.includes(activity.status))
        errors.status =
          'Feedback is recorded from the last day on site, once the team has agreed its judgements or findings (002#193, #197)'
      else if (!outcome?.confirmation)
        errors.status = graded
          ? 'Confirm the judgements before recording the feedback: they are the provisional judgements given (002#197)'
          : 'Confirm the findings before recording the feedback (002#195, #197)'
      if (input.heldOn > clock.today()) errors.heldOn = 'The date of the meeting must be today or in the past'
      else if (input.heldOn < activity.onsiteStart)
        errors.heldOn = 'The meeting must be on or after the first day on site'
      // The form asks this of standard and short inspections only; other callers must answer it too.
      if (graded && input.dcsToldBefore === null)
        errors.dcsToldBefore = 'Select whether the DCS heard the provisional judgements before the meeting'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      const record: FeedbackRecord = {
        heldOn: input.heldOn,
        durationMinutes: input.durationMinutes,
        attendees: [...input.attendees],
        otherAttendees: input.otherAttendees || null,
        dcsToldBefore: graded ? input.dcsToldBefore : null,
        judgementsGiven: Object.fromEntries(
          judgements
            .filter((judgement) => input.judgementsGiven.includes(judgement.area))
            .map((judgement) => [judgement.area, judgement.grade]),
        ),
        setOut: [...input.setOut],
        notes: input.notes || null,
      }
      await db.transaction().execute(async (trx) => {
        const before = await findFeedback(trx, activityId)
        await upsertFeedback(trx, activityId, record, principal.id, clock.now())
        await recordAudit(trx, {
          actor: principal,
          action: 'judgements.feedback',
          recordType: 'activity',
          recordId: activityId,
          laCode: activity.laCode,
          summary: `${before ? 'Changed the record of' : 'Recorded'} the feedback meeting for ${activity.reference} on ${record.heldOn} (${record.durationMinutes} minutes)`,
          // Free text (other attendees, notes) stays out of the append-only log (002#191).
          changes: {
            before: before
              ? {
                  heldOn: before.heldOn,
                  durationMinutes: before.durationMinutes,
                  attendees: before.attendees,
                  dcsToldBefore: before.dcsToldBefore,
                  judgementsGiven: before.judgementsGiven,
                  setOut: before.setOut,
                }
              : null,
            after: {
              heldOn: record.heldOn,
              durationMinutes: record.durationMinutes,
              attendees: record.attendees,
              dcsToldBefore: record.dcsToldBefore,
              judgementsGiven: record.judgementsGiven,
              setOut: record.setOut,
            },
          },
          requestId: context.requestId,
        })
      })
    },

    /** The feedback meeting and the framework, for the feedback pages (Ofsted and the DCS). */
    async feedbackPage(activityId: string) {
      const details = await activities.details(activityId)
      const { activity } = details
      const graded = isJudgedType(activity.type)
      const framework = graded ? frameworkOf(activity) : null
      const { outcome, feedback, judgements, findings } = await records.read(activityId, {
        judgements: graded,
        findings: !graded,
      })
      const monitoringMayFollow = graded
        ? judgements.some((judgement) => judgement.grade === 'inadequate')
        : findings.some((finding) => finding.kind === 'priority-action')
      return {
        activity,
        graded,
        framework,
        areas: framework ? judgementAreas(framework) : [],
        judgements,
        outcome,
        feedback,
        feedbackDue: details.milestones.find((m) => m.key === 'feedback'),
        // E7 (002#216): factual accuracy, the final copy under embargo, publication.
        reportMilestones: details.milestones.filter((m) => m.key.startsWith('report.')),
        monitoringMayFollow,
        canRecord: FEEDBACK_STATUSES.includes(activity.status) && Boolean(outcome?.confirmation),
      }
    },

    /** Whether the activity gives graded judgements (so its feedback records the DCS told first, 002#197). */
    async isGraded(activityId: string): Promise<boolean> {
      return isJudgedType((await activities.load(activityId)).type)
    },

    /** Whether the feedback meeting is on record (the LA's DCS sees it only then, 002#197). */
    async hasFeedback(activityId: string): Promise<boolean> {
      return (await findFeedback(db, activityId)) !== undefined
    },

    /** Which of these activities have their feedback meeting on record (home pages): one query. */
    feedbackRecorded: (activityIds: readonly string[]): Promise<Set<string>> => feedbackRecordedOf(db, activityIds),
  }
}
