import { actionPlanAfter, reinspectionKind } from '../../rules/after-inadequate.js'
import type { JudgementRecord } from '../register/index.js'
import { REINSPECTION_KINDS } from './types.js'

const WHICH = { full: REINSPECTION_KINDS.full, 'post-monitoring-possible': 'A post-monitoring inspection may be used' }

/**
 * What the rules say from the programme's inadequate judgement itself: what the action plan
 * answers (M3, actionPlanAfter) and which re-inspection the key judgements point to (M7,
 * reinspectionKind), under 001#51's "all or most" (the answer) and 003's "all" (shown beside).
 * Advice for the regional leadership, who decide with the five inputs of 001#54.
 */
export function judgementAdvice(judgement: JudgementRecord | undefined) {
  if (!judgement) return undefined
  const grades = Object.entries(judgement.grades)
    .filter(([area]) => area !== 'overall')
    .map(([, grade]) => grade)
  const kind = reinspectionKind({ grades })
  const plan =
    judgement.activityType === 'standard-inspection' || judgement.activityType === 'short-inspection'
      ? actionPlanAfter(judgement.activityType)
      : actionPlanAfter('standard-inspection')
  return {
    plan: plan.what,
    kind: `${WHICH[kind.kind]}: ${kind.reasons.join('; ')}.`,
    otherReading:
      kind.readings.all === kind.readings.allOrMost
        ? undefined
        : `Reading "inadequate across all areas" (003#Next steps): ${WHICH[kind.readings.all].toLowerCase()}.`,
  }
}
