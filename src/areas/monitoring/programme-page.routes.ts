import type { FastifyReply } from 'fastify'
import { can, canOn } from '../../auth/policy.js'
import type { Clock } from '../../clock.js'
import { formatDate } from '../../rules/calendar/dates.js'
import { REINSPECTION_DECISION_INPUTS } from '../../rules/after-inadequate.js'
import { dateFieldOf, dateInputItems, type Form, type FormState, valueOf } from '../../web/forms.js'
import { ruleLink } from '../../web/rule-links.js'
import { formErrorList, type SignedInRequest } from '../../web/routing.js'
import { type ActivitiesService, activityPaths, STATUS_LABELS, TYPE_LABELS } from '../activities/index.js'
import {
  deliveryActionPlanHtml,
  deliveryLine,
  type Grade,
  GRADE_LABELS,
  type RegisterService,
} from '../register/index.js'
import {
  acceptedForm,
  datesForm,
  decisionForm,
  declinedForm,
  leadForm,
  letterForm,
  progressForm,
  recommendationForm,
  recordForm,
  reviewForm,
  visitForm,
} from './forms.js'
import { monitoringPaths } from './paths.js'
import {
  dateRows,
  deadlineRows,
  deadlinesOf,
  decisionRows,
  judgementAdvice,
  planRows,
  type ProgrammeActivity,
  stepRows,
  threadRows,
  visitRows,
} from './presenters.js'
import type { MonitoringService } from './service.js'
import {
  LETTER_COPIES,
  PROGRESS_LEVELS,
  RECOMMENDATION_KINDS,
  REINSPECTION_KINDS,
  REVIEW_OUTCOMES,
  type ProgrammeRecord,
} from './types.js'

type ProgrammeRequest = SignedInRequest<{ programmeId: string }>

/** The forms of the programme page; the action plan's is multipart (documents.routes.ts). */
export type Which =
  | 'dates'
  | 'recommendation'
  | 'letter'
  | 'visit'
  | 'record'
  | 'review'
  | 'decision'
  | 'progress'
  | 'plan'
  | 'declined'
  | 'accepted'
  | 'lead'

const FORMS = {
  dates: datesForm,
  recommendation: recommendationForm,
  letter: letterForm,
  visit: visitForm,
  record: recordForm,
  review: reviewForm,
  decision: decisionForm,
  progress: progressForm,
  declined: declinedForm,
  accepted: acceptedForm,
  lead: leadForm,
} as const

const radios = (record: Record<string, string>, chosen: string) =>
  Object.entries(record).map(([value, text]) => ({ value, text, checked: chosen === value }))

/** The programme page (issue 12): every step with its dates and owner, and the forms of whoever may act. */
export function programmePages(deps: {
  monitoring: MonitoringService
  register: Pick<RegisterService, 'show' | 'target' | 'deliveryOn'>
  activities: Pick<ActivitiesService, 'monitoringOf' | 'monitoringDatesOf'>
  clock: Clock
}) {
  const { monitoring, register, activities, clock } = deps
  const programmeTarget = (request: ProgrammeRequest) => monitoring.target(request.params.programmeId)

  async function programmeActivities(request: SignedInRequest, record: ProgrammeRecord): Promise<ProgrammeActivity[]> {
    const { laCode, openedOn } = record.programme
    // Who sees no activities (the DfE case lead) still sees the visits' dates, planned ones too.
    const seesActivities = can(request.principal, 'activity.view')
    const found = seesActivities
      ? await activities.monitoringOf(request.principal, laCode)
      : await activities.monitoringDatesOf(request.principal, laCode)
    return found
      .filter((activity) => activity.onsiteStart >= openedOn && activity.status !== 'cancelled')
      .map((activity) => ({
        id: activity.id,
        type: activity.type,
        onsiteStart: activity.onsiteStart,
        href: seesActivities ? activityPaths.show.build({ activityId: activity.id }) : undefined,
        title: `${TYPE_LABELS[activity.type]}, ${formatDate(activity.onsiteStart)}`,
        detail: `On site ${formatDate(activity.onsiteStart)}${activity.onsiteEnd !== activity.onsiteStart ? ` to ${formatDate(activity.onsiteEnd)}` : ''}; ${STATUS_LABELS[activity.status].toLowerCase()}`,
      }))
      .sort((a, b) => a.onsiteStart.localeCompare(b.onsiteStart))
  }

  /** Everything the programme page shows: its steps, dates, plan, thread, decision and each form with its errors. */
  async function programmePage(request: ProgrammeRequest, reply: FastifyReply, state?: FormState, which?: Which) {
    const record = await monitoring.record(request.params.programmeId)
    const { programme } = record
    const { la, records: judgements, visits } = await register.show(programme.laCode)
    const judgement = judgements.find((candidate) => candidate.id === programme.judgementId)
    const target = (await programmeTarget(request))!
    const today = clock.today()
    const bodies = await register.deliveryOn(programme.laCode, today)
    const programmeActivitiesFound = await programmeActivities(request, record)
    const titles = new Map(programmeActivitiesFound.map((activity) => [activity.id, activity.title]))
    const deadlines = deadlinesOf(record)
    const mine = (name: Which) => (which === name ? (state?.values ?? {}) : {})
    const errors = (name: Which) => (which === name ? (state?.errors ?? {}) : {})
    const dateItems = (name: Which, fieldName: string, stored?: string | null) =>
      dateInputItems(
        fieldName,
        dateFieldOf(mine(name), fieldName, which === name ? undefined : stored),
        Boolean(errors(name)[fieldName]),
      )
    const programmeId = programme.id
    const may = (action: Parameters<typeof canOn>[1]) => canOn(request.principal, action, target)
    const open = !programme.closedOn
    // Only who may name the lead reads the inspectors to choose from.
    const candidates = open && may('monitoring.lead') ? await monitoring.leadCandidates() : []
    const leadInspector = await monitoring.leadInspectorName(programme)
    return reply.page('monitoring/programme.njk', {
      la,
      heading: `Monitoring programme ${programme.setNumber}`,
      programme,
      backHref: monitoringPaths.la.build({ laCode: programme.laCode }),
      stepRows: stepRows(record, programmeActivitiesFound, today),
      dateRows: dateRows(record),
      deadlineRows: deadlineRows(deadlines),
      anchor: deadlines?.anchor,
      anchorRule: ruleLink('M3', '001#7, #49; 002#219; 000#10'),
      activities: programmeActivitiesFound,
      threadRows: threadRows(record, titles),
      planRows: planRows(record, (versionNumber) =>
        monitoringPaths.planFile.build({ programmeId, versionNumber: String(versionNumber) }),
      ),
      decisionRows: decisionRows(record),
      decision: programme.decision
        ? {
            kind: REINSPECTION_KINDS[programme.decision.kind],
            decidedOn: formatDate(programme.decision.decidedOn),
            laToldOn: programme.decision.laToldOn ? formatDate(programme.decision.laToldOn) : 'Not yet',
            reasons: programme.decision.reasons,
          }
        : undefined,
      record: programme.recordSentOn ? programme.record : undefined,
      may: {
        manage: open && may('monitoring.manage'),
        direct: open && may('monitoring.direct'),
        plan: open && may('monitoring.action-plan'),
        decline: open && may('monitoring.decline'),
        lead: open && may('monitoring.lead'),
      },
      leadInspector,
      // 002#113, 001#3: the LA will not agree the programme, until it accepts.
      declined: programme.declined
        ? {
            declinedOn: formatDate(programme.declined.declinedOn),
            said: programme.declined.said,
            persuasion: programme.declined.persuasion,
            acceptedOn: programme.declined.acceptedOn ? formatDate(programme.declined.acceptedOn) : undefined,
          }
        : undefined,
      declinedRule: ruleLink('M4', '002#113; 001#3'),
      paths: Object.fromEntries(
        (
          [
            'dates',
            'recommendations',
            'fromReport',
            'letter',
            'letterDocx',
            'letterPdf',
            'visit',
            'record',
            'agendaDocx',
            'agendaPdf',
            'recordDocx',
            'recordPdf',
            'plan',
            'review',
            'reviewDocx',
            'reviewPdf',
            'decision',
            'progress',
            'declined',
            'accepted',
            'lead',
          ] as const
        ).map((key) => [key, monitoringPaths[key].build({ programmeId })]),
      ),
      hasLetter: Boolean(deadlines),
      hasReviewLetter: record.reviews.some((review) => review.outcome !== 'referred-to-dfe'),
      forms: {
        dates: {
          errors: errors('dates'),
          items: {
            prePublication: dateItems('dates', 'prePublication', programme.dates['pre-publication']),
            finalReport: dateItems('dates', 'finalReport', programme.dates['final-report']),
            publication: dateItems('dates', 'publication', programme.dates.publication),
          },
        },
        recommendation: {
          errors: errors('recommendation'),
          kinds: radios(RECOMMENDATION_KINDS, valueOf(mine('recommendation'), 'kind')),
          text: valueOf(mine('recommendation'), 'text'),
        },
        letter: {
          errors: errors('letter'),
          copies: Object.entries(LETTER_COPIES).map(([value, copies]) => ({
            value,
            text: `${value}: ${copies.join('; ')}`,
            checked: (which === 'letter' ? valueOf(mine('letter'), 'letterCopies') : programme.letterCopies) === value,
          })),
          items: dateItems('letter', 'sentOn', programme.letterSentOn ?? today),
        },
        visit: {
          errors: errors('visit'),
          visitItems: dateItems('visit', 'visitOn', programme.planningVisitOn),
          agendaItems: dateItems('visit', 'agendaCirculatedOn', programme.agendaCirculatedOn),
        },
        record: {
          errors: errors('record'),
          attendees: which === 'record' ? valueOf(mine('record'), 'attendees') : programme.record.attendees,
          discussion: which === 'record' ? valueOf(mine('record'), 'discussion') : programme.record.discussion,
          planning: which === 'record' ? valueOf(mine('record'), 'planning') : programme.record.planning,
          items: dateItems('record', 'recordSentOn', programme.recordSentOn ?? today),
        },
        plan: {
          errors: errors('plan'),
          actions: record.recommendations.map((item) => ({
            name: `action-${item.id}`,
            label: `${item.ref}: ${item.text}`,
            value:
              which === 'plan'
                ? valueOf(mine('plan'), `action-${item.id}`)
                : (record.plans.at(-1)?.actions.find((action) => action.recommendationId === item.id)?.action ?? ''),
          })),
        },
        review: {
          errors: errors('review'),
          outcomes: radios(REVIEW_OUTCOMES, valueOf(mine('review'), 'outcome')),
          differences: valueOf(mine('review'), 'differences'),
          letterItems: dateItems('review', 'letterSentOn', today),
          discussedItems: dateItems('review', 'discussedOn'),
        },
        decision: {
          errors: errors('decision'),
          inputs: REINSPECTION_DECISION_INPUTS.map((label, index) => ({
            name: `input${index + 1}`,
            label: label.charAt(0).toUpperCase() + label.slice(1),
            value: valueOf(mine('decision'), `input${index + 1}`),
          })),
          kinds: radios(REINSPECTION_KINDS, valueOf(mine('decision'), 'decisionKind')),
          reasons: valueOf(mine('decision'), 'reasons'),
          decidedItems: dateItems('decision', 'decidedOn', today),
          toldItems: dateItems('decision', 'laToldOn'),
        },
        declined: {
          errors: errors('declined'),
          items: dateItems('declined', 'declinedOn', today),
          said: valueOf(mine('declined'), 'said'),
          persuasion: valueOf(mine('declined'), 'persuasion'),
        },
        accepted: { errors: errors('accepted'), items: dateItems('accepted', 'acceptedOn', today) },
        lead: {
          errors: errors('lead'),
          items: [
            { value: '', text: 'No one named' },
            ...candidates.map((person) => ({
              value: person.id,
              text: person.displayName,
              selected:
                (which === 'lead' ? valueOf(mine('lead'), 'leadInspectorId') : programme.leadInspectorId) === person.id,
            })),
          ],
        },
        progress: {
          errors: errors('progress'),
          items: record.recommendations.map((item) => ({
            value: item.id,
            text: `${item.ref}: ${item.text}`,
            selected: valueOf(mine('progress'), 'recommendationId') === item.id,
          })),
          activities: [
            { value: '', text: 'Not at a visit' },
            ...programmeActivitiesFound.map((activity) => ({
              value: activity.id,
              text: activity.title,
              selected: valueOf(mine('progress'), 'activityId') === activity.id,
            })),
          ],
          levels: radios(PROGRESS_LEVELS, valueOf(mine('progress'), 'progress')),
          note: valueOf(mine('progress'), 'note'),
          assessedItems: dateItems('progress', 'assessedOn', today),
        },
      },
      errorList:
        which && which !== 'plan'
          ? formErrorList(FORMS[which] as Form<unknown>, state)
          : formErrorList(datesForm, state),
      rules: {
        m2: ruleLink('M2', '001#9-18'),
        m3: ruleLink('M3', '001#19-22'),
        m6: ruleLink('M6', '001#49-50'),
        m7: ruleLink('M7', '001#51-54'),
        m9: ruleLink('M9', record.outcome?.citation ?? '001#67; 002#23'),
      },
      visitRows: visitRows(visits, programme),
      advice: judgementAdvice(judgement),
      // A trust or other body running the services drafts the plan's operational part (002#236-237).
      delivery: bodies.map((body) => ({ line: deliveryLine(body), planHtml: deliveryActionPlanHtml(body) })),
      fromReport: Boolean(judgement?.activityId),
      outcome: record.outcome
        ? {
            publishedOn: formatDate(record.outcome.publishedOn),
            grade: GRADE_LABELS[record.outcome.grade as Grade] ?? record.outcome.grade,
            message: record.outcome.message,
            restarts: record.outcome.monitoringRestarts,
            laHref: monitoringPaths.la.build({ laCode: programme.laCode }),
          }
        : undefined,
    })
  }

  return { programmePage, programmeActivities }
}
