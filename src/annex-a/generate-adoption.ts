/**
 * Rows of List 10 (children with an adoption decision) and List 11 (adopters) of a synthetic
 * Annex A return (002#249).
 */
import { ETHNICITIES, pickWeighted } from './generate-random.js'
import type { ChildRow, Draw, RowValues } from './generate-children.js'

/** List 10: a child adopted, placed, matched or waiting, with the decision in the last 12 months. */
export function adoptionRow(d: Draw, row: ChildRow): void {
  const { rng, before, after, notBefore, asOfDay, counts } = d
  const { c, v } = row
  const entered = notBefore(before(rng.int(300, 900)), c.dob)
  const decision = after(entered, 60, 240)
  const matched = rng.chance(0.7) ? after(decision, 30, 200) : null
  const placed = matched !== null && rng.chance(0.9) ? after(matched, 7, 40) : null
  const adopted =
    placed !== null && placed + 90 <= asOfDay && rng.chance(0.5) ? after(Math.max(placed, before(350)), 90, 300) : null
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
}

/** List 11: adopter (or family) `i` in contact with the adoption agency in the last 12 months. */
export function adopterRow(d: Draw, i: number): RowValues {
  const { rng, before, after } = d
  const enquiry = before(rng.int(30, 360))
  const approved = rng.chance(0.6) ? after(enquiry, 120, 240) : null
  const matched = approved !== null && rng.chance(0.5) ? after(approved, 20, 120) : null
  const placed = matched !== null && rng.chance(0.8) ? after(matched, 10, 60) : null
  const left = approved === null && rng.chance(0.2) ? after(enquiry, 20, 200) : null
  const twoStage = rng.chance(0.8)
  const stage1Start = twoStage ? after(enquiry, 5, 30) : null
  const stage1End = stage1Start !== null && (approved !== null || rng.chance(0.5)) ? after(stage1Start, 30, 60) : null
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
