import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { nextSteps } from '../../rules/intervention-record.js'
import { type Form, type FormState, formView, valueOf, submittedVersion } from '../../web/forms.js'
import { escapeHtml } from '../../web/html.js'
import { deliveryLine, registerPaths } from '../register/index.js'
import { formErrorList, type SignedInRequest } from '../../web/routing.js'
import { meetingForm, reportForm, stepForm } from './forms.js'
import type { InterventionRouteDeps } from './la.routes.js'
import { interventionPaths } from './paths.js'
import {
  boardRows,
  formName,
  instrumentRows,
  meetingRows,
  reportRows,
  stepLabel,
  stepRows,
  summaryRows,
} from './presenters.js'
import { REPORT_SOURCES } from './types.js'

/** The record's pages and forms (issue 13; 004): the record page itself, shared by its routes and those of its documents. */

export type RecordRequest = SignedInRequest<{ interventionId: string }>
export type ReportRequest = SignedInRequest<{ interventionId: string; reportId: string }>
/** The forms on the record page, whose refusals show it again. */
export type Which = 'step' | 'report' | 'meeting'

/** The intervention record's page, with the refused form `which` shown again when there is one. */
export function recordPageFor({ intervention, register, people, clock }: InterventionRouteDeps) {
  const target = (request: RecordRequest) => intervention.target(request.params.interventionId)
  const FORMS: Record<Which, Form<unknown>> = { step: stepForm, report: reportForm, meeting: meetingForm }

  async function recordPage(request: RecordRequest, reply: FastifyReply, state?: FormState, which?: Which) {
    const record = await intervention.record(request.params.interventionId)
    const { intervention: item } = record
    const reached = (await target(request))!
    const { la } = await register.show(item.laCode)
    const caseLead = item.caseLeadId ? await people.find(item.caseLeadId) : undefined
    const today = clock.today()
    const interventionId = item.id
    const bodies = await register.deliveryBodies(item.laCode)
    const followers = (instrumentId: string) => bodies.filter((body) => body.directionId === instrumentId)
    const of = (name: Which) => (which === name ? state : undefined)
    return reply.page('intervention/record.njk', {
      la,
      heading: `Intervention in ${la.name}`,
      summaryRows: summaryRows(record, caseLead, la.name),
      stepRows: stepRows(record),
      instruments: record.instruments.map((instrument) => ({
        title: `${formName(instrument.form)}, issued ${formatDate(instrument.issuedOn)}`,
        rows: [
          ...instrumentRows(instrument, item.inadequatePublishedOn),
          // The bodies the LA record says run the services under this direction (002#231-232).
          ...followers(instrument.id).map((body) => ({
            key: { text: 'Body running the services under it' },
            value: {
              html: `<a class="govuk-link" href="${registerPaths.show.build({ laCode: item.laCode })}#delivery">${escapeHtml(deliveryLine(body))}</a>`,
            },
          })),
        ],
      })),
      boardRows: boardRows(record, today),
      meetingRows: meetingRows(record),
      reports: reportRows(record, today),
      canManage: canOn(request.principal, 'intervention.manage', reached),
      canReport: canOn(request.principal, 'intervention.report', reached),
      nextSteps: nextSteps(item.step).map((step) => ({
        value: step,
        text: stepLabel(step),
        checked: valueOf(of('step')?.values ?? {}, 'step') === step,
      })),
      version: submittedVersion(of('step')) ?? item.version,
      step: formView(of('step'), ['happenedOn']),
      report: {
        ...formView(of('report'), ['dueOn']),
        sourceItems: Object.entries(REPORT_SOURCES).map(([value, text]) => ({
          value,
          text,
          checked: valueOf(of('report')?.values ?? {}, 'dueFrom') === value,
        })),
      },
      meeting: formView(of('meeting'), ['metOn']),
      paths: {
        la: interventionPaths.la.build({ laCode: item.laCode }),
        step: interventionPaths.step.build({ interventionId }),
        instrument: interventionPaths.newInstrument.build({ interventionId }),
        board: interventionPaths.board.build({ interventionId }),
        meetings: interventionPaths.meetings.build({ interventionId }),
        reports: interventionPaths.reports.build({ interventionId }),
      },
      errorList: state && which ? formErrorList(FORMS[which], state) : [],
    })
  }
  return recordPage
}
