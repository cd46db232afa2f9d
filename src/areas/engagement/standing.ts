import { addDays } from '../../rules/calendar/dates.js'
import {
  engagementLetterDue,
  nextEngagementAbout,
  selfEvaluationAskedFrom,
  selfEvaluationRefresh,
  selfEvaluationRequested,
} from '../../rules/engagement.js'
import type { Standing } from '../register/index.js'
import type { EngagementMeeting, SelfEvaluation } from './types.js'

/** How far ahead a meeting or letter counts as coming up. */
const SOON_DAYS = 28

/**
 * Where an LA's engagement stands on `today` (O1, O2), from its register standing, its
 * self-evaluations and its meetings: whether it is asked for a self-evaluation (002#27, #30),
 * whether the latest should be refreshed before the next meeting (002#35), the next meeting or
 * when one is about due (002#27, #43), and letters due within a month of a meeting (002#48).
 */
export function engagementStanding(input: {
  today: string
  standing: Standing | undefined
  selfEvaluations: readonly SelfEvaluation[]
  meetings: readonly EngagementMeeting[]
}) {
  const { today, standing } = input
  const inadequate = standing?.grade === 'inadequate'
  const askedFrom = inadequate && standing ? selfEvaluationAskedFrom(standing.record.publishedOn) : undefined
  const requested = selfEvaluationRequested(inadequate, askedFrom ? today >= askedFrom.date : false)
  const latest = input.selfEvaluations[0]
  const upcoming = input.meetings
    .filter((meeting) => meeting.status === 'scheduled')
    .sort((a, b) => a.meetingOn.localeCompare(b.meetingOn))[0]
  const lastHeld = input.meetings.find((meeting) => meeting.status === 'held' || meeting.status === 'letter-sent')
  const refresh = latest && upcoming ? selfEvaluationRefresh(latest.sharedOn, upcoming.meetingOn) : undefined
  const nextAbout = lastHeld ? nextEngagementAbout(lastHeld.meetingOn) : undefined
  const lettersDue = input.meetings
    .filter((meeting) => meeting.status === 'held')
    .map((meeting) => ({ meeting, due: engagementLetterDue(meeting.meetingOn) }))
  const meetingDue = !upcoming && (!nextAbout || nextAbout.date <= addDays(today, SOON_DAYS))
  return {
    inadequate,
    requested,
    askedFrom,
    latest,
    upcoming,
    lastHeld,
    refresh,
    nextAbout,
    lettersDue,
    /** No meeting arranged and none held within the year: one is due (or never held). */
    meetingDue,
  }
}

export type EngagementStanding = ReturnType<typeof engagementStanding>
