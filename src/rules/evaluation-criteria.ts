/**
 * The 17 evaluation-criteria headings (RULES.md E2; 002#239-241), under which inspectors record
 * evidence (002#60, #182): six for help and protection, seven for children in care and care
 * leavers, four for the impact of leaders. The headings are the seed's, word for word.
 */

/** The three judgement areas the headings sit under (002#239, #240, #241). */
export type EvaluationArea = 'help-and-protection' | 'children-in-care' | 'leaders'

/** One evaluation heading. */
export interface EvaluationHeading {
  id: string
  area: EvaluationArea
  heading: string
  citation: string
}

/** The judgement areas in order, with their titles. */
export const EVALUATION_AREAS: readonly { area: EvaluationArea; title: string; citation: string }[] = [
  {
    area: 'help-and-protection',
    title: 'The experiences and progress of children who need help and protection',
    citation: '002#239',
  },
  {
    area: 'children-in-care',
    title: 'The experiences and progress of children in care and care leavers',
    citation: '002#240',
  },
  {
    area: 'leaders',
    title: 'The impact of leaders on social work practice with children and families',
    citation: '002#241',
  },
]

const area = (name: EvaluationArea, citation: string, headings: string[]): EvaluationHeading[] =>
  headings.map((heading, index) => ({ id: `${name}.${index + 1}`, area: name, heading, citation }))

/** The 17 headings, grouped by area in the seed's order (E2). */
export const EVALUATION_HEADINGS: readonly EvaluationHeading[] = [
  ...area('help-and-protection', '002#239', [
    'Early help',
    "Identifying and responding to children's needs and appropriate thresholds",
    'Making good decisions and providing effective help',
    'Management oversight of frontline practice',
    'Participation and direct work with children and families',
    'Identifying and responding to all types of abuse recognising the vulnerability of specific groups of children.',
  ]),
  ...area('children-in-care', '002#240', [
    'Making good decisions for children',
    'Participation and direct work with children in care and care leavers',
    'Helping and protecting',
    'Health',
    'Learning and enjoyment',
    'Stability and permanence',
    'Care leavers and transitions',
  ]),
  ...area('leaders', '002#241', [
    'Strategic leadership',
    'Learning organisational culture',
    'Performance management',
    'Workforce',
  ]),
]

/** The headings of one area (E2). */
export function headingsFor(name: EvaluationArea): EvaluationHeading[] {
  return EVALUATION_HEADINGS.filter((heading) => heading.area === name)
}

/** True when `id` names one of the 17 headings. */
export function isEvaluationHeading(id: string): boolean {
  return EVALUATION_HEADINGS.some((heading) => heading.id === id)
}
