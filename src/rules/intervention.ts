/**
 * Government intervention after an inadequate judgement (RULES.md G1–G7), from the Local
 * Government Association's guide (004, cited by section heading).
 */
import { addMonths, addYears, daysBetween, formatDate, type IsoDate } from './calendar/dates.js'
import { judgementsUpTo, type HistoryEntry, type Judgement } from './history.js'
import { GRADE_NAMES, type Grade } from './judgements.js'
import type { Cited, Flag } from './types.js'

const WHEN = "004#When does a council children's services department go into intervention and why?"
const AFTER_OFSTED = '004#What happens once Ofsted has left your council?'
const REINSPECTION = '004#Re-inspection and the continuous journey'

/** The forms of intervention (G1, 004#Forms of intervention), lightest first. */
export const INTERVENTION_FORMS = [
  {
    key: 'non-statutory-support',
    name: 'Non-statutory intervention',
    description:
      'External consultancy, advisory or peer support (often from another council), an improvement board (with or without an independent chair), enhanced monitoring and challenge',
  },
  {
    key: 'improvement-notice',
    name: 'Improvement notice',
    description:
      'Not a legal instrument: a formal notice from the secretary of state setting out the concerns, the improvement required, when and how it will be assessed and what follows if it is not achieved',
  },
  {
    key: 'statutory-direction',
    name: 'Statutory direction',
    description:
      'A direction under section 497A of the Education Act 1996 (applied by section 50 of the Children Act 2004) to take whatever action is expedient to achieve the improvement',
  },
  {
    key: 'contract-out-or-transfer',
    name: 'Direction to contract out or transfer functions',
    description: 'Partial or complete outsourcing to a third party, a trust or another council',
    // 004 names Doncaster, Birmingham and Slough; kept apart so pages about one LA do not name others.
    examples: 'Doncaster, Birmingham, Slough',
  },
  {
    key: 'commissioner',
    name: 'Commissioner',
    description:
      'A children’s services commissioner appointed by the DfE, always where there has been sustained and significant failure',
  },
] as const

/**
 * What follows a re-inspection for an authority in intervention (G4): requires improvement or
 * better → the notice or direction is lifted soon afterwards, and for requires improvement a
 * period of support and supervision of up to 12 months follows; still inadequate → escalation.
 */
export function afterReinspectionInIntervention(
  overall: Judgement['overall'],
  published: IsoDate,
): Cited & { lifted: boolean; supportUntil?: IsoDate; message: string } {
  if (overall === 'inadequate') {
    return {
      rule: 'G4',
      citation: REINSPECTION,
      lifted: false,
      message:
        'Still inadequate: further intervention is likely, e.g. escalation to a statutory direction or a direction that another body performs the functions',
    }
  }
  if (overall === 'requires-improvement') {
    return {
      rule: 'G4',
      citation: REINSPECTION,
      lifted: true,
      supportUntil: addMonths(published, 12),
      message: 'The notice or direction is lifted soon afterwards, then up to 12 months of DfE support and supervision',
    }
  }
  return {
    rule: 'G4',
    citation: REINSPECTION,
    lifted: true,
    message: 'The notice or direction is lifted soon afterwards',
  }
}

/** About when the re-inspection comes (G4, descriptive: about 2.5 years after the inadequate inspection; M6 governs the computation). */
export function reinspectionAbout(inadequatePublished: IsoDate): IsoDate {
  return addMonths(inadequatePublished, 30)
}

/** The improvement board (G3, 004#Setting up your improvement framework; reporting in 004#What happens once Ofsted has left your council?). */
export const IMPROVEMENT_BOARD = {
  meets: 'monthly to six-weekly',
  usualDurationMonths: { from: 12, to: 18 },
  members: [
    'the leader',
    'the lead member',
    'sometimes the scrutiny chair',
    'the chief executive',
    'the DCS',
    'senior officers from partner organisations',
  ],
  chair: 'often the chief executive at first, until the DfE case lead decides whether to appoint an independent chair',
  reportsToDfE:
    'the improvement board chair and the DfE social care adviser or commissioner, on the schedule the notice or direction sets',
} as const

/** Whose inspection it is where functions are delegated (G5, 002#228, #231-232). */
export function inspectionIsOf(direction: 'none' | 's497A(4)' | 's497A(4A)'): Cited & { inspected: string } {
  if (direction === 's497A(4A)') {
    return {
      rule: 'G5',
      citation: '002#232',
      inspected: 'the nominee or the Secretary of State’s exercise of the functions, not the local authority',
    }
  }
  return { rule: 'G5', citation: '002#228, #231', inspected: 'the local authority (the third party acts as its agent)' }
}

/** Who drafts which part of the action plan under an alternative delivery model (G5, 002#236-237). */
export const ADM_ACTION_PLAN = {
  localAuthority:
    'the overarching strategic elements, including wider issues that are not the trust’s responsibility (governance, relationship with the trust, scrutiny, support services); submits the plan, copied to the trust',
  trust: 'the operational content: how outcomes will be achieved to address the findings',
  disagreements: 'must be set out in the plan',
  directedTrust:
    'where the Secretary of State directed the trust’s creation, the plan is copied to the Secretary of State',
} as const

/** When the DfE hears of an inadequate outcome and publishes its notice or direction (G7, 004#Introduction, #What happens once Ofsted has left your council?). */
export const DFE_TIMING = {
  toldOfOutcome:
    'once Ofsted has confirmed it internally and before publication, usually around when the draft report goes to the authority for factual accuracy comments',
  noticePublished: 'on the same day as the Ofsted report or as soon as possible after',
} as const

/** A graded judgement as G2 reads it: both its dates, and whether it counts as inadequate. */
export interface DatedJudgement {
  /** The first day of fieldwork; a history given to the CLI may have only the publication date. */
  fieldworkStart?: IsoDate | undefined
  published: IsoDate
  inadequate: boolean
}

/**
 * Whether a judgement counts as inadequate (G2). With an overall effectiveness grade, that grade
 * decides. Decision: inspections from April 2026 give no overall grade, so a judgement is read as
 * inadequate when any judgement area is inadequate, as 002#100-101 make an overall grade
 * inadequate in that case (the register's pathway reads the lowest area grade the same way).
 */
export function inadequateReading(
  overall: Grade | null | undefined,
  areaGrades: readonly Grade[],
): Cited & { inadequate: boolean; derived: boolean; reading: string } {
  if (overall)
    return {
      rule: 'G2',
      citation: '002#96-97',
      inadequate: overall === 'inadequate',
      derived: false,
      reading: `Overall effectiveness: ${GRADE_NAMES[overall]}`,
    }
  const inadequate = areaGrades.includes('inadequate')
  return {
    rule: 'G2',
    citation: '002#100-101',
    inadequate,
    derived: true,
    reading: `No overall effectiveness grade (inspections from April 2026): read as inadequate when any judgement area is inadequate, as an overall grade would have been${inadequate ? '; at least one area is inadequate' : '; no area is inadequate'}`,
  }
}

export type FiveYearBasis = 'publication' | 'fieldwork'

/** One reading of "two inadequate judgements within five years". */
export interface FiveYearReading {
  basis: FiveYearBasis
  commissionerRequired: boolean
  /** The earlier and the later inadequate judgement compared, when there are two. */
  pair?: [DatedJudgement, DatedJudgement]
  /** Their dates on this basis. */
  dates?: [IsoDate, IsoDate]
  /** Years between the two on this basis, to one decimal place. */
  yearsApart?: number
  exactlyFiveYears: boolean
}

/** Whether the DfE must appoint a commissioner on a date (G2), by both readings of the five years. */
export interface CommissionerDecision extends Cited {
  /** On either reading: where they differ, a person decides which applies (`differ`, flagged). */
  commissionerRequired: boolean
  reason: string
  byPublication: FiveYearReading
  /** Undefined when a judgement compared has no fieldwork date (a history given only publication dates). */
  byFieldwork: FiveYearReading | undefined
  /** True when the two readings answer differently. */
  differ: boolean
  flags: Flag[]
}

/** Options: a finding of sustained and significant failure (always a commissioner, G2). */
export interface CommissionerOptions {
  sustainedAndSignificantFailure?: boolean
}

/** A judgement history's graded judgements as G2 reads them (the CLI's input): inadequate by its overall grade. */
export function datedJudgements(history: readonly HistoryEntry[], on: IsoDate): DatedJudgement[] {
  return judgementsUpTo(history, on).map((judgement) => ({
    published: judgement.published,
    fieldworkStart: judgement.fieldworkStart,
    inadequate: judgement.overall === 'inadequate',
  }))
}

function reading(
  basis: FiveYearBasis,
  earlier: DatedJudgement | undefined,
  later: DatedJudgement,
): FiveYearReading | undefined {
  if (!earlier) return { basis, commissionerRequired: false, exactlyFiveYears: false }
  const dateOf = (judgement: DatedJudgement) =>
    basis === 'publication' ? judgement.published : judgement.fieldworkStart
  const [from, to] = [dateOf(earlier), dateOf(later)]
  if (!from || !to) return undefined
  const limit = addYears(to, -5)
  return {
    basis,
    commissionerRequired: from >= limit,
    pair: [earlier, later],
    dates: [from, to],
    yearsApart: Math.round((daysBetween(from, to) / 365.25) * 10) / 10,
    exactlyFiveYears: from === limit,
  }
}

/**
 * Whether a commissioner is required on `on` (G2): "two inadequate judgements within five years
 * will result in a commissioner being appointed" (the DfE's "Putting children first", quoted in
 * 004), or sustained and significant failure. One function for the intervention record's trigger
 * and the CLI's `ilacs intervention`.
 *
 * Decisions: the source does not say which dates the five years run between, so both readings are
 * given, by publication and by fieldwork dates, and a difference is flagged for a person to decide
 * (a real authority's reports were published 5.2 years apart from fieldwork that started 4.7 years
 * apart). Only the latest judgement published by `on` counts as "now", and only while it is
 * inadequate (a better judgement lifts the intervention, G4); it is compared with the most recent
 * earlier inadequate judgement. Exactly five years counts as within, and is flagged.
 */
export function commissionerDecision(
  judgements: readonly DatedJudgement[],
  on: IsoDate,
  options: CommissionerOptions = {},
): CommissionerDecision {
  const published = judgements
    .filter((judgement) => judgement.published <= on)
    .sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : 0))
  const latest = published.at(-1)
  const none = (basis: FiveYearBasis): FiveYearReading => ({
    basis,
    commissionerRequired: false,
    exactlyFiveYears: false,
  })
  const without = { byPublication: none('publication'), byFieldwork: none('fieldwork'), differ: false, flags: [] }
  if (options.sustainedAndSignificantFailure)
    return {
      rule: 'G2',
      citation: AFTER_OFSTED,
      ...without,
      commissionerRequired: true,
      reason: 'There is always a commissioner where there has been sustained and significant failure',
    }
  if (!latest?.inadequate)
    return {
      ...(latest ? { rule: 'G4', citation: REINSPECTION } : { rule: 'G2', citation: WHEN }),
      ...without,
      commissionerRequired: false,
      reason: latest
        ? `The latest judgement (published ${formatDate(latest.published)}) is not inadequate; any notice or direction is lifted after a better judgement`
        : `No judgement was published on or before ${formatDate(on)}`,
    }
  const earlier = published
    .slice(0, -1)
    .filter((judgement) => judgement.inadequate)
    .at(-1)
  const byPublication = reading('publication', earlier, latest)!
  const byFieldwork = reading('fieldwork', earlier, latest)
  const differ = byFieldwork !== undefined && byPublication.commissionerRequired !== byFieldwork.commissionerRequired
  const flags: Flag[] = []
  if (differ)
    flags.push({
      rule: 'G2',
      citation: WHEN,
      message: `The readings differ: by publication dates the two inadequate judgements are ${byPublication.yearsApart} years apart, by fieldwork dates ${byFieldwork.yearsApart}. The source does not say which dates count: decide which applies and record why`,
    })
  if (byPublication.exactlyFiveYears || byFieldwork?.exactlyFiveYears)
    flags.push({
      rule: 'G2',
      citation: WHEN,
      message:
        'Exactly five years apart on one reading; the source does not settle whether that is "within five years" (we count it as within)',
    })
  const reason = !earlier
    ? `One inadequate judgement within five years (published ${formatDate(latest.published)}): intervention is likely (an improvement notice or statutory direction), a commissioner is not automatic`
    : differ
      ? 'Two inadequate judgements: within five years on one reading and not on the other'
      : byPublication.commissionerRequired
        ? `Two inadequate judgements within five years (published ${formatDate(earlier.published)} and ${formatDate(latest.published)}): a commissioner is appointed, an automatic statutory direction`
        : `Two inadequate judgements more than five years apart (published ${formatDate(earlier.published)} and ${formatDate(latest.published)}): a commissioner is not automatic`
  return {
    rule: 'G2',
    citation: earlier ? WHEN : `${WHEN}; 004#Key messages`,
    commissionerRequired: byPublication.commissionerRequired || byFieldwork?.commissionerRequired === true,
    reason,
    byPublication,
    byFieldwork,
    differ,
    flags,
  }
}
