import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import { checkEvidenceEntry } from '../../rules/evidence.js'
import type { RequestContext } from '../deps.js'
import { entriesOf, entryCounts, insertEntry } from './entries.repository.js'
import {
  type CaseMark,
  caseMark,
  headingCoverage,
  parseCaseIds,
  type Significance,
  type SourceType,
} from './fieldwork.js'
import { qaNotesOf } from './qa-notes.repository.js'
import type { EvidenceDeps, EvidenceRecords } from './records.js'
import type { EntryAuthor, EntryFilter, EntryHeadline, NameConfirmation, QaNote } from './types.js'

export interface EntryInput {
  /** One of the 17 evaluation criteria headings (002#182, #239-241). */
  readonly headingId: string
  readonly sourceType: SourceType
  readonly sourceDetail: string
  /** `YYYY-MM-DD`, today or earlier. */
  readonly collectedOn: string
  /** `HH:MM`, 24-hour. */
  readonly collectedTime: string
  readonly evaluativeStatement: string
  readonly evidenceSummary: string
  readonly impact: string
  readonly significance: Significance
  readonly teamAgreed: boolean
  /** Child Unique IDs, separated by commas, spaces or new lines. */
  readonly caseIds: string
  readonly names: NameConfirmation
}

/** Which form field each part of the E1 rule's entry is. */
const FIELD_OF = {
  headingId: 'headingId',
  statement: 'evaluativeStatement',
  evidence: 'evidenceSummary',
  impact: 'impact',
  source: 'sourceType',
  date: 'collectedOn',
  time: 'collectedTime',
} as const

/** The evidence record (002#181-192, E1, E2): reading it and adding entries, which are never changed (ADR 0004). */
export function entryService(
  { db, clock, activities, knownCases = async () => null }: EvidenceDeps,
  records: EvidenceRecords,
) {
  return {
    /**
     * The evidence record page: entries (filtered by heading and inspector), coverage of the 17
     * headings (E2), QA notes, and for each case reference whether it is one of the activity's
     * children. The read is audited when it shows case references (ARCHITECTURE "Data rules").
     */
    async record(principal: Principal, activityId: string, filter: EntryFilter, context: RequestContext) {
      const details = await activities.details(activityId)
      const [stored, counts, storedNotes, known] = await Promise.all([
        entriesOf(db, activityId, filter),
        entryCounts(db, activityId),
        qaNotesOf(db, activityId),
        knownCases(activityId),
      ])
      const nameOf = await records.namesOf([
        ...counts.byAuthor.keys(),
        ...storedNotes.flatMap((note) => [note.authorId, note.resolvedById]),
      ])
      const entries = stored.map((entry) => ({ ...entry, authorName: nameOf(entry.authorId) }))
      const notes: QaNote[] = storedNotes.map(({ authorId, resolvedById, ...note }) => ({
        ...note,
        authorName: nameOf(authorId),
        resolvedByName: resolvedById ? nameOf(resolvedById) : null,
      }))
      const authors: EntryAuthor[] = [...counts.byAuthor]
        .map(([id, count]) => ({ id, name: nameOf(id), count }))
        .sort((a, b) => a.name.localeCompare(b.name))
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
        authors,
        notes,
        marks,
        casesChecked: known !== null,
      }
    },

    /**
     * The entries of the record as reports link to them (issue 11): heading, date and evaluative
     * statement, without case references, so listing them reads no child-level data.
     */
    async entryHeadlines(activityId: string): Promise<EntryHeadline[]> {
      const entries = await entriesOf(db, activityId)
      return entries.map((entry) => ({
        id: entry.id,
        headingId: entry.headingId,
        collectedOn: entry.collectedOn,
        evaluativeStatement: entry.evaluativeStatement,
      }))
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
      context: RequestContext,
    ): Promise<string> {
      const { activity } = await records.openActivity(activityId)
      const errors: Record<string, string> = {}
      const problems = checkEvidenceEntry({
        headingId: input.headingId,
        statement: input.evaluativeStatement,
        evidence: input.evidenceSummary,
        impact: input.impact,
        source: input.sourceType,
        date: input.collectedOn,
        time: input.collectedTime,
      })
      for (const problem of problems) errors[FIELD_OF[problem.field]] ??= `${problem.message} (${problem.citation})`
      if (input.collectedOn > clock.today())
        errors.collectedOn = 'The date you collected the evidence must be today or in the past'
      const cases = parseCaseIds(input.caseIds)
      if (cases.invalid.length > 0)
        errors.caseIds = `Enter case references as the local authority’s Child Unique IDs, which contain at least one digit: ${cases.invalid.map((item) => `“${item}”`).join(', ')} ${cases.invalid.length === 1 ? 'is not one' : 'are not'}`
      if (Object.keys(errors).length > 0) throw new ValidationError(errors)
      const namesConfirmed = await records.guardNames(
        {
          evaluativeStatement: input.evaluativeStatement,
          evidenceSummary: input.evidenceSummary,
          impact: input.impact,
          sourceDetail: input.sourceDetail,
        },
        input.names,
      )
      const { collectedOn, collectedTime } = input
      return db.transaction().execute(async (trx) => {
        const id = await insertEntry(trx, {
          activityId,
          headingId: input.headingId,
          sourceType: input.sourceType,
          sourceDetail: input.sourceDetail || null,
          collectedOn,
          collectedTime,
          evaluativeStatement: input.evaluativeStatement,
          evidenceSummary: input.evidenceSummary,
          impact: input.impact,
          significance: input.significance,
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
  }
}
