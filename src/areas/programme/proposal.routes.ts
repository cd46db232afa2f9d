import type { FastifyReply } from 'fastify'
import type { z } from 'zod'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { FOCUSED_VISIT_TOPICS } from '../../rules/inspection-arrangements.js'
import { requiredOnsiteWeekday } from '../../rules/timelines/index.js'
import { monitoringLetterPublished } from '../../rules/timelines/monitoring-visit.js'
import { dateFieldOf, dateInputItems, type FormState, type FormValues, formValues, valueOf } from '../../web/forms.js'
import { formErrorList, route, type RouteSpec, type SignedInRequest } from '../../web/routing.js'
import { activityPaths, PLANNABLE_TYPES, TYPE_LABELS } from '../activities/index.js'
import { proposalForm, proposeQuery } from './forms.js'
import { programmePaths } from './paths.js'
import type { ProgrammeRouteDeps } from './plan.routes.js'
import { checkErrorList, checkRows } from './presenters.js'
import { ProposalRefusedError } from './service.js'
import type { CheckedProposal, ProposedMonitoring } from './types.js'

type ProposeRequest = SignedInRequest<unknown, z.output<typeof proposeQuery>>

const WEEKDAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']

/** Every ticked value of a set of checkboxes, as the user sent them. */
function ticked(values: FormValues, name: string): string[] {
  const value = values[name]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  return typeof value === 'string' && value !== '' ? [value] : []
}

/** The rule checks of a proposal as the page shows them. */
function checkedView(checked: CheckedProposal) {
  return {
    rows: checkRows(checked.checks),
    count: checked.checks.length,
    errors: checked.errors.length,
    warnings: checked.warnings.length,
    fingerprint: checked.fingerprint,
    fieldwork: checked.fieldwork
      ? {
          notice: formatLongDate(checked.fieldwork.notice),
          onsite: `${formatLongDate(checked.fieldwork.onsiteStart)} to ${formatLongDate(checked.fieldwork.onsiteEnd)}`,
        }
      : undefined,
    title: `${TYPE_LABELS[checked.proposal.type]} of ${checked.proposal.laName}`,
    monitoring: checked.proposal.monitoring ? monitoringRows(checked.proposal.monitoring) : undefined,
  }
}

/** What the planner decided about a proposed monitoring visit (E7, E8), as summary rows. */
function monitoringRows(monitoring: ProposedMonitoring) {
  const letter = monitoringLetterPublished(monitoring.visitNumber, monitoring.secondSet)
  return [
    {
      key: { text: 'Visit' },
      value: { text: `Visit ${monitoring.visitNumber}${monitoring.secondSet ? ' of a second set' : ''}` },
    },
    {
      key: { text: 'Arrangements' },
      value: { text: `${monitoring.handbook === '2017' ? '2017 handbook' : 'ILACS'}: ${monitoring.handbookReason}` },
    },
    { key: { text: 'Letter' }, value: { text: `${letter.reason} (${letter.rule}, ${letter.citation})` } },
    { key: { text: 'Focus' }, value: { text: monitoring.focus } },
  ]
}

/**
 * Proposing an activity (issue 6): the director checks a proposal against every rule, then
 * commits it with its warnings confirmed. "Check the proposal" answers with the page and the
 * checks (200, or 400 when a check refuses it), so the POST runs the form itself rather than
 * redirecting as a form route does; "Plan this activity" redirects to the new activity.
 */
export function proposalRoutes({ programme }: ProgrammeRouteDeps): RouteSpec[] {
  async function proposalPage(
    request: ProposeRequest,
    reply: FastifyReply,
    state?: FormState,
    checked?: CheckedProposal,
  ) {
    const { principal, query } = request
    const values = state?.values ?? { laCode: query.laCode ?? '', type: query.type ?? '' }
    const errors = state?.errors ?? {}
    const shown = checked ?? (state?.error instanceof ProposalRefusedError ? state.error.checked : undefined)
    const [las, people] = await Promise.all([programme.proposableLas(principal), programme.inspectors()])
    const topics = ticked(values, 'topics')
    const team = ticked(values, 'teamUserIds')
    const laCode = valueOf(values, 'laCode')
    // A checked proposal carries its suggestion; only a blank or refused form asks for one.
    const suggestion =
      shown?.suggestion ??
      (valueOf(values, 'type') === 'monitoring-visit' && laCode
        ? await programme.suggestMonitoringVisit(
            principal,
            laCode,
            valueOf(values, 'variant') === 'wed-thu' ? 'wed-thu' : null,
          )
        : undefined)
    return reply.page('programme/proposal.njk', {
      values,
      errors,
      errorList: [...formErrorList(proposalForm, state), ...(shown ? checkErrorList(shown.checks) : [])],
      laItems: [
        { value: '', text: 'Select a local authority' },
        ...las.map((la) => ({
          value: la.laCode,
          text: `${la.name} (${la.laCode})`,
          selected: la.laCode === values.laCode,
        })),
      ],
      typeItems: PLANNABLE_TYPES.map((type) => ({
        value: type,
        text: TYPE_LABELS[type],
        hint: { text: `First day on site: a ${WEEKDAY[requiredOnsiteWeekday(type) ?? 1]}` },
        checked: values.type === type,
      })),
      variantItems: [
        { value: '', text: 'Tuesday and Wednesday', checked: values.variant !== 'wed-thu' },
        {
          value: 'wed-thu',
          text: 'Wednesday and Thursday (002 fn20, fn22)',
          checked: values.variant === 'wed-thu',
        },
      ],
      topicItems: FOCUSED_VISIT_TOPICS.topics.map((topic) => ({
        value: topic,
        text: topic,
        checked: topics.includes(topic),
      })),
      onsiteItems: dateInputItems('onsiteStart', dateFieldOf(values, 'onsiteStart'), Boolean(errors.onsiteStart)),
      leadItems: [
        { value: '', text: 'Not chosen yet' },
        ...people.map((person) => ({
          value: person.id,
          text: person.displayName,
          selected: person.id === valueOf(values, 'leadUserId'),
        })),
      ],
      teamItems: people.map((person) => ({
        value: person.id,
        text: person.displayName,
        checked: team.includes(person.id),
      })),
      checked: shown ? checkedView(shown) : undefined,
      suggestion: suggestion ? { ...suggestion, date: formatLongDate(suggestion.date) } : undefined,
      formAction: programmePaths.propose.build({}),
      backHref: programmePaths.plan.build({}),
      checksHref: programmePaths.checks.build({}),
    })
  }

  async function proposePage(request: ProposeRequest, reply: FastifyReply) {
    // A link from the plan names the LA: a regional director may not propose outside their region (404).
    if (request.query.laCode) await programme.assertProposable(request.principal, request.query.laCode)
    return proposalPage(request, reply)
  }

  return [
    route({
      method: 'GET',
      url: programmePaths.propose.pattern,
      permission: 'programme.propose',
      query: proposeQuery,
      handler: proposePage,
    }),
    route({
      method: 'POST',
      url: programmePaths.propose.pattern,
      permission: 'programme.propose',
      query: proposeQuery,
      form: proposalForm,
      page: proposalPage,
      // "Check" shows the rule checks on the same page before anything is committed (200, or 400
      // when a check refuses); "commit" plans the activity and goes to it. A refusal of either is
      // a ProposalRefusedError the page reads from its state.
      submit: async (request, { action, confirm, fingerprint, ...input }, reply) => {
        if (action === 'commit') {
          const confirmation = { confirmed: confirm, fingerprint }
          const activityId = await programme.commit(request.principal, input, confirmation, { requestId: request.id })
          return activityPaths.show.build({ activityId })
        }
        const checked = await programme.check(request.principal, input)
        if (checked.errors.length > 0) reply.code(400)
        return proposalPage(request, reply, { values: formValues(request.body), errors: {} }, checked)
      },
    }),
  ]
}
