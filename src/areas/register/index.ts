/** The register area as other areas see it (ADR 0007): its service, types, frameworks and grades, paths and filters. */
export type { RegisterService } from './service.js'
export type {
  RegisterJudgementInput,
  JudgementRecord,
  LaActivitiesProvider,
  LaActivity,
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
  type JudgementActivityType,
  type JudgementArea,
  pathwayGrade,
  worseGrade,
} from './frameworks.js'
export { checkJudgement } from './judgement-input.js'
export type { OutcomeContext, OutcomeSource } from './outcome.service.js'
export {
  type NewVisit,
  VISIT_SOURCES,
  VISIT_TYPE_LABELS,
  VISIT_TYPES,
  type VisitRecord,
  type VisitSource,
  type VisitType,
} from './visits.js'
export { gradeTag } from './presenters.js'
export type { SourceLinks } from './history.presenters.js'
export { registerPaths } from './paths.js'
export { MONTH_FILTER_MESSAGE, registerListQuery } from './forms.js'
export { registerFilterErrors, registerFilterItems, registerQueryFrom, registerQueryString } from './filters.js'
export type { ExportedLa, ExportedHistoryEntry } from './outcomes/export.js'
export type { ImportResult, ImportActor } from './outcomes/import.service.js'
export { DELIVERY_KINDS, type DeliveryBody, type DirectionRef, type DirectionsOf } from './delivery.js'
export { deliveryActionPlanHtml, deliveryLine } from './delivery.presenters.js'
