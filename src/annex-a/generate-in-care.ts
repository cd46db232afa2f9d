/**
 * Rows of List 8 (children in care) and List 9 (care leavers) of a synthetic Annex A return
 * (002#249), including the placements, missing episodes and brothers and sisters that mark
 * children for case selection (002#150, 002#253).
 */
import type { ChildRow, Draw } from './generate-children.js'

/** List 8: a child in care, or one who left care in the last six months. */
export function childInCareRow(d: Draw, row: ChildRow): void {
  const { rng, before, after, notBefore, asOfDay, seg, inCareOpen } = d
  const { i, c, v } = row
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
}

/** List 9: a care leaver receiving leaving care services. */
export function careLeaverRow(d: Draw, row: ChildRow): void {
  const { rng } = d
  const { c, v } = row
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
}
