/**
 * The rules inside one row of one list: look-back windows (002#249), dates in order, and cells
 * that must be blank or filled because of another cell (SPEC §3.4, from the template's
 * guidance). Messages say what to change, in the analyst's terms.
 */
import { ukDate } from './day-numbers.js'
import type { Severity } from './findings.js'
import type { FieldIndex, RowView } from './row-view.js'
import type { ListNumber, ListSpec } from './spec.js'

export interface WindowDays {
  readonly asOfDay: number
  /** First day inside 002#249's window (NaN for "at the point of inspection"). */
  readonly start: number
  /** First day inside the 2019 template's longer window, where it differs; else `start`. */
  readonly templateStart: number
}

/** Check one row; returns true when the row falls between 002#249's window and the template's. */
export type RowRules = (row: RowView) => boolean

function order(v: RowView, earlier: number, later: number, severity: Severity = 'error'): void {
  if (!v.has(earlier) || !v.has(later) || v.day(earlier) <= v.day(later)) return
  v.report(
    later,
    'AA-DATE-ORDER',
    () =>
      `The ${v.name(later)} (${ukDate(v.day(later))}) is before the ${v.name(earlier)} (${ukDate(v.day(earlier))}). Correct whichever date is wrong: the ${v.name(later)} cannot be earlier than the ${v.name(earlier)}.`,
    severity,
  )
}

/** `detail` is filled exactly when `date` is (a reason goes with its end date). */
function together(v: RowView, date: number, detail: number, severity: Severity = 'error'): void {
  if (v.has(detail) && v.blank(date)) {
    v.report(
      detail,
      'AA-CONDITIONAL',
      () => `Leave the ${v.name(detail)} blank unless there is a ${v.name(date)}, or enter the ${v.name(date)}.`,
      severity,
    )
  } else if (v.has(date) && v.blank(detail)) {
    v.report(
      detail,
      'AA-CONDITIONAL',
      () => `Enter the ${v.name(detail)}: this row has a ${v.name(date)} (${ukDate(v.day(date))}).`,
      severity,
    )
  }
}

function outOfWindow(v: RowView, field: number, spec: ListSpec, w: WindowDays): boolean {
  if (!v.has(field) || Number.isNaN(w.start)) return false
  const day = v.day(field)
  if (day >= w.start) return false
  if (day >= w.templateStart) return true
  v.report(
    field,
    'AA-DATE-WINDOW',
    () =>
      `The ${v.name(field)} ${ukDate(day)} is more than ${spec.window.months} months before the inspection date (${ukDate(w.asOfDay)}). List ${spec.list} holds ${spec.window.describe}. Remove this row, or correct the date if it is wrong.`,
  )
  return false
}

/** Open (no end date) or ended inside the window: lists 2, 4, 6, 7 and 8. */
function openOrEndedInWindow(v: RowView, start: number, end: number, spec: ListSpec, w: WindowDays): boolean {
  if (v.blank(end)) return false
  if (v.has(end)) return outOfWindow(v, end, spec, w)
  return start >= 0 ? outOfWindow(v, start, spec, w) : false
}

function yes(v: RowView, field: number): boolean {
  return v.code(field) === 'Yes'
}

/** Compile the row rules of one list, resolving field keys once. */
export function compileListRules(spec: ListSpec, f: FieldIndex, w: WindowDays): RowRules {
  const rules = RULES_BY_LIST[spec.list]
  return rules(spec, f, w)
}

type RuleFactory = (spec: ListSpec, f: FieldIndex, w: WindowDays) => RowRules

const RULES_BY_LIST: Record<ListNumber, RuleFactory> = {
  1: (spec, f, w) => {
    const contact = f('contactDate')
    return (v) => outOfWindow(v, contact, spec, w)
  },
  2: (spec, f, w) => {
    const [start, end] = [f('earlyHelpStart'), f('earlyHelpEnd')]
    return (v) => {
      order(v, start, end)
      // 002#249: assessments in the last six months, plus current interventions.
      if (v.has(start) && v.day(start) >= w.start) return false
      return openOrEndedInWindow(v, start, end, spec, w)
    }
  },
  3: (spec, f, w) => {
    const referral = f('referralDate')
    return (v) => outOfWindow(v, referral, spec, w)
  },
  4: (spec, f, w) => {
    const [start, authorised, outcome] = [f('assessmentStart'), f('assessmentAuthorised'), f('assessmentOutcome')]
    return (v) => {
      order(v, start, authorised)
      // SPEC §1 List 4: the outcome is blank while the assessment is open, and given once authorised.
      if (v.has(authorised) && v.blank(outcome)) {
        v.report(
          outcome,
          'AA-CONDITIONAL',
          () =>
            `Enter whether the child was assessed as requiring social care support: the assessment was authorised on ${ukDate(v.day(authorised))}.`,
        )
      } else if (v.has(outcome) && v.blank(authorised)) {
        v.report(
          authorised,
          'AA-CONDITIONAL',
          () =>
            `Enter the ${v.name(authorised)}: the row gives the assessment's outcome, so it has been completed. If it is still open, leave the outcome blank.`,
        )
      }
      if (v.has(start) && v.day(start) >= w.start) return false
      return openOrEndedInWindow(v, start, authorised, spec, w)
    }
  },
  5: (spec, f, w) => {
    const [start, unnecessary, icpc, plan] = [f('s47Start'), f('icpcUnnecessary'), f('icpcDate'), f('icpcPlan')]
    return (v) => {
      order(v, start, icpc)
      if (yes(v, unnecessary)) {
        // SPEC §1 List 5: no conference date or outcome when one was deemed unnecessary.
        for (const field of [icpc, plan]) {
          if (v.has(field))
            v.report(
              field,
              'AA-CONDITIONAL',
              () =>
                `Leave the ${v.name(field)} blank: this row says an initial child protection conference was deemed unnecessary. If a conference was held, change that answer to No.`,
            )
        }
      } else if (v.has(plan) && v.blank(icpc)) {
        v.report(
          icpc,
          'AA-CONDITIONAL',
          () => `Enter the ${v.name(icpc)}: the row says whether the conference resulted in a plan, so it was held.`,
        )
      } else if (v.has(icpc) && v.blank(plan)) {
        v.report(
          plan,
          'AA-CONDITIONAL',
          () => `Enter whether the conference on ${ukDate(v.day(icpc))} resulted in a child protection plan.`,
          'warning',
        )
      }
      return outOfWindow(v, start, spec, w)
    }
  },
  6: (spec, f, w) => {
    const [start, closure, reason, status] = [f('cinStart'), f('cinClosure'), f('closureReason'), f('caseStatus')]
    return (v) => {
      order(v, start, closure)
      together(v, closure, reason)
      const closed = v.code(status) === 'Closed episode'
      if (closed && v.blank(closure)) {
        v.report(
          closure,
          'AA-CONDITIONAL',
          () =>
            `Enter the ${v.name(closure)}: the case status is "Closed episode". If the episode is open, change the case status.`,
        )
      } else if (v.has(status) && !closed && v.has(closure) && v.day(closure) <= w.asOfDay) {
        v.report(
          status,
          'AA-CONDITIONAL',
          () => `Change the case status to "e) Closed episode": the episode closed on ${ukDate(v.day(closure))}.`,
          'warning',
        )
      }
      if (v.code(reason) === 'RC8') {
        v.report(
          reason,
          'AA-CONDITIONAL',
          () =>
            'RC8 (case closed after assessment, no further action) is listed for completeness only: children whose case closed after assessment are not expected in List 6. Check whether this child belongs in the list.',
          'note',
        )
      }
      return openOrEndedInWindow(v, -1, closure, spec, w)
    }
  },
  7: (spec, f, w) => {
    const [start, review, end, visit] = [f('cpStart'), f('latestReview'), f('cpEnd'), f('lastStatutoryVisit')]
    return (v) => {
      order(v, start, end)
      order(v, start, review, 'warning')
      order(v, review, end, 'warning')
      order(v, start, visit, 'warning')
      return openOrEndedInWindow(v, -1, end, spec, w)
    }
  },
  8: (spec, f, w) => {
    const [dob, laStart, legalStart, placementStart, ceased, reason, offered, accepted] = [
      f('dateOfBirth'),
      f('laStart'),
      f('legalStatusStart'),
      f('placementStart'),
      f('ceasedDate'),
      f('ceasedReason'),
      f('returnInterviewOffered'),
      f('returnInterviewAccepted'),
    ]
    return (v) => {
      order(v, dob, laStart)
      order(v, laStart, ceased)
      order(v, laStart, legalStart, 'warning')
      order(v, laStart, placementStart, 'warning')
      together(v, ceased, reason)
      // SPEC §1 List 8: "accepted" is blank when no return interview was offered.
      if (v.has(accepted) && v.has(offered) && !yes(v, offered)) {
        v.report(
          accepted,
          'AA-CONDITIONAL',
          () =>
            `Leave the ${v.name(accepted)} blank: the row says a return interview was not offered (${v.code(offered)}).`,
        )
      }
      return openOrEndedInWindow(v, -1, ceased, spec, w)
    }
  },
  9: (_spec, f) => {
    const [inTouch, accommodation, suitability, activity] = [
      f('inTouch'),
      f('accommodation'),
      f('accommodationSuitability'),
      f('activity'),
    ]
    return (v) => {
      if (!v.has(inTouch)) return false
      // SPEC §1 List 9: accommodation, suitability and activity are blank when not in touch.
      const touching = v.code(inTouch) === 'Yes'
      for (const field of [accommodation, suitability, activity]) {
        if (!touching && v.has(field)) {
          v.report(
            field,
            'AA-CONDITIONAL',
            () =>
              `Leave the ${v.name(field)} blank, or change LA In Touch: the LA is not in touch with this young person (${v.code(inTouch)}).`,
            'warning',
          )
        } else if (touching && v.blank(field)) {
          v.report(
            field,
            'AA-CONDITIONAL',
            () => `Enter the ${v.name(field)}: the LA is in touch with this young person.`,
            'warning',
          )
        }
      }
      return false
    }
  },
  10: (spec, f, w) => {
    const [dob, entered, decision, matched, placed, order_, reversed, reason] = [
      f('dateOfBirth'),
      f('enteredCare'),
      f('adoptionDecision'),
      f('matched'),
      f('placedForAdoption'),
      f('adoptionOrder'),
      f('decisionReversed'),
      f('reversalReason'),
    ]
    return (v) => {
      order(v, dob, entered)
      order(v, entered, decision, 'warning')
      order(v, decision, matched)
      order(v, matched, placed)
      order(v, placed, order_)
      order(v, decision, reversed)
      together(v, reversed, reason)
      // 002#249: adopted in the last 12 months, waiting, or reversed during the period.
      if (v.has(order_)) return outOfWindow(v, order_, spec, w)
      if (v.has(reversed)) return outOfWindow(v, reversed, spec, w)
      return false
    }
  },
  11: (spec, f, w) => {
    const chain = ['enquiryReceived', 'stage1Start', 'stage1End', 'stage2Start', 'stage2End'].map(f)
    const application = [
      'applicationSubmitted',
      'applicationApproved',
      'adopterMatched',
      'childrenPlaced',
      'adoptionOrder',
    ].map(f)
    const all = [...new Set([...chain, ...application, f('leftProcess')])]
    const [left, reason, numberPlaced, placed, enquiry] = [
      f('leftProcess'),
      f('leavingReason'),
      f('numberPlaced'),
      f('childrenPlaced'),
      f('enquiryReceived'),
    ]
    const adoptionOrder = f('adoptionOrder')
    return (v) => {
      for (let i = 1; i < chain.length; i++) order(v, chain[i - 1]!, chain[i]!)
      for (let i = 1; i < application.length; i++) order(v, application[i - 1]!, application[i]!)
      order(v, enquiry, f('applicationSubmitted'))
      order(v, enquiry, left)
      together(v, left, reason)
      if (v.has(numberPlaced) && v.int(numberPlaced) > 0 && v.blank(placed)) {
        v.report(
          placed,
          'AA-CONDITIONAL',
          () => `Enter the ${v.name(placed)}: the row says ${v.int(numberPlaced)} children were placed.`,
          'warning',
        )
      }
      // In scope unless the process ended, and every date is, before the 12 months (002#249).
      if (!v.has(left) && !v.has(adoptionOrder)) return false
      let latest = -1
      for (const field of all) if (v.has(field) && (latest < 0 || v.day(field) > v.day(latest))) latest = field
      return latest >= 0 ? outOfWindow(v, latest, spec, w) : false
    }
  },
}
