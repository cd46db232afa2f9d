import type { Offer2015Service } from '../areas/offer-2015/index.js'
import type { Principal } from '../auth/policy.js'
import { PROGRESS_SAMPLE_2015 } from '../rules/progress-sample-2015.js'
import { DEMO_CONTEXT } from './demo-steps.js'

/**
 * A demo offer's progress inspection sample (000 Annex H): the senior HMI named as its inspector,
 * the lead's 30 cases (the first two with a CSE dimension, the next six audited by the LA), the
 * LA's four, each seen; satisfactory progress finds the standards in 24 of 30 and every child's
 * risk managed, unsatisfactory in 12 of 30 with two children's risk not managed. One case of
 * concern, answered.
 */
export async function demoProgressSample(
  offers: Offer2015Service,
  seniorHmi: Principal,
  offerId: string,
  laCode: string,
  satisfactory: boolean,
  raisedOn: string,
) {
  await offers.sample.nameInspectors(seniorHmi, offerId, [seniorHmi.id], DEMO_CONTEXT)
  const ids = (from: number, count: number) =>
    Array.from({ length: count }, (_, index) => `${laCode}-PI-${String(from + index).padStart(3, '0')}`).join('\n')
  const { selected, cse, laAudits, laChildProtection, laChildInNeed } = PROGRESS_SAMPLE_2015
  const add = (childIds: string, source: 'selected' | 'la-child-protection' | 'la-child-in-need', flags = {}) =>
    offers.sample.addCases(seniorHmi, offerId, { childIds, source, cse: false, laAudit: false, ...flags }, DEMO_CONTEXT)
  await add(ids(1, cse), 'selected', { cse: true })
  await add(ids(1 + cse, laAudits), 'selected', { laAudit: true })
  await add(ids(1 + cse + laAudits, selected - cse - laAudits), 'selected')
  await add(ids(101, laChildProtection), 'la-child-protection')
  await add(ids(201, laChildInNeed), 'la-child-in-need')
  const { cases } = await offers.sample.sample(seniorHmi, offerId, DEMO_CONTEXT)
  const evident = satisfactory ? 24 : 12
  for (const [index, item] of cases.filter((entry) => entry.source === 'selected').entries())
    await offers.sample.changeCase(
      seniorHmi,
      offerId,
      item.id,
      { standardsEvident: index < evident, riskManaged: satisfactory || index >= 2 },
      DEMO_CONTEXT,
    )
  await offers.sample.raiseConcern(
    seniorHmi,
    offerId,
    {
      childId: `${laCode}-PI-009`,
      teamLocation: 'Assessment team (north)',
      issues: 'No strategy discussion after a second referral; the risk of neglect is not assessed',
      responseDue: raisedOn,
      names: { confirmed: false, fingerprint: '' },
    },
    DEMO_CONTEXT,
  )
  const { concerns } = await offers.sample.sample(seniorHmi, offerId, DEMO_CONTEXT)
  await offers.sample.recordResponse(
    seniorHmi,
    offerId,
    {
      concernId: concerns[0]!.id,
      response: 'A strategy discussion was held the next day and a child protection enquiry started',
      respondedOn: raisedOn,
    },
    DEMO_CONTEXT,
  )
}
