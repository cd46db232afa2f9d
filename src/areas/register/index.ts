/** The register area as other areas see it (ADR 0007): its service, the frameworks and grades, paths and filters. */
export type { RegisterEntry, RegisterQuery, RegisterService } from './service.js'
export type { JudgementRecord, LocalAuthority } from './repository.js'
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
export { checkJudgement, type JudgementForm } from './judgement-input.js'
export { gradeTag } from './presenters.js'
export { registerPaths } from './paths.js'
export { registerFilterItems, registerQueryFrom, registerQueryString } from './filters.js'
