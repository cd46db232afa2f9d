import type { Transaction } from 'kysely'
import type { Database } from '../../db/tables.js'
import { type EmailAttachment, enqueueEmail, type OutboxKind } from '../../notify/outbox.js'
import { activityTitle } from '../activities/index.js'
import type { ActivityDetails, ReportsDeps } from './records.js'

/** Someone an email of the workflow goes to. */
export interface Addressee {
  readonly name: string
  readonly email: string
}

/**
 * Who each step's email goes to (issue 11: every step has an email to its owner): the lead
 * inspector, the activity's QA manager, the directors of its region or the national director,
 * the LA's DCS and link person (the inspection's contacts and their accounts), and the DfE case
 * leads assigned to the LA.
 */
export function addressees({ people }: Pick<ReportsDeps, 'people'>) {
  const unique = (list: readonly Addressee[]) => {
    const seen = new Set<string>()
    return list.filter((person) => {
      const key = person.email.toLowerCase()
      if (!person.email || seen.has(key)) return false
      seen.add(key)
      return true
    })
  }
  const place = (details: ActivityDetails) => ({
    laCode: details.activity.laCode,
    regionCode: details.activity.regionCode,
  })
  return {
    lead: (details: ActivityDetails): Addressee[] =>
      details.team.filter((member) => member.teamRole === 'lead-inspector').map(toAddressee),
    team: (details: ActivityDetails): Addressee[] =>
      unique(details.team.filter((member) => member.teamRole !== 'shadowing-inspector').map(toAddressee)),
    qa: (details: ActivityDetails): Addressee[] =>
      details.team.filter((member) => member.teamRole === 'qa-manager').map(toAddressee),
    async regionalDirectors(details: ActivityDetails): Promise<Addressee[]> {
      return (await people.reaching(['regional-director'], place(details))).map(toAddressee)
    },
    async nationalDirectors(): Promise<Addressee[]> {
      return (await people.withRoles(['national-director'])).map(toAddressee)
    },
    async la(details: ActivityDetails): Promise<Addressee[]> {
      const accounts = await people.reaching(['la-dcs', 'la-link'], place(details))
      return unique([
        ...details.contacts.map((contact) => ({ name: contact.name, email: contact.email })),
        ...accounts.map(toAddressee),
      ])
    },
    async dfeCaseLeads(details: ActivityDetails): Promise<Addressee[]> {
      return (await people.reaching(['dfe-case-lead'], place(details))).map(toAddressee)
    },
    unique,
  }
}

function toAddressee(person: { displayName: string; email: string }): Addressee {
  return { name: person.displayName, email: person.email }
}

/** One email of the workflow, sent once per recipient and `key` (a double submit sends it once). */
export async function sendToEach(
  trx: Transaction<Database>,
  kind: OutboxKind,
  to: readonly Addressee[],
  email: {
    details: ActivityDetails
    subject: string
    lines: readonly string[]
    key: string
    /** The link at the foot: one for all, or each person's own. */
    link: string | ((person: Addressee) => string)
    attachment?: EmailAttachment
  },
): Promise<void> {
  const { activity } = email.details
  for (const person of to) {
    await enqueueEmail(trx, {
      kind,
      recipient: person.email,
      subject: `${email.subject}: ${activityTitle(activity)}`,
      bodyText: [
        `Dear ${person.name}`,
        '',
        ...email.lines,
        '',
        `${activityTitle(activity)} (${activity.reference})`,
        typeof email.link === 'string' ? email.link : email.link(person),
      ].join('\n'),
      dedupeKey: `${kind}:${activity.id}:${email.key}:${person.email.toLowerCase()}`,
      activityId: activity.id,
      ...(email.attachment ? { attachment: email.attachment } : {}),
    })
  }
}
