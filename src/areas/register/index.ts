/** The register area as other areas see it (ADR 0007): its service, types, frameworks and grades, paths and filters. */
export type { RegisterService } from './service.js'
export type {
  RegisterJudgementInput,
  JudgementRecord,
  LaHistory,
  LocalAuthority,
  Region,
  RegisterEntry,
  RegisterQuery,
  Standing,
} from './types.js'
export {
  FRAMEWORK_INFO,
  type Framework,
  frameworkInForce,
  type Grade,
  GRADE_LABELS,
  GRADES,
  isGrade,
  type JudgementArea,
  pathwayGrade,
  worseGrade,
} from './frameworks.js'
export { checkJudgement } from './judgement-input.js'
export { gradeTag } from './presenters.js'
export { registerPaths } from './paths.js'
export { registerListQuery } from './forms.js'
export { registerFilterItems, registerQueryFrom, registerQueryString } from './filters.js'
