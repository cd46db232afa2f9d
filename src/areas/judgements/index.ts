/** The judgements area as other areas see it (ADR 0007): its service, types and paths. */
export type { JudgementsDeps, JudgementsService } from './service.js'
export { registerForm } from './service.js'
export type {
  Confirmation,
  ConfirmFindingsInput,
  ConfirmJudgementsInput,
  FeedbackInput,
  FeedbackMeeting,
  Finding,
  JudgementInput,
  Outcome,
  PublishedJudgement,
  Readiness,
  RecordedJudgement,
  RemoveFindingInput,
} from './types.js'
export type { FindingInput, FindingKind, PriorityActionGround } from './focused-visit-findings.js'
export type { AttendeeRole, SetOutKey } from './feedback.js'
export { isJudgedType, type JudgedType } from './framework-judgements.js'
export { judgementPaths } from './paths.js'
