import { extname } from 'node:path'
import type { Readable } from 'node:stream'
import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { FileTooLargeError } from '../../files/blob-store.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import type { RequestContext } from '../deps.js'
import { insertMeeting, insertReport, markReportReceived, saveBoard } from './board.repository.js'
import type { InterventionDeps, InterventionRecords } from './records.js'
import type { Board, ReportSource, StoredDocument } from './types.js'

/** A file as it arrives: a name, a type and a stream never held whole in memory. */
export interface Upload {
  readonly fileName: string
  readonly contentType: string
  readonly stream: Readable
}

/** Documents kept with the record: minutes and reports are documents, spreadsheets or PDFs. */
export const DOCUMENT_EXTENSIONS = ['.pdf', '.doc', '.docx', '.odt', '.xlsx', '.xls', '.ods', '.txt', '.rtf'] as const
export const MAX_DOCUMENT_BYTES = 50 * 1_048_576

/** The improvement board, its meetings and minutes, and the reporting schedule with its reports (G3). */
export function boardService(deps: InterventionDeps, records: InterventionRecords) {
  const { db, blobs } = deps

  /** Store an uploaded document in the blob store, or refuse it with the field's message. */
  async function store(upload: Upload, field: string): Promise<StoredDocument> {
    const extension = extname(upload.fileName).toLowerCase()
    if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
      upload.stream.resume()
      throw new ValidationError({
        [field]: `The selected file must be a document, spreadsheet or PDF (${DOCUMENT_EXTENSIONS.join(', ')})`,
      })
    }
    try {
      const stored = await blobs.put(upload.stream, { maxBytes: MAX_DOCUMENT_BYTES })
      if (stored.size === 0) throw new ValidationError({ [field]: 'The selected file is empty' })
      return { name: upload.fileName, hash: stored.hash, size: stored.size, type: upload.contentType }
    } catch (error) {
      if (error instanceof FileTooLargeError)
        throw new ValidationError({
          [field]: `The selected file must be smaller than ${MAX_DOCUMENT_BYTES / 1_048_576} MB`,
        })
      throw error
    }
  }

  async function openRecord(
    principal: Principal,
    interventionId: string,
    action: 'intervention.manage' | 'intervention.report',
  ) {
    const record = await records.record(interventionId)
    await records.guard(principal, action, record.intervention.laCode)
    return record
  }

  return {
    /** Set up or change the board: its chair (independent or not), members, and the adviser or commissioner named (G3). */
    async setBoard(
      principal: Principal,
      interventionId: string,
      input: Omit<Board, 'version'> & { version: number | undefined },
      context: RequestContext,
    ): Promise<void> {
      const { intervention, board } = await openRecord(principal, interventionId, 'intervention.manage')
      const { version, ...value } = input
      if (board && version !== undefined && board.version !== version)
        throw new ValidationError({ chairName: 'Someone else changed the board. Reload the page and try again.' })
      await db.transaction().execute(async (trx) => {
        await saveBoard(trx, interventionId, value, principal.id)
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.board',
          recordType: 'intervention',
          recordId: interventionId,
          laCode: intervention.laCode,
          summary: `Improvement board ${board ? 'changed' : 'set up'}: chair ${value.chairName}`,
          changes: { before: board, after: value },
          requestId: context.requestId,
        })
      })
    },

    /** Record a board meeting, with its minutes when uploaded (G3: monthly to six-weekly). */
    async addMeeting(
      principal: Principal,
      interventionId: string,
      input: { metOn: string; summary: string; minutes: Upload | null },
      context: RequestContext,
    ): Promise<string> {
      const { intervention, board } = await openRecord(principal, interventionId, 'intervention.report')
      if (!board) {
        input.minutes?.stream.resume()
        throw new ValidationError({ metOn: 'Set up the improvement board before recording its meetings' })
      }
      if (input.metOn > deps.clock.today()) {
        input.minutes?.stream.resume()
        throw new ValidationError({ metOn: 'The date of the meeting must be today or in the past' })
      }
      const minutes = input.minutes ? await store(input.minutes, 'minutes') : null
      return db.transaction().execute(async (trx) => {
        const id = await insertMeeting(trx, {
          interventionId,
          metOn: input.metOn,
          summary: input.summary,
          minutes,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.board-meeting',
          recordType: 'board-meeting',
          recordId: id,
          laCode: intervention.laCode,
          summary: `Improvement board met ${formatLongDate(input.metOn)}${minutes ? ', minutes uploaded' : ''}`,
          changes: { interventionId, metOn: input.metOn, minutes: minutes?.name ?? null },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Add a report to the reporting schedule the notice or direction sets (G3: no fixed dates). */
    async scheduleReport(
      principal: Principal,
      interventionId: string,
      input: { title: string; dueFrom: ReportSource; ownerEmail: string; dueOn: string },
      context: RequestContext,
    ): Promise<string> {
      const { intervention } = await openRecord(principal, interventionId, 'intervention.manage')
      if (input.dueOn < intervention.openedOn)
        throw new ValidationError({
          dueOn: `The due date must be on or after the record was opened (${formatLongDate(intervention.openedOn)})`,
        })
      return db.transaction().execute(async (trx) => {
        const id = await insertReport(trx, {
          interventionId,
          ...input,
          ownerEmail: input.ownerEmail || null,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.report-schedule',
          recordType: 'intervention-report',
          recordId: id,
          laCode: intervention.laCode,
          summary: `Report scheduled: ${input.title}, due ${formatLongDate(input.dueOn)}`,
          changes: { interventionId, ...input },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** Record that a report came in, on a day, with the report itself when uploaded. */
    async receiveReport(
      principal: Principal,
      interventionId: string,
      reportId: string,
      input: { receivedOn: string; file: Upload | null },
      context: RequestContext,
    ): Promise<void> {
      const { intervention, reports } = await openRecord(principal, interventionId, 'intervention.report')
      const report = reports.find((candidate) => candidate.id === reportId)
      if (!report) {
        input.file?.stream.resume()
        throw new NotFoundError()
      }
      if (input.receivedOn > deps.clock.today()) {
        input.file?.stream.resume()
        throw new ValidationError({ receivedOn: 'The date it was received must be today or in the past' })
      }
      const file = input.file ? await store(input.file, 'report') : null
      await db.transaction().execute(async (trx) => {
        await markReportReceived(trx, reportId, input.receivedOn, file)
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.report-receive',
          recordType: 'intervention-report',
          recordId: reportId,
          laCode: intervention.laCode,
          summary: `Report received ${formatLongDate(input.receivedOn)}: ${report.title}`,
          changes: { interventionId, receivedOn: input.receivedOn, file: file?.name ?? null },
          requestId: context.requestId,
        })
      })
    },

    /** A meeting's minutes or a report's file, for someone who may see the record. */
    async openDocument(
      principal: Principal,
      interventionId: string,
      kind: 'minutes' | 'report',
      id: string,
    ): Promise<StoredDocument & { stream: Readable }> {
      const { meetings, reports, intervention } = await records.record(interventionId)
      await records.guard(principal, 'intervention.view', intervention.laCode)
      const found =
        kind === 'minutes'
          ? meetings.find((meeting) => meeting.id === id)?.minutes
          : reports.find((report) => report.id === id)?.document
      if (!found || !(await blobs.exists(found.hash))) throw new NotFoundError()
      return { ...found, stream: blobs.open(found.hash) }
    },
  }
}
