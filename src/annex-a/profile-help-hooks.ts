/**
 * The profile's row hooks of lists 1 to 7 (contacts to child protection): the counts, tallies and
 * durations each row adds, and the delays it marks on the child (002#150-153).
 */
import { DELAY_ASSESSMENT, DELAY_CP_TWO_YEARS, DELAY_EARLY_HELP, DELAY_ICPC } from './child-registry.js'
import { type Accumulator, type HookContext, hookTools, type RowHook } from './profile-accumulator.js'
import type { FieldIndex } from './row-view.js'

/** The hook of one of lists 1 to 7, its fields resolved once. */
export function helpAndProtectionHook(
  list: 1 | 2 | 3 | 4 | 5 | 6 | 7,
  f: FieldIndex,
  acc: Accumulator,
  ctx: HookContext,
): RowHook {
  const { days, asOf, reg } = ctx
  const { c, n, yes, yesYN, countIf } = hookTools(acc)
  const wdb = ctx.workingDaysBetween
  const workingDays = (from: number, to: number) => (wdb ? wdb(from, to) : undefined)
  switch (list) {
    case 1: {
      const source = f('contactSource')
      const sources = acc.tally('Contact source', 'SOURCE', true)
      return (v) => countIf(sources, v.codeIndex(source))
    }
    case 2: {
      const [start, end] = [f('earlyHelpStart'), f('earlyHelpEnd')]
      const [completed, open] = [c('completed'), c('open')]
      const toComplete = acc.duration('days to complete')
      return (v, slot) => {
        if (v.has(end)) {
          n[completed]!++
          if (v.has(start) && v.day(end) >= v.day(start)) toComplete.push(v.day(end) - v.day(start))
        } else if (v.blank(end)) {
          n[open]!++
          if (slot >= 0 && v.has(start) && v.day(start) < days.sixMonths) reg.delay[slot]! |= DELAY_EARLY_HELP
        }
      }
    }
    case 3: {
      const [source, nfa, count] = [f('referralSource'), f('referralNfa'), f('referralsLast12Months')]
      const sources = acc.tally('Referral source', 'SOURCE', true)
      const [nfaKnown, nfaYes, countKnown, repeat] = [c('nfa known'), c('nfa'), c('count known'), c('repeat')]
      return (v) => {
        countIf(sources, v.codeIndex(source))
        if (v.has(nfa)) {
          n[nfaKnown]!++
          if (v.codeIndex(nfa) === yes) n[nfaYes]!++
        }
        if (v.has(count)) {
          n[countKnown]!++
          // Decision A4: the template count includes the latest referral, so 2 or more is a repeat referral.
          if (v.int(count) >= 2) n[repeat]!++
        }
      }
    }
    case 4: {
      const [start, authorised, seen, outcome] = [
        f('assessmentStart'),
        f('assessmentAuthorised'),
        f('childSeen'),
        f('assessmentOutcome'),
      ]
      const outcomes = acc.tally('Assessed as requiring social care support', 'YNU', false)
      const [seenKnown, seenYes, completed, within, open] = [
        c('seen known'),
        c('seen'),
        c('completed'),
        c('within 45'),
        c('open'),
      ]
      const calendarDays = acc.duration('days to complete')
      const working = acc.duration('working days to complete')
      return (v, slot) => {
        if (v.has(seen)) {
          n[seenKnown]!++
          if (v.codeIndex(seen) === yes) n[seenYes]!++
        }
        if (v.has(outcome)) outcomes[v.codeIndex(outcome)]!++
        if (!v.has(start)) return
        const end = v.has(authorised) ? v.day(authorised) : v.blank(authorised) ? asOf : NaN
        if (Number.isNaN(end) || end < v.day(start)) return
        const wd = workingDays(v.day(start), end)
        if (v.has(authorised)) {
          n[completed]!++
          calendarDays.push(end - v.day(start))
          if (wd !== undefined) {
            working.push(wd)
            if (wd <= 45) n[within]!++
          }
        } else n[open]!++
        if (wd !== undefined && wd > 45 && slot >= 0) reg.delay[slot]! |= DELAY_ASSESSMENT
      }
    }
    case 5: {
      const [start, icpc, plan, unnecessary] = [f('s47Start'), f('icpcDate'), f('icpcPlan'), f('icpcUnnecessary')]
      const [unnecessaryYes, planKnown, planYes, held, timed, within] = [
        c('icpc unnecessary'),
        c('plan known'),
        c('plan'),
        c('icpc held'),
        c('icpc timed'),
        c('icpc within 15'),
      ]
      const toIcpc = acc.duration('working days to ICPC')
      return (v, slot) => {
        if (v.codeIndex(unnecessary) === yesYN) n[unnecessaryYes]!++
        if (v.has(plan)) {
          n[planKnown]!++
          if (v.codeIndex(plan) === yesYN) n[planYes]!++
        }
        if (!v.has(icpc)) return
        n[held]!++
        if (!v.has(start) || v.day(icpc) < v.day(start)) return
        const wd = workingDays(v.day(start), v.day(icpc))
        if (wd === undefined) return
        n[timed]!++
        toIcpc.push(wd)
        if (wd <= 15) n[within]!++
        else if (slot >= 0) reg.delay[slot]! |= DELAY_ICPC
      }
    }
    case 6: {
      const [status, need, closure] = [f('caseStatus'), f('primaryNeed'), f('cinClosure')]
      const statuses = acc.tally('Case status', 'CASESTATUS', false)
      const needs = acc.tally('Primary need', 'NEED', false)
      const open = c('open')
      return (v, slot) => {
        countIf(statuses, v.codeIndex(status))
        countIf(needs, v.codeIndex(need))
        if (v.blank(closure)) n[open]!++
        if (slot >= 0) {
          if (v.has(status)) reg.caseStatus[slot] = v.codeIndex(status)
          if (v.has(need)) reg.primaryNeed[slot] = v.codeIndex(need)
        }
      }
    }
    case 7: {
      const [start, end, latest, initial, previous, seenAlone, epo] = [
        f('cpStart'),
        f('cpEnd'),
        f('latestCategory'),
        f('initialCategory'),
        f('previousPlans'),
        f('seenAlone'),
        f('epo'),
      ]
      const latestTally = acc.tally('Latest category of abuse', 'ABUSE', false)
      const initialTally = acc.tally('Initial category of abuse', 'ABUSE', false)
      const [open, twoYears, previousKnown, repeat, aloneKnown, alone, epoYes] = [
        c('open'),
        c('two years'),
        c('previous known'),
        c('repeat'),
        c('seen alone known'),
        c('seen alone'),
        c('epo'),
      ]
      return (v, slot) => {
        countIf(latestTally, v.codeIndex(latest))
        countIf(initialTally, v.codeIndex(initial))
        const isOpen = v.blank(end)
        if (isOpen) n[open]!++
        const long = isOpen && v.has(start) && v.day(start) <= days.twoYears
        if (long) n[twoYears]!++
        if (v.has(previous)) {
          n[previousKnown]!++
          if (v.int(previous) >= 1) n[repeat]!++
        }
        if (v.has(seenAlone)) {
          n[aloneKnown]!++
          if (v.codeIndex(seenAlone) === yes) n[alone]!++
        }
        if (v.codeIndex(epo) === yesYN) n[epoYes]!++
        if (slot >= 0) {
          reg.abuseCategory[slot] = v.has(latest) ? v.codeIndex(latest) : v.codeIndex(initial)
          reg.cpPlanOpen[slot] = isOpen ? 1 : 0
          if (long) reg.delay[slot]! |= DELAY_CP_TWO_YEARS
        }
      }
    }
  }
}
