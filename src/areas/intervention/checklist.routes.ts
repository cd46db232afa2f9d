import type { FastifyReply } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { CHECKLISTS, RISK_DEGREES, type RiskDegree } from '../../rules/intervention-checklists.js'
import type { FormState } from '../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { ruleLink } from '../../web/rule-links.js'
import type { Checklist } from './checklist.service.js'
import { checklistForm, laParams } from './forms.js'
import type { InterventionRouteDeps } from './la.routes.js'
import { interventionPaths } from './paths.js'

type LaRequest = SignedInRequest<{ laCode: string }>

const fieldId = (name: string, list: string, item: number) => `${name}-${list}-${item}`

/** One checklist shaped for the page: each item's latest answer, earlier answers and its form. */
function presentChecklist(checklist: Checklist, state: FormState | undefined) {
  const { title, hint, rule, citation } = CHECKLISTS[checklist.key]
  return {
    key: checklist.key,
    title,
    hint,
    ruleHtml: ruleLink(rule, citation),
    summary: checklist.standing.summary,
    isRisk: checklist.key === 'signatures-of-risk',
    items: checklist.items.map((item) => {
      const failed = state?.values.list === checklist.key && state.values.item === String(item.index)
      const errors = failed ? state.errors : {}
      const value = (name: string) =>
        failed && typeof state.values[name] === 'string' ? String(state.values[name]) : ''
      const describe = (answer: NonNullable<typeof item.latest>) => ({
        degree: answer.degree ? RISK_DEGREES[answer.degree] : undefined,
        answer: answer.answer,
        by: `${answer.answeredBy}, ${formatDate(answer.answeredOn)}`,
      })
      return {
        index: item.index,
        number: item.index + 1,
        text: item.text,
        latest: item.latest ? describe(item.latest) : undefined,
        earlier: item.earlier.map(describe),
        errors,
        buttonLabel: `${item.latest ? 'Answer again' : 'Save answer'}: ${title}, item ${item.index + 1}`,
        answerId: fieldId('answer', checklist.key, item.index),
        degreeId: fieldId('degree', checklist.key, item.index),
        answer: value('answer') || (item.latest?.answer ?? ''),
        degreeItems: Object.entries(RISK_DEGREES).map(([degree, text]) => ({
          value: degree,
          text,
          checked: (value('degree') || item.latest?.degree) === degree,
        })),
      }
    }),
  }
}

/** The LA's checklists (issue 13; 004, G6): read by the DfE and the LA's DCS, answered by both. */
export function interventionChecklistRoutes({ intervention, register }: InterventionRouteDeps): RouteSpec[] {
  const laTarget = (request: LaRequest) => register.target(request.params.laCode)

  async function checklistsPage(request: LaRequest, reply: FastifyReply, state?: FormState) {
    const { laCode } = request.params
    const { la } = await register.show(laCode)
    const target = (await laTarget(request))!
    const checklists = (await intervention.checklistsOf(laCode)).map((checklist) => presentChecklist(checklist, state))
    const errors = state?.errors ?? {}
    const list = String(state?.values.list ?? '')
    const item = String(state?.values.item ?? '')
    return reply.page('intervention/checklists.njk', {
      la,
      laHref: interventionPaths.la.build({ laCode }),
      action: interventionPaths.checklists.build({ laCode }),
      canAnswer: canOn(request.principal, 'intervention.checklist', target),
      checklists,
      errorList: Object.entries(errors).map(([name, text]) => ({
        text,
        href: `#${name === 'degree' || name === 'answer' ? fieldId(name, list, Number(item)) : name}`,
      })),
    })
  }

  return [
    route({
      method: 'GET',
      url: interventionPaths.checklists.pattern,
      permission: 'intervention.view',
      params: laParams,
      target: laTarget,
      handler: (request: LaRequest, reply) => checklistsPage(request, reply),
    }),
    route({
      method: 'POST',
      url: interventionPaths.checklists.pattern,
      permission: 'intervention.checklist',
      params: laParams,
      target: laTarget,
      form: checklistForm,
      page: (request: LaRequest, reply, state) => checklistsPage(request, reply, state),
      submit: async (request: LaRequest, input) => {
        const { laCode } = request.params
        const item = /^\d{1,3}$/.test(input.item) ? Number(input.item) : -1
        const degree = input.degree && input.degree in RISK_DEGREES ? (input.degree as RiskDegree) : undefined
        await intervention.answerChecklist(
          request.principal,
          laCode,
          { list: input.list, item, degree, answer: input.answer },
          { requestId: request.id },
        )
        return `${interventionPaths.checklists.build({ laCode })}#${input.list}-${item}`
      },
    }),
  ]
}
