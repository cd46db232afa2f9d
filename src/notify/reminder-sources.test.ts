import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reminderSources } from '../areas/index.js'
import { principalFor } from '../auth/users.js'
import { buildTestApp, type TestApp } from '../test-support/build-test-app.js'
import { notifiedActivity, plannedActivity } from '../test-support/factories/activities.js'
import { inadequateJudgement } from '../test-support/factories/intervention.js'
import { sifInadequateJudgement } from '../test-support/factories/offer-2015.js'
import { atReportStage, createReportCast, reportAt } from '../test-support/factories/reports.js'
import { settableClock } from '../test-support/factories/judgements.js'
import { createUser } from '../test-support/factories/users.js'
import type { DueReminder } from './reminders.js'

// Monday 23 November 2026 (TEST_NOW). Each test uses its own LA.
let t: TestApp
beforeAll(async () => {
  t = await buildTestApp()
})
afterAll(async () => t.close())

const context = { requestId: 'test' }

/** Every deadline the sources offer on `today` whose words name `words` (and `la`, when given), as [kind, recipient, due, what]. */
async function due(words: string, today = '2026-11-23', la = '') {
  const all = (await Promise.all(reminderSources(t.app.services).map((source) => source(today)))).flat()
  return all
    .filter((reminder: DueReminder) => reminder.what.includes(words) && reminder.what.includes(la))
    .map((reminder) => [reminder.kind, reminder.recipient.email, reminder.due, reminder.what])
    .sort((a, b) => `${a[2]}${a[3]}${a[1]}`.localeCompare(`${b[2]}${b[3]}${b[1]}`))
}

describe('every deadline of the lifecycle reminds the person who owes it (issue 13)', () => {
  it('an inspection: the lead gives notice; after notice the LA’s DCS and link person send Annex A', async () => {
    // Worcestershire: no other test here has an activity or accounts there.
    const laCode = '885'
    const lead = await createUser(t.db, 'hmi')
    const dcs = await createUser(t.db, 'la-dcs', { laCode })
    const link = await createUser(t.db, 'la-link', { laCode })
    await createUser(t.db, 'la-dcs', { laCode: '887' }) // Medway's: not reminded of Worcestershire's
    const planned = await plannedActivity(t.db, t.config, {
      laCode,
      onsiteStart: '2026-12-07',
      plannedAt: '2026-10-01T10:00:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    expect(await due('Give notice', '2026-11-23', 'Worcestershire')).toEqual([
      ['inspection-step', lead.email, '2026-11-30', expect.stringContaining('Worcestershire')],
    ])
    expect(planned).toBeTruthy()

    await notifiedActivity(t.db, t.config, {
      laCode,
      onsiteStart: '2026-11-30',
      plannedAt: '2026-10-01T10:00:00Z',
      noticeAt: '2026-11-23T09:00:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    // Notice on Monday 23 November: the child-level lists by the end of the next working day (002#242).
    const annexA = await due('Annex A child-level lists', '2026-11-23', 'Worcestershire')
    expect(annexA.map(([kind, email, date]) => [kind, email, date])).toEqual(
      [dcs.email, link.email].sort().map((email) => ['la-information', email, '2026-11-24']),
    )
  })

  it('a report: the lead writes it by its 002#216 date; then the QA manager reviews it', async () => {
    const clock = settableClock('2026-09-01T09:00:00Z')
    const cast = await createReportCast(t, clock, '886')
    const activityId = await atReportStage(cast, { type: 'standard-inspection', onsite: '2026-11-02' })
    const steps = await due('Start the report')
    expect(steps.filter(([, email]) => email === cast.lead.email)).toEqual([
      ['report-step', cast.lead.email, '2026-11-27', expect.stringContaining('Kent')],
    ])
    await reportAt(cast, activityId, 'qa-review')
    expect(await due('Review the draft report')).toEqual([
      ['report-step', cast.qa.email, '2026-11-27', expect.stringContaining('Kent')],
    ])
    expect(await due('Start the report')).toEqual([])
  })

  it('a monitoring visit: the lead names the audited cases, then the DCS shares their audits (002#130-131)', async () => {
    const laCode = '919' // Hertfordshire
    const lead = await createUser(t.db, 'hmi')
    const dcs = await createUser(t.db, 'la-dcs', { laCode })
    await notifiedActivity(t.db, t.config, {
      laCode,
      type: 'monitoring-visit',
      onsiteStart: '2026-12-08',
      plannedAt: '2026-10-01T10:00:00Z',
      noticeAt: '2026-11-23T09:00:00Z',
      team: [{ userId: lead.id, teamRole: 'lead-inspector' }],
    })
    // Data asked for on Monday 23 November for a visit on Tuesday 8 December (002#129-131).
    expect((await due('audit')).filter(([, , , what]) => !what?.startsWith('Send the list'))).toEqual([
      [
        'inspection-step',
        lead.email,
        '2026-11-25',
        'Name the audited cases the LA shares: Monitoring visit of Hertfordshire',
      ],
      [
        'la-information',
        dcs.email,
        '2026-12-02',
        'Share the completed audits of the named cases: Monitoring visit of Hertfordshire',
      ],
    ])
  })

  it('a monitoring programme: the regional director’s letter and decision, the DCS’s action plan in 70 working days', async () => {
    const laCode = '888' // Lancashire (North West)
    await inadequateJudgement(t.db, laCode, '2026-09-07', '2026-11-02')
    const director = (await principalFor(t.db, (await createUser(t.db, 'national-director')).id))!
    await t.app.services.monitoring.open(director, laCode, { dates: {} }, context)
    const regional = await createUser(t.db, 'regional-director', { regionCode: 'E12000002' })
    await createUser(t.db, 'regional-director', { regionCode: 'E12000008' }) // the South East's: not reminded
    const dcs = await createUser(t.db, 'la-dcs', { laCode })
    const caseLead = await createUser(t.db, 'dfe-case-lead', { laCodes: [laCode] })
    expect((await due('Lancashire')).filter(([kind]) => kind === 'monitoring-step')).toEqual([
      // The letter as soon as the LA has its report (001#9): published Monday 2 November 2026.
      [
        'monitoring-step',
        regional.email,
        '2026-11-02',
        'Send the letter confirming the action planning visit: Lancashire',
      ],
      // No inspector is named on a programme: the regional director gives the visit out (001#10).
      ['monitoring-step', regional.email, '2026-12-21', 'Arrange the action planning visit: Lancashire'],
      // 70 working days after publication, past Christmas, Boxing Day (Monday 28th) and New Year (001#19).
      ['monitoring-step', caseLead.email, '2027-02-11', 'Submit the action plan: Lancashire'],
      ['monitoring-step', dcs.email, '2027-02-11', 'Submit the action plan: Lancashire'],
      ['monitoring-step', regional.email, '2029-02-11', 'Decide the re-inspection: Lancashire'],
    ])
  })

  it('the 2015 offer: the regional director’s invitation, seminar and reviews; the DCS’s plan in 70 working days (000#12-27)', async () => {
    const laCode = '330' // Birmingham (West Midlands)
    await sifInadequateJudgement(t.db, laCode, '2015-03-02')
    const director = await createUser(t.db, 'regional-director', { regionCode: 'E12000005' })
    const dcs = await createUser(t.db, 'la-dcs', { laCode })
    await t.app.services.offer2015.open((await principalFor(t.db, director.id))!, laCode, undefined, context)
    const steps = await due('Birmingham', '2015-03-02')
    expect(steps[0]).toEqual([
      'offer-2015-step',
      director.email,
      '2015-03-02',
      expect.stringMatching(/^Invitation to host the improvement planning seminar/),
    ])
    // 70 working days after publication, past Easter and the two May bank holidays (000#27).
    expect(steps.filter(([, email]) => email === dcs.email)).toEqual([
      ['offer-2015-step', dcs.email, '2015-06-12', expect.stringMatching(/^Improvement plan .* received/)],
      ['offer-2015-step', dcs.email, '2016-01-02', 'The LA responds to the framework (within a month): Birmingham'],
    ])
  })

  it('the 2015 offer: the inspectors’ steps go to the HMIs named for it, the regional director’s stay his (ADR 0025)', async () => {
    const laCode = '383' // Leeds (Yorkshire and The Humber)
    await sifInadequateJudgement(t.db, laCode, '2015-03-02')
    const director = await createUser(t.db, 'regional-director', { regionCode: 'E12000003' })
    const named = await createUser(t.db, 'hmi')
    await createUser(t.db, 'hmi') // not named: never reminded
    const principal = (await principalFor(t.db, director.id))!
    const offerId = await t.app.services.offer2015.open(principal, laCode, undefined, context)
    const seminar = async () =>
      (await due('Improvement planning seminar (25 to 35', '2015-04-20', 'Leeds')).map(([, email]) => email)
    // No one named: the regional director gives the work out.
    expect(await seminar()).toEqual([director.email])
    await t.app.services.offer2015.sample.nameInspectors(principal, offerId, [named.id], context)
    // The lead inspector's part is the named HMI's; the senior HMI's part still reaches the director.
    expect((await seminar()).sort()).toEqual([director.email, named.email].sort())
    const invitation = await due('Invitation to host', '2015-03-02', 'Leeds')
    expect(invitation.map(([, email]) => email)).toEqual([director.email])
  })
})
