/**
 * What an import of Ofsted's published outcomes would change (issue 14), worked out without
 * touching the database, so a dry run and the real import show the same thing.
 *
 * 1. Each row is matched to its LA (or, for a council that no longer exists, its successors).
 * 2. Rows of the same file about the same inspection (the history table, the in-year table and
 *    the latest-judgement table all list it) merge into one record; what one row leaves unknown
 *    another may give, and rows that disagree about a grade are reported.
 * 3. Each record is compared with the register: new ones are created; an earlier import's record
 *    that this file knows more about is updated (a correction, as the history is append-only);
 *    a record that says the same is unchanged; and a grade that differs from the register's is
 *    a conflict for a person to settle, never written over.
 */
import { daysBetween } from '../../../rules/calendar/dates.js'
import type { Framework, Grade, JudgementActivityType } from '../frameworks.js'
import type { JudgementRecord } from '../types.js'
import type { VisitRecord, VisitType } from '../visits.js'
import type { EarlierInspection } from '../earlier-frameworks.js'
import type { LaMatcher } from './la-matcher.js'
import { compareEarlier, mergeEarlier, type PlannedEarlier } from './plan-earlier.js'
import type { OutcomeReading } from '../readings.repository.js'
import { type Disagreement, type FieldChange, differingFields, isNewerFile } from './disagreements.js'
import {
  describeSource,
  describeSources,
  type OutcomeJudgement,
  type OutcomeRecord,
  type RowSource,
  type UnreadRow,
} from './records.js'

export interface PlannedJudgement {
  readonly laCode: string
  readonly predecessor: string | null
  readonly framework: Framework
  readonly activityType: JudgementActivityType | null
  readonly start: string | null
  readonly published: string | null
  readonly grades: Readonly<Record<string, Grade>>
  readonly sources: readonly RowSource[]
}

export interface PlannedVisit {
  readonly laCode: string
  readonly predecessor: string | null
  readonly visitType: VisitType
  readonly start: string
  readonly published: string | null
  readonly theme: string | null
  readonly sources: readonly RowSource[]
}

export interface Conflict {
  readonly laCode: string
  readonly sheet: string
  readonly row: number
  readonly reason: string
}

export interface ImportPlan {
  readonly createJudgements: readonly PlannedJudgement[]
  /** With `changes` where a newer file says otherwise; without, a record the file completes. */
  readonly updateJudgements: readonly JudgementUpdate[]
  readonly createVisits: readonly PlannedVisit[]
  readonly updateVisits: ReadonlyArray<{ readonly existing: VisitRecord; readonly next: PlannedVisit }>
  /** Inspections under the frameworks before the SIF (2009–2013): history only, added, never changed. */
  readonly createEarlier: readonly PlannedEarlier[]
  readonly unchanged: number
  readonly conflicts: readonly Conflict[]
  readonly unread: readonly UnreadRow[]
  /** Where a file or table says otherwise than what is kept (ADR 0030). */
  readonly disagreements: readonly Disagreement[]
  /** What is not kept, to show beside the record: each disagreement and each value a newer file changed. */
  readonly readings: readonly OutcomeReading[]
}

export interface JudgementUpdate {
  readonly existing: JudgementRecord
  readonly next: PlannedJudgement
  readonly changes: readonly FieldChange[]
}

/** The file being imported, as at what date, and the date of each file imported before. */
export interface ImportFiles {
  readonly asAt: string | null
  readonly fileDates: ReadonlyMap<string, string | null>
}

interface Comparison {
  createJudgements: PlannedJudgement[]
  updateJudgements: JudgementUpdate[]
  unchanged: number
  conflicts: Conflict[]
  unread: UnreadRow[]
  disagreements: Disagreement[]
  readings: OutcomeReading[]
}

/** A row of the file that disagrees with another row of it, kept to list once its inspection's date is known. */
interface WithinFile {
  readonly laCode: string
  readonly change: FieldChange
  readonly source: RowSource
}

/**
 * Whether two accounts of a judgement inspection are the same inspection: the same publication
 * date, first days of fieldwork within a week of each other (files disagree by a day), or one's
 * fieldwork starting up to 150 days before the other's publication (a table that gives only one).
 */
function sameInspection(
  a: { start: string | null; published: string | null },
  b: { start: string | null; published: string | null },
): boolean {
  if (a.published && b.published) return a.published === b.published
  if (a.start && b.start) return Math.abs(daysBetween(a.start, b.start)) <= 7
  const [start, published] = a.start ? [a.start, b.published] : [b.start, a.published]
  if (!start || !published) return false
  const gap = daysBetween(start, published)
  return gap >= 0 && gap <= 150
}

function sameVisit(a: { visitType: VisitType; start: string }, b: { visitType: VisitType; start: string }): boolean {
  return a.visitType === b.visitType && Math.abs(daysBetween(a.start, b.start)) <= 3
}

/** Rows with every fact first, so the history table's row leads and the others fill in. */
function completeness(record: OutcomeRecord): number {
  if (record.kind === 'visit') return (record.published ? 2 : 0) + (record.theme ? 1 : 0)
  if (record.kind === 'earlier') return 0
  return (record.activityType ? 4 : 0) + (record.start ? 2 : 0) + (record.published ? 1 : 0)
}

const dateRow = (source: RowSource): UnreadRow => ({ sheet: source.sheet, row: source.row, reason: '' })

export function planImport(
  records: readonly OutcomeRecord[],
  unreadRows: readonly UnreadRow[],
  matcher: LaMatcher,
  existing: {
    judgements: readonly JudgementRecord[]
    visits: readonly VisitRecord[]
    earlier: readonly EarlierInspection[]
  },
  files: ImportFiles = { asAt: null, fileDates: new Map() },
): ImportPlan {
  const withinFile: WithinFile[] = []
  const unread: UnreadRow[] = [...unreadRows]
  const judgements = new Map<string, PlannedJudgement[]>()
  const visits = new Map<string, PlannedVisit[]>()
  const earlier: PlannedEarlier[] = []
  const ordered = [...records].sort((a, b) => completeness(b) - completeness(a))
  for (const record of ordered) {
    const date = record.kind === 'visit' ? record.start : (record.start ?? record.published)
    const match = matcher.match({ ...record.la, date })
    if (!match) {
      const named = record.la.name ?? record.la.gssCode ?? record.la.link ?? ''
      unread.push({ ...dateRow(record.source), reason: `No local authority in the register matches "${named}"` })
      continue
    }
    for (const laCode of match.laCodes) {
      if (record.kind === 'visit') mergeVisit(visits, laCode, match.predecessor, record)
      else if (record.kind === 'earlier') mergeEarlier(earlier, laCode, match.predecessor, record)
      else {
        const disagreement = mergeJudgement(judgements, laCode, match.predecessor, record, withinFile)
        if (disagreement) unread.push({ ...dateRow(record.source), reason: disagreement })
      }
    }
  }

  const before = compareEarlier(earlier, existing.earlier)
  const plan = {
    createJudgements: [] as PlannedJudgement[],
    updateJudgements: [] as JudgementUpdate[],
    disagreements: [] as Disagreement[],
    readings: [] as OutcomeReading[],
    createVisits: [] as PlannedVisit[],
    updateVisits: [] as Array<{ existing: VisitRecord; next: PlannedVisit }>,
    createEarlier: before.create,
    unchanged: before.unchanged,
    conflicts: before.conflicts,
    unread,
  }
  const current = existing.judgements.filter((record) => record.correctedById === null)
  for (const [laCode, list] of judgements) {
    const theirs = current.filter((record) => record.laCode === laCode)
    for (const next of list) compareJudgement(plan, next, theirs, files)
  }
  for (const { laCode, change, source } of withinFile) {
    // A row that says what the register keeps disagrees only with the row listed already.
    const keptByRegister = plan.disagreements.some(
      (listed) => listed.laCode === laCode && listed.field === change.field && listed.kept === change.after,
    )
    if (keptByRegister) continue
    const judgement = judgements.get(laCode)?.find((planned) => planned.sources.includes(source))
    plan.disagreements.push({
      sheet: source.sheet,
      row: source.row,
      laCode,
      field: change.field,
      kept: change.before,
      fileSays: change.after,
    })
    if (judgement?.published)
      plan.readings.push({
        laCode,
        publishedOn: judgement.published,
        field: change.field,
        said: change.after,
        source: describeSource(source),
      })
  }
  for (const [laCode, list] of visits) {
    const theirs = existing.visits.filter((visit) => visit.laCode === laCode)
    for (const next of list) {
      const found = theirs.find((visit) => sameVisit(visit, next))
      if (!found) plan.createVisits.push(next)
      else if (
        found.source !== 'service' &&
        (fills(found.publishedOn, next.published) || fills(found.theme, next.theme))
      )
        plan.updateVisits.push({ existing: found, next })
      else plan.unchanged++
    }
  }
  // A row held by two successors, or read twice, is listed once.
  const seen = new Set<string>()
  plan.unread = unread.filter((row) => {
    const key = `${row.sheet}|${row.row}|${row.reason}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
  return plan
}

const fills = (have: string | null, offered: string | null) => have === null && offered !== null

function mergeVisit(
  visits: Map<string, PlannedVisit[]>,
  laCode: string,
  predecessor: string | null,
  record: OutcomeRecord,
) {
  if (record.kind !== 'visit') return
  const list = visits.get(laCode) ?? []
  const index = list.findIndex((visit) => sameVisit(visit, record))
  const found = list[index]
  if (found)
    list[index] = {
      ...found,
      published: found.published ?? record.published,
      theme: found.theme ?? record.theme,
      sources: [...found.sources, record.source],
    }
  else list.push({ laCode, predecessor, ...pick(record), sources: [record.source] })
  visits.set(laCode, list)
}

function pick(record: OutcomeRecord & { kind: 'visit' }) {
  const { visitType, start, published, theme } = record
  return { visitType, start, published, theme }
}

/** Merge a row into the file's records; returns why it disagrees with an earlier row, if it does. */
function mergeJudgement(
  judgements: Map<string, PlannedJudgement[]>,
  laCode: string,
  predecessor: string | null,
  record: OutcomeJudgement,
  withinFile: WithinFile[],
): string | undefined {
  const list = judgements.get(laCode) ?? []
  judgements.set(laCode, list)
  const index = list.findIndex((judgement) => sameInspection(judgement, record))
  const found = list[index]
  if (!found) {
    const { framework, activityType, start, published, grades } = record
    list.push({ laCode, predecessor, framework, activityType, start, published, grades, sources: [record.source] })
    return undefined
  }
  const differs = Object.entries(record.grades).find(
    ([area, grade]) => found.grades[area] && found.grades[area] !== grade,
  )
  if (differs)
    return `Grades ${differs[0]} as ${differs[1]}, but ${describeSource(found.sources[0]!)} grades it ${found.grades[differs[0]]}`
  // Two tables of one file that disagree: the first read is kept, the other listed (ADR 0030).
  for (const change of differingFields(found, record)) withinFile.push({ laCode, change, source: record.source })
  list[index] = {
    ...found,
    framework: found.start ? found.framework : record.framework,
    activityType: found.activityType ?? record.activityType,
    start: found.start ?? record.start,
    published: found.published ?? record.published,
    grades: { ...record.grades, ...found.grades },
    sources: [...found.sources, record.source],
  }
  return undefined
}

function compareJudgement(
  plan: Comparison,
  next: PlannedJudgement,
  theirs: readonly JudgementRecord[],
  files: ImportFiles,
): void {
  const found = theirs.find((record) =>
    sameInspection({ start: record.inspectionStart, published: record.publishedOn }, next),
  )
  const first = next.sources[0]!
  if (!found) {
    const missing = !next.activityType
      ? 'The table gives no inspection type, and no other row names this inspection'
      : !next.published
        ? 'The table gives no publication date, and no other row names this inspection'
        : undefined
    if (missing) plan.unread.push({ sheet: first.sheet, row: first.row, reason: missing })
    else plan.createJudgements.push(next)
    return
  }
  const differs = Object.entries(next.grades).find(
    ([area, grade]) => found.grades[area] && found.grades[area] !== grade,
  )
  if (differs) {
    plan.conflicts.push({
      laCode: next.laCode,
      sheet: first.sheet,
      row: first.row,
      reason: `The file grades ${differs[0]} ${differs[1]}; the register's judgement published ${found.publishedOn} (${found.source}) grades it ${found.grades[differs[0]]}`,
    })
    return
  }
  const addsGrades = Object.keys(next.grades).some((area) => !found.grades[area])
  const addsStart = found.inspectionStart === null && next.start !== null
  // A judgement recorded in the service (by hand or from a publication) is never changed by an import.
  const imported = found.source === 'import' || found.source === 'demo'
  const differences = differingFields({ activityType: found.activityType, start: found.inspectionStart }, next)
  if (differences.length > 0 && imported && isNewerFile(files.asAt, found.sourceDetail, files.fileDates)) {
    // A newer file corrects an earlier file's reading; the earlier reading stays shown (ADR 0030).
    plan.updateJudgements.push({ existing: found, next, changes: differences })
    for (const change of differences)
      plan.readings.push({
        laCode: next.laCode,
        publishedOn: found.publishedOn,
        field: change.field,
        said: change.before,
        source: found.sourceDetail ?? found.source,
      })
    return
  }
  for (const change of differences) {
    plan.disagreements.push({
      sheet: first.sheet,
      row: first.row,
      laCode: next.laCode,
      field: change.field,
      kept: change.before,
      fileSays: change.after,
    })
    plan.readings.push({
      laCode: next.laCode,
      publishedOn: found.publishedOn,
      field: change.field,
      said: change.after,
      source: describeSources(next.sources),
    })
  }
  if (imported && (addsGrades || addsStart)) plan.updateJudgements.push({ existing: found, next, changes: [] })
  else plan.unchanged++
}
