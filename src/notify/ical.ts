import ical, { ICalCalendarMethod } from 'ical-generator'
import { addDays } from '../rules/calendar/dates.js'

export interface CalendarItem {
  readonly activityId: string
  readonly reference: string
  readonly title: string
  readonly milestones: ReadonlyArray<{
    key: string
    label: string
    date: string
    until: string | null
    rule: string
    citation: string
  }>
}

/**
 * An iCalendar feed of activities' milestones (issue 6: inspectors subscribe to their
 * activities). Each milestone is an all-day event; its UID is stable, so a calendar app updates
 * the event when a date moves rather than adding a second one.
 */
export function activitiesCalendar(name: string, items: readonly CalendarItem[], baseUrl: string): string {
  const calendar = ical({
    name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Ofsted', product: 'ILACS service', language: 'EN' },
    ttl: 3600,
  })
  for (const item of items) {
    for (const milestone of item.milestones) {
      calendar.createEvent({
        id: `${item.activityId}-${milestone.key}@ilacs`,
        allDay: true,
        start: toDate(milestone.date),
        // All-day events end on the day after the last day (RFC 5545).
        end: toDate(addDays(milestone.until ?? milestone.date, 1)),
        summary: `${item.reference}: ${milestone.label}`,
        description: `${item.title}. Rule ${milestone.rule} (${milestone.citation}).`,
        url: `${baseUrl}/activities/${item.activityId}/timeline`,
      })
    }
  }
  return calendar.toString()
}

function toDate(iso: string): Date {
  // A floating calendar date: noon UTC keeps it on the same day in every zone a reader is in.
  return new Date(`${iso}T12:00:00Z`)
}
