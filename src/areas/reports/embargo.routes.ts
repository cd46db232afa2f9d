import type { FastifyReply } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { PARTNER_INSPECTORATES } from '../../documents/index.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'
import { REPORT_RECIPIENTS } from '../../rules/reports.js'
import { dateFieldOf, dateInputItems, errorList, type FormState, type FormValues, valueOf } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { contentDisposition } from '../../web/downloads.js'
import { activityTitle } from '../activities/index.js'
import { publicationPaths } from '../publications/index.js'
import {
  activityParams,
  badThirdPartyEmail,
  badThirdPartyName,
  embargoForm,
  recipientLinkParams,
  thirdPartiesOf,
} from './forms.js'
import { reportPaths } from './paths.js'
import { stepTag } from './presenters.js'
import { PARTNER_KEYS, PARTNER_MAILBOXES } from './recipients.js'
import type { ReportsService } from './service.js'
import { documentWord } from './workflow.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

interface ThirdPartyRow {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly nameError: boolean
  readonly emailError: boolean
}

/** The third-party rows: each box's id (the first keeps the field's name) and whether it is wrong. */
function thirdPartyRows(rows: ReadonlyArray<{ name: string; email: string }>): ThirdPartyRow[] {
  return rows.map((row, index) => ({
    ...row,
    id: index === 0 ? '' : `-${index + 1}`,
    nameError: badThirdPartyName(row.name),
    emailError: badThirdPartyEmail(row.email),
  }))
}

/** The third-party rows as the lead typed them, to show again with the form's errors. */
function typedRows(values: FormValues): Array<{ name: string; email: string }> {
  const list = (name: string) => {
    const value = values[name]
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []
  }
  const names = list('thirdPartyName')
  const emails = list('thirdPartyEmail')
  return Array.from({ length: Math.max(names.length, emails.length, 1) }, (_, row) => ({
    name: names[row] ?? '',
    email: emails[row] ?? '',
  }))
}

/**
 * The final copy under embargo (002#216, #224): the page says what still stops it, proposes the
 * statutory publication day at 00:01, and lists who it goes to; the lead inspector sends it.
 */
export function embargoRoutes(reports: ReportsService): RouteSpec[] {
  const target = (request: ActivityRequest) => reports.target(request.params.activityId)

  async function embargoPage(request: ActivityRequest, reply: FastifyReply, state?: FormState) {
    const { activityId } = request.params
    const data = await reports.read.page(activityId)
    if (!data.report) return reply.redirect(reportPaths.report.build({ activityId }), 303)
    const policy = (await target(request)) as PolicyTarget
    const statutory = data.progress.find((step) => step.key === 'report.published')!.statutory
    const today = data.today ?? statutory
    const proposed = statutory > today ? statutory : addWorkingDays(today, 1)
    const values = state?.values ?? {}
    const time = (values.publishAt ?? {}) as Record<string, string>
    const chosenPartners = state
      ? Array.isArray(values.partners)
        ? (values.partners as string[])
        : [valueOf(values, 'partners')]
      : PARTNER_KEYS
    const thirdParties = thirdPartyRows(
      state
        ? typedRows(values)
        : data.delivery?.length
          ? data.delivery.map((body) => ({ name: body.name, email: body.email ?? '' }))
          : [{ name: data.latest?.sections.delegation?.subject ?? '', email: '' }],
    )
    // Each row's error links from the summary to the first wrong row, not always the first.
    const anchors = {
      ...embargoForm.anchors,
      thirdPartyName: `thirdPartyName${thirdParties.find((row) => row.nameError)?.id ?? ''}`,
      thirdPartyEmail: `thirdPartyEmail${thirdParties.find((row) => row.emailError)?.id ?? ''}`,
    }
    const word = documentWord(data.report.kind)
    const open = data.report.step === 'factual-accuracy'
    return reply.page('reports/embargo.njk', {
      caption: activityTitle(data.details.activity),
      heading: `Send the final ${word} under embargo`,
      word,
      report: data.report,
      stepTag: stepTag(data.report.step),
      // E10 (002#224-226): what else the lead inspector sends or records with the final copy.
      alsoSent: [REPORT_RECIPIENTS.concernsAboutOtherAgencies, REPORT_RECIPIENTS.weaknessesInOtherProviders],
      blockers: data.blockers ?? [],
      statutory,
      finalStatutory: data.progress.find((step) => step.key === 'report.final-to-la')!.statutory,
      publishItems: dateInputItems(
        'publishAt',
        dateFieldOf(values, 'publishAt', proposed),
        Boolean(state?.errors.publishAt),
      ),
      hour: state ? (time.hour ?? '') : '00',
      minute: state ? (time.minute ?? '') : '01',
      // Every body with delegated functions recorded for the LA (ADR 0024: two at once are both
      // sent the copy), or the one the report names; what the lead typed once they submit (002#216).
      thirdParties,
      careCouncilName: valueOf(values, 'careCouncilName'),
      careCouncilEmail: valueOf(values, 'careCouncilEmail'),
      partnerItems: PARTNER_KEYS.map((key) => ({
        value: key,
        text: PARTNER_MAILBOXES[key].name,
        hint: { text: `${PARTNER_INSPECTORATES[key]}: ${PARTNER_MAILBOXES[key].email}` },
        checked: chosenPartners.includes(key),
      })),
      contacts: data.details.contacts,
      sent: data.report.recipients,
      sentRows: data.report.recipients.map((recipient) => [
        { text: recipient.group },
        { text: recipient.name },
        { text: recipient.email },
      ]),
      errors: state?.errors ?? {},
      errorList: errorList(state?.errors ?? {}, anchors),
      formAction:
        open && (data.blockers ?? []).length === 0 && canOn(request.principal, 'report.lead', policy)
          ? reportPaths.embargo.build({ activityId })
          : undefined,
      backHref: reportPaths.report.build({ activityId }),
    })
  }

  return [
    route({
      method: 'GET',
      url: reportPaths.embargo.pattern,
      permission: 'report.view',
      params: activityParams,
      target,
      handler: embargoPage,
    }),
    route({
      method: 'POST',
      url: reportPaths.embargo.pattern,
      permission: 'report.lead',
      params: activityParams,
      target,
      form: embargoForm,
      page: embargoPage,
      submit: async (request, input) => {
        const { thirdPartyName, thirdPartyEmail, ...rest } = input
        await reports.embargo.send(
          request.principal,
          request.params.activityId,
          { ...rest, thirdParties: thirdPartiesOf({ thirdPartyName, thirdPartyEmail }) },
          { requestId: request.id },
        )
        return reportPaths.report.build(request.params)
      },
    }),
    // A recipient's own link from the email (002#216, #224): no sign-in, as partner inspectorates,
    // third parties and the Children in Care Council have no account; the token is the key.
    route({
      method: 'GET',
      url: reportPaths.embargoedCopy.pattern,
      permission: 'public',
      params: recipientLinkParams,
      handler: async (request: SignedInRequest<{ token: string }>, reply: FastifyReply) => {
        const copy = await reports.embargo.copyFor(request.params.token)
        reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer')
        if (copy.published) return reply.redirect(publicationPaths.la.build({ la: copy.laCode }), 303)
        return reply
          .type(copy.file.contentType)
          .header('content-disposition', contentDisposition(copy.file.fileName))
          .send(Buffer.from(copy.file.bytes))
      },
    }),
  ]
}
