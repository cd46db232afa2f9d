/**
 * One record per Child Unique ID across all lists (002#250: "the consistent use of the child ID
 * across the lists will enable the lead inspector to recognise where this occurs"). It holds
 * what the cross-list checks and the per-child summary need, and nothing that identifies a
 * child beyond the LA's own id: Annex A has no names and neither do we.
 */

/** A (list, row) pair packed into one number: list × 2^21 + row (rows up to 2,097,151). */
export function packRef(list: number, row: number): number {
  return list * 2_097_152 + row
}

export function unpackRef(ref: number): { list: number; row: number } {
  return { list: Math.floor(ref / 2_097_152), row: ref % 2_097_152 }
}

export class ChildRecord {
  /** Bit n set when the child is on list n. */
  lists = 0
  /** First (list, row) the child appears at in each list, packed; 0 when not on the list. */
  readonly firstRow = new Array<number>(12).fill(0)
  dob = NaN
  dobRef = 0
  gender = ''
  genderRef = 0
  ethnicity = ''
  ethnicityRef = 0
  /** Age reported in the latest row with one (used when there is no date of birth). */
  reportedAge = NaN
  disability = ''

  // What inspectors choose cases by (002#150-153), filled in by the profile.
  abuseCategory = ''
  cpPlanOpen = false
  cpPlanStart = NaN
  previousCpPlans = NaN
  missingEpisodes = NaN
  absentEpisodes = NaN
  placementType = ''
  placementGroup = ''
  placementLocation = ''
  placementProvider = ''
  legalStatus = ''
  permanencePlan = ''
  placementsLast12Months = NaN
  inCareOpen = false
  careStart = NaN
  uasc = false
  siblings = NaN
  caseStatus = ''
  caseStatusRef = 0
  primaryNeed = ''
  careLeaverInTouch = ''
  careLeaverActivity = ''
  careLeaverAccommodationSuitable = ''
  adoptionStage = ''
  /** Bits of `DELAY_REASONS`: signs of significant delay (002#151). */
  delay = 0
}

/** Signs of delay the lists can show (002#151: "children who appear to have experienced significant delay"). */
export const DELAY_REASONS = [
  'assessment over 45 working days',
  'initial child protection conference over 15 working days after the strategy discussion',
  'child protection plan of 2 years or more',
  '3 or more placements in 12 months',
  'over 14 months from entering care to placement for adoption',
  'open early help assessment for over 6 months',
] as const

export class ChildRegistry {
  private readonly records = new Map<string, ChildRecord>()

  constructor(private readonly maxChildren = 2_000_000) {}

  /** The record of `id`, made on first sight. */
  get(id: string): ChildRecord {
    let record = this.records.get(id)
    if (!record) {
      if (this.records.size >= this.maxChildren) throw new RangeError('Too many children')
      record = new ChildRecord()
      this.records.set(id, record)
    }
    return record
  }

  peek(id: string): ChildRecord | undefined {
    return this.records.get(id)
  }

  get size(): number {
    return this.records.size
  }

  entries(): IterableIterator<[string, ChildRecord]> {
    return this.records.entries()
  }
}
