import type { Principal } from '../../auth/policy.js'
import { NotFoundError } from '../../errors.js'
import {
  actionPlanLetter,
  actionPlanningVisitAgenda,
  actionPlanningVisitLetter,
  actionPlanningVisitRecord,
  type DocumentModel,
  renderDocx,
  renderPdf,
} from '../../documents/index.js'
import { actionPlanningVisitAgendaDue } from '../../rules/after-inadequate.js'
import { programmeDeadlines } from '../../rules/monitoring-programme.js'
import type { MonitoringDeps, MonitoringRecords } from './records.js'
import { LETTER_COPIES } from './types.js'

export type LetterFormat = 'docx' | 'pdf'

/**
 * The regional director's letters as documents (ADR 0012): the letter confirming the action
 * planning visit (001 Annex A) with the copies chosen (001#9 or 002#118), and the letter after the
 * latest review of the action plan (Annex D or E). Built from the programme as it stands.
 */
export function lettersService(deps: MonitoringDeps, records: MonitoringRecords) {
  const { register, people, clock } = deps

  async function basis(principal: Principal, programmeId: string) {
    const record = await records.record(programmeId)
    const target = await records.guard(principal, 'monitoring.view', record.programme.laCode)
    const { la } = await register.show(record.programme.laCode)
    const [dcs] = await people.reaching(['la-dcs'], target)
    const [director] = await people.reaching(['regional-director'], target)
    // A trust or other body running the services on the letter's date is copied in (002#216, #236).
    const withBodies = async (copies: readonly string[], on: string) => [
      ...copies,
      ...(await register.deliveryOn(la.laCode, on)).map(
        (body) => `${body.name}, running children’s services under delegated functions`,
      ),
    ]
    return {
      record,
      withBodies,
      seniorHmi: async () => (await people.reaching(['senior-hmi'], target))[0]?.displayName,
      common: {
        localAuthority: { name: la.name, code: la.laCode },
        reference: `MON-${la.laCode}-${record.programme.setNumber}`,
        status: 'final' as const,
        recipient: {
          name: dcs?.displayName ?? "Director of Children's Services",
          role: "Director of Children's Services",
          address: [la.name],
        },
        regionalDirector: director?.displayName ?? 'Regional Director',
      },
    }
  }

  async function render(model: DocumentModel, format: LetterFormat) {
    return { model, content: format === 'docx' ? await renderDocx(model) : await renderPdf(model) }
  }

  return {
    /** The action planning visit letter (001 Annex A): the window from the chosen date, copies as recorded. */
    async planningVisitLetter(principal: Principal, programmeId: string, format: LetterFormat) {
      const { record, common, withBodies } = await basis(principal, programmeId)
      const { programme } = record
      const deadlines = programmeDeadlines(programme.dates)
      if (!deadlines) throw new NotFoundError()
      const issued = programme.letterSentOn ?? clock.today()
      const model = actionPlanningVisitLetter({
        ...common,
        issued,
        copies: await withBodies(LETTER_COPIES[programme.letterCopies ?? '001#9'], issued),
        window: deadlines.timeline.actionPlanningVisit,
        ...(programme.planningVisitOn ? { preferredDate: programme.planningVisitOn } : {}),
      })
      return render(model, format)
    },

    /**
     * The final agenda (001 Annex B) with the report's items, dated five working days before the
     * visit (001#14) unless it was circulated on another day; NotFoundError before the visit is set.
     */
    async agenda(principal: Principal, programmeId: string, format: LetterFormat) {
      const { record, common } = await basis(principal, programmeId)
      const { programme } = record
      if (!programme.planningVisitOn) throw new NotFoundError()
      const deadlines = programmeDeadlines(programme.dates)
      const model = actionPlanningVisitAgenda({
        localAuthority: common.localAuthority,
        reference: common.reference,
        status: common.status,
        visitOn: programme.planningVisitOn,
        circulatedOn: programme.agendaCirculatedOn ?? actionPlanningVisitAgendaDue(programme.planningVisitOn),
        recommendations: record.recommendations.map((item) => `${item.ref}: ${item.text}`),
        ...(deadlines ? { actionPlanDue: deadlines.timeline.actionPlanDue } : {}),
      })
      return render(model, format)
    },

    /**
     * The record of the visit (001#18, Annex C) as the senior HMI sent it to the DCS, copied to the
     * regional director and the national director, social care; NotFoundError before it is sent.
     */
    async visitRecord(principal: Principal, programmeId: string, format: LetterFormat) {
      const { record, common, seniorHmi, withBodies } = await basis(principal, programmeId)
      const { programme } = record
      if (!programme.planningVisitOn || !programme.recordSentOn) throw new NotFoundError()
      const model = actionPlanningVisitRecord({
        localAuthority: common.localAuthority,
        reference: common.reference,
        status: common.status,
        visitOn: programme.planningVisitOn,
        sentOn: programme.recordSentOn,
        ...programme.record,
        signedBy: ['the lead inspector (HMI)', `${(await seniorHmi()) ?? 'Senior HMI'} (senior HMI)`],
        sentTo: `${common.recipient.name}, ${common.recipient.role}`,
        copies: await withBodies(
          [common.regionalDirector + ', Regional Director', 'the Ofsted national director, social care'],
          programme.recordSentOn,
        ),
      })
      return render(model, format)
    },

    /** The letter of the latest review (001#21, Annex D or E); NotFoundError before the first review. */
    async reviewLetter(principal: Principal, programmeId: string, format: LetterFormat) {
      const { record, common, withBodies } = await basis(principal, programmeId)
      const review = record.reviews.filter((item) => item.outcome !== 'referred-to-dfe').at(-1)
      const plan = record.plans.find((item) => item.id === review?.planId)
      if (!review || !plan) throw new NotFoundError()
      const reflects = review.outcome === 'reflects'
      const model = actionPlanLetter({
        ...common,
        issued: review.letterSentOn,
        // 001 Annexes D and E: copied to the national director and the DfE.
        copies: await withBodies(
          ['SHMI', 'HMI', 'the national director, social care', 'the DfE inspections and interventions team'],
          review.letterSentOn,
        ),
        reflects,
        planDated: plan.submittedOn,
        visitOn: record.programme.planningVisitOn ?? plan.submittedOn,
        ...(reflects ? {} : { differences: review.differences.split(/\n+/).filter((line) => line.trim() !== '') }),
      })
      return render(model, format)
    },
  }
}
