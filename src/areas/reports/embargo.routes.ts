import type { FastifyReply } from 'fastify'
import { canOn, type PolicyTarget } from '../../auth/policy.js'
import { PARTNER_INSPECTORATES } from '../../documents/index.js'
import { addWorkingDays } from '../../rules/calendar/working-days.js'
import { REPORT_RECIPIENTS } from '../../rules/reports.js'
import { dateFieldOf, dateInputItems, type FormState, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { contentDisposition } from '../../web/downloads.js'
import { activityTitle } from '../activities/index.js'
import { publicationPaths } from '../publications/index.js'
import { activityParams, embargoForm, recipientLinkParams } from './forms.js'
import { reportPaths } from './paths.js'
import { stepTag } from './presenters.js'
import { PARTNER_KEYS, PARTNER_MAILBOXES } from './recipients.js'
import type { ReportsService } from './service.js'
import { documentWord } from './workflow.js'

type ActivityRequest = SignedInRequest<{ activityId: string }>

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
      // The body with delegated functions recorded for the LA, unless the lead inspector typed another (002#216).
      thirdPartyName: state
        ? valueOf(values, 'thirdPartyName')
        : data.delivery?.[0]?.name || (data.latest?.sections.delegation?.subject ?? ''),
      thirdPartyEmail: state ? valueOf(values, 'thirdPartyEmail') : (data.delivery?.[0]?.email ?? ''),
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
      errorList: formErrorList(embargoForm, state),
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
        await reports.embargo.send(request.principal, request.params.activityId, input, { requestId: request.id })
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
