import type { AuditAction } from '../../auth/audit-actions.js'
import { recordAudit } from '../../auth/audit.js'
import type { PolicyTarget, Principal } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { enqueueEmail, type OutboxKind } from '../../notify/outbox.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { checkEvidenceEntry } from '../../rules/evidence.js'
import { EVALUATION_HEADINGS, isEvaluationHeading } from '../../rules/evaluation-criteria.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { FieldErrors } from '../../web/legacy-forms.js'
import { EVIDENCE_GATHERING_ROLES, TYPE_LABELS } from '../activities/index.js'
import type { ActivitiesService } from '../activities/index.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import {
  CONCERN_LA_VISIBLE,
  caseMark,
  type CaseMark,
  fieldworkDays,
  headingCoverage,
  isChildId,
  isSignificance,
  isSourceType,
  KIT_ATTENDEE_ROLES,
  kitDays,
  namesFingerprint,
  parseCaseIds,
  RFI_LA_VISIBLE,
} from './fieldwork.js'
import { type PossibleName, possibleNamesIn } from './name-check.js'
import {
  type CaseOfConcern,
  concernsOf,
  entriesOf,
  entryBelongsTo,
  entryCounts,
  type EntryFilter,
  findConcern,
  findQaNote,
  findRfi,
  type FurtherInformationRequest,
  insertConcern,
  insertEntry,
  insertKitMeeting,
  insertQaNote,
  insertRfi,
  kitMeetingsOf,
  lockForNumbering,
  qaNotesOf,
  resolveQaNote,
  reviewState,
  rfisOf,
  updateConcern,
  updateRfi,
} from './repository.js'

/**
 * The text looks as if it names a child, family member or member of staff (002#191). Not saved:
 * the page shows each match and the inspector edits the text or confirms it holds no names.
 */
export class PossibleNamesWarning extends ValidationError {
  override name = 'PossibleNamesWarning'
  constructor(
    readonly matches: ReadonlyArray<PossibleName & { field: string }>,
    readonly fingerprint: string,
  ) {
    super({
      confirmNames:
        'Check the words below: edit them to use initials, a case reference or a job title, or confirm they are not names',
    })
  }
}

/**
 * Where the service learns which children an activity's case references should name: the case
 * sample built from the Annex A lists (002#150-153). Null means "no case sample yet", and each
 * reference is shown as not checked.
 */
export type KnownCases = (activityId: string) => Promise<ReadonlySet<string> | null>

/** Known cases from the Annex A area's case sample (its `sample(activityId)`); null while it is empty. */
export function caseSampleCases(annexA: {
  sample(activityId: string): Promise<ReadonlyArray<{ childId: string }>>
}): KnownCases {
  return async (activityId) => {
    const sample = await annexA.sample(activityId)
    return sample.length > 0 ? new Set(sample.map((entry) => entry.childId)) : null
  }
}

export interface EvidenceServiceOptions {
  readonly activities: ActivitiesService
  readonly knownCases?: KnownCases
}

/** What the inspector ticked when confirming possible names: the fingerprint of what they saw. */
export interface NameConfirmation {
  readonly confirmed: boolean
  readonly fingerprint: string
}

export interface EntryInput {
  readonly headingId: string
  readonly sourceType: string
  readonly sourceDetail: string
  readonly collectedOn: string | undefined
  readonly collectedTime: string | undefined
  readonly evaluativeStatement: string
  readonly evidenceSummary: string
  readonly impact: string
  readonly significance: string
  readonly teamAgreed: boolean
  readonly caseIds: string
  readonly names: NameConfirmation
}

const CLOSED = new Set(['cancelled', 'deferred'])

export function createEvidenceService(
  { db, clock, config }: ServiceDeps,
  { activities, knownCases = async () => null }: EvidenceServiceOptions,
) {
  let placeWords: Promise<string[]> | undefined

  /** Place names the name check treats as not names: every LA's name (002#191 asks only about people). */
  function knownWords(): Promise<string[]> {
    placeWords ??= activities.localAuthorities().then((las) => las.map((la) => la.name))
    return placeWords
  }

  /** Refuse to save until every possible name has been seen and confirmed (002#191). */
  async function guardNames(fields: Readonly<Record<string, string>>, names: NameConfirmation): Promise<number> {
    const matches = possibleNamesIn(fields, { knownWords: await knownWords() })
    if (matches.length === 0) return 0
    const fingerprint = namesFingerprint(matches)
    if (!names.confirmed || names.fingerprint !== fingerprint) throw new PossibleNamesWarning(matches, fingerprint)
    return matches.length
  }

  async function openActivity(activityId: string) {
    const details = await activities.details(activityId)
    if (CLOSED.has(details.activity.status))
      throw new ValidationError({
        activity: `The ${TYPE_LABELS[details.activity.type].toLowerCase()} is ${details.activity.status}: its records are closed`,
      })
    return details
  }

  async function loadRfi(activityId: string, rfiId: string) {
    const [details, rfi] = await Promise.all([activities.details(activityId), findRfi(db, rfiId)])
    if (!rfi || rfi.activityId !== activityId) throw new NotFoundError()
    return { details, rfi }
  }

  async function loadConcern(activityId: string, concernId: string) {
    const [details, concern] = await Promise.all([activities.details(activityId), findConcern(db, concernId)])
    if (!concern || concern.activityId !== activityId) throw new NotFoundError()
    return { details, concern }
  }

  const isLa = (principal: Principal) => ROLE_INFO[principal.role].kind === 'la'

  type Details = Awaited<ReturnType<ActivitiesService['details']>>

  /**
   * Tell the DCS there is something to read (002#136, #167). Built from details read before the
   * transaction: no other query may run on the connection while it is open.
   */
  async function emailDcs(
    trx: Parameters<typeof enqueueEmail>[0],
    details: Details,
    kind: OutboxKind,
    dedupeKey: string,
    subject: string,
    lines: string[],
  ) {
    const dcs = details.contacts.find((contact) => contact.contactRole === 'dcs')
    if (!dcs) return
    // No child-level data in email: the DCS signs in to read the record.
    await enqueueEmail(trx, {
      kind,
      recipient: dcs.email,
      subject,
      bodyText: [`Dear ${dcs.name},`, '', ...lines, '', 'Ofsted'].join('\n'),
      dedupeKey,
      activityId: details.activity.id,
      availableAt: clock.now(),
    })
  }

  const service = {
    /**
     * The policy target of an activity's fieldwork records: the activity's own (LA, region, team,
     * lead, notice given) plus who on the team gathers evidence (002#53) and who is its QA
     * manager (002#190).
     */
    async target(activityId: string): Promise<PolicyTarget | null> {
      const base = await activities.target(activityId)
      if (!base) return null
      const { team } = await activities.details(activityId)
      return {
        ...base,
        evidenceUserIds: team
          .filter((member) => EVIDENCE_GATHERING_ROLES.includes(member.teamRole))
          .map((member) => member.userId),
        qaUserIds: team.filter((member) => member.teamRole === 'qa-manager').map((member) => member.userId),
      }
    },

    /** The target of one request, or null when it is not this activity's or not yet the LA's to see. */
    async rfiTarget(principal: Principal | undefined, activityId: string, rfiId: string): Promise<PolicyTarget | null> {
      const rfi = await findRfi(db, rfiId)
      if (!rfi || rfi.activityId !== activityId) return null
      if (principal && isLa(principal) && !RFI_LA_VISIBLE.includes(rfi.status)) return null
      return service.target(activityId)
    },

    async concernTarget(
      principal: Principal | undefined,
      activityId: string,
      concernId: string,
    ): Promise<PolicyTarget | null> {
      const concern = await findConcern(db, concernId)
      if (!concern || concern.activityId !== activityId) return null
      if (principal && isLa(principal) && !CONCERN_LA_VISIBLE.includes(concern.status)) return null
      return service.target(activityId)
    },

    async qaNoteTarget(activityId: string, noteId: string): Promise<PolicyTarget | null> {
      const note = await findQaNote(db, noteId)
      if (!note || note.activityId !== activityId) return null
      return service.target(activityId)
    },

    // ── The evidence record ───────────────────────────────────────────────────────────────

    /**
     * The evidence record page: entries (filtered by heading and inspector), coverage of the 17
     * headings (E2), QA notes, and for each case reference whether it is one of the activity's
     * children. The read is audited when it shows case references (ARCHITECTURE "Data rules").
     */
    async record(principal: Principal, activityId: string, filter: EntryFilter, context: RequestContext) {
      const details = await activities.details(activityId)
      const [entries, counts, notes, known] = await Promise.all([
        entriesOf(db, activityId, filter),
        entryCounts(db, activityId),
        qaNotesOf(db, activityId),
        knownCases(activityId),
      ])
      const caseIds = [...new Set(entries.flatMap((entry) => entry.caseIds))]
      if (caseIds.length > 0) {
        await recordAudit(db, {
          actor: principal,
          action: 'evidence.read',
          recordType: 'evidence-record',
          recordId: activityId,
          laCode: details.activity.laCode,
          summary: `Read the evidence record of ${details.activity.reference}: ${entries.length} entries naming ${caseIds.length} case references`,
          changes: { entryIds: entries.filter((entry) => entry.caseIds.length > 0).map((entry) => entry.id), filter },
          requestId: context.requestId,
        })
      }
      const marks = new Map<string, CaseMark>(caseIds.map((caseId) => [caseId, caseMark(caseId, known)]))
      return {
        details,
        entries,
        coverage: headingCoverage(counts.byHeading),
        authors: counts.authors,
        notes,
        marks,
        casesChecked: known !== null,
      }
    },

    /**
     * Add an entry to the evidence record (002#181-191): under one of the 17 headings, with its
     * source, date and time, the three-part structure (002#188), and case references as Child
     * Unique IDs. Only evidence-gathering team members write (002#53, checked by the policy).
     */
    async addEntry(
      principal: Principal,
      activityId: string,
      input: EntryInput,
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await openActivity(activityId)
      const errors: FieldErrors = { ...dateErrors }
      const problems = checkEvidenceEntry({
        headingId: input.headingId,
        statement: input.evaluativeStatement,
        evidence: input.evidenceSummary,
        impact: input.impact,
        source: input.sourceType,
        date: input.collectedOn ?? '',
        time: input.collectedTime ?? '',
      })
      const fieldFor = {
        headingId: 'headingId',
        statement: 'evaluativeStatement',
        evidence: 'evidenceSummary',
        impact: 'impact',
        source: 'sourceType',
        date: 'collectedOn',
        time: 'collectedTime',
      } as const
      const messages: Partial<Record<string, string>> = {
        headingId: 'Select the evaluation criteria heading the entry is evidence for',
        sourceType: 'Select the source of the evidence',
        collectedTime: 'Enter the time you collected the evidence in 24-hour time, for example 14 30',
      }
      for (const problem of problems) {
        const field = fieldFor[problem.field]
        errors[field] ??= messages[field] ?? `${problem.message} (${problem.citation})`
      }
      if (input.sourceType && !isSourceType(input.sourceType)) errors.sourceType = 'Select the source of the evidence'
      if (input.collectedOn && input.collectedOn > clock.today())
        errors.collectedOn = 'The date you collected the evidence must be today or in the past'
      if (!isSignificance(input.significance))
        errors.significance = 'Select whether the entry identifies a significant concern or outstanding practice'
      const cases = parseCaseIds(input.caseIds)
      if (cases.invalid.length > 0)
        errors.caseIds = `Enter case references as the local authority’s Child Unique IDs, which contain at least one digit: ${cases.invalid.map((item) => `“${item}”`).join(', ')} ${cases.invalid.length === 1 ? 'is not one' : 'are not'}`
      if (
        Object.keys(errors).length > 0 ||
        !input.collectedOn ||
        !input.collectedTime ||
        !isSourceType(input.sourceType) ||
        !isSignificance(input.significance)
      )
        throw new ValidationError(errors)
      const namesConfirmed = await guardNames(
        {
          evaluativeStatement: input.evaluativeStatement,
          evidenceSummary: input.evidenceSummary,
          impact: input.impact,
          sourceDetail: input.sourceDetail,
        },
        input.names,
      )
      const { collectedOn, collectedTime, sourceType, significance } = input
      return db.transaction().execute(async (trx) => {
        const id = await insertEntry(trx, {
          activityId,
          headingId: input.headingId,
          sourceType,
          sourceDetail: input.sourceDetail || null,
          collectedOn,
          collectedTime,
          evaluativeStatement: input.evaluativeStatement,
          evidenceSummary: input.evidenceSummary,
          impact: input.impact,
          significance,
          teamAgreed: input.teamAgreed,
          namesConfirmed,
          authorId: principal.id,
          caseIds: cases.ids,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.write',
          recordType: 'evidence-entry',
          recordId: id,
          laCode: activity.laCode,
          summary: `Added an evidence entry to ${activity.reference} under ${input.headingId}${namesConfirmed > 0 ? `; confirmed ${namesConfirmed} possible name${namesConfirmed === 1 ? '' : 's'} were not names (002#191)` : ''}`,
          // Ids and counts only: the entry's text may hold case detail and stays in its table.
          changes: {
            activityId,
            headingId: input.headingId,
            sourceType: input.sourceType,
            collectedOn,
            collectedTime,
            caseReferences: cases.ids.length,
            namesConfirmed,
          },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** A QA manager's note on one entry or the record as a whole (002#190). */
    async addQaNote(
      principal: Principal,
      activityId: string,
      input: { entryId: string; note: string },
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await openActivity(activityId)
      const errors: FieldErrors = {}
      if (!input.note) errors.note = 'Enter your note on the evidence record'
      if (input.entryId && !(await entryBelongsTo(db, input.entryId, activityId)))
        errors.entryId = 'Select an entry of this evidence record, or the record as a whole'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      return db.transaction().execute(async (trx) => {
        const id = await insertQaNote(trx, {
          activityId,
          entryId: input.entryId || null,
          note: input.note,
          authorId: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.qa-note',
          recordType: 'evidence-qa-note',
          recordId: id,
          laCode: activity.laCode,
          summary: `Added a QA note to the evidence record of ${activity.reference}`,
          changes: { activityId, entryId: input.entryId || null },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** The lead inspector resolves a QA note, saying what was done (002#186: the lead coordinates the record). */
    async resolveQaNote(
      principal: Principal,
      activityId: string,
      noteId: string,
      input: { resolution: string },
      context: RequestContext,
    ): Promise<void> {
      const { activity } = await activities.details(activityId)
      if (!input.resolution)
        throw new ValidationError({ [`resolution-${noteId}`]: 'Enter what was done about the note' })
      await db.transaction().execute(async (trx) => {
        if (!(await resolveQaNote(trx, noteId, { text: input.resolution, by: principal.id, at: clock.now() })))
          throw new ConflictError('This note has already been resolved')
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.qa-resolve',
          recordType: 'evidence-qa-note',
          recordId: noteId,
          laCode: activity.laCode,
          summary: `Resolved a QA note on the evidence record of ${activity.reference}`,
          changes: { activityId },
          requestId: context.requestId,
        })
      })
    },

    // ── Keep-in-touch meetings (002#173-175, E5) ────────────────────────────────────────

    async keepInTouch(activityId: string) {
      const details = await activities.details(activityId)
      const meetings = await kitMeetingsOf(db, activityId)
      const onsiteEnd = details.milestones.find((m) => m.key === 'onsite.end')?.date ?? details.activity.onsiteStart
      const days = kitDays(
        fieldworkDays(details.activity.onsiteStart, onsiteEnd),
        meetings.map((meeting) => meeting.meetingOn),
        clock.today(),
      )
      return { details, meetings, days }
    },

    async addKitMeeting(
      principal: Principal,
      activityId: string,
      input: {
        meetingOn: string | undefined
        attendeeRoles: readonly string[]
        otherAttendees: string
        dcsDeclined: boolean
        findingsShared: string
        dcsClear: boolean
        noSurprises: boolean
        names: NameConfirmation
      },
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await openActivity(activityId)
      const { days, meetings } = await service.keepInTouch(activityId)
      const errors: FieldErrors = { ...dateErrors }
      if (input.meetingOn && !days.some((day) => day.day === input.meetingOn))
        errors.meetingOn = `Enter a fieldwork day, from ${formatLongDate(days[0]?.day ?? activity.onsiteStart)} to ${formatLongDate(days.at(-1)?.day ?? activity.onsiteStart)}`
      else if (input.meetingOn && input.meetingOn > clock.today())
        errors.meetingOn = 'The meeting date must be today or in the past'
      else if (input.meetingOn && meetings.some((meeting) => meeting.meetingOn === input.meetingOn))
        errors.meetingOn = `A keep-in-touch note for ${formatLongDate(input.meetingOn)} is already recorded`
      const roles = input.attendeeRoles.filter((role) => role in KIT_ATTENDEE_ROLES)
      if (roles.length === 0 && !input.otherAttendees) errors.attendeeRoles = 'Select who attended, by role'
      if (!input.findingsShared) errors.findingsShared = 'Enter the emerging findings shared with the local authority'
      if (Object.keys(errors).length > 0 || !input.meetingOn) throw new ValidationError(errors)
      await guardNames({ findingsShared: input.findingsShared, otherAttendees: input.otherAttendees }, input.names)
      const meetingOn = input.meetingOn
      return db.transaction().execute(async (trx) => {
        const id = await insertKitMeeting(trx, {
          activityId,
          meetingOn,
          attendeeRoles: roles,
          otherAttendees: input.otherAttendees || null,
          // 002#175: the DCS may choose not to engage; recorded, and not a judgement matter.
          dcsDeclined: input.dcsDeclined,
          findingsShared: input.findingsShared,
          dcsClear: input.dcsClear,
          noSurprises: input.noSurprises,
          recordedBy: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'evidence.keep-in-touch',
          recordType: 'keep-in-touch-meeting',
          recordId: id,
          laCode: activity.laCode,
          summary: `Recorded the keep-in-touch meeting of ${formatLongDate(meetingOn)} for ${activity.reference}`,
          changes: {
            activityId,
            meetingOn,
            attendeeRoles: roles,
            dcsDeclined: input.dcsDeclined,
            noSurprises: input.noSurprises,
          },
          requestId: context.requestId,
        })
        return id
      })
    },

    // ── Requests for further information (002 Annex B, #167, #244, E3) ──────────────────

    /** The record of requests: the team sees all; the LA sees those the lead has agreed (002#70, #244). */
    async requests(principal: Principal, activityId: string, context: RequestContext) {
      const details = await activities.details(activityId)
      const all = await rfisOf(db, activityId)
      const requests = isLa(principal) ? all.filter((rfi) => RFI_LA_VISIBLE.includes(rfi.status)) : all
      await auditCaseRead(
        principal,
        'rfi.read',
        'further-information-record',
        activityId,
        details.activity,
        requests.filter((rfi) => rfi.caseId).map((rfi) => rfi.id),
        context,
      )
      return { details, requests, today: clock.today() }
    },

    async request(principal: Principal, activityId: string, rfiId: string, context: RequestContext) {
      const { details, rfi } = await loadRfi(activityId, rfiId)
      if (rfi.caseId)
        await auditCaseRead(
          principal,
          'rfi.read',
          'further-information-request',
          rfi.id,
          details.activity,
          [rfi.id],
          context,
        )
      return { details, rfi, today: clock.today() }
    },

    /**
     * Raise a request (002#165-167). A team inspector's request waits for the lead inspector to
     * agree it (002#70: "kept to an absolute minimum and agreed by the lead inspector"); the
     * lead's own request is agreed as it is raised.
     */
    async raiseRequest(
      principal: Principal,
      activityId: string,
      input: {
        requestType: string
        caseId: string
        reason: string
        dateResponseRequired: string | undefined
        names: NameConfirmation
      },
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<string> {
      const details = await openActivity(activityId)
      const { activity } = details
      const lead = details.team.some((member) => member.teamRole === 'lead-inspector' && member.userId === principal.id)
      const errors: FieldErrors = { ...dateErrors }
      const requestType =
        input.requestType === 'document' || input.requestType === 'information' ? input.requestType : undefined
      if (!requestType) errors.requestType = 'Select whether you are asking for a document or information'
      if (input.caseId && !isChildId(input.caseId))
        errors.caseId =
          'Enter the case ID as the local authority’s Child Unique ID, which contains at least one digit, or leave it blank'
      if (!input.reason) errors.reason = 'Enter the reason for the request'
      if (input.dateResponseRequired && input.dateResponseRequired < clock.today())
        errors.dateResponseRequired = 'The date the response is required must be today or later'
      if (Object.keys(errors).length > 0 || !input.dateResponseRequired || !requestType)
        throw new ValidationError(errors)
      await guardNames({ reason: input.reason }, input.names)
      const today = clock.today()
      const dateResponseRequired = input.dateResponseRequired
      return db.transaction().execute(async (trx) => {
        const number = await lockForNumbering(trx, activityId, 'further_information_requests')
        const id = await insertRfi(trx, {
          activityId,
          number,
          status: lead ? 'requested' : 'awaiting-lead',
          requestedBy: principal.id,
          requestType,
          caseId: input.caseId || null,
          reason: input.reason,
          dateRequested: lead ? today : null,
          dateResponseRequired,
          agreedBy: lead ? principal.id : null,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'rfi.raise',
          recordType: 'further-information-request',
          recordId: id,
          laCode: activity.laCode,
          summary: `Raised request ${number} for ${activity.reference}${lead ? ' (agreed by the lead inspector)' : '; awaiting the lead inspector'}`,
          changes: {
            activityId,
            number,
            requestType: input.requestType,
            hasCaseId: Boolean(input.caseId),
            dateResponseRequired,
          },
          requestId: context.requestId,
        })
        if (lead) await requestedEmail(trx, details, id, number, dateResponseRequired)
        return id
      })
    },

    /** The lead agrees or declines a team inspector's request (002#70, #244), and may change the date required. */
    async agreeRequest(
      principal: Principal,
      activityId: string,
      rfiId: string,
      input: { agree: string; dateResponseRequired: string | undefined; note: string; version: number | undefined },
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<void> {
      const { rfi, details } = await loadRfi(activityId, rfiId)
      if (rfi.status !== 'awaiting-lead')
        throw new ConflictError(
          `Request ${rfi.number} has already been ${rfi.status === 'declined' ? 'declined' : 'agreed'}`,
        )
      const errors: FieldErrors = {}
      if (input.agree !== 'yes' && input.agree !== 'no') errors.agree = 'Select whether to make the request'
      if (input.agree === 'yes') {
        Object.assign(errors, dateErrors)
        if (input.dateResponseRequired && input.dateResponseRequired < clock.today())
          errors.dateResponseRequired = 'The date the response is required must be today or later'
      }
      if (input.agree === 'no' && !input.note)
        errors.note = 'Enter why the request is not needed, for example the information is already available (002#244)'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      const agreed = input.agree === 'yes'
      const today = clock.today()
      const dateResponseRequired = input.dateResponseRequired ?? rfi.dateResponseRequired
      await db.transaction().execute(async (trx) => {
        const changed = await updateRfi(
          trx,
          rfi.id,
          { version: input.version ?? rfi.version, status: 'awaiting-lead' },
          agreed
            ? {
                status: 'requested',
                date_requested: today,
                date_response_required: dateResponseRequired,
                agreed_by: principal.id,
                decision_note: input.note || null,
              }
            : { status: 'declined', decision_note: input.note, decided_by: principal.id, decided_at: clock.now() },
        )
        if (!changed)
          throw new ConflictError('Someone else changed this request after you opened the page. Check it again.')
        await recordAudit(trx, {
          actor: principal,
          action: agreed ? 'rfi.agree' : 'rfi.decline',
          recordType: 'further-information-request',
          recordId: rfi.id,
          laCode: details.activity.laCode,
          summary: `${agreed ? 'Agreed' : 'Declined'} request ${rfi.number} for ${details.activity.reference}`,
          changes: {
            before: { status: rfi.status },
            after: { status: agreed ? 'requested' : 'declined', dateResponseRequired },
          },
          requestId: context.requestId,
        })
        if (agreed && dateResponseRequired) await requestedEmail(trx, details, rfi.id, rfi.number, dateResponseRequired)
      })
    },

    /** The LA answers (002#167: the DCS enters responses on the record). */
    async answerRequest(
      principal: Principal,
      activityId: string,
      rfiId: string,
      input: { response: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { rfi, details } = await loadRfi(activityId, rfiId)
      if (rfi.status !== 'requested') throw new ConflictError(`Request ${rfi.number} has already been answered`)
      if (!input.response) throw new ValidationError({ response: 'Enter the local authority’s response' })
      await db.transaction().execute(async (trx) => {
        const changed = await updateRfi(
          trx,
          rfi.id,
          { version: input.version ?? rfi.version, status: 'requested' },
          { status: 'answered', response: input.response, answered_by: principal.id, date_received: clock.today() },
        )
        if (!changed)
          throw new ConflictError('Someone else changed this request after you opened the page. Check it again.')
        await recordAudit(trx, {
          actor: principal,
          action: 'rfi.answer',
          recordType: 'further-information-request',
          recordId: rfi.id,
          laCode: details.activity.laCode,
          summary: `Answered request ${rfi.number} for ${details.activity.reference}`,
          changes: { before: { status: 'requested' }, after: { status: 'answered', dateReceived: clock.today() } },
          requestId: context.requestId,
        })
      })
    },

    /** The lead decides whether to accept the response as evidence (002#244). */
    async decideRequest(
      principal: Principal,
      activityId: string,
      rfiId: string,
      input: { decision: string; note: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { rfi, details } = await loadRfi(activityId, rfiId)
      if (rfi.status !== 'answered')
        throw new ConflictError(
          rfi.status === 'accepted' || rfi.status === 'not-accepted'
            ? `Request ${rfi.number} has already been decided`
            : `Request ${rfi.number} has not been answered yet`,
        )
      const errors: FieldErrors = {}
      if (input.decision !== 'accepted' && input.decision !== 'not-accepted')
        errors.decision = 'Select whether to accept the response'
      if (input.decision === 'not-accepted' && !input.note)
        errors.decisionNote = 'Enter why the response is not accepted'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      const decision = input.decision as 'accepted' | 'not-accepted'
      await db.transaction().execute(async (trx) => {
        const changed = await updateRfi(
          trx,
          rfi.id,
          { version: input.version ?? rfi.version, status: 'answered' },
          {
            status: decision,
            decision_note: input.note || rfi.decisionNote,
            decided_by: principal.id,
            decided_at: clock.now(),
          },
        )
        if (!changed)
          throw new ConflictError('Someone else changed this request after you opened the page. Check it again.')
        await recordAudit(trx, {
          actor: principal,
          action: 'rfi.decide',
          recordType: 'further-information-request',
          recordId: rfi.id,
          laCode: details.activity.laCode,
          summary: `${decision === 'accepted' ? 'Accepted' : 'Did not accept'} the response to request ${rfi.number} for ${details.activity.reference}`,
          changes: { before: { status: 'answered' }, after: { status: decision } },
          requestId: context.requestId,
        })
      })
    },

    // ── Cases of concern (000 Annex C, 001#36, 002#136, E4) ──────────────────────────────

    async concerns(principal: Principal, activityId: string, context: RequestContext) {
      const details = await activities.details(activityId)
      const all = await concernsOf(db, activityId)
      const concerns = isLa(principal) ? all.filter((concern) => CONCERN_LA_VISIBLE.includes(concern.status)) : all
      await auditCaseRead(
        principal,
        'concern.read',
        'cases-of-concern',
        activityId,
        details.activity,
        concerns.map((concern) => concern.id),
        context,
      )
      return { details, concerns, today: clock.today() }
    },

    async concern(principal: Principal, activityId: string, concernId: string, context: RequestContext) {
      const { details, concern } = await loadConcern(activityId, concernId)
      await auditCaseRead(
        principal,
        'concern.read',
        'case-of-concern',
        concern.id,
        details.activity,
        [concern.id],
        context,
      )
      return { details, concern, today: clock.today() }
    },

    /**
     * An inspector brings a concern not resolved with the practitioner or manager to the lead
     * (000 Annex C): the case identification (team/location) and the issues with their view of
     * the significance. The child is named by Child Unique ID only.
     */
    async raiseConcern(
      principal: Principal,
      activityId: string,
      input: {
        caseId: string
        teamLocation: string
        issues: string
        significance: string
        discussedWith: string
        names: NameConfirmation
      },
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await openActivity(activityId)
      const errors: FieldErrors = {}
      if (!input.caseId) errors.caseId = 'Enter the child’s Child Unique ID'
      else if (!isChildId(input.caseId))
        errors.caseId = 'Enter the case ID as the local authority’s Child Unique ID, which contains at least one digit'
      if (!input.teamLocation) errors.teamLocation = 'Enter the team or location of the case'
      if (!input.issues) errors.issues = 'Enter the issues of concern'
      if (!input.significance) errors.significance = 'Enter your view of the significance of the concerns'
      if (!input.discussedWith)
        errors.discussedWith = 'Enter who you raised the concern with (by role) and why it was not resolved'
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      await guardNames(
        {
          teamLocation: input.teamLocation,
          issues: input.issues,
          significance: input.significance,
          discussedWith: input.discussedWith,
        },
        input.names,
      )
      return db.transaction().execute(async (trx) => {
        const number = await lockForNumbering(trx, activityId, 'cases_of_concern')
        const id = await insertConcern(trx, {
          activityId,
          number,
          caseId: input.caseId,
          teamLocation: input.teamLocation,
          issues: input.issues,
          significance: input.significance,
          discussedWith: input.discussedWith,
          raisedBy: principal.id,
          at: clock.now(),
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'concern.raise',
          recordType: 'case-of-concern',
          recordId: id,
          laCode: activity.laCode,
          summary: `Raised case of concern ${number} for ${activity.reference} with the lead inspector`,
          changes: { activityId, number },
          requestId: context.requestId,
        })
        return id
      })
    },

    /**
     * The lead gives the LA a formal written note of the concerns, seeking a written response
     * within a specified period (000 Annex C; 002#136: brought to the DCS's attention). The LA
     * sees the case reference, the team and this note, never the inspector's working notes.
     */
    async escalateConcern(
      principal: Principal,
      activityId: string,
      concernId: string,
      input: {
        formalNote: string
        responseDue: string | undefined
        version: number | undefined
        names: NameConfirmation
      },
      dateErrors: FieldErrors,
      context: RequestContext,
    ): Promise<void> {
      const { concern, details } = await loadConcern(activityId, concernId)
      if (concern.status !== 'with-lead')
        throw new ConflictError(`Case of concern ${concern.number} has already been referred to the local authority`)
      const errors: FieldErrors = { ...dateErrors }
      if (!input.formalNote) errors.formalNote = 'Enter the formal written note of the concerns for the local authority'
      if (input.responseDue && input.responseDue < clock.today())
        errors.responseDue = 'The date for the written response must be today or later'
      if (Object.keys(errors).length > 0 || !input.responseDue) throw new ValidationError(errors)
      await guardNames({ formalNote: input.formalNote }, input.names)
      const responseDue = input.responseDue
      await db.transaction().execute(async (trx) => {
        const changed = await updateConcern(
          trx,
          concern.id,
          { version: input.version ?? concern.version, status: 'with-lead' },
          {
            status: 'escalated',
            formal_note: input.formalNote,
            response_due: responseDue,
            escalated_by: principal.id,
            escalated_at: clock.now(),
          },
        )
        if (!changed)
          throw new ConflictError(
            'Someone else changed this case of concern after you opened the page. Check it again.',
          )
        await recordAudit(trx, {
          actor: principal,
          action: 'concern.escalate',
          recordType: 'case-of-concern',
          recordId: concern.id,
          laCode: details.activity.laCode,
          summary: `Referred case of concern ${concern.number} for ${details.activity.reference} to the local authority; written response by ${responseDue}`,
          changes: { before: { status: 'with-lead' }, after: { status: 'escalated', responseDue } },
          requestId: context.requestId,
        })
        await emailDcs(
          trx,
          details,
          'case-of-concern',
          `concern:${concern.id}:escalated`,
          `Case of concern ${concern.number}: ${details.activity.reference}`,
          [
            `The lead inspector has referred case of concern ${concern.number} to you (${details.activity.reference}).`,
            `Please give a written response by ${formatLongDate(responseDue)}.`,
            `Sign in to read it and respond: ${config.baseUrl}/activities/${activityId}/concerns/${concern.id}`,
          ],
        )
      })
    },

    /** The LA's written response (000 Annex C: the lead retains a copy incorporating it). */
    async respondToConcern(
      principal: Principal,
      activityId: string,
      concernId: string,
      input: { response: string; version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { concern, details } = await loadConcern(activityId, concernId)
      if (concern.status !== 'escalated')
        throw new ConflictError(`The local authority has already responded to case of concern ${concern.number}`)
      if (!input.response) throw new ValidationError({ response: 'Enter the local authority’s written response' })
      await db.transaction().execute(async (trx) => {
        const changed = await updateConcern(
          trx,
          concern.id,
          { version: input.version ?? concern.version, status: 'escalated' },
          { status: 'responded', la_response: input.response, responded_by: principal.id, responded_at: clock.now() },
        )
        if (!changed)
          throw new ConflictError(
            'Someone else changed this case of concern after you opened the page. Check it again.',
          )
        await recordAudit(trx, {
          actor: principal,
          action: 'concern.respond',
          recordType: 'case-of-concern',
          recordId: concern.id,
          laCode: details.activity.laCode,
          summary: `The local authority responded to case of concern ${concern.number} for ${details.activity.reference}`,
          changes: { before: { status: 'escalated' }, after: { status: 'responded' } },
          requestId: context.requestId,
        })
      })
    },

    /** The lead's findings, communicated to the LA (000 Annex C: by the end of the inspection period). */
    async concludeConcern(
      principal: Principal,
      activityId: string,
      concernId: string,
      input: { findings: string; version: number | undefined; names: NameConfirmation },
      context: RequestContext,
    ): Promise<void> {
      const { concern, details } = await loadConcern(activityId, concernId)
      if (concern.status !== 'responded')
        throw new ConflictError(
          concern.status === 'concluded'
            ? `Findings for case of concern ${concern.number} are already recorded`
            : `Wait for the local authority’s response to case of concern ${concern.number}`,
        )
      if (!input.findings)
        throw new ValidationError({ findings: 'Enter the findings to communicate to the local authority' })
      await guardNames({ findings: input.findings }, input.names)
      await db.transaction().execute(async (trx) => {
        const changed = await updateConcern(
          trx,
          concern.id,
          { version: input.version ?? concern.version, status: 'responded' },
          { status: 'concluded', findings: input.findings, findings_by: principal.id, findings_at: clock.now() },
        )
        if (!changed)
          throw new ConflictError(
            'Someone else changed this case of concern after you opened the page. Check it again.',
          )
        await recordAudit(trx, {
          actor: principal,
          action: 'concern.conclude',
          recordType: 'case-of-concern',
          recordId: concern.id,
          laCode: details.activity.laCode,
          summary: `Recorded and communicated the findings on case of concern ${concern.number} for ${details.activity.reference}`,
          changes: { before: { status: 'responded' }, after: { status: 'concluded' } },
          requestId: context.requestId,
        })
      })
    },

    // ── For the activity page ───────────────────────────────────────────────────────────

    /** Counts for the task list (no child-level data). */
    async summary(activityId: string) {
      const [counts, notes, meetings, rfis, concerns, details, review] = await Promise.all([
        entryCounts(db, activityId),
        qaNotesOf(db, activityId),
        kitMeetingsOf(db, activityId),
        rfisOf(db, activityId),
        concernsOf(db, activityId),
        activities.details(activityId),
        reviewState(db, activityId),
      ])
      const onsiteEnd = details.milestones.find((m) => m.key === 'onsite.end')?.date ?? details.activity.onsiteStart
      const days = kitDays(
        fieldworkDays(details.activity.onsiteStart, onsiteEnd),
        meetings.map((meeting) => meeting.meetingOn),
        clock.today(),
      )
      return {
        entries: [...counts.byHeading.values()].reduce((sum, count) => sum + count, 0),
        coverage: headingCoverage(counts.byHeading),
        openQaNotes: notes.filter((note) => !note.resolvedAt).length,
        entriesSinceQa: review.entriesSinceQa,
        kitMissing: days.filter((day) => day.state === 'missing').length,
        kitRecorded: meetings.length,
        /** Every fieldwork day has its note: nothing more to keep in touch about. */
        kitComplete: days.every((day) => day.state === 'recorded'),
        fieldworkStarted: details.activity.onsiteStart <= clock.today(),
        rfis: rfis.map((rfi) => ({ status: rfi.status, dateResponseRequired: rfi.dateResponseRequired })),
        concerns: concerns.map((concern) => ({ status: concern.status, responseDue: concern.responseDue })),
        today: clock.today(),
      }
    },

    headings: EVALUATION_HEADINGS,
    isHeading: isEvaluationHeading,
  }

  async function requestedEmail(
    trx: Parameters<typeof enqueueEmail>[0],
    details: Details,
    rfiId: string,
    number: number,
    dateResponseRequired: string,
  ) {
    const { activity } = details
    const activityId = activity.id
    await emailDcs(
      trx,
      details,
      'further-information-request',
      `rfi:${rfiId}:requested`,
      `Request for further information ${number}: ${activity.reference}`,
      [
        `The lead inspector has added request ${number} to the record of requests for further information (${activity.reference}).`,
        `The response is required by ${formatLongDate(dateResponseRequired)}. Please enter it on the record (002#167).`,
        `Sign in to read it and respond: ${config.baseUrl}/activities/${activityId}/further-information/${rfiId}`,
      ],
    )
  }

  /** Audit a read of records that name children by case reference (ARCHITECTURE "Data rules"). */
  async function auditCaseRead(
    principal: Principal,
    action: AuditAction,
    recordType: string,
    recordId: string,
    activity: { reference: string; laCode: string },
    ids: readonly string[],
    context: RequestContext,
  ) {
    if (ids.length === 0) return
    await recordAudit(db, {
      actor: principal,
      action,
      recordType,
      recordId,
      laCode: activity.laCode,
      summary: `Read ${ids.length} ${recordType === 'cases-of-concern' || recordType === 'case-of-concern' ? 'case(s) of concern' : 'request(s) naming a case'} of ${activity.reference}`,
      changes: { ids },
      requestId: context.requestId,
    })
  }

  return service
}

export type EvidenceService = ReturnType<typeof createEvidenceService>
export type { CaseOfConcern, FurtherInformationRequest }
