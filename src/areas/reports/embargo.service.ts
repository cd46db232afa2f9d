import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { RequestContext } from '../deps.js'
import { faCommentsOf } from './comments.repository.js'
import type { draftingService } from './drafting.service.js'
import { checkVersion } from './drafting.service.js'
import { addressees, type Addressee, sendToEach } from './emails.js'
import { finalBlockers, londonLocal } from './embargo.js'
import { reportPaths } from './paths.js'
import { isUnpublishedLetter } from './publication.service.js'
import {
  DFE_MAILBOX,
  newRecipientLink,
  PARTNER_MAILBOXES,
  recipientLinkHash,
  type RecipientGroup,
  RECIPIENT_GROUPS,
} from './recipients.js'
import type { ActivityDetails, ReportRecords, ReportsDeps } from './records.js'
import {
  insertStep,
  insertVersion,
  latestVersion,
  lockReport,
  reportByRecipientLink,
  updateReport,
} from './repository.js'
import type { EmbargoInput, Recipient } from './types.js'
import { documentWord } from './workflow.js'
import type { PartnerInspectorate } from '../../documents/index.js'

type Drafting = ReturnType<typeof draftingService>

/**
 * The final copy under embargo (002#216, #224; day 18, or 14 for a visit): once the LA's comments
 * are in (or their day has passed), each is answered and any dispute decided, the lead sets the
 * publication date and time and the final copy, marked "Embargoed until …" on every page, goes by
 * email to the LA, any third party with delegated functions, the Children in Care Council, the DfE
 * and the partner inspectorates.
 */
export function embargoService(deps: ReportsDeps, records: ReportRecords, drafting: Drafting) {
  const { db, clock, config } = deps
  const to = addressees(deps)

  /** Everyone the final copy goes to, by group (002#216, #224). */
  async function recipientsOf(details: ActivityDetails, input: EmbargoInput): Promise<Recipient[]> {
    const group = (name: RecipientGroup, people: readonly Addressee[]): Recipient[] =>
      people.map((person) => ({ group: RECIPIENT_GROUPS[name], name: person.name, email: person.email }))
    return [
      ...group('la', await to.la(details)),
      ...group(
        'third-party',
        input.thirdParties.map((body) => ({ name: body.name || 'Third party provider', email: body.email })),
      ),
      ...group('care-council', [
        { name: input.careCouncilName || 'Chair of the Children in Care Council', email: input.careCouncilEmail },
      ]),
      ...group('dfe', to.unique([...(await to.dfeCaseLeads(details)), DFE_MAILBOX])),
      ...input.partners.flatMap((key) =>
        key in PARTNER_MAILBOXES
          ? [
              {
                group: RECIPIENT_GROUPS.partner,
                ...PARTNER_MAILBOXES[key as PartnerInspectorate],
              },
            ]
          : [],
      ),
    ]
  }

  return {
    recipientsOf,

    /** What stops the final copy going out now. */
    async blockers(activityId: string): Promise<string[]> {
      const report = await records.load(activityId)
      return finalBlockers(report, await faCommentsOf(db, report.id), clock.today())
    },

    /**
     * What a recipient's own link opens: the embargoed PDF while the report is under embargo, or
     * the LA whose public page lists it once published; anything else is "Page not found". A
     * monitoring letter that is never published (E8) stays the recipient's own copy: the public
     * page would never list it.
     */
    async copyFor(token: string) {
      const report = await reportByRecipientLink(db, recipientLinkHash(token))
      if (!report) throw new NotFoundError()
      if (report.step === 'published') {
        const details = await records.details(report.activityId)
        if (!isUnpublishedLetter(report.kind, details))
          return { published: true as const, laCode: details.activity.laCode }
      } else if (report.step !== 'embargoed') throw new NotFoundError()
      const latest = (await latestVersion(db, report.id))!
      return { published: false as const, file: await drafting.file(report.activityId, latest.number, 'report.pdf') }
    },

    /** Send the final copy under embargo until the publication date and time. */
    async send(principal: Principal, activityId: string, input: EmbargoInput, context: RequestContext) {
      const details = await records.details(activityId)
      const report = await records.load(activityId)
      const blockers = finalBlockers(report, await faCommentsOf(db, report.id), clock.today())
      if (blockers.length > 0) throw new ValidationError({ send: blockers.join('. ') })
      if (input.publishAt.getTime() <= clock.now().getTime())
        throw new ValidationError({ publishAt: 'The publication date and time must be in the future' })
      const latest = (await latestVersion(db, report.id))!
      const embargoUntil = londonLocal(input.publishAt)
      const facts = await records.facts(details, report.kind, 'embargoed', clock.today(), embargoUntil)
      const prepared = await drafting.prepare(details, facts, latest.sections, 'send')
      // Each address gets its own link (one per address, if it is in two groups).
      const links = new Map<string, { token: string; hash: string }>()
      const linkOf = (email: string) => {
        const key = email.toLowerCase()
        if (!links.has(key)) links.set(key, newRecipientLink())
        return links.get(key)!
      }
      const tokenOf = (email: string) => linkOf(email).token
      const recipients = (await recipientsOf(details, input)).map((recipient) => ({
        ...recipient,
        linkHash: linkOf(recipient.email).hash,
      }))
      const statutory = records.milestones(report.kind, details).find((m) => m.key === 'report.final-to-la')
      const word = documentWord(report.kind)
      const unpublished = isUnpublishedLetter(report.kind, details)
      const [day, time] = embargoUntil.split('T') as [string, string]
      const at = clock.now()
      const number = latest.number + 1
      await db.transaction().execute(async (trx) => {
        checkVersion(await lockReport(trx, report.id), input.version)
        await insertVersion(trx, report.id, {
          number,
          status: 'embargoed',
          sections: latest.sections,
          documents: prepared.documents,
          pages: prepared.pages,
          pageLimit: prepared.pageLimit,
          pdfHash: prepared.pdfHash,
          note: `Final copy, embargoed until ${formatDate(day)} ${time}`,
          createdBy: principal.id,
          at,
        })
        await updateReport(trx, report.id, { step: 'embargoed', embargo_until: input.publishAt, recipients }, at)
        await insertStep(trx, report.id, {
          event: 'final-sent',
          toStep: 'embargoed',
          milestone: 'report.final-to-la',
          statutoryDate: statutory?.date ?? null,
          at,
          actorId: principal.id,
          note: `Version ${number} to ${recipients.length} recipients; embargoed until ${formatDate(day)} ${time}`,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'report.embargo',
          recordType: 'report',
          recordId: report.id,
          laCode: details.activity.laCode,
          summary: `Sent the final ${word} for ${details.activity.reference} under embargo until ${formatDate(day)} ${time} to ${recipients.length} recipients`,
          changes: { version: number, embargoUntil, recipients: recipients.map((r) => `${r.group}: ${r.email}`) },
          requestId: context.requestId,
        })
        await sendToEach(trx, 'report-embargoed', recipients, {
          details,
          subject: unpublished
            ? `Final ${word}: sent to the local authority, not published`
            : `Final ${word} under embargo until ${formatDate(day)} ${time}`,
          lines: unpublished
            ? [
                `The final ${word} is attached. Ofsted does not publish it: the first letter of a first set of monitoring visits goes to the local authority only (001#41).`,
                'It must not be published, shared or quoted beyond those it is sent to.',
                'The link below is yours alone: it opens this copy.',
              ]
            : [
                `The final ${word} is attached. It is under embargo until ${formatDate(day)} at ${time}, when Ofsted publishes it (002#216, #224).`,
                'Until then it must not be published, shared or quoted.',
                'The link below is yours alone: it opens the embargoed copy until publication, then the published one.',
              ],
          key: `final:${number}`,
          link: (person) => `${config.baseUrl}${reportPaths.embargoedCopy.build({ token: tokenOf(person.email) })}`,
          attachment: {
            fileName: `${details.activity.reference} ${word} embargoed.pdf`,
            contentType: 'application/pdf',
            content: prepared.pdf,
          },
        })
        await sendToEach(trx, 'report-step', to.team(details), {
          details,
          subject: `The final ${word} is under embargo`,
          lines: [
            `The final ${word} went to ${recipients.length} recipients. It is published on ${formatDate(day)} at ${time}.`,
          ],
          key: `final-team:${number}`,
          link: `${config.baseUrl}${reportPaths.report.build({ activityId })}`,
        })
      })
    },
  }
}
