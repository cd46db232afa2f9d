import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import { recordAudit } from '../../auth/audit.js'
import type { PeopleDirectory } from '../../auth/people.js'
import { type Action, canOn, laFilter, type PolicyTarget, type Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import { type BlobStore, FileTooLargeError } from '../../files/blob-store.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { engagementLetterDue } from '../../rules/engagement.js'
import type { DueReminder } from '../../notify/reminders.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import { engagementPaths } from './paths.js'
import type { RegisterService } from '../register/index.js'
import {
  findMeeting,
  insertMeeting,
  insertSelfEvaluation,
  meetingsOf,
  selfEvaluationsOf,
  updateMeeting,
} from './repository.js'
import { engagementStanding } from './standing.js'
import type { AgendaKey, EngagementMeeting, SelfEvaluation, StoredDocument } from './types.js'

export interface EngagementDeps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'show' | 'target' | 'localAuthorities' | 'histories'>
  readonly people: PeopleDirectory
  readonly blobs: BlobStore
}

const EXTENSIONS = ['.pdf', '.doc', '.docx', '.odt', '.xlsx', '.xls', '.ods', '.txt', '.rtf'] as const
const MAX_BYTES = 50 * 1_048_576

/**
 * The LA's self-evaluation and the annual engagement meeting (issue 13; 002#27-48, O1, O2):
 * sharing a self-evaluation (with the updated action plan after a focused visit, 002#220),
 * arranging the meeting, agreeing its agenda, recording it and sending the letter.
 */
export function createEngagementService(deps: EngagementDeps) {
  const { db, clock, register, blobs } = deps

  async function guard(principal: Principal, action: Action, laCode: string): Promise<PolicyTarget> {
    const found = await register.target(laCode)
    if (!found || !canOn(principal, action, found)) throw new NotFoundError()
    return found
  }

  async function meeting(meetingId: string): Promise<EngagementMeeting> {
    const found = await findMeeting(db, meetingId)
    if (!found) throw new NotFoundError()
    return found
  }

  return {
    /** The policy target of a meeting (its LA), or null (404). */
    async target(meetingId: string): Promise<PolicyTarget | null> {
      const found = await findMeeting(db, meetingId)
      return found ? register.target(found.laCode) : null
    },

    meeting,

    /** Letters due after a meeting, for the reminder job: to the meeting's chair (002#48). */
    async reminders(): Promise<DueReminder[]> {
      const held = (await meetingsOf(db)).filter((item) => item.status === 'held')
      const chairs = await deps.people.byIds(held.map((item) => item.chairId))
      const las = await register.localAuthorities()
      return held.flatMap((item) => {
        const chair = chairs.get(item.chairId)
        if (!chair?.active) return []
        return [
          {
            kind: 'engagement-letter' as const,
            recordId: item.id,
            due: engagementLetterDue(item.meetingOn).date,
            recipient: { email: chair.email, userId: chair.id },
            what: `The letter to the DCS of ${las.find((la) => la.laCode === item.laCode)?.name ?? item.laCode} after the engagement meeting of ${formatLongDate(item.meetingOn)}`,
            path: engagementPaths.meeting.build({ engagementId: item.id }),
          },
        ]
      })
    },

    /** The LA's latest self-evaluation shared on or before `on`, if any (for the activity page, Annex A 1.05). */
    async latestSelfEvaluation(laCode: string, on: string): Promise<SelfEvaluation | undefined> {
      return (await selfEvaluationsOf(db, [laCode])).find((item) => item.sharedOn <= on)
    },

    /** An LA's self-evaluations and meetings, and where its engagement stands today (O1, O2). */
    async ofLa(laCode: string) {
      const [{ standing }, selfEvaluations, meetings] = await Promise.all([
        register.show(laCode),
        selfEvaluationsOf(db, [laCode]),
        meetingsOf(db, [laCode]),
      ])
      return {
        selfEvaluations,
        meetings,
        standing: engagementStanding({ today: clock.today(), standing, selfEvaluations, meetings }),
      }
    },

    /** Every LA in the principal's scope with where its engagement stands (the engagement list, home tasks, reminders). */
    async inScope(principal: Principal | 'everyone') {
      const las = await register.localAuthorities()
      const filter = principal === 'everyone' ? ({ kind: 'all' } as const) : laFilter(principal, 'engagement.view')
      const mine = las.filter((la) =>
        filter.kind === 'all'
          ? true
          : filter.kind === 'region'
            ? la.regionCode === filter.regionCode
            : filter.kind === 'las'
              ? filter.laCodes.includes(la.laCode)
              : false,
      )
      const codes = mine.map((la) => la.laCode)
      const [selfEvaluations, meetings, histories] = await Promise.all([
        selfEvaluationsOf(db, codes),
        meetingsOf(db, codes),
        register.histories(),
      ])
      const today = clock.today()
      return mine.map((la) => {
        const own = {
          selfEvaluations: selfEvaluations.filter((item) => item.laCode === la.laCode),
          meetings: meetings.filter((item) => item.laCode === la.laCode),
        }
        const standing = histories.get(la.laCode)?.standing
        return { la, ...own, standing: engagementStanding({ today, standing, ...own }) }
      })
    },

    /** Store a document an LA shares, or refuse it with the field's message. */
    async storeDocument(
      field: string,
      file: { fileName: string; contentType: string; stream: Readable },
    ): Promise<StoredDocument> {
      if (!(EXTENSIONS as readonly string[]).includes(extname(file.fileName).toLowerCase())) {
        file.stream.resume()
        throw new ValidationError({
          [field]: `The selected file must be a document, spreadsheet or PDF (${EXTENSIONS.join(', ')})`,
        })
      }
      try {
        const put = await blobs.put(file.stream, { maxBytes: MAX_BYTES })
        if (put.size === 0) throw new ValidationError({ [field]: 'The selected file is empty' })
        return { name: file.fileName, hash: put.hash, size: put.size, type: file.contentType }
      } catch (error) {
        if (error instanceof FileTooLargeError)
          throw new ValidationError({ [field]: `The selected file must be smaller than ${MAX_BYTES / 1_048_576} MB` })
        throw error
      }
    },

    /**
     * Share a self-evaluation today (002#27, voluntary): a document, or answers to the three
     * questions of 002#33, or both; with the updated action plan after a focused visit (002#220).
     */
    async shareSelfEvaluation(
      principal: Principal,
      laCode: string,
      input: {
        whatWeKnow: string
        howWeKnow: string
        plans: string
        document: StoredDocument | null
        actionPlan: StoredDocument | null
      },
      context: RequestContext,
    ): Promise<string> {
      await guard(principal, 'engagement.share', laCode)
      const answered = input.whatWeKnow && input.howWeKnow && input.plans
      if (!input.document && !answered)
        throw new ValidationError({
          document: 'Upload the self-evaluation, or answer the three questions (002#33)',
        })
      const sharedOn = clock.today()
      return db.transaction().execute(async (trx) => {
        const id = await insertSelfEvaluation(trx, { laCode, sharedOn, ...input, recordedBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'engagement.self-evaluation',
          recordType: 'self-evaluation',
          recordId: id,
          laCode,
          summary: `Shared a self-evaluation on ${formatLongDate(sharedOn)}${input.actionPlan ? ' with the updated action plan' : ''}`,
          changes: { document: input.document?.name ?? null, actionPlan: input.actionPlan?.name ?? null },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** A self-evaluation's document or action plan, for someone who may see the LA's engagement. */
    async openSelfEvaluationFile(
      principal: Principal,
      laCode: string,
      selfEvaluationId: string,
      which: 'document' | 'actionPlan',
    ): Promise<StoredDocument & { stream: Readable }> {
      await guard(principal, 'engagement.view', laCode)
      const found = (await selfEvaluationsOf(db, [laCode])).find((item) => item.id === selfEvaluationId)?.[which]
      if (!found || !(await blobs.exists(found.hash))) throw new NotFoundError()
      return { ...found, stream: blobs.open(found.hash) }
    },

    /** Arrange the meeting at an agreed time, chaired by Ofsted's regional representative (002#43-46). */
    async scheduleMeeting(
      principal: Principal,
      laCode: string,
      input: { meetingOn: string; jointWithEducation: boolean; ofstedAttendees: string; laAttendees: string },
      context: RequestContext,
    ): Promise<string> {
      await guard(principal, 'engagement.manage', laCode)
      return db.transaction().execute(async (trx) => {
        const id = await insertMeeting(trx, { laCode, ...input, chairId: principal.id, recordedBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'engagement.schedule',
          recordType: 'engagement-meeting',
          recordId: id,
          laCode,
          summary: `Annual engagement meeting arranged for ${formatLongDate(input.meetingOn)}`,
          changes: input,
          requestId: context.requestId,
        })
        return id
      })
    },

    /** The regional senior HMI and the DCS agree the agenda in advance (002#47): the items of 002#42 and any others. */
    async agreeAgenda(
      principal: Principal,
      meetingId: string,
      input: { agendaItems: readonly AgendaKey[]; otherItems: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      await changeMeeting(principal, meetingId, 'engagement.agenda', input.version, context, (current) => {
        if (current.status !== 'scheduled')
          throw new ValidationError({ agendaItems: 'The meeting has already been held' })
        if (input.agendaItems.length === 0 && !input.otherItems)
          throw new ValidationError({ agendaItems: 'Select at least one agenda item' })
        return {
          changes: { agendaItems: input.agendaItems, otherItems: input.otherItems, agendaAgreedOn: clock.today() },
          action: 'engagement.agenda' as const,
          summary: `Agenda agreed for the meeting of ${formatLongDate(current.meetingOn)}`,
        }
      })
    },

    /** Record the meeting once held: who attended and a factual summary of what was discussed (002#46, #48). */
    async recordMeeting(
      principal: Principal,
      meetingId: string,
      input: { ofstedAttendees: string; laAttendees: string; discussion: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      await changeMeeting(principal, meetingId, 'engagement.manage', input.version, context, (current) => {
        if (current.meetingOn > clock.today())
          throw new ValidationError({
            discussion: `The meeting is on ${formatLongDate(current.meetingOn)}: record it once it has been held`,
          })
        if (current.status === 'letter-sent') throw new ValidationError({ discussion: 'The letter has been sent' })
        return {
          changes: {
            status: 'held' as const,
            ofstedAttendees: input.ofstedAttendees,
            laAttendees: input.laAttendees,
            discussion: input.discussion,
          },
          action: 'engagement.record' as const,
          summary: `Recorded the annual engagement meeting of ${formatLongDate(current.meetingOn)}`,
        }
      })
    },

    /**
     * Send the letter to the DCS (002#48): within a month of the meeting, never published, no
     * judgements; it sets out the date and attendees, a factual summary, the possible scope of a
     * focused visit, the timing of the next self-evaluation and meeting, and next steps.
     */
    async sendLetter(
      principal: Principal,
      meetingId: string,
      input: {
        sentOn: string
        focusedVisitScope: string
        nextTiming: string
        nextSteps: string
        version: number | undefined
      },
      context: RequestContext,
    ): Promise<void> {
      await changeMeeting(principal, meetingId, 'engagement.manage', input.version, context, (current) => {
        if (current.status !== 'held')
          throw new ValidationError({ sentOn: 'Record the meeting before sending the letter' })
        if (input.sentOn < current.meetingOn || input.sentOn > clock.today())
          throw new ValidationError({ sentOn: `The date must be from ${formatLongDate(current.meetingOn)} to today` })
        const due = engagementLetterDue(current.meetingOn).date
        return {
          changes: {
            status: 'letter-sent' as const,
            letterSentOn: input.sentOn,
            letterFocusedVisitScope: input.focusedVisitScope,
            letterNextTiming: input.nextTiming,
            letterNextSteps: input.nextSteps,
          },
          action: 'engagement.letter' as const,
          summary: `Letter sent ${formatLongDate(input.sentOn)} after the meeting of ${formatLongDate(current.meetingOn)}${input.sentOn > due ? `, after ${formatLongDate(due)} (002#48: within a month)` : ''}`,
        }
      })
    },
  }

  /** Change a meeting under its lock, checking the version the form was built from. */
  async function changeMeeting(
    principal: Principal,
    meetingId: string,
    action: Action,
    version: number | undefined,
    context: RequestContext,
    decide: (current: EngagementMeeting) => {
      changes: Parameters<typeof updateMeeting>[2]
      action: 'engagement.agenda' | 'engagement.record' | 'engagement.letter'
      summary: string
    },
  ): Promise<void> {
    const current = await meeting(meetingId)
    await guard(principal, action, current.laCode)
    const decided = decide(current)
    await db.transaction().execute(async (trx) => {
      const locked = await findMeeting(trx, meetingId, true)
      if (!locked) throw new NotFoundError()
      if (version !== undefined && locked.version !== version)
        throw new ConflictError('Someone else changed this meeting. Reload the page and try again.')
      await updateMeeting(trx, meetingId, decided.changes)
      await recordAudit(trx, {
        actor: principal,
        action: decided.action,
        recordType: 'engagement-meeting',
        recordId: meetingId,
        laCode: current.laCode,
        summary: decided.summary,
        changes: decided.changes,
        requestId: context.requestId,
      })
    })
  }
}

export type EngagementService = ReturnType<typeof createEngagementService>
