import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import type { Principal } from '../auth/policy.js'
import { DEMO_CONTEXT, type Services } from './demo-steps.js'

/**
 * Demo answers to an LA's checklists (issue 13; 004, G6): the DfE case lead's reading of four
 * signatures of risk a month ago, one answered again last week, and the council's answer to the
 * first reflective question, so the page shows answers, who gave them, when, and an earlier one.
 */
export async function loadDemoChecklists(
  services: Services,
  laCode: string,
  caseLead: Principal,
  today: IsoDate,
): Promise<void> {
  const monthAgo = addDays(today, -30)
  const answers = [
    { item: 0, degree: 'in-whole', answer: 'Three directors of children’s services in two years', on: monthAgo },
    { item: 4, degree: 'in-part', answer: 'Self-assessment is recent; no peer review since 2023', on: monthAgo },
    { item: 8, degree: 'not-seen', answer: 'Health and police attend the board and lead actions', on: monthAgo },
    { item: 10, degree: 'in-whole', answer: 'One in three social workers are agency staff', on: monthAgo },
    {
      item: 10,
      degree: 'in-part',
      answer: 'Agency staff down to one in four after the recruitment drive',
      on: addDays(today, -7),
    },
  ] as const
  for (const { item, degree, answer, on } of answers)
    await services.intervention.answerChecklist(
      caseLead,
      laCode,
      { list: 'signatures-of-risk', item, degree, answer, answeredOn: on },
      DEMO_CONTEXT,
    )
  await services.intervention.answerChecklist(
    caseLead,
    laCode,
    {
      list: 'reflective',
      item: 0,
      degree: undefined,
      answer: 'Monthly audits show assessments are timelier, but plans for children in need are still weak',
      answeredOn: addDays(today, -7),
    },
    DEMO_CONTEXT,
  )
}
