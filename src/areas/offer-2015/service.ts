import { recordAudit } from '../../auth/audit.js'
import type { PeopleDirectory } from '../../auth/people.js'
import { type Action, canOn, laFilter, type PolicyTarget, type Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { SEMINAR_ATTENDANCE } from '../../rules/offer-2015.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import type { RegisterService } from '../register/index.js'
import { awaitingOffer } from './awaiting.js'
import { offerChange } from './change.js'
import { invitationLetter, type LetterFormat, planLetterDocument, stepLetterDocument } from './letters.js'
import { findOffer, insertOffer, offerIdsWorkedOnBy, offersOf, stepsOfOffers } from './repository.js'
import { progressService } from './progress.service.js'
import { publishOfferLetter } from './publish.js'
import type { PublicationsService } from '../publications/index.js'
import { offerSampleService } from './sample.service.js'
import { inspectorsOf, offerIdsNaming } from './sample.repository.js'
import { stepsOf } from './steps.js'
import { type Offer, type OfferRecord, PLAN_LETTER_ACCEPTS, type PlanLetter, type SeminarReply } from './types.js'

export interface Offer2015Deps extends ServiceDeps {
  readonly register: Pick<RegisterService, 'show' | 'target' | 'localAuthorities' | 'histories'>
  readonly people: PeopleDirectory
  readonly publications: Pick<PublicationsService, 'publishOfferLetter' | 'ofOffer'>
}

/** Annex B: the seminar agrees three to five core improvement priorities. */
export const SEMINAR_PRIORITIES = { min: 3, max: 5 } as const

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line !== '')

/**
 * The 2015 improvement offer after a SIF inadequate judgement (issue 15; 000): opening it, the
 * seminar's reply and record, the plan's letters, the progress inspection, and every other step
 * as done on a date. Statutory dates come from the rules core (`stepsOf`).
 */
export function createOffer2015Service(deps: Offer2015Deps) {
  const { db, clock, register } = deps

  async function assemble(offers: readonly Offer[]): Promise<OfferRecord[]> {
    const steps = await stepsOfOffers(
      db,
      offers.map((offer) => offer.id),
    )
    return offers.map((offer) => ({ offer, steps: steps.filter((step) => step.offerId === offer.id) }))
  }

  /** The offer's policy target: its LA, and its named inspectors as the team (`offer-2015.cases`). */
  async function offerTarget(offer: Offer): Promise<PolicyTarget | null> {
    const [found, named] = await Promise.all([register.target(offer.laCode), inspectorsOf(db, [offer.id])])
    return found ? { ...found, teamUserIds: named.get(offer.id) ?? [] } : null
  }

  async function laGuard(principal: Principal, action: Action, laCode: string): Promise<PolicyTarget> {
    const found = await register.target(laCode)
    if (!found || !canOn(principal, action, found)) throw new NotFoundError()
    return found
  }

  async function guard(principal: Principal, action: Action, offer: Offer): Promise<PolicyTarget> {
    const found = await offerTarget(offer)
    if (!found || !canOn(principal, action, found)) throw new NotFoundError()
    return found
  }

  async function record(offerId: string): Promise<OfferRecord> {
    const offer = await findOffer(db, offerId)
    if (!offer) throw new NotFoundError()
    return (await assemble([offer]))[0]!
  }

  const change = offerChange(deps, record, guard)
  const sample = offerSampleService(deps, record, guard)

  /** Every offer the principal may see (or act on, for `action`), newest first. */
  async function inScope(
    principal: Principal | 'everyone',
    action: Action = 'offer-2015.view',
  ): Promise<OfferRecord[]> {
    // 'everyone': the service's own jobs (the reminders, issue 13), acting for no one person.
    if (principal === 'everyone') return assemble(await offersOf(db))
    const filter = laFilter(principal, action)
    if (filter.kind === 'none' || filter.kind === 'team') return []
    if (filter.kind === 'las') return assemble(await offersOf(db, filter.laCodes))
    const all = await offersOf(db)
    if (filter.kind === 'all') return assemble(all)
    const inRegion = new Set(
      (await register.localAuthorities()).filter((la) => la.regionCode === filter.regionCode).map((la) => la.laCode),
    )
    return assemble(all.filter((offer) => inRegion.has(offer.laCode)))
  }

  /** The LA's SIF inadequate judgements without an offer, latest first (000#5: every one is offered it). */
  async function openable(laCode: string) {
    const { records } = await register.show(laCode)
    const answered = new Set((await offersOf(db, [laCode])).map((offer) => offer.judgementId))
    return records
      .filter(
        (judgement) =>
          judgement.framework === 'sif' &&
          !judgement.correctedById &&
          judgement.grades['overall'] === 'inadequate' &&
          !answered.has(judgement.id),
      )
      .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))
  }

  return {
    record,
    openable,

    sample,

    /** The policy target of an offer: its LA and named inspectors, or null when there is no such offer (404). */
    async target(offerId: string): Promise<PolicyTarget | null> {
      const offer = await findOffer(db, offerId)
      return offer ? offerTarget(offer) : null
    },

    async laName(laCode: string): Promise<string> {
      return (await register.show(laCode)).la.name
    },

    async ofLa(laCode: string): Promise<OfferRecord[]> {
      return assemble(await offersOf(db, [laCode]))
    },

    /**
     * The offers whose tasks are the principal's: those they may act on, and for an HMI only the
     * offers they are named on (or, where no one is named, have recorded a step of), not every
     * offer in the country.
     */
    async tasksInScope(principal: Principal): Promise<OfferRecord[]> {
      const records = await inScope(principal, 'offer-2015.reply')
      if (principal.role !== 'hmi' || records.length === 0) return records
      const [named, workedOn, inspectors] = await Promise.all([
        offerIdsNaming(db, principal.id),
        offerIdsWorkedOnBy(db, principal.id),
        inspectorsOf(
          db,
          records.map((record) => record.offer.id),
        ),
      ])
      // An offer with named inspectors is theirs; one naming no one is whoever has recorded its steps.
      return records.filter(
        (record) => named.has(record.offer.id) || (!inspectors.has(record.offer.id) && workedOn.has(record.offer.id)),
      )
    },

    /** LAs with a SIF inadequate judgement without an offer, for the director who may open one (000#5). */
    awaitingOffer: (principal: Principal) => awaitingOffer(deps, principal),

    inScope,

    /** Open the offer for one of the LA's SIF inadequate judgements without one (the latest unless named; 000#5, #12). */
    async open(
      principal: Principal,
      laCode: string,
      judgementId: string | undefined,
      context: RequestContext,
    ): Promise<string> {
      await laGuard(principal, 'offer-2015.direct', laCode)
      const candidates = await openable(laCode)
      const judgement = judgementId ? candidates.find((candidate) => candidate.id === judgementId) : candidates[0]
      if (!judgement)
        throw new ValidationError({
          judgementId: 'Select a SIF inadequate judgement of the LA without an offer (000#5)',
        })
      return db.transaction().execute(async (trx) => {
        const id = await insertOffer(trx, {
          laCode,
          judgementId: judgement.id,
          publishedOn: judgement.publishedOn,
          openedOn: clock.today(),
          openedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'offer-2015.open',
          recordType: 'offer-2015',
          recordId: id,
          laCode,
          summary: `Opened the 2015 improvement offer for the SIF inadequate judgement published ${formatLongDate(judgement.publishedOn)}`,
          changes: { judgementId: judgement.id },
          requestId: context.requestId,
        })
        return id
      })
    },

    /** A step recorded as done on a date (the steps without their own form). */
    async recordStep(
      principal: Principal,
      offerId: string,
      input: { step: string; doneOn: string; note: string; atRisk?: boolean; version?: number | undefined },
      context: RequestContext,
    ) {
      await change(principal, offerId, 'offer-2015.manage', input, context, (current) => {
        const step = stepsOf(current).find((candidate) => candidate.key === input.step && candidate.plain)
        if (!step) throw new ValidationError({ step: 'Select a step of this offer' })
        const review = /^review\.\d$/.test(input.step)
        if (input.atRisk && !review)
          throw new ValidationError({ atRisk: 'Only a quarterly review records the offer at risk (000#37)' })
        const atRisk = review && input.atRisk === true
        return {
          steps: [
            {
              step: input.step,
              doneOn: input.doneOn,
              note: input.note,
              ...(review ? { detail: { atRisk } } : {}),
            },
            // 000#37: the review's concern is also the offer's "at risk" step, dated the same day.
            ...(atRisk ? [{ step: 'offer.at-risk', doneOn: input.doneOn, note: `${step.label}: ${input.note}` }] : []),
          ],
          ...(atRisk
            ? {
                atRisk:
                  `The ${step.label.split(' (')[0]!.toLowerCase()} of ${formatLongDate(input.doneOn)} records the improvement offer at risk: concerns about progress or differences of opinion threaten its continuing viability (000#37). Decide on the next course of action.\n\n${input.note}`.trim(),
              }
            : {}),
          // 000#54: the final letter ends the improvement work.
          ...(input.step === 'final-letter' ? { offer: { endedOn: input.doneOn } } : {}),
          action: 'offer-2015.step',
          summary: `${step.label}: ${formatLongDate(input.doneOn)}`,
          ...(input.step === 'seminar.dfe-told'
            ? {
                dfe: `The DCS has refused the improvement planning seminar after a further approach (000#7, #15). ${input.note}`.trim(),
              }
            : {}),
        }
      })
    },

    /** The DCS's reply to the invitation, and the seminar date when accepted (000#14-16). */
    async reply(
      principal: Principal,
      offerId: string,
      input: {
        reply: SeminarReply
        repliedOn: string
        seminarOn?: string | undefined
        persuasion: string
        version?: number | undefined
      },
      context: RequestContext,
    ) {
      if (input.reply === 'accepted' && !input.seminarOn)
        throw new ValidationError({ seminarOn: 'Enter the date agreed for the seminar' })
      await change(principal, offerId, 'offer-2015.reply', input, context, () => ({
        offer: { seminarOn: input.reply === 'accepted' ? (input.seminarOn ?? null) : null },
        steps: [
          {
            step: 'seminar.reply',
            doneOn: input.repliedOn,
            note: input.persuasion,
            detail: { reply: input.reply, persuasion: input.persuasion },
          },
        ],
        action: 'offer-2015.seminar-reply',
        summary: `Seminar ${input.reply} on ${formatLongDate(input.repliedOn)}`,
      }))
    },

    /** The seminar held: its priorities (3 to 5, Annex B), attendees (6 to 8, 000#8) and the record sent (Annex C, 000#23). */
    async recordSeminar(
      principal: Principal,
      offerId: string,
      input: {
        heldOn: string
        priorities: string
        attendees: string
        evidence?: string
        discussion?: string
        recordSentOn?: string | undefined
        version?: number | undefined
      },
      context: RequestContext,
    ) {
      const priorities = lines(input.priorities)
      const attendees = lines(input.attendees)
      const errors: Record<string, string> = {}
      if (priorities.length < SEMINAR_PRIORITIES.min || priorities.length > SEMINAR_PRIORITIES.max)
        errors['priorities'] = 'Enter three to five priorities, one a line (000 Annex B)'
      const { min, max } = SEMINAR_ATTENDANCE.localParticipants
      if (attendees.length < min || attendees.length > max)
        errors['attendees'] = `Enter ${min} to ${max} attendees from the LA, one a line (000#8)`
      if (Object.keys(errors).length) throw new ValidationError(errors)
      await change(principal, offerId, 'offer-2015.manage', input, context, () => ({
        offer: { seminarOn: input.heldOn },
        steps: [
          {
            step: 'seminar',
            doneOn: input.heldOn,
            // Annex C's sections 2 and 3, for the record sent to the DCS.
            detail: { priorities, attendees, evidence: input.evidence ?? '', discussion: input.discussion ?? '' },
          },
          ...(input.recordSentOn ? [{ step: 'seminar.record', doneOn: input.recordSentOn }] : []),
        ],
        action: 'offer-2015.seminar-record',
        summary: `Seminar held ${formatLongDate(input.heldOn)} with ${attendees.length} attendees and ${priorities.length} priorities`,
      }))
    },

    /** A letter of Annexes D to G after reviewing the plan (000#30-33); D and F make it an acceptable basis (000#34). */
    async planLetter(
      principal: Principal,
      offerId: string,
      input: { letter: PlanLetter; sentOn: string; differences: string; version?: number | undefined },
      context: RequestContext,
    ) {
      if ((input.letter === 'E' || input.letter === 'G') && !input.differences.trim())
        throw new ValidationError({ differences: 'Enter the areas of difference and the reasons (000#32-33)' })
      await change(principal, offerId, 'offer-2015.manage', input, context, (current) => {
        const first = current.steps.find((step) => step.step === 'plan.letter')?.detail['letter']
        const resolution = input.letter === 'F' || input.letter === 'G'
        if (resolution && first !== 'E')
          throw new ValidationError({ letter: 'Letters F and G follow letter E (000#32-33)' })
        return {
          offer: PLAN_LETTER_ACCEPTS[input.letter] ? { planAcceptedOn: input.sentOn } : {},
          steps: [
            {
              step: resolution ? 'plan.resolution' : 'plan.letter',
              doneOn: input.sentOn,
              note: input.differences,
              detail: { letter: input.letter },
            },
          ],
          action: 'offer-2015.plan-letter',
          summary: `Improvement plan letter ${input.letter} sent ${formatLongDate(input.sentOn)}`,
          ...(input.letter === 'G'
            ? {
                dfe: `The differences over the improvement plan were not resolved (000#33, Annex G), so the DfE may consider conditions for the improvement notice or direction.\n\nAreas of difference: ${input.differences.trim()}`,
              }
            : {}),
        }
      })
    },

    ...progressService(deps, change, sample),

    /** The invitation letter (Annex A) as Word or PDF. */
    async invitation(principal: Principal, offerId: string, format: LetterFormat) {
      const current = await record(offerId)
      const target = await guard(principal, 'offer-2015.view', current.offer)
      return invitationLetter(deps, current, target, format)
    },

    /** The latest improvement plan letter (Annexes D to G) as Word or PDF; NotFoundError before the first. */
    async planLetterDocument(principal: Principal, offerId: string, format: LetterFormat) {
      const current = await record(offerId)
      const target = await guard(principal, 'offer-2015.view', current.offer)
      return planLetterDocument(deps, current, target, format)
    },

    /** Publish a later review letter or the progress letter on /published (000#38, #42; ADR 0028). */
    async publish(principal: Principal, offerId: string, step: string, context: RequestContext) {
      const current = await record(offerId)
      const target = await guard(principal, 'offer-2015.manage', current.offer)
      const evidence = step === 'pi.report.published' ? await sample.evidenceLines(offerId) : []
      const { content } = await stepLetterDocument(deps, current, target, step, 'pdf', evidence)
      const { la } = await register.show(current.offer.laCode)
      return publishOfferLetter(deps, principal, current, la.name, step, content, context)
    },

    /** The named inspectors of each offer, by offer id (the reminder job's one read, issue 13). */
    inspectorIds: (offerIds: readonly string[]) => inspectorsOf(db, offerIds),

    /** The offer's letters on the public list, public or not yet (for its page). */
    published: (offerId: string) => deps.publications.ofOffer(offerId),

    /** The letter of a recorded step (seminar record, visit, review, progress letter) as Word or PDF. */
    async stepLetter(principal: Principal, offerId: string, step: string, format: LetterFormat) {
      const current = await record(offerId)
      const target = await guard(principal, 'offer-2015.view', current.offer)
      const evidence = step === 'pi.report.published' ? await sample.evidenceLines(offerId) : []
      return stepLetterDocument(deps, current, target, step, format, evidence)
    },
  }
}

export type Offer2015Service = ReturnType<typeof createOffer2015Service>
