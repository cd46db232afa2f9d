import { formatLongDate } from '../../rules/calendar/dates.js'
import { TYPE_LABELS } from './activity-types.js'
import type { Activity, StoredMilestone } from './types.js'

const ANNEX_A_KEYS = [
  'annex-a.child-level-data',
  'annex-a.audits',
  'annex-a.management-information',
  'annex-a.case-information',
] as const

/**
 * The email the lead inspector sends straight after the notice call (002#74): it confirms the
 * start of the inspection, asks for the Annex A information with each deadline (002#242) and
 * for a link person (002#76). Plain text, so it reads the same in every mail client.
 */
export function noticeEmail(input: {
  activity: Activity
  /** The stored milestones, or those just worked out from a call made on another day (S4). */
  milestones: ReadonlyArray<Pick<StoredMilestone, 'key' | 'label' | 'date' | 'citation'> & { time?: string | null }>
  leadInspector: { name: string; email: string } | undefined
  recipientName: string
  serviceUrl: string
}): { subject: string; body: string } {
  const { activity, milestones, leadInspector, recipientName, serviceUrl } = input
  const type = TYPE_LABELS[activity.type].toLowerCase()
  const deadlines = ANNEX_A_KEYS.flatMap((key) => {
    const milestone = milestones.find((m) => m.key === key)
    return milestone
      ? [
          `- ${milestone.label}: ${formatLongDate(milestone.date)}${milestone.time ? `, ${milestone.time}` : ''} (${milestone.citation})`,
        ]
      : []
  })
  const onsiteEnd = milestones.find((m) => m.key === 'onsite.end')?.date
  const body = [
    `Dear ${recipientName},`,
    '',
    `Further to our telephone call today, I confirm that Ofsted will carry out a ${type} of children's services in ${activity.laName}.`,
    `Fieldwork starts on ${formatLongDate(activity.onsiteStart)}${onsiteEnd ? ` and ends on ${formatLongDate(onsiteEnd)}` : ''}. Reference: ${activity.reference}.`,
    '',
    'Please share the information set out in Annex A of the framework (002#74), uploaded through the inspection service, by these deadlines:',
    ...deadlines,
    '',
    'Please also name a link person for the inspection who has ready access to you and your senior leaders (002#76).',
    '',
    `Your team can see the request, upload the lists and documents, and check them at once at ${serviceUrl}/activities/${activity.id}.`,
    '',
    'Yours sincerely,',
    leadInspector ? `${leadInspector.name}, lead inspector (${leadInspector.email})` : 'The lead inspector',
  ].join('\n')
  return { subject: `Ofsted ${type} of children's services: ${activity.laName} (${activity.reference})`, body }
}
