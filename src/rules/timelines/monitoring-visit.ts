/**
 * The monitoring visit timeline (RULES.md S2, S4, M5, E7, E8).
 *
 * ILACS (002#129 table, 002#130-131, 002#242, 002#216): the visit week starts with a Monday of
 * off-site evaluation and two days on site, Tuesday and Wednesday, with feedback on the
 * Wednesday. The table's "ten / nine / eight days before the visit" count back from that
 * Monday (RULES.md M5): data requested ten working days before it, provided the next day,
 * audited cases named eight days before, audited cases shared the Wednesday before (at least
 * three working days before, 002#131). `onsite` is the first on-site day; the reference Monday
 * is the working day before it. Footnote 22: some visits run Wednesday–Thursday and every
 * milestone moves one day (variant `wed-thu`).
 *
 * 2017 handbook (001#26-27, #42): for authorities monitored under the 2017 arrangements (judged
 * inadequate under the SIF, 002#22 fn4), day 1 is the first on-site day and the report follows
 * the 001#42 day 1–23 timeline (decision E7).
 *
 * E8: the letter after the first monitoring visit is not published, unless it is the first
 * visit of a second set of monitoring visits (001#41, 002 fn28, 003#Next steps).
 */
import { formatDate, type IsoDate } from '../calendar/dates.js'
import { seasonalChecks } from '../calendar/seasonal-checks.js'
import { addWorkingDays, workingDayStatus } from '../calendar/working-days.js'
import type { Cited, Milestone, Outcome } from '../types.js'
import { refuse } from '../types.js'
import { annexAMilestones } from './annex-a.js'
import { checkFirstOnsiteDay, inDateOrder, milestone, weekdayColumnFlags, type Note, type Timeline } from './common.js'
import type { VisitVariant } from './focused-visit.js'
import { monitoringPreparation2017, monitoringReport2017 } from './monitoring-report.js'
import { publicationMilestones } from './publication.js'

/** Which arrangements the visit follows: ILACS (002) or the 2017 handbook (001). */
export type MonitoringHandbook = 'ilacs' | '2017'

/** Options for a monitoring visit timeline. */
export interface MonitoringVisitOptions {
  variant?: VisitVariant
  handbook?: MonitoringHandbook
  /** Which visit of the set this is (1 = first); unknown when not given. */
  visitNumber?: number
  /** True for a second set of monitoring visits (after a re-inspection still judged inadequate, M9). */
  secondSet?: boolean
}

/** Whether a monitoring visit's letter is published (E8), and why. */
export function monitoringLetterPublished(
  visitNumber: number | undefined,
  secondSet = false,
): Cited & { published: boolean; reason: string } {
  const citation = '001#41, 002 fn28, 003#Next steps'
  if (visitNumber === 1 && !secondSet) {
    return {
      rule: 'E8',
      citation,
      published: false,
      reason: 'The letter after the first monitoring visit is not published',
    }
  }
  if (visitNumber === 1) {
    return {
      rule: 'E8',
      citation,
      published: true,
      reason: 'The first letter of a second set of monitoring visits is published',
    }
  }
  return {
    rule: 'E8',
    citation,
    published: true,
    reason: 'Letters after the second and later monitoring visits are published',
  }
}

/** The four letter steps the report workflow follows (E7): draft, comments, final copy, publication. */
const LETTER_STEPS = [
  'report.to-la-for-factual-accuracy',
  'report.factual-accuracy-due',
  'report.final-to-la',
  'report.published',
]

/**
 * E7: the letter milestones of a monitoring visit by the arrangements it follows: ILACS visits
 * the 002#216 visit column from the last day on site; 2017-handbook visits the 001#42 day 1–23
 * timeline from day 1 (draft day 11, comments day 15, pre-publication copy day 21, day 23). The
 * publication step is kept for an unpublished first letter: it is the day the letter's workflow
 * ends, sent to the authority and not published (E8).
 */
export function monitoringLetterMilestones(
  handbook: MonitoringHandbook,
  onsite: IsoDate,
  lastOnsite: IsoDate,
): Milestone[] {
  if (handbook === 'ilacs') return publicationMilestones('visit', lastOnsite)
  return monitoringReport2017(onsite).filter((item) => LETTER_STEPS.includes(item.key))
}

/** The dated milestones of a monitoring visit whose first on-site day is `onsite`. */
export function monitoringVisitTimeline(
  onsite: IsoDate,
  options: MonitoringVisitOptions = {},
): Outcome<{ timeline: Timeline }> {
  const handbook = options.handbook ?? 'ilacs'
  const built = handbook === '2017' ? visit2017(onsite) : visitIlacs(onsite, options.variant ?? 'tue-wed')
  if (!built.ok) return built
  const publication = monitoringLetterPublished(options.visitNumber, options.secondSet)
  const milestones = publication.published
    ? built.milestones
    : built.milestones.filter((item) => item.key !== 'report.published')
  const notes: Note[] = [
    ...built.notes,
    {
      rule: 'E8',
      citation: publication.citation,
      message:
        options.visitNumber === undefined
          ? `${publication.reason}; the first visit's letter is not published (give the visit number to apply this)`
          : publication.reason,
    },
    {
      rule: 'M5',
      citation: '002#134-135, 001#33-35',
      message:
        'On site: usually up to six children’s experiences evaluated, including cases the authority audited; other cases sampled from the previous three months',
    },
    {
      rule: 'M5',
      citation: '002#137, 001#37',
      message:
        'Inspectors record the case numbers of tracked and sampled cases so later visits can cross-refer to them',
    },
    {
      rule: 'M10',
      citation: '002#221',
      message: 'The authority does not need to submit an action plan after a monitoring visit',
    },
  ]
  return {
    ok: true,
    timeline: {
      type: 'monitoring-visit',
      onsite,
      variant: handbook === '2017' ? 'handbook-2017' : (options.variant ?? 'tue-wed'),
      milestones: inDateOrder(milestones),
      flags: built.flags,
      notes,
    },
  }
}

type Built = Outcome<{ milestones: Milestone[]; flags: Timeline['flags']; notes: Note[] }>

function visitIlacs(onsite: IsoDate, variant: VisitVariant): Built {
  const shift = variant === 'wed-thu' ? 1 : 0
  const citation = variant === 'wed-thu' ? '002#129 fn22' : '002#129'
  const what =
    variant === 'wed-thu'
      ? "a Wednesday–Thursday monitoring visit's first on-site day"
      : "a monitoring visit's first on-site day (Wednesday only for the Wednesday–Thursday variant, 002 fn22)"
  const refusal = checkFirstOnsiteDay(onsite, 2 + shift, what, citation)
  if (refusal) return refusal
  const reference = addWorkingDays(onsite, -1)
  const request = addWorkingDays(reference, -10)
  const last = addWorkingDays(onsite, 1)
  const milestones = [
    milestone(
      'notice',
      'Lead inspector requests up-to-date child-level data (ten working days before the visit)',
      request,
      'M5',
      '002#129-130',
    ),
    ...annexAMilestones('monitoring', request),
    milestone(
      'audited-cases.named',
      'Lead inspector names the audited cases the local authority should share (up to six)',
      addWorkingDays(reference, -8),
      'M5',
      '002#129, #131',
    ),
    milestone(
      'audits.latest',
      'Completed audits shared at least three working days before the visit',
      addWorkingDays(reference, -3),
      'M5',
      '002#131',
    ),
    milestone(
      'team.off-site-evaluation',
      'Full team off-site evaluation of evidence',
      addWorkingDays(reference, -2),
      'S2',
      citation,
    ),
    milestone(
      'team.telephone-conference',
      'Telephone conference team meeting',
      addWorkingDays(reference, -1),
      'S2',
      citation,
    ),
    milestone(
      'preparation.off-site-evaluation',
      'Off-site evaluation of evidence (the visit’s reference day)',
      reference,
      'S2',
      citation,
    ),
    milestone('onsite.start', 'Full team (usually two inspectors) on site gathering evidence', onsite, 'S2', citation),
    milestone('onsite.end', 'Last day on site: gathering evidence and providing feedback', last, 'S2', citation),
    milestone(
      'feedback',
      'Feedback of a summary of the findings to the DCS, chief executive and any commissioner',
      last,
      'E5',
      '002#129, #138',
    ),
    ...publicationMilestones('visit', last),
  ]
  const flags = [
    ...weekdayColumnFlags(
      [
        { label: 'Child-level data request (ten days before)', date: request, weekday: 1 + shift },
        { label: 'Data provided (nine days before)', date: addWorkingDays(request, 1), weekday: 2 + shift },
        { label: 'Audited cases named (eight days before)', date: addWorkingDays(reference, -8), weekday: 3 + shift },
        { label: 'Audited cases shared (the week before)', date: addWorkingDays(request, 7), weekday: 3 + shift },
        { label: 'Off-site evaluation before the visit', date: reference, weekday: 1 + shift },
        { label: 'Last day on site', date: last, weekday: 3 + shift },
      ],
      'M5',
      citation,
    ),
    ...seasonalChecks('monitoring-visit', onsite, last, request),
  ]
  const notes: Note[] = [
    {
      rule: 'M5',
      citation: '002#129',
      message:
        'Decision: the table’s “days before the visit” count back from the visit week’s off-site Monday, the working day before the first on-site day',
    },
    {
      rule: 'E7',
      citation: '002#216',
      message:
        'Decision: an ILACS monitoring visit’s letter follows the 002#216 timeline, not the 001#42 day 1–23 timeline',
    },
  ]
  return { ok: true, milestones, flags, notes }
}

function visit2017(day1: IsoDate): Built {
  const status = workingDayStatus(day1)
  if (!status.workingDay)
    return refuse(
      'C5',
      '001#42',
      `${formatDate(day1)} is ${status.reason}; a monitoring visit's day 1 must be a working day`,
    )
  const day2 = addWorkingDays(day1, 1)
  const milestones = [
    ...monitoringPreparation2017(day1),
    milestone('onsite.start', 'Day 1: inspectors on site (usually two HMI)', day1, 'M5', '001#24, #42'),
    milestone('onsite.end', 'Day 2: inspectors on site', day2, 'M5', '001#24, #42'),
    milestone(
      'feedback',
      'Feedback of the findings to the DCS, chief executive and any commissioner',
      day2,
      'E5',
      '001#38',
    ),
    ...monitoringReport2017(day1),
  ]
  const notes: Note[] = [
    {
      rule: 'E7',
      citation: '001#42',
      message: 'Decision: the 2017 handbook’s day 1–23 report timeline applies to monitoring under that handbook only',
    },
    {
      rule: 'M5',
      citation: '001#26, #42',
      message:
        'Decision: “two weeks before the visit” is ten working days; “by the end of that week” is the last working day of the week of the request',
    },
  ]
  return { ok: true, milestones, flags: seasonalChecks('monitoring-visit', day1, day2), notes }
}
