import { readFile } from 'node:fs/promises'
import { recordAudits } from '../../../auth/audit.js'
import { dataFile } from '../../../data-files.js'
import type { ServiceDeps } from '../../deps.js'
import { earlierInspections, insertEarlierInspections } from '../earlier.repository.js'
import { EARLIER_GRADE_LABELS } from '../earlier-frameworks.js'
import { parseCsv } from '../reference-data.js'
import {
  latestOutcomesFile,
  recordOutcomesFile,
  insertJudgements,
  insertVisits,
  judgementRecords,
  listLocalAuthorities,
  outcomesFileDates,
  updateImportedVisit,
  visitRecords,
} from '../repository.js'
import { insertOutcomeReadings } from '../readings.repository.js'
import { type Disagreement, describeChange } from './disagreements.js'
import { createLaMatcher, formerCouncils } from './la-matcher.js'
import { parseOutcomes } from './parse-outcomes.js'
import type { PlannedEarlier } from './plan-earlier.js'
import {
  type Conflict,
  type ImportPlan,
  type JudgementUpdate,
  planImport,
  type PlannedJudgement,
  type PlannedVisit,
} from './plan-import.js'
import { describeSources, type UnreadRow } from './records.js'
import { readSpreadsheet } from './spreadsheet.js'

/** What an import did (or, in a dry run, would do): the shape `ilacs register import --json` prints. */
export interface ImportResult {
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly conflicts: readonly Conflict[]
  readonly unread: readonly UnreadRow[]
  /** Where the file (or two of its tables) says otherwise than what the register keeps (ADR 0030). */
  readonly disagreements: readonly Disagreement[]
  /** Each record added or changed, in words, for the dry run's list. */
  readonly changes: readonly string[]
  /** The date Ofsted's file is "as at", when it says. */
  readonly asAt: string | null
}

export interface ImportActor {
  readonly id: string | null
  readonly email: string
}

async function loadFormerCouncils(): Promise<ReturnType<typeof formerCouncils>> {
  const [header, ...rows] = parseCsv(await readFile(dataFile('local-authorities-former.csv'), 'utf8'))
  const column = (name: string) => header?.indexOf(name) ?? -1
  return formerCouncils(
    rows.map((cells) => ({
      gssCode: cells[column('gss_code')] ?? '',
      laCode: cells[column('la_code')] ?? '',
      name: cells[column('name')] ?? '',
      validTo: cells[column('valid_to')] ?? '',
    })),
  )
}

const sourceText = (record: { sources: PlannedJudgement['sources'] }) => describeSources(record.sources)

function describeJudgement(verb: string, judgement: PlannedJudgement): string {
  const grade = judgement.grades.overall ?? 'no overall grade'
  return `${verb} ${judgement.laCode}: ${judgement.activityType} published ${judgement.published} (${judgement.framework}, ${grade})${judgement.predecessor ? `, as ${judgement.predecessor}` : ''}`
}

/** A change a newer file makes, before → after, with both sources named. */
function describeUpdate({ existing, next, changes }: JudgementUpdate): string {
  if (changes.length === 0) return describeJudgement('Complete', next)
  return `${describeJudgement('Change', next)}: ${changes.map(describeChange).join(', ')} (${existing.sourceDetail ?? existing.source} → ${sourceText(next)})`
}

function describeEarlier(verb: string, earlier: PlannedEarlier): string {
  const grades = Object.entries(earlier.grades).map(
    ([area, grade]) => `${area} ${EARLIER_GRADE_LABELS[grade].toLowerCase()}`,
  )
  return `${verb} ${earlier.laCode}: ${earlier.inspectionType} published ${earlier.published} (earlier framework ${earlier.framework}${grades.length ? `, ${grades.join(', ')}` : ''})${earlier.predecessor ? `, as ${earlier.predecessor}` : ''}`
}

function describeVisit(verb: string, visit: PlannedVisit): string {
  return `${verb} ${visit.laCode}: ${visit.visitType} from ${visit.start}${visit.theme ? ` (${visit.theme})` : ''}`
}

/**
 * Importing Ofsted's published outcomes into the register (issue 14): read the file, plan what
 * changes, and (unless a dry run) write it in one transaction, each record with its audit entry.
 */
export function outcomesImportService({ db }: Pick<ServiceDeps, 'db'>) {
  async function plan(path: string, fileName: string): Promise<ImportPlan & { asAt: string | null }> {
    const sheets = await readSpreadsheet(path, fileName)
    const parsed = parseOutcomes(fileName, sheets)
    const matcher = createLaMatcher(await listLocalAuthorities(db, { kind: 'all' }), await loadFormerCouncils())
    const [judgements, visits, earlier, fileDates] = await Promise.all([
      judgementRecords(db),
      visitRecords(db),
      earlierInspections(db),
      outcomesFileDates(db),
    ])
    const files = { asAt: parsed.asAt, fileDates }
    return {
      ...planImport(parsed.records, parsed.unread, matcher, { judgements, visits, earlier }, files),
      asAt: parsed.asAt,
    }
  }

  return {
    /** The latest of Ofsted's files imported, and the date it is as at. */
    latestOutcomesFile: () => latestOutcomesFile(db),

    /** Import (or with `dryRun`, only plan) the outcomes in the file at `path`, named `fileName`. */
    async importOutcomes(
      actor: ImportActor,
      path: string,
      fileName: string,
      options: { dryRun?: boolean; requestId?: string } = {},
    ): Promise<ImportResult> {
      const planned = await plan(path, fileName)
      const result: ImportResult = {
        created: planned.createJudgements.length + planned.createVisits.length + planned.createEarlier.length,
        updated: planned.updateJudgements.length + planned.updateVisits.length,
        unchanged: planned.unchanged,
        conflicts: planned.conflicts,
        unread: planned.unread,
        disagreements: planned.disagreements,
        asAt: planned.asAt,
        changes: [
          ...planned.createJudgements.map((judgement) => describeJudgement('Add', judgement)),
          ...planned.updateJudgements.map(describeUpdate),
          ...planned.createVisits.map((visit) => describeVisit('Add', visit)),
          ...planned.updateVisits.map(({ next }) => describeVisit('Complete', next)),
          ...planned.createEarlier.map((earlier) => describeEarlier('Add', earlier)),
        ],
      }
      if (options.dryRun) return result
      await db.transaction().execute(async (trx) => {
        // The register says which of Ofsted's files it holds, as at what date: with what it
        // loaded from it, so a failed import does not claim the file.
        await recordOutcomesFile(trx, fileName, planned.asAt)
        // What is not kept stays shown beside the record (ADR 0030); kept once, however often imported.
        await insertOutcomeReadings(trx, planned.readings)
        if (result.created + result.updated === 0) return
        const audit = (
          action: 'judgement.import' | 'visit.import',
          recordId: string,
          laCode: string,
          summary: string,
        ) => ({
          actor,
          action,
          recordType: action === 'judgement.import' ? 'judgement' : 'visit',
          recordId,
          laCode,
          summary,
          requestId: options.requestId ?? null,
        })
        const updates = planned.updateJudgements.map((update) => ({
          next: update.next,
          update,
          judgement: {
            ...toNewJudgement(updatedJudgement(update), actor),
            correctsId: update.existing.id,
            correctionReason:
              update.changes.length > 0
                ? `Changed by ${sourceText(update.next)}: ${update.changes.map(describeChange).join(', ')} (was ${update.existing.sourceDetail ?? update.existing.source})`
                : `Completed from ${sourceText(update.next)}`,
          },
        }))
        const judgementIds = await insertJudgements(trx, [
          ...planned.createJudgements.map((judgement) => toNewJudgement(judgement, actor)),
          ...updates.map((update) => update.judgement),
        ])
        const visitIds = await insertVisits(
          trx,
          planned.createVisits.map((visit) => ({
            laCode: visit.laCode,
            visitType: visit.visitType,
            start: visit.start,
            end: null,
            publishedOn: visit.published,
            theme: visit.theme,
            source: 'import' as const,
            sourceDetail: sourceText(visit),
            predecessor: visit.predecessor,
            recordedBy: actor.id,
          })),
        )
        const earlierIds = await insertEarlierInspections(
          trx,
          planned.createEarlier.map((earlier) => ({
            laCode: earlier.laCode,
            framework: earlier.framework,
            inspectionType: earlier.inspectionType,
            inspectionStart: earlier.start,
            publishedOn: earlier.published,
            grades: earlier.grades,
            sourceDetail: sourceText(earlier),
            predecessor: earlier.predecessor,
            recordedBy: actor.id,
          })),
        )
        for (const { existing, next } of planned.updateVisits) {
          await updateImportedVisit(trx, existing.id, {
            publishedOn: existing.publishedOn ?? next.published,
            theme: existing.theme ?? next.theme,
            sourceDetail: [existing.sourceDetail, sourceText(next)].filter(Boolean).join('; '),
          })
        }
        await recordAudits(trx, [
          ...planned.createJudgements.map((judgement, index) =>
            audit('judgement.import', judgementIds[index]!, judgement.laCode, describeJudgement('Imported', judgement)),
          ),
          ...updates.map(({ next, update }, index) =>
            audit(
              'judgement.import',
              judgementIds[planned.createJudgements.length + index]!,
              next.laCode,
              describeUpdate(update).replace(/^(Complete|Change)/, '$1d'),
            ),
          ),
          ...planned.createVisits.map((visit, index) =>
            audit('visit.import', visitIds[index]!, visit.laCode, describeVisit('Imported', visit)),
          ),
          ...planned.updateVisits.map(({ existing, next }) =>
            audit('visit.import', existing.id, next.laCode, describeVisit('Completed', next)),
          ),
          // History under an earlier framework: a judgement of its time, audited as one.
          ...planned.createEarlier.map((earlier, index) => ({
            ...audit('judgement.import', earlierIds[index]!, earlier.laCode, describeEarlier('Imported', earlier)),
            recordType: 'earlier-inspection',
          })),
          {
            actor,
            action: 'register.import' as const,
            recordType: 'data-load',
            recordId: fileName,
            summary: `Imported ${fileName}: ${result.created} added, ${result.updated} completed or changed, ${result.unchanged} unchanged, ${result.conflicts.length} conflicts, ${result.disagreements.length} disagreements, ${result.unread.length} rows not read`,
            requestId: options.requestId ?? null,
          },
        ])
      })
      return result
    },
  }
}

/**
 * The judgement an update writes: a newer file's values where it says otherwise (ADR 0030),
 * otherwise what the register holds, completed with what the file adds.
 */
function updatedJudgement({ existing, next, changes }: JudgementUpdate): PlannedJudgement {
  const newer = changes.length > 0
  return {
    ...next,
    activityType: newer ? (next.activityType ?? existing.activityType) : existing.activityType,
    start: newer ? (next.start ?? existing.inspectionStart) : (existing.inspectionStart ?? next.start),
    grades: { ...next.grades, ...existing.grades },
  }
}

function toNewJudgement(judgement: PlannedJudgement, actor: ImportActor) {
  if (!judgement.activityType || !judgement.published)
    throw new Error('A planned judgement has its type and publication date')
  return {
    laCode: judgement.laCode,
    framework: judgement.framework,
    activityType: judgement.activityType,
    inspectionStart: judgement.start,
    inspectionEnd: null,
    publishedOn: judgement.published,
    grades: judgement.grades,
    source: 'import' as const,
    recordedBy: actor.id,
    sourceDetail: sourceText(judgement),
    predecessor: judgement.predecessor,
  }
}
