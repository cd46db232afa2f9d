import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import { progressInspection2015Timeline } from '../../rules/timelines/progress-inspection-2015.js'
import type { RequestContext } from '../deps.js'
import type { offerChange } from './change.js'
import type { OfferSampleService } from './sample.service.js'
import { SHORTFALL_STEP } from './sample.service.js'
import type { Offer2015Deps } from './service.js'
import type { ProgressJudgement } from './types.js'

type Change = ReturnType<typeof offerChange>

/**
 * The progress inspection's dates and judgement (000#42, #45), and the sample's shortfall: the
 * judgement waits until the sample meets Annex H or the shortfall is recorded with a reason, and
 * satisfactory progress needs the two tests of Annex H (the standards in at least a majority of
 * the cases seen, fn 3; risk identified and managed for every child considered).
 */
export function progressService(deps: Offer2015Deps, change: Change, sample: Pick<OfferSampleService, 'counts'>) {
  return {
    /** The progress inspection's first day on site (day 6, a Monday) and, when known, its judgement (000#42, #45). */
    async progressInspection(
      principal: Principal,
      offerId: string,
      input: { onsite: string; judgement?: ProgressJudgement | undefined; version?: number | undefined },
      context: RequestContext,
    ) {
      const checked = progressInspection2015Timeline(input.onsite)
      if (!checked.ok) throw new ValidationError({ onsite: checked.reason })
      const { counts, evidence } = await sample.counts(offerId)
      await change(principal, offerId, 'offer-2015.manage', input, context, (current) => {
        if (input.judgement && current.offer.progressJudgement !== input.judgement) {
          const short = counts.filter((count) => !count.met)
          if (short.length > 0 && !current.steps.some((step) => step.step === SHORTFALL_STEP))
            throw new ValidationError({
              judgement: `The case sample does not meet Annex H (${short.map((count) => count.text).join('; ')}): complete it, or record the shortfall with a reason, before the judgement`,
            })
          if (
            input.judgement === 'satisfactory' &&
            evidence.seen > 0 &&
            (!evidence.majority || !evidence.everyRiskManaged)
          )
            throw new ValidationError({
              judgement: `Satisfactory progress needs the standards in at least a majority of the cases seen and risk managed for every child (000 Annex H): ${evidence.standardsText}; ${evidence.riskText}`,
            })
        }
        return {
          offer: { progressOnsiteOn: input.onsite, progressJudgement: input.judgement ?? null },
          steps: [],
          action: 'offer-2015.progress-inspection',
          summary: `Progress inspection on site from ${formatLongDate(input.onsite)}${input.judgement ? `: ${input.judgement} progress` : ''}`,
          // Issue 15: unsatisfactory progress is flagged to the DfE (000 says no more), once.
          ...(input.judgement === 'unsatisfactory' && current.offer.progressJudgement !== 'unsatisfactory'
            ? { dfe: 'The progress inspection judged the LA’s progress unsatisfactory (000#45).' }
            : {}),
        }
      })
    },

    /** The lead inspector's reason the sample falls short of Annex H, dated; it lets the judgement be given. */
    async recordShortfall(
      principal: Principal,
      offerId: string,
      input: { reason: string; version?: number | undefined },
      context: RequestContext,
    ) {
      const { counts } = await sample.counts(offerId)
      const short = counts.filter((count) => !count.met)
      if (short.length === 0)
        throw new ValidationError({ reason: 'The case sample meets Annex H: there is no shortfall' })
      if (!input.reason.trim()) throw new ValidationError({ reason: 'Enter the reason the sample falls short' })
      await change(principal, offerId, 'offer-2015.manage', input, context, (current) => ({
        steps: [
          {
            step: SHORTFALL_STEP,
            doneOn: deps.clock.today(),
            note: input.reason.trim(),
            detail: { counts: short.map((count) => count.text) },
          },
        ],
        action: 'offer-2015.sample-shortfall',
        summary: `Sample shortfall recorded for ${current.offer.laCode}: ${short.map((count) => count.text).join('; ')}`,
      }))
    },
  }
}
