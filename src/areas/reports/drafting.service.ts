import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { IncompleteDocumentError, renderDocx, renderPdf } from '../../documents/index.js'
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import {
  buildDocuments,
  delegatedNames,
  type DocumentFacts,
  documentProblems,
  type VersionDocuments,
} from './document.js'
import type { ReportFile } from './paths.js'
import type { ActivityDetails, ReportRecords, ReportsDeps } from './records.js'
import {
  findVersion,
  insertReport,
  insertStep,
  insertVersion,
  latestVersion,
  lockReport,
  updateReport,
  versionsOf,
} from './repository.js'
import { prefilledSections, type SectionContent, type Sections, sectionsFor } from './sections.js'
import type { Report, ReportVersion, SectionInput } from './types.js'
import { EDITABLE_STEPS, REPORT_KIND_LABELS, reportKindFor, STEP_LABELS } from './workflow.js'

/** Refuse a change made from a page built before the report last changed. */
export function checkVersion(report: Report, expected: number | undefined): void {
  if (expected === undefined)
    throw new ValidationError({ version: 'Open the report again before you change it: the page was out of date' })
  if (report.version !== expected)
    throw new ConflictError(
      'Someone else changed this report after you opened the page. Check it again and repeat your change if it is still needed.',
    )
}

/**
 * Writing the report or letter (002#203-213): starting it from the agreed judgements or findings,
 * saving each section as a new version, reading and comparing versions, and their Word and PDF
 * files. Every version's PDF is rendered when it is saved, so its page count is the real one
 * (002#212).
 */
export function draftingService(deps: ReportsDeps, records: ReportRecords) {
  const { db, clock } = deps

  /** The documents of a version and its rendered PDF; a placeholder-proof refusal as a field error. */
  async function prepare(details: ActivityDetails, facts: DocumentFacts, sections: Sections, field: string) {
    let documents: VersionDocuments
    try {
      documents = buildDocuments(facts, sections)
    } catch (error) {
      if (error instanceof IncompleteDocumentError) throw new ValidationError({ [field]: error.message })
      throw error
    }
    return { documents, ...(await records.render(details, documents)) }
  }

  return {
    prepare,

    /**
     * Start the report of an activity at report stage: its sections filled from the judgements or
     * findings agreed (never typed twice) and its first version rendered.
     */
    async start(principal: Principal, activityId: string, context: RequestContext): Promise<void> {
      const details = await records.details(activityId)
      const { activity } = details
      const kind = reportKindFor(activity.type)
      if (!kind) throw new ValidationError({ report: 'This service does not write the report of this activity yet' })
      if (activity.status !== 'report-stage')
        throw new ValidationError({ report: 'The report is started once the activity is at report stage' })
      if (await records.find(activityId)) throw new ValidationError({ report: 'The report has already been started' })
      const outcome = await records.agreedOutcome(details)
      const facts = await records.facts(details, kind, 'draft', clock.today())
      const sections = prefilledSections(kind, outcome)
      // The body running the services is named in the delegation section from the start (002#213).
      if (sections.delegation && delegatedNames(facts))
        sections.delegation = { ...sections.delegation, subject: delegatedNames(facts) }
      const prepared = await prepare(details, facts, sections, 'report')
      const at = clock.now()
      await db.transaction().execute(async (trx) => {
        const reportId = await insertReport(trx, { activityId, kind, createdBy: principal.id, at })
        await insertVersion(trx, reportId, {
          number: 1,
          status: 'draft',
          sections,
          documents: prepared.documents,
          pages: prepared.pages,
          pageLimit: prepared.pageLimit,
          pdfHash: prepared.pdfHash,
          note: 'Started from the agreed judgements or findings',
          createdBy: principal.id,
          at,
        })
        await insertStep(trx, reportId, { event: 'started', toStep: 'drafting', at, actorId: principal.id })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.start',
          recordType: 'report',
          recordId: reportId,
          laCode: activity.laCode,
          summary: `Started the ${REPORT_KIND_LABELS[kind]} of ${activity.reference} (version 1, ${prepared.pages} pages)`,
          changes: { kind, pages: prepared.pages },
          requestId: context.requestId,
        })
      })
    },

    /** Save one section as a new version of the report (issue 11: every save is kept). Returns its number. */
    async saveSection(
      principal: Principal,
      activityId: string,
      sectionKey: string,
      input: SectionInput,
      context: RequestContext,
    ): Promise<number> {
      return this.saveSections(principal, activityId, { [sectionKey]: input }, input, context)
    },

    /**
     * Save sections as one new version (the section form saves one; the demo and the API several).
     * Nothing changed, nothing saved: the latest version's number comes back.
     */
    async saveSections(
      principal: Principal,
      activityId: string,
      changes: Readonly<Record<string, Omit<SectionInput, 'note' | 'version'>>>,
      input: { note: string; version: number | undefined },
      context: RequestContext,
    ): Promise<number> {
      const details = await records.details(activityId)
      const report = await records.load(activityId)
      if (!EDITABLE_STEPS.includes(report.step))
        throw new ValidationError({
          text: `The text cannot change while the report is at “${STEP_LABELS[report.step].toLowerCase()}”`,
        })
      // Refused before rendering: a stale or hand-made form costs no PDF.
      checkVersion(report, input.version)
      const outcome = await records.agreedOutcome(details)
      const definitions = sectionsFor(report.kind, outcome)
      const known = new Set((await deps.evidence.entryHeadlines(activityId)).map((entry) => entry.id))
      const areas = new Set(outcome.areas.map((area) => area.key))
      const latest = (await latestVersion(db, report.id))!
      const sections: Record<string, SectionContent> = { ...latest.sections }
      const changed: string[] = []
      for (const [key, change] of Object.entries(changes)) {
        const definition = definitions.find((candidate) => candidate.key === key)
        if (!definition) throw new NotFoundError()
        const section: SectionContent = {
          text: change.text.replace(/\r\n?/g, '\n').trim(),
          evidenceIds: change.evidenceIds.filter((id) => known.has(id)),
          judgements: change.judgements.filter((area) => areas.has(area)),
          ...(definition.subjectLabel ? { subject: change.subject } : {}),
        }
        if (JSON.stringify(sections[key]) === JSON.stringify(section)) continue
        sections[key] = section
        changed.push(definition.label)
      }
      if (changed.length === 0) return latest.number
      const facts = await records.facts(details, report.kind, 'draft', clock.today())
      const prepared = await prepare(details, facts, sections, 'text')
      const at = clock.now()
      return db.transaction().execute(async (trx) => {
        checkVersion(await lockReport(trx, report.id), input.version)
        const number = latest.number + 1
        await insertVersion(trx, report.id, {
          number,
          status: 'draft',
          sections,
          documents: prepared.documents,
          pages: prepared.pages,
          pageLimit: prepared.pageLimit,
          pdfHash: prepared.pdfHash,
          note: input.note || `Changed ${changed.map((label) => `“${label}”`).join(', ')}`,
          createdBy: principal.id,
          at,
        })
        await updateReport(trx, report.id, {}, at)
        // The audit holds which sections changed and the page count, not the text (it is append-only).
        await recordAudit(trx, {
          actor: principal,
          action: 'report.save',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Saved version ${number} of the ${REPORT_KIND_LABELS[report.kind]} of ${details.activity.reference}: ${changed.join('; ')} (${prepared.pages} pages)`,
          changes: { sections: Object.keys(changes), version: number, pages: prepared.pages },
          requestId: context.requestId,
        })
        return number
      })
    },

    /** What the document still needs before it can go to QA, with citations. */
    async problems(activityId: string, version: ReportVersion, report: Report) {
      const details = await records.details(activityId)
      return documentProblems(await records.facts(details, report.kind, 'draft', clock.today()), version.sections)
    },

    versions: (report: Report) => versionsOf(db, report.id),

    /** One version of the report, or 404. */
    async version(activityId: string, number: number): Promise<ReportVersion> {
      const report = await records.find(activityId)
      const version = report ? await findVersion(db, report.id, number) : undefined
      if (!version) throw new NotFoundError()
      return version
    },

    /** A file of a version: its stored PDF, or the Word copy and the children's summary rendered from its model. */
    async file(
      activityId: string,
      number: number,
      file: ReportFile,
    ): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
      const details = await records.details(activityId)
      const version = await this.version(activityId, number)
      const document = file.startsWith('report') ? version.documents.report : version.documents.summaryForChildren
      if (!document) throw new NotFoundError()
      const pdf = file.endsWith('.pdf')
      const bytes = pdf
        ? file === 'report.pdf'
          ? await records.storedPdf(version.pdfHash)
          : await renderPdf(document)
        : await renderDocx(document)
      const base = `${details.activity.reference} ${file.startsWith('report') ? document.meta.kind : 'summary-for-children'} v${number}`
      return {
        bytes,
        contentType: pdf
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName: `${base}.${pdf ? 'pdf' : 'docx'}`,
      }
    },
  }
}
