/**
 * The organisations the final copy goes to besides the LA (002#216, #224; RULES.md E10), with the
 * mailbox each is sent to. Decision: the service has no directory of the DfE's or the partner
 * inspectorates' mailboxes, so each is one address here (invented `example.gov.uk` addresses in
 * this build); the DfE copy also goes to each DfE case lead assigned to the LA.
 */
import { createHash, randomBytes } from 'node:crypto'
import { PARTNER_INSPECTORATES, type PartnerInspectorate } from '../../documents/index.js'

/** The DfE's mailbox for inspection reports, and for news of an inadequate judgement (004 "Introduction"). */
export const DFE_MAILBOX = {
  name: 'Department for Education, children’s services intervention',
  email: 'dfe.reports@example.gov.uk',
}

/** Each partner inspectorate's mailbox for reports shared under embargo (002#224 fn31). */
export const PARTNER_MAILBOXES: Readonly<Record<PartnerInspectorate, { name: string; email: string }>> = {
  cqc: { name: 'Care Quality Commission', email: 'reports@cqc.example.gov.uk' },
  hmicfrs: { name: 'HMICFRS', email: 'reports@hmicfrs.example.gov.uk' },
  'hmi-probation': { name: 'HM Inspectorate of Probation', email: 'reports@probation.example.gov.uk' },
  'hmi-prisons': { name: 'HM Inspectorate of Prisons', email: 'reports@prisons.example.gov.uk' },
  hmcpsi: { name: 'HM Crown Prosecution Service Inspectorate', email: 'reports@hmcpsi.example.gov.uk' },
}

export const PARTNER_KEYS = Object.keys(PARTNER_INSPECTORATES) as PartnerInspectorate[]

/** The groups of recipients the embargo page lists, in the words of 002#216, #224. */
export const RECIPIENT_GROUPS = {
  la: 'The local authority',
  'third-party': 'Third party with delegated functions',
  'care-council': 'Children in Care Council',
  dfe: 'Department for Education',
  partner: 'Partner inspectorate',
} as const
export type RecipientGroup = keyof typeof RECIPIENT_GROUPS

/** The hash kept of a recipient's link: the token itself is only in the email. */
export function recipientLinkHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * A new unguessable link token for one recipient of the final copy. Decision: partner
 * inspectorates, third parties and the Children in Care Council have no account here, so each
 * recipient gets a personal link (256 random bits, stored only as its hash) that serves the
 * embargoed PDF until the report is published, and then points to the public page.
 */
export function newRecipientLink(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: recipientLinkHash(token) }
}
