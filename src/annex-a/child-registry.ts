/**
 * One slot per Child Unique ID across all lists (002#250: "the consistent use of the child ID
 * across the lists will enable the lead inspector to recognise where this occurs"). It holds
 * what the cross-list checks and the per-child summary need, and nothing that identifies a
 * child beyond the LA's own id: Annex A has no names and neither do we.
 *
 * Stored as columns of typed arrays indexed by slot, not as an object per child: a return of
 * 100,000 children then costs a few megabytes and no garbage, and an id held as a shared
 * string is found by its shared-string index without hashing the text again.
 */

/** Signs of delay the lists can show (002#151: "children who appear to have experienced significant delay"). */
export const DELAY_REASONS = [
  'assessment over 45 working days',
  'initial child protection conference over 15 working days after the strategy discussion',
  'child protection plan of 2 years or more',
  '3 or more placements in 12 months',
  'over 14 months from entering care to placement for adoption',
  'open early help assessment for over 6 months',
] as const

export const DELAY_ASSESSMENT = 1 << 0
export const DELAY_ICPC = 1 << 1
export const DELAY_CP_TWO_YEARS = 1 << 2
export const DELAY_PLACEMENTS = 1 << 3
export const DELAY_ADOPTION = 1 << 4
export const DELAY_EARLY_HELP = 1 << 5

/** Rows per list are kept as row numbers in `firstRow[slot * LIST_SLOTS + list]`. */
export const LIST_SLOTS = 12

function grownInt8(from: Int8Array, size: number): Int8Array<ArrayBuffer> {
  const to = new Int8Array(size).fill(-1)
  to.set(from)
  return to
}
function grownInt32(from: Int32Array, size: number, fill = 0): Int32Array<ArrayBuffer> {
  const to = new Int32Array(size).fill(fill)
  to.set(from)
  return to
}
function grownFloat(from: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const to = new Float64Array(size).fill(NaN)
  to.set(from)
  return to
}

export class ChildRegistry {
  /** Number of children seen. */
  size = 0
  readonly ids: string[] = []
  private readonly slotByText = new IdTable(this.ids)
  private slotBySst = new Int32Array(0)
  private capacity = 0

  /** Bit n set when the child is on list n. */
  lists = new Int32Array(0)
  /** The first row of the child in each list (0 when not on it). */
  firstRow = new Int32Array(0)
  dob = new Float64Array(0)
  /** Where the recorded value was first seen: list × 2^21 + row. */
  dobRef = new Int32Array(0)
  /** Code indexes (GENDER, ETHNICITY, YNU sets), -1 when not known. */
  gender = new Int8Array(0)
  genderRef = new Int32Array(0)
  ethnicity = new Int8Array(0)
  ethnicityRef = new Int32Array(0)
  reportedAge = new Float64Array(0)
  disability = new Int8Array(0)

  // What inspectors choose cases by (002#150-153), filled in by the profile. Code indexes into
  // the column's code set, -1 when not known; counts NaN when not known.
  abuseCategory = new Int8Array(0)
  cpPlanOpen = new Int8Array(0)
  caseStatus = new Int8Array(0)
  primaryNeed = new Int8Array(0)
  legalStatus = new Int8Array(0)
  placementType = new Int8Array(0)
  placementLocation = new Int8Array(0)
  placementProvider = new Int8Array(0)
  permanencePlan = new Int8Array(0)
  inCareOpen = new Int8Array(0)
  uasc = new Int8Array(0)
  inTouch = new Int8Array(0)
  activity = new Int8Array(0)
  suitability = new Int8Array(0)
  adoptionStage = new Int8Array(0)
  placements = new Float64Array(0)
  missingEpisodes = new Float64Array(0)
  absentEpisodes = new Float64Array(0)
  siblings = new Float64Array(0)
  careStart = new Float64Array(0)
  /** Bits of DELAY_REASONS. */
  delay = new Int32Array(0)

  constructor(private readonly maxChildren = 2_000_000) {}

  /**
   * Start a new file: shared-string indexes are per workbook. A workbook cannot hold more
   * distinct ids than shared strings, so room for that many is made at once (growing the
   * columns one doubling at a time cost more than the lookups).
   */
  useSharedStrings(count: number): void {
    this.slotBySst = new Int32Array(count).fill(-1)
    if (this.capacity < Math.min(count, this.maxChildren)) this.grow(Math.min(count, this.maxChildren))
    this.slotByText.reserve(Math.min(count, this.maxChildren))
  }

  /** The slot of a child id, made on first sight. `shared` is the id's shared-string index, or -1. */
  slot(id: string, shared: number): number {
    if (shared >= 0 && shared < this.slotBySst.length) {
      const known = this.slotBySst[shared]!
      if (known >= 0) return known
      const slot = this.slotOfText(id)
      this.slotBySst[shared] = slot
      return slot
    }
    return this.slotOfText(id)
  }

  /** The slot of the id held as shared string `shared` of this workbook, if that string was seen as an id already; else -1. */
  knownSlot(shared: number): number {
    return shared < this.slotBySst.length ? this.slotBySst[shared]! : -1
  }

  /** The slot of an id already seen, or -1. */
  find(id: string): number {
    return this.slotByText.find(id, hashId(id))
  }

  private slotOfText(id: string): number {
    const hash = hashId(id)
    const known = this.slotByText.find(id, hash)
    if (known >= 0) return known
    if (this.size >= this.maxChildren) throw new RangeError(`More than ${this.maxChildren} children`)
    if (this.size === this.capacity) this.grow()
    const slot = this.size++
    this.ids.push(id)
    this.slotByText.add(hash, slot)
    return slot
  }

  private grow(at = 0): void {
    const size = Math.max(1024, this.capacity * 2, at)
    this.lists = grownInt32(this.lists, size)
    this.firstRow = grownInt32(this.firstRow, size * LIST_SLOTS)
    this.dob = grownFloat(this.dob, size)
    this.dobRef = grownInt32(this.dobRef, size)
    this.gender = grownInt8(this.gender, size)
    this.genderRef = grownInt32(this.genderRef, size)
    this.ethnicity = grownInt8(this.ethnicity, size)
    this.ethnicityRef = grownInt32(this.ethnicityRef, size)
    this.reportedAge = grownFloat(this.reportedAge, size)
    this.disability = grownInt8(this.disability, size)
    this.abuseCategory = grownInt8(this.abuseCategory, size)
    this.cpPlanOpen = grownInt8(this.cpPlanOpen, size)
    this.caseStatus = grownInt8(this.caseStatus, size)
    this.primaryNeed = grownInt8(this.primaryNeed, size)
    this.legalStatus = grownInt8(this.legalStatus, size)
    this.placementType = grownInt8(this.placementType, size)
    this.placementLocation = grownInt8(this.placementLocation, size)
    this.placementProvider = grownInt8(this.placementProvider, size)
    this.permanencePlan = grownInt8(this.permanencePlan, size)
    this.inCareOpen = grownInt8(this.inCareOpen, size)
    this.uasc = grownInt8(this.uasc, size)
    this.inTouch = grownInt8(this.inTouch, size)
    this.activity = grownInt8(this.activity, size)
    this.suitability = grownInt8(this.suitability, size)
    this.adoptionStage = grownInt8(this.adoptionStage, size)
    this.placements = grownFloat(this.placements, size)
    this.missingEpisodes = grownFloat(this.missingEpisodes, size)
    this.absentEpisodes = grownFloat(this.absentEpisodes, size)
    this.siblings = grownFloat(this.siblings, size)
    this.careStart = grownFloat(this.careStart, size)
    this.delay = grownInt32(this.delay, size)
    this.capacity = size
  }

  /** True when the child in `slot` is on list `list`. */
  on(slot: number, list: number): boolean {
    return (this.lists[slot]! & (1 << list)) !== 0
  }
}

/** FNV-1a over the id's UTF-16 code units (ids are short: a dozen characters). */
export function hashId(id: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
  return hash
}

/**
 * Child Unique ID → slot: open addressing over typed arrays, each entry the id's hash beside its
 * slot. A Map<string, number> was the largest single cost of reading 100,000 children: looking
 * up a new id walked a chain of entries and loaded each entry's key string to compare it. Here a
 * probe reads adjacent numbers, and an id's text is compared only when the hashes agree.
 */
class IdTable {
  /** Pairs (hash, slot + 1); slot + 1 = 0 is an empty entry. At most half the entries are used. */
  private entries = new Int32Array(2 * 2048)
  private mask = 2047
  /** Each slot's hash, to rebuild the entries when they grow. */
  private hashes = new Int32Array(1024)
  private size = 0

  constructor(private readonly ids: readonly string[]) {}

  /** The slot of `id` (whose hash is `hash`), or -1. */
  find(id: string, hash: number): number {
    const entries = this.entries
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const slot = entries[2 * i + 1]! - 1
      if (slot < 0) return -1
      if (entries[2 * i] === hash && this.ids[slot] === id) return slot
    }
  }

  /** Add an id not yet in the table (its text is `ids[slot]`). */
  add(hash: number, slot: number): void {
    if (this.size + 1 > (this.mask + 1) >> 1) this.reserve(this.size + 1)
    if (slot >= this.hashes.length) this.hashes = grownInt32(this.hashes, Math.max(slot + 1, this.hashes.length * 2))
    this.hashes[slot] = hash
    this.insert(hash, slot)
    this.size++
  }

  /** Make room for `count` ids without growing again. */
  reserve(count: number): void {
    let entries = this.mask + 1
    if (count <= entries >> 1) return
    while (count > entries >> 1) entries *= 2
    this.entries = new Int32Array(2 * entries)
    this.mask = entries - 1
    for (let slot = 0; slot < this.size; slot++) this.insert(this.hashes[slot]!, slot)
  }

  private insert(hash: number, slot: number): void {
    const entries = this.entries
    let i = hash & this.mask
    while (entries[2 * i + 1] !== 0) i = (i + 1) & this.mask
    entries[2 * i] = hash
    entries[2 * i + 1] = slot + 1
  }
}

/** A (list, row) pair packed into one number: list × 2^21 + row (rows up to 2,097,151). */
export function packRef(list: number, row: number): number {
  return list * 2_097_152 + row
}

export function unpackRef(ref: number): { list: number; row: number } {
  return { list: Math.floor(ref / 2_097_152), row: ref % 2_097_152 }
}
