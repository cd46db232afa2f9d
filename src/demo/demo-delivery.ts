import type { Principal } from '../auth/policy.js'
import { DEMO_CONTEXT, type Services } from './demo-steps.js'

/** Slough, in the demo region: its children's services have been run by a trust since October 2015. */
export const DEMO_DELIVERY_LA = '871'

/**
 * The demo's body with delegated functions (issue 12; 002#227-237): Slough Children First, the
 * trust the Secretary of State directed to run Slough's children's social care (004 names Slough),
 * recorded by the demo regional director, so Slough's register page, its activities, action plans
 * and letters show it. The address is invented.
 */
export async function loadDemoDelivery(services: Services, regionalDirector: Principal): Promise<void> {
  await services.register.recordDeliveryBody(
    regionalDirector,
    DEMO_DELIVERY_LA,
    {
      name: 'Slough Children First',
      kind: 'trust',
      basis: 's497A(4)',
      extent: 'all',
      functions:
        'Children’s social care: help and protection, children in care and care leavers, fostering and adoption',
      email: 'director@sloughchildrenfirst.example.org.uk',
      directionId: null,
      since: '2015-10-01',
      until: null,
    },
    DEMO_CONTEXT,
  )
}
