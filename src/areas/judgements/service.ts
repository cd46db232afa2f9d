import { feedbackService } from './feedback.service.js'
import { findingsService } from './findings.service.js'
import { judgementService } from './judgement.service.js'
import { outcomeService } from './outcome.service.js'
import { type JudgementsDeps, outcomeRecords } from './records.js'

export type { JudgementsDeps } from './records.js'
export { registerForm } from './judgement.service.js'

/**
 * The judgements area's service (issue 6), one module per record type composed here: the graded
 * judgements of a standard or short inspection and their checks, a focused visit's findings, the
 * feedback meeting, and where the outcome stands for the other areas.
 */
export function createJudgementsService(deps: JudgementsDeps) {
  const records = outcomeRecords(deps)
  return {
    ...judgementService(deps, records),
    ...findingsService(deps, records),
    ...feedbackService(deps, records),
    ...outcomeService(deps),
  }
}

export type JudgementsService = ReturnType<typeof createJudgementsService>
