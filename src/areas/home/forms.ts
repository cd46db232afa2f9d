import { REMINDER_KINDS, type ReminderKind } from '../../notify/reminders.js'
import { defineForm, field } from '../../web/forms.js'

/** The forms of the home area (ADR 0008): stopping or resuming a kind of reminder. */
export const KINDS = Object.keys(REMINDER_KINDS) as [ReminderKind, ...ReminderKind[]]

export const reminderForm = defineForm({
  kind: field.choice(KINDS, 'Choose the reminders to stop or resume'),
  stop: field.yes(),
})
