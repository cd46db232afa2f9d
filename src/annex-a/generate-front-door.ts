/**
 * Rows of the front-door lists of a synthetic Annex A return (002#249): List 1 contacts, List 2
 * early help, List 3 referrals, List 4 assessments and List 5 section 47 enquiries.
 */
import type { ChildRow, Draw } from './generate-children.js'

// Contact and referral sources, police (6) and schools (2A) the most common.
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

/** List 1: a contact in the last three months. */
export function contactRow(d: Draw, row: ChildRow): void {
  const { rng, before } = d
  const { v } = row
  v.contactDate = { day: before(rng.int(0, 88)) }
  v.contactSource = { code: rng.weighted(sourceWeights) }
}

/** List 2: an early help episode started in the last six months. */
export function earlyHelpRow(d: Draw, row: ChildRow): void {
  const { rng, before, after } = d
  const { v } = row
  const start = before(rng.int(0, 175))
  v.earlyHelpStart = { day: start }
  v.earlyHelpEnd = rng.chance(0.6) ? { day: after(start, 5, 60) } : null
  v.earlyHelpOrganisation = rng.pick(['Early Help Hub', 'School', 'Health Visiting', "Children's Centre"])
}

/** List 3: a referral in the last three months. */
export function referralRow(d: Draw, row: ChildRow): void {
  const { rng, before } = d
  const { v } = row
  v.referralDate = { day: before(rng.int(0, 88)) }
  v.referralSource = { code: rng.weighted(sourceWeights) }
  v.referralNfa = { code: rng.chance(0.25) ? 'Yes' : 'No' }
  v.referralsLast12Months = rng.weighted([
    [1, 75],
    [2, 15],
    [3, 7],
    [4, 3],
  ])
}

/** List 4: an assessment started in the last six months. */
export function assessmentRow(d: Draw, row: ChildRow): void {
  const { rng, before, after, asOfDay } = d
  const { v } = row
  const start = before(rng.int(0, 175))
  const done = rng.chance(0.8) && start + 10 <= asOfDay
  v.assessmentStart = { day: start }
  v.childSeen = { code: rng.chance(0.95) ? 'Yes' : 'No' }
  v.assessmentAuthorised = done ? { day: after(start, 10, 70) } : null
  v.assessmentOutcome = done ? { code: rng.chance(0.6) ? 'Yes' : 'No' } : null
}

/** List 5: a section 47 enquiry started in the last six months, and its conference. */
export function section47Row(d: Draw, row: ChildRow): void {
  const { rng, before, after, asOfDay } = d
  const { v } = row
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
}
