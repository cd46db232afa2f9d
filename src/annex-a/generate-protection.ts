/**
 * Rows of List 6 (children in need) and List 7 (child protection plans) of a synthetic Annex A
 * return (002#249). A child's case status agrees with the lists it is on.
 */
import type { ChildRow, Draw } from './generate-children.js'

/** List 6: a child in need episode, open or closed in the last three months. */
export function childInNeedRow(d: Draw, row: ChildRow): void {
  const { rng, before, notBefore, seg, inCareOpen, cpOpen } = d
  const { i, born, v } = row
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
}

/** List 7: a child protection plan, open or ended in the last three months. */
export function childProtectionRow(d: Draw, row: ChildRow): void {
  const { rng, before, asOfDay, cpOpen } = d
  const { i, v } = row
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
}
