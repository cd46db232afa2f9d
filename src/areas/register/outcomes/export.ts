/**
 * The register as other systems read it (issue 14): `ilacs register export --json`. The shape is
 * a contract: every LA with its history (current judgements and visits, oldest first), its
 * pathway and its next judgement inspection's window; dates `YYYY-MM-DD` or null, grades in the
 * register's words or null. Fields may be added in a later version, never renamed.
 * An inspection under a framework before the SIF (2009–2013) is a `judgement` entry with its
 * framework (`slac`, `child-protection`, `tlac`) and one more field, `frameworkGrades`: its grades
 * in the framework's own words by its own area names. In `grades` a grade shows only where the
 * scales share the word: "adequate" is not "requires improvement", so it is null there (ADR 0023).
 */
import { type EarlierInspection, registerGradeOf } from '../earlier-frameworks.js'
import type { Grade } from '../frameworks.js'
import { currentRecords } from '../history.js'
import type { JudgementRecord, LaHistory } from '../types.js'
import type { VisitRecord } from '../visits.js'

export interface ExportedGrades {
  readonly overall: Grade | null
  readonly leaders: Grade | null
  readonly helpAndProtection: Grade | null
  readonly childrenInCare: Grade | null
  readonly careLeavers: Grade | null
}

export interface ExportedHistoryEntry {
  readonly kind: 'judgement' | 'visit'
  readonly type: string
  readonly framework: string | null
  readonly start: string | null
  readonly end: string | null
  readonly published: string | null
  readonly theme: string | null
  readonly grades: ExportedGrades
  readonly source: string
  /** Only for the frameworks before the SIF: their grades in their own words (e.g. `adequate`). */
  readonly frameworkGrades?: Readonly<Record<string, string>>
}

export interface ExportedLa {
  readonly laCode: string
  readonly gssCode: string
  readonly name: string
  readonly history: readonly ExportedHistoryEntry[]
  readonly pathway: 1 | 2 | 3 | null
  readonly next: { type: string; from: string; to: string; rule: string; citation: string } | null
}

const NO_GRADES: ExportedGrades = {
  overall: null,
  leaders: null,
  helpAndProtection: null,
  childrenInCare: null,
  careLeavers: null,
}

/** The single inspection framework's areas under the ILACS names they correspond to. */
function grades(record: JudgementRecord): ExportedGrades {
  const g = record.grades
  return {
    overall: g.overall ?? null,
    leaders: g.leaders ?? g.leadership ?? null,
    helpAndProtection: g['help-and-protection'] ?? null,
    childrenInCare: g['children-in-care'] ?? g['looked-after'] ?? null,
    careLeavers: g['care-leavers'] ?? null,
  }
}

function judgementEntry(record: JudgementRecord): ExportedHistoryEntry {
  return {
    kind: 'judgement',
    type: record.activityType,
    framework: record.framework,
    start: record.inspectionStart,
    end: record.inspectionEnd,
    published: record.publishedOn,
    theme: null,
    grades: grades(record),
    source: record.sourceDetail ?? record.source,
  }
}

function visitEntry(visit: VisitRecord): ExportedHistoryEntry {
  return {
    kind: 'visit',
    type: visit.visitType,
    framework: null,
    start: visit.start,
    end: visit.end,
    published: visit.publishedOn,
    theme: visit.theme,
    grades: NO_GRADES,
    source: visit.sourceDetail ?? visit.source,
  }
}

const camel = (key: string) => key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())

/**
 * An earlier framework's inspection: its safeguarding and child protection judgements stand where
 * help and protection does, its looked after children judgement where children in care does, as
 * the SIF's areas do; no overall grade, which those frameworks did not give.
 */
function earlierEntry(inspection: EarlierInspection): ExportedHistoryEntry {
  const g = inspection.grades
  return {
    kind: 'judgement',
    type: inspection.inspectionType,
    framework: inspection.framework,
    start: inspection.inspectionStart,
    end: null,
    published: inspection.publishedOn,
    theme: null,
    grades: {
      ...NO_GRADES,
      helpAndProtection: registerGradeOf(g.safeguarding ?? g['child-protection']),
      childrenInCare: registerGradeOf(g['looked-after-children']),
    },
    source: inspection.sourceDetail,
    frameworkGrades: Object.fromEntries(Object.entries(g).map(([area, grade]) => [camel(area), grade])),
  }
}

const dateOf = (entry: ExportedHistoryEntry) => entry.start ?? entry.published ?? ''

/**
 * Oldest first; entries of one day (Cornwall's two re-inspections published 25 February 2011) in
 * an order of their own, by kind and type, so that every database holding the same history exports
 * it the same way, whatever order the files were imported in.
 */
function byDate(a: ExportedHistoryEntry, b: ExportedHistoryEntry): number {
  const keys = (entry: ExportedHistoryEntry) => [dateOf(entry), entry.published ?? '', entry.kind, entry.type]
  const [left, right] = [keys(a), keys(b)]
  for (let index = 0; index < left.length; index++)
    if (left[index] !== right[index]) return left[index]! < right[index]! ? -1 : 1
  return 0
}

/** The LA as exported: its history with its inspections under the frameworks before the SIF. */
export function exportedLa(history: LaHistory, earlier: readonly EarlierInspection[] = []): ExportedLa {
  const next = history.pathway?.next
  return {
    laCode: history.la.laCode,
    gssCode: history.la.gssCode,
    name: history.la.name,
    history: [
      ...earlier.map(earlierEntry),
      ...currentRecords(history.records).map(judgementEntry),
      ...history.visits.map(visitEntry),
    ].sort(byDate),
    pathway: history.pathway?.pathway ?? null,
    next: next ? { type: next.type, from: next.from, to: next.to, rule: next.rule, citation: next.citation } : null,
  }
}
