/**
 * Whether the final copy may go out under embargo (002#215-216, #222), and how the embargo time is
 * written: pure, so the page can say what is missing and the service refuse the same things.
 */
import type { FaComment, Report } from './types.js'

/** What stops the final copy going out, in the lead inspector's terms; empty when it may go. */
export function finalBlockers(
  report: Pick<Report, 'step' | 'faSubmittedAt' | 'faDue'>,
  comments: readonly FaComment[],
  today: string,
): string[] {
  if (report.step !== 'factual-accuracy')
    return ['The final copy goes out after the local authority has checked the draft for factual accuracy (002#216)']
  const blockers: string[] = []
  if (!report.faSubmittedAt && report.faDue && today <= report.faDue)
    blockers.push(`Wait for the local authority’s comments, due by the end of ${report.faDue} (002#216)`)
  const submitted = comments.filter((comment) => comment.submittedAt)
  const unanswered = submitted.filter((comment) => !comment.response).length
  if (unanswered > 0)
    blockers.push(`Answer every comment of the local authority (${unanswered} not yet answered) (002#215)`)
  const disputes = submitted.filter((comment) => comment.disputedAt && !comment.disputeDecision).length
  if (disputes > 0)
    blockers.push(`Wait for the QA manager to decide ${disputes} dispute${disputes === 1 ? '' : 's'} (002#222)`)
  return blockers
}

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** An instant as England's wall-clock "YYYY-MM-DDTHH:MM", as an embargo is announced. */
export function londonLocal(at: Date): string {
  const parts = Object.fromEntries(LONDON.formatToParts(at).map((part) => [part.type, part.value]))
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`
}
