import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { DEMO_CONTEXT, demoPrincipal, morning } from './demo-steps.js'
import { DEMO_LA_CODE, DEMO_OTHER_LA_CODE } from './load-demo-data.js'

/** Kent: last year's meeting held, its letter sent, and this year's self-evaluation shared; Medway: a meeting arranged. */
export async function loadDemoEngagement(db: Kysely<Database>, config: Config, today: IsoDate): Promise<void> {
  const senior = await demoPrincipal(db, 'senior-hmi')
  const dcs = await demoPrincipal(db, 'la-dcs')
  const lastYear = addDays(today, -300)
  const then = createServices({ db, clock: morning(lastYear), config })
  await then.engagement.shareSelfEvaluation(
    dcs,
    DEMO_LA_CODE,
    {
      whatWeKnow: 'Our front door is timely; too many children wait for a permanent home',
      howWeKnow: 'Monthly audits, performance data and what children tell us',
      plans: 'A recruitment drive for foster carers; a new practice model for edge of care',
      document: null,
      actionPlan: null,
    },
    DEMO_CONTEXT,
  )
  const meetingOn = addDays(lastYear, 21)
  const meeting = await then.engagement.scheduleMeeting(
    senior,
    DEMO_LA_CODE,
    { meetingOn, jointWithEducation: false, ofstedAttendees: 'Regional senior HMI', laAttendees: 'DCS' },
    DEMO_CONTEXT,
  )
  await then.engagement.agreeAgenda(
    dcs,
    meeting,
    { agendaItems: ['self-evaluation-content', 'focused-visit-scope'], otherItems: '', version: 1 },
    DEMO_CONTEXT,
  )
  const held = createServices({ db, clock: morning(addDays(meetingOn, 14)), config })
  await held.engagement.recordMeeting(
    senior,
    meeting,
    {
      ofstedAttendees: 'Regional senior HMI',
      laAttendees: 'DCS; assistant director for safeguarding',
      discussion: 'The self-evaluation, sufficiency of homes for children in care, and the scope of a focused visit',
      version: 2,
    },
    DEMO_CONTEXT,
  )
  await held.engagement.sendLetter(
    senior,
    meeting,
    {
      sentOn: addDays(meetingOn, 14),
      focusedVisitScope: 'Children in care',
      nextTiming: 'Next year, about the same time',
      nextSteps: 'None agreed',
      version: 3,
    },
    DEMO_CONTEXT,
  )
  const now = createServices({ db, clock: morning(addDays(today, -20)), config })
  await now.engagement.shareSelfEvaluation(
    dcs,
    DEMO_LA_CODE,
    {
      whatWeKnow: 'More children in care live close to home; assessments are quicker',
      howWeKnow: 'Audits and performance data, and the children in care council',
      plans: 'Permanence planning; the workforce strategy',
      document: null,
      actionPlan: null,
    },
    DEMO_CONTEXT,
  )
  await now.engagement.scheduleMeeting(
    senior,
    DEMO_OTHER_LA_CODE,
    {
      meetingOn: addDays(today, 35),
      jointWithEducation: true,
      ofstedAttendees: 'Regional senior HMI',
      laAttendees: 'DCS',
    },
    DEMO_CONTEXT,
  )
}
