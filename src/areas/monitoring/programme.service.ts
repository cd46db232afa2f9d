import { recordAudit } from '../../auth/audit.js'
import type { AuditAction } from '../../auth/audit-actions.js'
import type { Action, Principal } from '../../auth/policy.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { actionPlanningVisitAgendaDue, REINSPECTION_DECISION_INPUTS } from '../../rules/after-inadequate.js'
import { checkActionPlanningVisitDate, programmeAnchor } from '../../rules/monitoring-programme.js'
import type { RequestContext } from '../deps.js'
import { isUniqueViolation } from '../../db/unique-violation.js'
import type { MonitoringDeps, MonitoringRecords } from './records.js'
import {
  findProgramme,
  insertProgramme,
  insertProgress,
  insertRecommendation,
  programmesOf,
  type ProgrammeChanges,
  recommendationsOf,
  updateProgramme,
} from './repository.js'
import type { LetterCopies, Programme, ProgressLevel, RecommendationKind, ReinspectionDecisionKind } from './types.js'

type Dates = Programme['dates']

/**
 * The programme's own steps (issue 12): opening it on an inadequate judgement (001#4; a second
 * set after a second inadequate, 001#67), its three dates, the items of the report, the action
 * planning visit (letter, date, agenda, record; 001#9-18), the re-inspection decision (001#50,
 * #54) and progress against each item (001#25, #40).
 */
export function programmeService(deps: MonitoringDeps, records: MonitoringRecords) {
  const { db, clock, register } = deps

  /** Change a programme under its lock, checking the version the form was built from, with its audit entry. */
  async function change(
    principal: Principal,
    programmeId: string,
    permission: Action,
    version: number | undefined,
    context: RequestContext,
    decide: (current: Programme) => { changes: ProgrammeChanges; action: AuditAction; summary: string },
  ): Promise<void> {
    const current = await findProgramme(db, programmeId)
    if (!current) throw new NotFoundError()
    await records.guard(principal, permission, current.laCode)
    const decided = decide(current)
    await db.transaction().execute(async (trx) => {
      const locked = await findProgramme(trx, programmeId, true)
      if (!locked) throw new NotFoundError()
      if (version !== undefined && locked.version !== version)
        throw new ConflictError('Someone else changed this programme. Reload the page and try again.')
      await updateProgramme(trx, programmeId, decided.changes)
      await recordAudit(trx, {
        actor: principal,
        action: decided.action,
        recordType: 'monitoring-programme',
        recordId: programmeId,
        laCode: current.laCode,
        summary: decided.summary,
        changes: decided.changes as Record<string, unknown>,
        requestId: context.requestId,
      })
    })
  }

  /** The LA's latest judgement when it is inadequate and has no programme yet, or why one cannot be opened. */
  async function openable(laCode: string) {
    const { standing } = await register.show(laCode)
    if (!standing || standing.grade !== 'inadequate')
      return { ok: false as const, reason: 'The LA’s latest judgement is not inadequate (001#4)' }
    const existing = await programmesOf(db, [laCode])
    if (existing.some((programme) => programme.judgementId === standing.record.id))
      return { ok: false as const, reason: 'This judgement already has its monitoring programme' }
    return { ok: true as const, judgement: standing.record, setNumber: existing.length + 1, existing }
  }

  const service = {
    openable,

    /**
     * Open the programme for the LA's latest inadequate judgement (001#4), with what is known of
     * its three dates (publication from the register unless given). An earlier programme closed
     * when this judgement was published (M9, read from the register): a second inadequate starts
     * the process again (001#67).
     */
    async open(
      principal: Principal,
      laCode: string,
      input: { dates: Partial<Dates> },
      context: RequestContext,
    ): Promise<string> {
      await records.guard(principal, 'monitoring.direct', laCode)
      const found = await openable(laCode)
      if (!found.ok) throw new ValidationError({ prePublication: found.reason })
      const dates: Dates = {
        'pre-publication': input.dates['pre-publication'] ?? null,
        'final-report': input.dates['final-report'] ?? null,
        publication: input.dates.publication ?? found.judgement.publishedOn,
      }
      const today = clock.today()
      // Two directors opening it at once: the second hears it is open, as if they had been slower.
      const opening = db.transaction().execute(async (trx) => {
        const id = await insertProgramme(trx, {
          laCode,
          judgementId: found.judgement.id,
          setNumber: found.setNumber,
          openedOn: today,
          openedBy: principal.id,
          dates,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'monitoring.open',
          recordType: 'monitoring-programme',
          recordId: id,
          laCode,
          summary: `Opened monitoring programme ${found.setNumber} for the inadequate judgement published ${formatLongDate(found.judgement.publishedOn)}`,
          changes: { judgementId: found.judgement.id, setNumber: found.setNumber, dates },
          requestId: context.requestId,
        })
        return id
      })
      return opening.catch((error: unknown) => {
        if (isUniqueViolation(error, 'monitoring_programmes_judgement_unique'))
          throw new ValidationError({ prePublication: 'This judgement already has its monitoring programme' })
        throw error
      })
    },

    /** Record the three dates the deadlines count from (001#7, #49; 002#219; 000#10). */
    async setDates(
      principal: Principal,
      programmeId: string,
      input: { dates: Dates; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      await change(principal, programmeId, 'monitoring.manage', input.version, context, () => {
        const anchor = programmeAnchor(input.dates)
        if (!anchor) throw new ValidationError({ prePublication: 'Enter at least one of the three dates' })
        const { 'pre-publication': pre, 'final-report': final, publication } = input.dates
        if (pre && publication && pre > publication)
          throw new ValidationError({ prePublication: 'The pre-publication copy comes before publication' })
        if (final && pre && final < pre)
          throw new ValidationError({ finalReport: 'The final report comes on or after the pre-publication copy' })
        return {
          changes: { dates: input.dates },
          action: 'monitoring.dates',
          summary: `Dates recorded; the deadlines count from ${formatLongDate(anchor.date)}`,
        }
      })
    },

    /** Add a recommendation or area for priority action of the report as an item with its id (R1, P1…). */
    async addRecommendation(
      principal: Principal,
      programmeId: string,
      input: { kind: RecommendationKind; text: string },
      context: RequestContext,
    ): Promise<string> {
      const programme = await findProgramme(db, programmeId)
      if (!programme) throw new NotFoundError()
      await records.guard(principal, 'monitoring.manage', programme.laCode)
      return db.transaction().execute(async (trx) => {
        // The programme's row is locked while the next R or P number is counted, so two items
        // added at once are numbered one after the other, never both R3.
        await findProgramme(trx, programmeId, true)
        const existing = (await recommendationsOf(trx, [programmeId])).filter((item) => item.kind === input.kind)
        const ref = `${input.kind === 'priority-action' ? 'P' : 'R'}${existing.length + 1}`
        const id = await insertRecommendation(trx, { programmeId, ref, ...input, recordedBy: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'monitoring.recommendation',
          recordType: 'monitoring-programme',
          recordId: programmeId,
          laCode: programme.laCode,
          summary: `Added ${ref}`,
          changes: { ref, ...input },
          requestId: context.requestId,
        })
        return id
      })
    },

    /**
     * Take the items from the inadequate report the service published (its recommendations and
     * areas for priority action, in the report's order), leaving out any already listed. A
     * judgement recorded by hand or imported has no report here: its items are typed.
     */
    async recommendationsFromReport(principal: Principal, programmeId: string, context: RequestContext) {
      const programme = await findProgramme(db, programmeId)
      if (!programme) throw new NotFoundError()
      await records.guard(principal, 'monitoring.manage', programme.laCode)
      const { records: judgements } = await register.show(programme.laCode)
      const activityId = judgements.find((judgement) => judgement.id === programme.judgementId)?.activityId
      const items = activityId && deps.reportItems ? await deps.reportItems(activityId) : []
      if (items.length === 0)
        throw new ValidationError({
          text: 'The judgement’s report was not written in this service, or has no recommendations: enter each item as the report words it',
        })
      const listed = new Set((await recommendationsOf(db, [programmeId])).map((item) => item.text.trim()))
      let added = 0
      for (const item of items.filter((candidate) => !listed.has(candidate.text.trim()))) {
        await service.addRecommendation(principal, programmeId, item, context)
        added += 1
      }
      return added
    },

    /** The regional director's letter confirming the visit, once the LA has its report (001#9, Annex A). */
    async sendLetter(
      principal: Principal,
      programmeId: string,
      input: { letterCopies: LetterCopies; sentOn: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      await change(principal, programmeId, 'monitoring.direct', input.version, context, (current) => {
        if (input.sentOn > clock.today()) throw new ValidationError({ sentOn: 'The date cannot be in the future' })
        return {
          changes: { letterCopies: input.letterCopies, letterSentOn: input.sentOn },
          action: 'monitoring.letter',
          summary: `Action planning visit letter sent ${formatLongDate(input.sentOn)}, copies as ${input.letterCopies}${current.letterSentOn ? ' (again)' : ''}`,
        }
      })
    },

    /** The date of the action planning visit, checked against 25–35 working days (001#10), and the agenda circulated (001#14). */
    async arrangeVisit(
      principal: Principal,
      programmeId: string,
      input: { visitOn: string; agendaCirculatedOn: string | undefined; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      await change(principal, programmeId, 'monitoring.manage', input.version, context, (current) => {
        const anchor = programmeAnchor(current.dates)
        if (!anchor) throw new ValidationError({ visitOn: 'Record the date the LA received its report first' })
        const check = checkActionPlanningVisitDate(anchor.date, input.visitOn)
        if (!check.ok) throw new ValidationError({ visitOn: `${check.reason} (${check.citation})` })
        if (input.agendaCirculatedOn && input.agendaCirculatedOn > input.visitOn)
          throw new ValidationError({ agendaCirculatedOn: 'The agenda is circulated before the visit' })
        const agendaDue = actionPlanningVisitAgendaDue(input.visitOn)
        return {
          changes: { planningVisitOn: input.visitOn, agendaCirculatedOn: input.agendaCirculatedOn ?? null },
          action: 'monitoring.planning-visit',
          summary: `Action planning visit on ${formatLongDate(input.visitOn)}, ${check.workingDaysAfter} working days after the report; agenda due ${formatLongDate(agendaDue)}`,
        }
      })
    },

    /** The record of the visit (001#18, Annex C), sent by the senior HMI to the DCS. */
    async recordVisit(
      principal: Principal,
      programmeId: string,
      input: {
        attendees: string
        discussion: string
        planning: string
        recordSentOn: string
        version: number | undefined
      },
      context: RequestContext,
    ): Promise<void> {
      await change(principal, programmeId, 'monitoring.manage', input.version, context, (current) => {
        if (!current.planningVisitOn || current.planningVisitOn > clock.today())
          throw new ValidationError({ attendees: 'Record the visit once it has taken place' })
        if (input.recordSentOn < current.planningVisitOn || input.recordSentOn > clock.today())
          throw new ValidationError({
            recordSentOn: `The date must be from ${formatLongDate(current.planningVisitOn)} to today`,
          })
        return {
          changes: {
            record: { attendees: input.attendees, discussion: input.discussion, planning: input.planning },
            recordSentOn: input.recordSentOn,
          },
          action: 'monitoring.record',
          summary: `Record of the action planning visit of ${formatLongDate(current.planningVisitOn)} sent ${formatLongDate(input.recordSentOn)}`,
        }
      })
    },

    /**
     * The regional leadership's re-inspection decision (001#50, #54; 003): the five inputs, full
     * or post-monitoring, and the day the LA was told (without the inspection date, 001#50).
     */
    async decide(
      principal: Principal,
      programmeId: string,
      input: {
        decidedOn: string
        decisionKind: ReinspectionDecisionKind
        inputs: readonly string[]
        reasons: string
        laToldOn: string | undefined
        version: number | undefined
      },
      context: RequestContext,
    ): Promise<void> {
      await change(principal, programmeId, 'monitoring.direct', input.version, context, (current) => {
        if (current.decision) throw new ValidationError({ decisionKind: 'The re-inspection has already been decided' })
        const missing = REINSPECTION_DECISION_INPUTS.findIndex((_, index) => !input.inputs[index]?.trim())
        if (missing >= 0)
          throw new ValidationError({
            [`input${missing + 1}`]: `Enter what ${REINSPECTION_DECISION_INPUTS[missing]} shows (001#54)`,
          })
        if (input.decidedOn > clock.today())
          throw new ValidationError({ decidedOn: 'The date cannot be in the future' })
        if (input.laToldOn && input.laToldOn < input.decidedOn)
          throw new ValidationError({ laToldOn: 'The LA is told on or after the day of the decision' })
        return {
          changes: {
            decision: {
              decidedOn: input.decidedOn,
              kind: input.decisionKind,
              inputs: [...input.inputs],
              reasons: input.reasons,
              laToldOn: input.laToldOn ?? null,
              decidedById: principal.id,
            },
          },
          action: 'monitoring.decision',
          summary: `Re-inspection decided ${formatLongDate(input.decidedOn)}: ${input.decisionKind}`,
        }
      })
    },

    /** Progress against one item, at a monitoring visit or otherwise (001#25, #40). */
    async recordProgress(
      principal: Principal,
      programmeId: string,
      input: {
        recommendationId: string
        activityId: string | undefined
        assessedOn: string
        progress: ProgressLevel
        note: string
      },
      context: RequestContext,
    ): Promise<string> {
      const { programme, recommendations } = await records.record(programmeId)
      await records.guard(principal, 'monitoring.manage', programme.laCode)
      const item = recommendations.find((candidate) => candidate.id === input.recommendationId)
      if (!item) throw new ValidationError({ recommendationId: 'Select the recommendation' })
      if (input.assessedOn > clock.today())
        throw new ValidationError({ assessedOn: 'The date cannot be in the future' })
      // Progress is seen on one of this LA's own monitoring visits or its post-monitoring inspection.
      if (input.activityId) {
        const visits = (await deps.monitoringActivities?.(principal, programme.laCode)) ?? []
        if (!visits.some((visit) => visit.id === input.activityId))
          throw new ValidationError({ activityId: 'Select one of the LA’s monitoring visits' })
      }
      return db.transaction().execute(async (trx) => {
        const id = await insertProgress(trx, {
          programmeId,
          recommendationId: item.id,
          activityId: input.activityId ?? null,
          assessedOn: input.assessedOn,
          progress: input.progress,
          note: input.note,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'monitoring.progress',
          recordType: 'monitoring-programme',
          recordId: programmeId,
          laCode: programme.laCode,
          summary: `Progress on ${item.ref} assessed ${formatLongDate(input.assessedOn)}: ${input.progress}`,
          changes: { ...input },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
  return service
}
