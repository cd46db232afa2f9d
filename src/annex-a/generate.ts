/**
 * A synthetic Annex A return for demos, tests and benchmarks: no real children (ids are
 * "FAKE-…", adopters "FAKE-ADOPTER-…"), plausible distributions across all 11 lists, and each
 * child the same in every list (a child's details are a pure function of the seed and its
 * number, so nothing but the current row is held in memory: 1,000,000 rows stream straight to
 * the zip). Errors of every kind can be planted at a rate, and each is recorded (list, row,
 * column, rule) so a test can prove the validator finds every one.
 */
import type { IsoDate } from '../rules/calendar/dates.js'
import { CODE_SETS, preferredForm, type CodeSetName } from './code-sets.js'
import { dayNumber, isoDate, serialFromDay, wholeYears } from './day-numbers.js'
import type { RuleId } from './findings.js'
import { LISTS, type ColumnSpec, type ListNumber } from './spec.js'
import { XlsxWriter, columnLetter, type CellValue } from './xlsx-writer.js'

export interface GenerateOptions {
  /** Data rows across all lists (planted duplicate rows come on top). */
  readonly rows: number
  readonly out: string
  /** The inspection date the data is built around. */
  readonly asOf: IsoDate
  readonly seed?: number
  /** Share of rows (0–1) given one planted error. */
  readonly errorRate?: number
  /** template: title row, headings in row 2, List_N sheets, prefixed codes, real dates. export: headings in row 1, "List N" sheets, bare codes, ISO text dates, liia-tools header variants. */
  readonly layout?: 'template' | 'export'
  readonly onProgress?: (rowsWritten: number) => void
}

export interface PlantedError {
  readonly list: number
  readonly sheet: string
  readonly row: number
  /** The heading of the column, as written in the generated sheet. */
  readonly column: string
  readonly columnLetter: string
  readonly field: string
  readonly rule: RuleId
  readonly what: string
}

export interface GenerateResult {
  readonly seed: number
  readonly asOf: IsoDate
  readonly layout: 'template' | 'export'
  readonly rows: Record<string, number>
  readonly totalRows: number
  readonly planted: PlantedError[]
}

// Shares of a return's rows by list, roughly as a mid-sized LA's return splits.
const SHARES: Record<ListNumber, number> = {
  1: 0.35,
  2: 0.1,
  3: 0.12,
  4: 0.12,
  5: 0.05,
  6: 0.12,
  7: 0.035,
  8: 0.05,
  9: 0.03,
  10: 0.008,
  11: 0.007,
}

// liia-tools' spellings (SPEC §1), used by the export layout.
const EXPORT_HEADERS: Record<string, string> = {
  caseStatus: 'Case Status',
  inTouch: 'LA in Touch',
  assessmentOutcome: "Was the child assessed as requiring LA children's social care support?",
  returnInterviewOffered: 'Was the child offered a Return Interview after their last missing episode (Y/N))?',
}

/** Seeded PRNG (mulberry32). */
class Rng {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let r = this.next() * items.reduce((s, [, w]) => s + w, 0)
    for (const [item, w] of items) if ((r -= w) < 0) return item
    return items[items.length - 1]![0]
  }
}

/** A deterministic number in [0, 1) for child `i` and a purpose `salt`. */
function childRandom(seed: number, i: number, salt: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

const GENDERS: [string, number][] = [
  ['Male', 50],
  ['Female', 48],
  ['Not stated/recorded', 1.5],
  ['Neither', 0.5],
]
const ETHNICITIES: [string, number][] = [
  ['WBRI', 65],
  ['WIRI', 0.5],
  ['WIRT', 0.2],
  ['WOTH', 5],
  ['WROM', 0.5],
  ['MWBC', 3],
  ['MWBA', 1],
  ['MWAS', 1],
  ['MOTH', 3],
  ['AIND', 2],
  ['APKN', 3],
  ['ABAN', 1],
  ['AOTH', 2],
  ['BCRB', 2],
  ['BAFR', 4],
  ['BOTH', 1],
  ['CHNE', 0.5],
  ['OOTH', 2],
  ['REFU', 0.5],
  ['NOBT', 3],
]

function pickWeighted<T>(items: readonly (readonly [T, number])[], r: number): T {
  let left = r * items.reduce((s, [, w]) => s + w, 0)
  for (const [item, w] of items) if ((left -= w) < 0) return item
  return items[items.length - 1]![0]
}

type GenValue = number | string | null | { day: number } | { code: string } | { raw: CellValue }

interface Child {
  readonly id: string
  readonly gender: string
  readonly ethnicity: string
  readonly dob: number
  readonly age: number
  readonly disability: string
}

/** Index ranges of the child pool: each list draws its children from fixed segments. */
interface Segments {
  readonly cla: number
  readonly cp: number
  readonly cin: number
  readonly front: number
  readonly earlyHelp: number
  readonly careLeavers: number
  readonly total: number
  readonly adoption: number
}

function segmentsFor(counts: Record<ListNumber, number>): Segments {
  const cla = counts[8]
  const cp = cla + counts[7]
  const cin = Math.max(cp, counts[6])
  const front = cin + Math.max(counts[3], counts[4], counts[5])
  const earlyHelp = front + counts[2]
  const careLeavers = earlyHelp + counts[9]
  return { cla, cp, cin, front, earlyHelp, careLeavers, total: careLeavers, adoption: Math.min(counts[10], cla) }
}

export async function generateAnnexA(options: GenerateOptions): Promise<GenerateResult> {
  const seed = options.seed ?? 1
  const layout = options.layout ?? 'template'
  const errorRate = options.errorRate ?? 0
  const asOfDay = dayNumber(options.asOf)
  const rng = new Rng(seed)
  const counts = Object.fromEntries(LISTS.map((l) => [l.list, Math.floor(options.rows * SHARES[l.list])])) as Record<
    ListNumber,
    number
  >
  const seg = segmentsFor(counts)
  const planted: PlantedError[] = []
  const written: Record<string, number> = {}
  let totalRows = 0

  const child = (i: number): Child => {
    const r = (salt: number) => childRandom(seed, i, salt)
    let age: number
    if (i < seg.adoption) age = Math.floor(r(1) * 6)
    else if (i < seg.cla) age = Math.floor(r(1) * 18)
    else if (i < seg.cp) age = r(2) < 0.03 ? -1 : Math.floor(r(1) * 18)
    else if (i < seg.earlyHelp) age = r(2) < 0.01 ? -1 : Math.floor(r(1) * 18)
    else age = 17 + Math.floor(r(1) * 7)
    // Care leavers' dates of birth are at least 17 years back, so the list-9 ages are 17 to 23.
    const dob =
      age < 0 ? asOfDay + 10 + Math.floor(r(3) * 150) : asOfDay - Math.floor(age * 365.25) - 1 - Math.floor(r(3) * 360)
    return {
      id: `FAKE-${String(i + 1).padStart(7, '0')}`,
      gender: age < 0 ? 'Not stated/recorded' : pickWeighted(GENDERS, r(4)),
      ethnicity: pickWeighted(ETHNICITIES, r(5)),
      dob,
      age: dob > asOfDay ? -1 : wholeYears(dob, asOfDay),
      disability: pickWeighted(
        [
          ['Yes', 10],
          ['No', 85],
          ['Unknown', 5],
        ],
        r(6),
      ),
    }
  }
  const inCareOpen = (i: number) => childRandom(seed, i, 7) < 0.9
  const cpOpen = (i: number) => childRandom(seed, i, 8) < 0.9
  const before = (days: number) => asOfDay - days
  const after = (day: number, lo: number, hi: number) => Math.min(asOfDay, day + rng.int(lo, hi))
  const notBefore = (day: number, floor: number) => Math.max(day, floor)

  const person = (c: Child): Record<string, GenValue> => ({
    childId: c.id,
    gender: { code: c.gender },
    ethnicity: { code: c.ethnicity },
    dateOfBirth: { day: c.dob },
    age: c.age,
    disability: { code: c.disability },
    allocatedTeam: rng.pick([
      'Assessment Team 1',
      'Assessment Team 2',
      'Child Protection North',
      'Child Protection South',
      'Children in Care Team',
      'Leaving Care Team',
      'Disabled Children Team',
    ]),
    allocatedWorker: `Worker ${String(rng.int(1, 400)).padStart(3, '0')}`,
  })

  const sources = [
    '1A',
    '1B',
    '1C',
    '1D',
    '2A',
    '2B',
    '3A',
    '3B',
    '3C',
    '3D',
    '3E',
    '3F',
    '4',
    '5A',
    '5B',
    '5C',
    '6',
    '7',
    '8',
    '9',
    '10',
  ]
  const sourceWeights: [string, number][] = sources.map((s) => [
    s,
    s === '6' ? 30 : s === '2A' ? 18 : s.startsWith('3') ? 4 : s.startsWith('1') ? 3 : 2,
  ])

  /** The values of one row of list `list` about child index `i`. */
  const build = (list: ListNumber, i: number): Record<string, GenValue> => {
    if (list === 11) {
      const enquiry = before(rng.int(30, 360))
      const approved = rng.chance(0.6) ? after(enquiry, 120, 240) : null
      const matched = approved !== null && rng.chance(0.5) ? after(approved, 20, 120) : null
      const placed = matched !== null && rng.chance(0.8) ? after(matched, 10, 60) : null
      const left = approved === null && rng.chance(0.2) ? after(enquiry, 20, 200) : null
      const twoStage = rng.chance(0.8)
      const stage1Start = twoStage ? after(enquiry, 5, 30) : null
      const stage1End =
        stage1Start !== null && (approved !== null || rng.chance(0.5)) ? after(stage1Start, 30, 60) : null
      const stage2Start = stage1End !== null && approved !== null ? after(stage1End, 1, 10) : null
      const stage2End = stage2Start !== null && approved !== null ? Math.max(stage2Start, approved) : null
      return {
        adopterId: `FAKE-ADOPTER-${String(i + 1).padStart(6, '0')}`,
        familyId: `FAKE-FAMILY-${String(Math.floor(i / 2) + 1).padStart(6, '0')}`,
        gender: { code: rng.pick(['Male', 'Female']) },
        ethnicity: { code: pickWeighted(ETHNICITIES, rng.next()) },
        disability: { code: rng.chance(0.05) ? 'Yes' : 'No' },
        fosteringForAdoption: { code: rng.chance(0.1) ? 'Yes' : 'No' },
        enquiryReceived: { day: enquiry },
        stage1Start: stage1Start === null ? null : { day: stage1Start },
        stage1End: stage1End === null ? null : { day: stage1End },
        stage2Start: stage2Start === null ? null : { day: stage2Start },
        stage2End: stage2End === null ? null : { day: stage2End },
        applicationSubmitted: twoStage ? null : { day: after(enquiry, 10, 60) },
        applicationApproved: approved === null ? null : { day: approved },
        adopterMatched: matched === null ? null : { day: matched },
        childrenPlaced: placed === null ? null : { day: placed },
        numberPlaced: placed === null ? null : rng.pick([1, 1, 1, 2]),
        adoptionOrder: null,
        leftProcess: left === null ? null : { day: left },
        leavingReason: left === null ? null : { code: rng.pick(['1', '2', '3']) },
      }
    }
    const c = child(i)
    const v = person(c)
    // Episodes start after birth (an unborn child's pre-birth episode starts today at the latest).
    const born = Math.min(asOfDay, Math.max(c.dob, asOfDay - 6570))
    switch (list) {
      case 1:
        v.contactDate = { day: before(rng.int(0, 88)) }
        v.contactSource = { code: rng.weighted(sourceWeights) }
        break
      case 2: {
        const start = before(rng.int(0, 175))
        v.earlyHelpStart = { day: start }
        v.earlyHelpEnd = rng.chance(0.6) ? { day: after(start, 5, 60) } : null
        v.earlyHelpOrganisation = rng.pick(['Early Help Hub', 'School', 'Health Visiting', "Children's Centre"])
        break
      }
      case 3:
        v.referralDate = { day: before(rng.int(0, 88)) }
        v.referralSource = { code: rng.weighted(sourceWeights) }
        v.referralNfa = { code: rng.chance(0.25) ? 'Yes' : 'No' }
        v.referralsLast12Months = rng.weighted([
          [1, 75],
          [2, 15],
          [3, 7],
          [4, 3],
        ])
        break
      case 4: {
        const start = before(rng.int(0, 175))
        const done = rng.chance(0.8) && start + 10 <= asOfDay
        v.assessmentStart = { day: start }
        v.childSeen = { code: rng.chance(0.95) ? 'Yes' : 'No' }
        v.assessmentAuthorised = done ? { day: after(start, 10, 70) } : null
        v.assessmentOutcome = done ? { code: rng.chance(0.6) ? 'Yes' : 'No' } : null
        break
      }
      case 5: {
        const start = before(rng.int(0, 175))
        const icpc = rng.chance(0.4) && start + 5 <= asOfDay
        v.s47Start = { day: start }
        v.icpcUnnecessary = icpc ? { code: 'No' } : rng.chance(0.7) ? { code: 'Yes' } : null
        v.icpcDate = icpc ? { day: after(start, 5, 25) } : null
        v.icpcPlan = icpc ? { code: rng.chance(0.8) ? 'Yes' : 'No' } : null
        v.s47Last12Months = rng.weighted([
          [1, 85],
          [2, 12],
          [3, 3],
        ])
        v.icpcLast12Months = icpc ? 1 : 0
        break
      }
      case 6: {
        const inCare = i < seg.cla && inCareOpen(i)
        const onPlan = i >= seg.cla && i < seg.cp && cpOpen(i)
        const closed = !inCare && !onPlan && i >= seg.cp && rng.chance(0.15)
        const start = notBefore(before(rng.int(30, 1500)), born)
        v.cinStart = { day: start }
        v.primaryNeed = {
          code: rng.weighted([
            ['N1', 55],
            ['N2', 8],
            ['N3', 5],
            ['N4', 10],
            ['N5', 12],
            ['N6', 3],
            ['N7', 1],
            ['N8', 3],
            ['N0', 3],
          ] as [string, number][]),
        }
        v.lastSeen = { day: before(rng.int(0, 40)) }
        v.cinClosure = closed ? { day: Math.max(start, before(rng.int(0, 85))) } : null
        v.closureReason = closed ? { code: rng.pick(['RC3', 'RC4', 'RC5', 'RC7']) } : null
        v.caseStatus = {
          code: inCare
            ? 'Looked after child'
            : onPlan
              ? 'Child Protection plan'
              : closed
                ? 'Closed episode'
                : rng.chance(0.3)
                  ? 'Open assessment'
                  : 'Child in need plan',
        }
        break
      }
      case 7: {
        const open = cpOpen(i)
        const start = before(rng.int(10, 900))
        v.cpStart = { day: start }
        const category = rng.weighted([
          ['Neglect', 50],
          ['Emotional abuse', 35],
          ['Physical abuse', 7],
          ['Sexual abuse', 4],
          ['Multiple/not recommended', 4],
        ] as [string, number][])
        v.initialCategory = { code: category }
        v.latestCategory = { code: rng.chance(0.9) ? category : 'Neglect' }
        const end = open ? null : Math.max(start, before(rng.int(0, 85)))
        const last = end ?? asOfDay
        v.lastStatutoryVisit = { day: Math.max(start, last - rng.int(0, 10)) }
        v.seenAlone = {
          code: rng.weighted([
            ['Yes', 70],
            ['No', 25],
            ['Unknown', 5],
          ] as [string, number][]),
        }
        v.latestReview = start + 90 <= last ? { day: Math.max(start, last - rng.int(0, 90)) } : null
        v.cpEnd = end === null ? null : { day: end }
        v.epo = { code: rng.chance(0.03) ? 'Yes' : 'No' }
        v.previousPlans = rng.weighted([
          [0, 78],
          [1, 16],
          [2, 5],
          [3, 1],
        ])
        break
      }
      case 8: {
        const open = inCareOpen(i)
        const adoption = i < seg.adoption
        const laStart = notBefore(before(rng.int(14, 3000)), c.dob)
        v.uasc = { code: c.age >= 14 && rng.chance(0.15) ? 'Yes' : 'No' }
        v.laStart = { day: laStart }
        v.categoryOfNeed = {
          code: rng.weighted([
            ['N1', 65],
            ['N2', 4],
            ['N3', 4],
            ['N4', 8],
            ['N5', 12],
            ['N6', 2],
            ['N8', 5],
          ] as [string, number][]),
        }
        v.secondPeriod = { code: rng.chance(0.05) ? 'Yes' : 'No' }
        v.legalStatusStart = { day: after(laStart, 0, 120) }
        v.legalStatus = {
          code: adoption
            ? 'E1'
            : rng.weighted([
                ['C2', 60],
                ['C1', 12],
                ['V2', 20],
                ['E1', 5],
                ['J1', 1],
                ['L2', 2],
              ] as [string, number][]),
        }
        v.latestStatutoryReview = laStart + 20 <= asOfDay ? { day: Math.max(laStart, before(rng.int(0, 180))) } : null
        v.lastSocialWorkVisit = { day: Math.max(laStart, before(rng.int(0, 42))) }
        v.permanencePlan = rng.chance(0.9)
          ? {
              code: adoption
                ? 'Adoption'
                : rng.pick([
                    'Return to family',
                    'SGO/CAO',
                    'Supported living in the community',
                    'Long-term residential placement',
                    'Long-term fostering',
                    'other',
                  ]),
            }
          : null
        v.lastIroContact = { day: Math.max(laStart, before(rng.int(0, 180))) }
        v.lastHealthAssessment = rng.chance(0.92) ? { day: Math.max(laStart, before(rng.int(0, 380))) } : null
        v.lastDentalCheck = c.age >= 1 && rng.chance(0.85) ? { day: Math.max(laStart, before(rng.int(0, 380))) } : null
        v.placementsLast12Months = rng.weighted([
          [1, 70],
          [2, 20],
          [3, 7],
          [4, 3],
        ])
        const ceased = open ? null : Math.max(laStart, before(rng.int(0, 175)))
        v.ceasedDate = ceased === null ? null : { day: ceased }
        v.ceasedReason = ceased === null ? null : { code: rng.pick(['E4A', 'E4B', 'E11', 'E12', 'E45', 'E47', 'E8']) }
        v.placementStart = { day: after(laStart, 0, 400) }
        const type = adoption
          ? rng.pick(['A3', 'A4', 'A5', 'A6', 'U5'])
          : rng.weighted([
              ['U6', 45],
              ['U4', 15],
              ['U3', 10],
              ['U1', 5],
              ['K2', 12],
              ['P1', 5],
              ['H5', 5],
              ['R1', 1],
              ['S1', 1],
              ['Z1', 1],
            ] as [string, number][])
        v.placementType = { code: type }
        v.placementProvider = {
          code:
            type === 'P1'
              ? 'PR0'
              : rng.weighted([
                  ['PR1', 50],
                  ['PR4', 40],
                  ['PR5', 5],
                  ['PR2', 3],
                  ['PR3', 2],
                ] as [string, number][]),
        }
        v.placementPostcode = `${rng.pick(['AB', 'M', 'LS', 'B', 'NE', 'SW', 'E'])}${rng.int(1, 20)} ${rng.int(1, 9)}${rng.pick(['AA', 'BD', 'XY', 'QT'])}`
        v.placementUrn = rng.chance(0.3) ? `SC${rng.int(100000, 999999)}` : null
        const out = rng.chance(0.35)
        v.placementLocation = { code: out ? 'Out' : 'In' }
        v.placementLa = out ? rng.pick(['Anytown', 'Othershire', 'WAL - Child placed in Wales']) : 'Home LA'
        const missing = c.age >= 10 && rng.chance(0.12) ? rng.int(1, 8) : 0
        v.missingEpisodes = missing
        v.absentEpisodes = c.age >= 10 && rng.chance(0.08) ? rng.int(1, 5) : 0
        const offered = missing > 0 ? (rng.chance(0.85) ? 'Yes' : 'No') : null
        v.returnInterviewOffered = offered === null ? null : { code: offered }
        v.returnInterviewAccepted = offered === 'Yes' ? { code: rng.chance(0.6) ? 'Yes' : 'No' } : null
        v.siblings = rng.weighted([
          [0, 30],
          [1, 30],
          [2, 20],
          [3, 12],
          [4, 5],
          [6, 3],
        ])
        break
      }
      case 9: {
        const inTouch = rng.weighted([
          ['Yes', 90],
          ['No', 5],
          ['Refu', 3],
          ['NREQ', 2],
        ] as [string, number][])
        v.eligibility = { code: c.age >= 18 ? 'Former relevant child' : 'Relevant child' }
        v.inTouch = { code: inTouch }
        v.accommodation = inTouch === 'Yes' ? { code: rng.pick(['B', 'D', 'E', 'T', 'U', 'Z']) } : null
        v.accommodationSuitability = inTouch === 'Yes' ? { code: rng.chance(0.9) ? 'Suitable' : 'Unsuitable' } : null
        v.activity =
          inTouch === 'Yes'
            ? {
                code: rng.weighted([
                  ['F1', 8],
                  ['F2', 25],
                  ['F3', 20],
                  ['P3', 7],
                  ['G4', 10],
                  ['G5', 22],
                  ['G6', 8],
                ] as [string, number][]),
              }
            : null
        break
      }
      case 10: {
        const entered = notBefore(before(rng.int(300, 900)), c.dob)
        const decision = after(entered, 60, 240)
        const matched = rng.chance(0.7) ? after(decision, 30, 200) : null
        const placed = matched !== null && rng.chance(0.9) ? after(matched, 7, 40) : null
        const adopted =
          placed !== null && placed + 90 <= asOfDay && rng.chance(0.5)
            ? after(Math.max(placed, before(350)), 90, 300)
            : null
        v.familyId =
          matched !== null
            ? `FAKE-FAMILY-${String(rng.int(1, Math.max(1, Math.ceil(counts[11] / 2)))).padStart(6, '0')}`
            : null
        v.enteredCare = { day: entered }
        v.adoptionDecision = { day: decision }
        v.placementOrder = { day: after(decision, 0, 90) }
        v.matched = matched === null ? null : { day: matched }
        v.placedForAdoption = placed === null ? null : { day: placed }
        v.adoptionOrder = adopted === null ? null : { day: adopted }
        v.decisionReversed = null
        v.reversalReason = null
        v.ffaPlacement = null
        break
      }
    }
    return v
  }

  /** Which child index row `j` of list `list` is about. */
  const childIndex = (list: ListNumber, j: number): number => {
    switch (list) {
      case 1:
        return rng.int(0, seg.earlyHelp - 1)
      case 2:
        return seg.front + j
      case 3:
        return seg.cla + j
      case 4:
        return seg.cla + Math.floor(counts[7] / 2) + j
      case 5:
        return seg.cla + j
      case 6:
        return j
      case 7:
        return seg.cla + j
      case 8:
        return j
      case 9:
        return seg.earlyHelp + j
      case 10:
        return j
      case 11:
        return j
    }
  }

  const writer = new XlsxWriter(options.out)
  if (layout === 'template') {
    await writer.startSheet('Front_Sheet')
    await writer.row(['Synthetic Annex A return generated for testing. No real children: every id is fake.'])
    await writer.row([`Inspection date: ${options.asOf}`])
    await writer.endSheet()
  }

  for (const spec of LISTS) {
    const list = spec.list
    const sheet = layout === 'template' ? `List_${list}` : `List ${list}`
    const structural = errorRate > 0
    let columns = spec.columns.filter((c) => !c.optionalColumn || c.key === 'siblings')
    // Planted structural errors: List 4 without "Allocated Worker"; an extra column in List 2.
    if (structural && list === 4) columns = columns.filter((c) => c.key !== 'allocatedWorker')
    const headers = columns.map((c) => (layout === 'export' ? (EXPORT_HEADERS[c.key] ?? c.header) : c.header))
    if (structural && list === 2) headers.push('Notes')
    await writer.startSheet(sheet)
    let rowNumber = 0
    if (layout === 'template') {
      await writer.row([`List ${list}: ${spec.title}`], { bold: true })
      rowNumber++
    }
    await writer.row(headers, { bold: true })
    rowNumber++
    const headerRow = rowNumber
    const letterOf = (key: string) => columnLetter(columns.findIndex((c) => c.key === key))
    const headerOf = (key: string) => headers[columns.findIndex((c) => c.key === key)] ?? key
    const plant = (row: number, field: string, rule: RuleId, what: string) =>
      planted.push({ list, sheet, row, column: headerOf(field), columnLetter: letterOf(field), field, rule, what })
    if (structural && list === 4)
      planted.push({
        list,
        sheet,
        row: headerRow,
        column: 'Allocated Worker',
        columnLetter: '',
        field: 'allocatedWorker',
        rule: 'AA-HEADER-MISSING',
        what: 'column left out',
      })
    if (structural && list === 2)
      planted.push({
        list,
        sheet,
        row: headerRow,
        column: 'Notes',
        columnLetter: columnLetter(headers.length - 1),
        field: '',
        rule: 'AA-HEADER-UNKNOWN',
        what: 'extra column',
      })

    const render = (values: Record<string, GenValue>): CellValue[] => {
      const cells = columns.map((c) => renderValue(c, values[c.key] ?? null, layout))
      if (structural && list === 2) cells.push(rng.chance(0.2) ? 'see case notes' : null)
      return cells
    }

    let previous = -1
    let blankTeamNext = false
    let mergedPlanted = false
    let longPlanted = false
    for (let j = 0; j < counts[list]; j++) {
      const i = childIndex(list, j)
      const values = build(list, i)
      if (blankTeamNext) {
        // Excel keeps only the top-left value of a merged range: this row's team cell is empty.
        values.allocatedTeam = null
        blankTeamNext = false
      }
      rowNumber++
      let extra: { values: Record<string, GenValue>; field: string; rules: RuleId[]; what: string } | undefined
      let merge: string | undefined
      // The once-only kinds (merged cells, a very long cell) go on the first data row; the rest at random.
      const once: PlantKind | undefined =
        errorRate > 0 && j === 0 ? (list === 6 ? 'merged' : list === 4 ? 'long' : undefined) : undefined
      if (once || (errorRate > 0 && rng.chance(errorRate))) {
        const kinds = plantKinds(list, i, seg, inCareOpen, values)
        const kind = once ?? rng.pick(kinds)
        if (kind === 'duplicate' || kind === 'constant') {
          if (previous >= 0) {
            const again = build(list, previous)
            if (kind === 'constant') again.referralsLast12Months = ((values.referralsLast12Months as number) ?? 1) + 5
            extra = {
              values: again,
              field: list === 11 ? 'adopterId' : 'childId',
              rules:
                kind === 'constant'
                  ? ['AA-CHILD-CONSTANT']
                  : [list === 11 ? 'AA-DUPLICATE-ADOPTER' : 'AA-DUPLICATE-CHILD'],
              what: kind,
            }
          }
        } else if (kind === 'merged' && !mergedPlanted && j + 1 < counts[list]) {
          mergedPlanted = true
          merge = `${letterOf('allocatedTeam')}${rowNumber}:${letterOf('allocatedTeam')}${rowNumber + 1}`
          plant(rowNumber, 'allocatedTeam', 'AA-MERGED-CELLS', 'merged team cells')
        } else if (kind === 'long' && !longPlanted) {
          longPlanted = true
          values.allocatedTeam = { raw: { inline: 'Team notes '.repeat(4000) } }
          plant(rowNumber, 'allocatedTeam', 'AA-CELL-TOO-LONG', '44,000-character cell')
        } else {
          const done = applyPlant(kind, list, values, asOfDay, rng)
          if (done) plant(rowNumber, done.field, done.rule, kind)
        }
      }
      if (merge) writer.merge(merge)
      await writer.row(render(values), { rowNumber })
      if (merge) blankTeamNext = true
      if (extra) {
        rowNumber++
        if (extra.what === 'constant') {
          plant(rowNumber, 'referralsLast12Months', 'AA-CHILD-CONSTANT', 'count differs between the child’s rows')
          plant(rowNumber, 'childId', 'AA-DUPLICATE-CHILD', 'second row for the child')
        } else plant(rowNumber, extra.field, extra.rules[0]!, 'second row for the child')
        await writer.row(render(extra.values), { rowNumber })
      }
      previous = i
      totalRows++
      if (totalRows % 10_000 === 0) options.onProgress?.(totalRows)
    }
    await writer.endSheet()
    written[sheet] = rowNumber - headerRow
  }
  await writer.finish()
  return { seed, asOf: options.asOf, layout, rows: written, totalRows, planted }
}

type PlantKind =
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

function plantKinds(
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
function applyPlant(
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

function renderValue(column: ColumnSpec, value: GenValue, layout: 'template' | 'export'): CellValue {
  if (value === null) return null
  if (typeof value === 'number' || typeof value === 'string') return value
  if ('raw' in value) return value.raw
  if ('day' in value) return layout === 'template' ? { serial: serialFromDay(value.day) } : isoDate(value.day)
  const set = CODE_SETS[column.codeSet as CodeSetName]
  const code = set.codes.find((c) => c.code === value.code)
  if (!code) throw new Error(`Generator bug: ${value.code} is not in ${set.name}`)
  return layout === 'template' ? preferredForm(set, code) : code.code
}
