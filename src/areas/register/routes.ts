import type { FastifyReply, FastifyRequest } from 'fastify'
import { canOn } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { dateField, dateFieldFrom, type FieldErrors, type FormBody, readDate, text } from '../../web/legacy-forms.js'
import type { RouteSpec } from '../../web/routing.js'
import { registerFilterItems, registerQueryFrom } from './filters.js'
import { FRAMEWORK_INFO, type Framework, isFramework } from './frameworks.js'
import type { JudgementForm } from './judgement-input.js'
import { registerPaths } from './paths.js'
import {
  frameworkItems,
  historyItems,
  type JudgementFormValues,
  judgementFormView,
  laSummaryRows,
  pathwayRows,
  registerRows,
} from './presenters.js'
import type { RegisterService } from './service.js'

type Params = { laCode: string; recordId?: string }

function readForm(
  framework: Framework,
  body: FormBody,
): { form: JudgementForm; values: JudgementFormValues; dateErrors: FieldErrors } {
  const dateErrors: FieldErrors = {}
  const inspectionStart = readDate(body, 'inspectionStart', 'the first day of the inspection', dateErrors)
  const inspectionEnd = readDate(body, 'inspectionEnd', 'the last day of the inspection', dateErrors)
  const publishedOn = readDate(body, 'publishedOn', 'the date the report was published', dateErrors)
  const grades = Object.fromEntries(
    FRAMEWORK_INFO[framework].areas.map((area) => [area.key, text(body, `grade-${area.key}`)]),
  )
  const activityType = text(body, 'activityType')
  return {
    form: { framework, activityType, inspectionStart, inspectionEnd, publishedOn, grades },
    values: {
      framework,
      activityType,
      inspectionStart: dateField(body, 'inspectionStart'),
      inspectionEnd: dateField(body, 'inspectionEnd'),
      publishedOn: dateField(body, 'publishedOn'),
      grades,
      correctionReason: text(body, 'correctionReason'),
    },
    dateErrors,
  }
}

const emptyValues = (framework: Framework): JudgementFormValues => ({
  framework,
  activityType: FRAMEWORK_INFO[framework].activityTypes.length === 1 ? FRAMEWORK_INFO[framework].activityTypes[0]! : '',
  inspectionStart: dateFieldFrom(undefined),
  inspectionEnd: dateFieldFrom(undefined),
  publishedOn: dateFieldFrom(undefined),
  grades: {},
})

export function registerRoutes(register: RegisterService): RouteSpec[] {
  const laTarget = async (request: FastifyRequest) => {
    const { laCode } = request.params as Params
    const la = await register.findLocalAuthority(laCode)
    return la ? { laCode: la.laCode, regionCode: la.regionCode } : null
  }

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: JudgementFormValues,
    errors: FieldErrors,
    recordId?: string,
  ) => {
    const { laCode } = request.params as Params
    const { la } = await register.show(laCode)
    return reply.code(Object.keys(errors).length > 0 ? 400 : 200).page('register/judgement-form.njk', {
      la,
      correcting: Boolean(recordId),
      action: recordId
        ? registerPaths.correctJudgement.build({ laCode, recordId })
        : `${registerPaths.newJudgement.build({ laCode })}?framework=${values.framework}`,
      backHref: registerPaths.show.build({ laCode }),
      changeFrameworkHref: recordId ? undefined : registerPaths.newJudgement.build({ laCode }),
      errors,
      ...judgementFormView(values, errors),
    })
  }

  return [
    {
      method: 'GET',
      url: registerPaths.list.pattern,
      permission: 'register.view',
      handler: async (request, reply) => {
        const filters = registerQueryFrom(request.query as Record<string, string | undefined>)
        const [entries, regions] = await Promise.all([register.list(request.principal!, filters), register.regions()])
        return reply.page('register/list.njk', {
          rows: registerRows(entries),
          count: entries.length,
          filters,
          filterAction: registerPaths.list.build({}),
          ...registerFilterItems(filters, regions),
        })
      },
    },
    {
      method: 'GET',
      url: registerPaths.show.pattern,
      permission: 'register.view',
      target: laTarget,
      handler: async (request, reply) => {
        const { laCode } = request.params as Params
        const { la, records, standing, pathway } = await register.show(laCode)
        const principal = request.principal!
        return reply.page('register/show.njk', {
          la,
          summaryRows: laSummaryRows(la, standing),
          pathwayRows: pathwayRows(pathway),
          history: historyItems(la, records),
          canRecord: canOn(principal, 'judgement.record', la),
          newJudgementHref: registerPaths.newJudgement.build({ laCode }),
          recorded: (request.query as Record<string, string>).recorded === '1',
        })
      },
    },
    {
      method: 'GET',
      url: registerPaths.newJudgement.pattern,
      permission: 'judgement.record',
      target: laTarget,
      handler: async (request, reply) => {
        const { laCode } = request.params as Params
        const framework = (request.query as Record<string, string>).framework ?? ''
        if (!isFramework(framework)) {
          const { la } = await register.show(laCode)
          const chosen = (request.query as Record<string, string>).framework
          const errors: FieldErrors = chosen === undefined ? {} : { framework: 'Select the inspection framework' }
          return reply.code(chosen === undefined ? 200 : 400).page('register/choose-framework.njk', {
            la,
            errors,
            errorList: chosen === undefined ? [] : [{ text: errors.framework, href: '#framework' }],
            frameworkItems: frameworkItems(undefined),
            backHref: registerPaths.show.build({ laCode }),
            action: registerPaths.newJudgement.build({ laCode }),
          })
        }
        return renderForm(request, reply, emptyValues(framework), {})
      },
    },
    {
      method: 'POST',
      url: registerPaths.newJudgement.pattern,
      permission: 'judgement.record',
      target: laTarget,
      handler: async (request, reply) => {
        const { laCode } = request.params as Params
        const framework = (request.query as Record<string, string>).framework ?? ''
        if (!isFramework(framework)) return reply.redirect(registerPaths.newJudgement.build({ laCode }), 303)
        const { form, values, dateErrors } = readForm(framework, request.body as FormBody)
        try {
          await register.record(request.principal!, laCode, form, dateErrors, { requestId: request.id })
        } catch (error) {
          if (error instanceof ValidationError) return renderForm(request, reply, values, { ...error.fieldErrors })
          throw error
        }
        return reply.redirect(`${registerPaths.show.build({ laCode })}?recorded=1`, 303)
      },
    },
    {
      method: 'GET',
      url: registerPaths.correctJudgement.pattern,
      permission: 'judgement.record',
      target: laTarget,
      handler: async (request, reply) => {
        const { laCode, recordId } = request.params as Params
        const { records } = await register.show(laCode)
        const record = records.find((candidate) => candidate.id === recordId && candidate.correctedById === null)
        if (!record) throw new NotFoundError()
        return renderForm(
          request,
          reply,
          {
            framework: record.framework,
            activityType: record.activityType,
            inspectionStart: dateFieldFrom(record.inspectionStart),
            inspectionEnd: dateFieldFrom(record.inspectionEnd),
            publishedOn: dateFieldFrom(record.publishedOn),
            grades: Object.fromEntries(
              FRAMEWORK_INFO[record.framework].areas.map((area) => [area.key, record.grades[area.key] ?? 'not-graded']),
            ),
            correctionReason: '',
          },
          {},
          record.id,
        )
      },
    },
    {
      method: 'POST',
      url: registerPaths.correctJudgement.pattern,
      permission: 'judgement.record',
      target: laTarget,
      handler: async (request, reply) => {
        const { laCode, recordId } = request.params as Params
        const { records } = await register.show(laCode)
        const record = records.find((candidate) => candidate.id === recordId)
        if (!record) throw new NotFoundError()
        const body = request.body as FormBody
        const { form, values, dateErrors } = readForm(record.framework, body)
        try {
          await register.correct(
            request.principal!,
            laCode,
            record.id,
            form,
            text(body, 'correctionReason'),
            dateErrors,
            { requestId: request.id },
          )
        } catch (error) {
          if (error instanceof ValidationError)
            return renderForm(request, reply, values, { ...error.fieldErrors }, record.id)
          throw error
        }
        return reply.redirect(`${registerPaths.show.build({ laCode })}?recorded=1`, 303)
      },
    },
  ]
}
