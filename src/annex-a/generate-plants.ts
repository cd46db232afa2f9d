/**
 * Planted errors of a synthetic Annex A return: which kinds a row of each list can carry, and how
 * a row is changed to carry one, with the rule the validator must report it under (`findings.ts`).
 */
import type { RuleId } from './findings.js'
import type { GenValue, Segments } from './generate-children.js'
import type { Rng } from './generate-random.js'
import { LISTS, type ColumnSpec, type ListNumber } from './spec.js'

/** The kinds of error a row can be given. */
export type PlantKind =
  | 'blank'
  | 'code'
  | 'date'
  | 'future'
  | 'window'
  | 'order'
  | 'number'
  | 'range'
  | 'postcode'
  | 'age'
  | 'conditional'
  | 'duplicate'
  | 'constant'
  | 'mismatch'
  | 'status'
  | 'cell-error'
  | 'formula'
  | 'id'
  | 'merged'
  | 'long'

/** The kinds of error row `values` of list `list` (about child `i`) can carry. */
export function plantKinds(
  list: ListNumber,
  i: number,
  seg: Segments,
  inCareOpen: (i: number) => boolean,
  values: Record<string, GenValue>,
): PlantKind[] {
  const kinds: PlantKind[] = ['blank', 'code', 'date', 'cell-error']
  if (list !== 11) kinds.push('age', 'future')
  if (list !== 1 && list !== 11) kinds.push('formula')
  if ([1, 3, 5].includes(list)) kinds.push('window')
  if (list === 2 || list === 11) kinds.push('order')
  if (list === 4 && values.assessmentAuthorised) kinds.push('order')
  if ([3, 5, 7, 8].includes(list)) kinds.push('number')
  if (list === 7 || list === 8) kinds.push('range', 'mismatch')
  if (list === 8) kinds.push('postcode')
  if ([5, 6, 8, 9, 10].includes(list)) kinds.push('conditional')
  if (list >= 3) kinds.push('duplicate')
  if (list === 3) kinds.push('constant')
  if (list === 6 && i < seg.cla && inCareOpen(i)) kinds.push('status')
  if (list === 1) kinds.push('id')
  if (list === 6) kinds.push('merged')
  if (list === 4) kinds.push('long')
  return kinds
}

/** Change `values` to carry one error of `kind`; returns where it is, or undefined when the row cannot carry it. */
export function applyPlant(
  kind: PlantKind,
  list: ListNumber,
  values: Record<string, GenValue>,
  asOfDay: number,
  rng: Rng,
): { field: string; rule: RuleId } | undefined {
  const spec = LISTS[list - 1]!
  const columns = spec.columns.filter((c) => !c.optionalColumn && !(list === 4 && c.key === 'allocatedWorker'))
  const keys = (test: (c: ColumnSpec) => boolean) => columns.filter(test).map((c) => c.key)
  const pick = (options: string[]) => (options.length > 0 ? rng.pick(options) : undefined)
  const event = MAIN_DATE[list]
  switch (kind) {
    case 'blank': {
      const field = pick(keys((c) => c.required && c.key !== 'childId' && c.key !== 'adopterId'))
      if (!field) return undefined
      values[field] = null
      return { field, rule: 'AA-BLANK' }
    }
    case 'code': {
      const field = pick(keys((c) => c.type === 'code'))
      if (!field) return undefined
      values[field] = { raw: 'zz) Not a code' }
      return { field, rule: 'AA-CODE' }
    }
    case 'cell-error': {
      const field = pick(keys((c) => c.type === 'code' && c.required))
      if (!field) return undefined
      values[field] = { raw: { error: '#N/A' } }
      return { field, rule: 'AA-CELL-ERROR' }
    }
    case 'date': {
      const field = pick(keys((c) => c.type === 'date' && c.required))
      if (!field) return undefined
      values[field] = { raw: rng.pick(['31/02/2025', 'next week', '2025-13-01', '14/03/25']) }
      return { field, rule: 'AA-DATE' }
    }
    case 'future':
      if (!event) return undefined
      values[event] = { day: asOfDay + rng.int(3, 60) }
      return { field: event, rule: 'AA-DATE-FUTURE' }
    case 'window':
      values[event!] = { day: asOfDay - rng.int(250, 400) }
      return { field: event!, rule: 'AA-DATE-WINDOW' }
    case 'order': {
      const [earlier, later] =
        list === 2
          ? ['earlyHelpStart', 'earlyHelpEnd']
          : list === 4
            ? ['assessmentStart', 'assessmentAuthorised']
            : ['stage1Start', 'stage1End']
      const start = values[earlier!]
      const startDay = start && typeof start === 'object' && 'day' in start ? start.day : asOfDay - 30
      values[earlier!] = { day: startDay }
      values[later!] = { day: startDay - rng.int(3, 20) }
      if (list === 4) values.assessmentOutcome = { code: 'Yes' }
      return { field: later!, rule: 'AA-DATE-ORDER' }
    }
    case 'number': {
      const field = { 3: 'referralsLast12Months', 5: 's47Last12Months', 7: 'previousPlans', 8: 'missingEpisodes' }[
        list as 3 | 5 | 7 | 8
      ]
      values[field] = { raw: rng.pick(['two', 'several', 'n/a', '1.5']) }
      if (field === 'missingEpisodes') values.returnInterviewOffered = null
      if (field === 'missingEpisodes') values.returnInterviewAccepted = null
      return { field, rule: 'AA-NUMBER' }
    }
    case 'range':
      if (list === 8) {
        values.placementsLast12Months = 0
        return { field: 'placementsLast12Months', rule: 'AA-NUMBER-RANGE' }
      }
      values.previousPlans = -1
      return { field: 'previousPlans', rule: 'AA-NUMBER-RANGE' }
    case 'postcode':
      values.placementPostcode = rng.pick(['NOT KNOWN', 'XX', '12345'])
      return { field: 'placementPostcode', rule: 'AA-POSTCODE' }
    case 'age': {
      if (typeof values.age !== 'number') return undefined
      values.age = values.age + 3
      return { field: 'age', rule: 'AA-AGE' }
    }
    case 'mismatch': {
      const dob = values.dateOfBirth
      if (!dob || typeof dob !== 'object' || !('day' in dob)) return undefined
      // Another date of birth in the same year: the age still fits, the lists disagree.
      values.dateOfBirth = { day: dob.day + (dob.day - 200 > asOfDay - 6570 ? -1 : 1) }
      return { field: 'dateOfBirth', rule: 'AA-CHILD-MISMATCH' }
    }
    case 'conditional':
      switch (list) {
        case 5:
          values.icpcUnnecessary = { code: 'Yes' }
          values.icpcDate = { day: asOfDay - 10 }
          values.icpcPlan = null
          return { field: 'icpcDate', rule: 'AA-CONDITIONAL' }
        case 6:
          if (values.cinClosure) return undefined
          values.closureReason = { code: 'RC7' }
          return { field: 'closureReason', rule: 'AA-CONDITIONAL' }
        case 8:
          if (values.ceasedDate) return undefined
          values.ceasedReason = { code: 'E8' }
          return { field: 'ceasedReason', rule: 'AA-CONDITIONAL' }
        case 9:
          values.inTouch = { code: 'No' }
          values.accommodation = { code: 'D' }
          values.accommodationSuitability = null
          values.activity = null
          return { field: 'accommodation', rule: 'AA-CONDITIONAL' }
        case 10:
          values.reversalReason = { code: 'RD4' }
          return { field: 'reversalReason', rule: 'AA-CONDITIONAL' }
        default:
          return undefined
      }
    case 'status':
      values.caseStatus = { code: 'Child in need plan' }
      return { field: 'caseStatus', rule: 'AA-CASE-STATUS' }
    case 'formula': {
      const field = pick(keys((c) => c.type === 'text' && c.required))
      if (!field) return undefined
      values[field] = { raw: { formula: 'VLOOKUP(A3,Teams!A:B,2,FALSE)' } }
      return { field, rule: 'AA-FORMULA-NO-VALUE' }
    }
    case 'id':
      // An id typed as a number past 2^53: Excel keeps 15 significant digits, the rest are lost.
      values.childId = { raw: 12345678901234567000 + rng.int(1, 100_000) * 65536 }
      return { field: 'childId', rule: 'AA-ID' }
    default:
      return undefined
  }
}

const MAIN_DATE: Partial<Record<ListNumber, string>> = {
  1: 'contactDate',
  2: 'earlyHelpStart',
  3: 'referralDate',
  4: 'assessmentStart',
  5: 's47Start',
  6: 'cinStart',
  7: 'cpStart',
  8: 'laStart',
  10: 'enteredCare',
  11: 'enquiryReceived',
}
