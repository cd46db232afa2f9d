/**
 * The national distribution of lateness (issue 14, "show drift as drift"), from the real history
 * the register holds: for each standard and short inspection after a judgement of pathway 1 or 2,
 * how far outside its due window it started (P4, P8) and how many working days its report took
 * from fieldwork to publication against 21 (E7), by year and by region.
 */
import { median, monthsOutsideWindow, reportWorkingDays } from '../../rules/drift.js'
import { pathwayGrade } from './frameworks.js'
import { currentRecords } from './history.js'
import type { JudgementRecord, LocalAuthority } from './types.js'

/** One inspection measured against the framework. */
export interface MeasuredInspection {
  readonly laCode: string
  readonly regionName: string
  readonly year: string
  readonly start: string
  readonly monthsOutside: number
  readonly workingDays: number
}

/** A group of inspections (a year or a region) and its medians. */
export interface DriftGroup {
  readonly label: string
  readonly inspections: number
  readonly inside: number
  readonly late: number
  readonly early: number
  readonly medianMonthsOutside: number
  readonly medianWorkingDays: number
}

export interface NationalDrift {
  readonly inspections: readonly MeasuredInspection[]
  readonly byYear: readonly DriftGroup[]
  readonly byRegion: readonly DriftGroup[]
  readonly statutoryWorkingDays: number
}

/**
 * Measure every standard and short inspection whose first day of fieldwork is known and whose
 * previous judgement put the LA on pathway 1 or 2 (an inadequate LA's re-inspection has its own
 * window, P3). Decision: the previous judgement is the LA's previous current record in the register,
 * under whichever framework (a SIF judgement anchors the first ILACS window).
 */
export function measureInspections(
  records: readonly JudgementRecord[],
  las: readonly LocalAuthority[],
): MeasuredInspection[] {
  const region = new Map(las.map((la) => [la.laCode, la.regionName]))
  const byLa = new Map<string, JudgementRecord[]>()
  for (const record of currentRecords(records)) byLa.set(record.laCode, [...(byLa.get(record.laCode) ?? []), record])
  const measured: MeasuredInspection[] = []
  for (const [laCode, history] of byLa) {
    history.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
    history.forEach((record, index) => {
      const previous = history[index - 1]
      const start = record.inspectionStart
      const type = record.activityType
      if (!previous || !start || (type !== 'standard-inspection' && type !== 'short-inspection')) return
      const grade = pathwayGrade(previous.framework, previous.grades)?.grade
      if (!grade || grade === 'inadequate') return
      measured.push({
        laCode,
        regionName: region.get(laCode) ?? 'Unknown region',
        year: start.slice(0, 4),
        start,
        monthsOutside: monthsOutsideWindow(previous.publishedOn, start),
        workingDays: reportWorkingDays(type, start, record.publishedOn).workingDays,
      })
    })
  }
  return measured.sort((a, b) => a.start.localeCompare(b.start))
}

function group(label: string, items: readonly MeasuredInspection[]): DriftGroup {
  return {
    label,
    inspections: items.length,
    inside: items.filter((item) => item.monthsOutside === 0).length,
    late: items.filter((item) => item.monthsOutside > 0).length,
    early: items.filter((item) => item.monthsOutside < 0).length,
    medianMonthsOutside: median(items.map((item) => item.monthsOutside)) ?? 0,
    medianWorkingDays: median(items.map((item) => item.workingDays)) ?? 0,
  }
}

/** The distribution by year of the first day on site, and by region, with every inspection in the total. */
export function nationalDrift(records: readonly JudgementRecord[], las: readonly LocalAuthority[]): NationalDrift {
  const inspections = measureInspections(records, las)
  const groups = (key: (item: MeasuredInspection) => string) =>
    [...new Set(inspections.map(key))].sort().map((label) =>
      group(
        label,
        inspections.filter((item) => key(item) === label),
      ),
    )
  return {
    inspections,
    byYear: [...groups((item) => item.year), group('All years', inspections)],
    byRegion: groups((item) => item.regionName),
    statutoryWorkingDays: 21,
  }
}
