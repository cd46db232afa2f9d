import type { Kysely } from 'kysely'
import { createServices } from '../areas/index.js'
import { recordAudit, SYSTEM_ACTOR } from '../auth/audit.js'
import type { Principal } from '../auth/policy.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'
import { addDays, type IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import { offer2015, offer2015VisitDue } from '../rules/offer-2015.js'
import { progressInspection2015Timeline } from '../rules/timelines/progress-inspection-2015.js'
import { demoProgressSample } from './demo-offer-2015-sample.js'
import { DEMO_CONTEXT, demoPrincipal, morning } from './demo-steps.js'

const DEMO_OFFERS_2015 = 'demo-offer-2015-v1'

const PRIORITIES = [
  'Management oversight and supervision of social work practice',
  'Timely and effective help and protection at the front door',
  'Children who go missing and children at risk of sexual exploitation',
]
const ATTENDEES = [
  'Director of children’s services',
  'Assistant director, safeguarding',
  'Head of children in care',
  'Principal social worker',
  'LSCB independent chair',
  'Designated nurse, clinical commissioning group',
]

/** The progress letter's findings (Annex H/D), by judgement. */
const PROGRESS_FINDINGS = {
  satisfactory: 'Children at risk of harm are identified and protected.\nManagers oversee practice well.',
  unsatisfactory: 'Too many children wait too long for an assessment.\nPlans do not reduce risk quickly enough.',
} as const

/** The first working day on or after `date`. */
const workingDayOnOrAfter = (date: IsoDate): IsoDate => addWorkingDays(addDays(date, -1), 1)

/** The first Monday on or after `date` that the progress inspection's timeline accepts (day 6, 000#42). */
function onsiteMonday(date: IsoDate): IsoDate {
  let day = date
  while (!progressInspection2015Timeline(day).ok) day = addDays(day, 1)
  return day
}

/**
 * The 2015 improvement offer (issue 15) for two real LAs the register's imported history shows
 * judged inadequate under the SIF in 2015, taken through the service step by step on the dates the
 * rules give: the first to satisfactory progress with plan letter D; the second, whose plan needed
 * letter E then F, to unsatisfactory progress. Both ended with the final letter (000#54).
 */
export async function loadDemoOffers2015(db: Kysely<Database>, config: Config, today: IsoDate): Promise<boolean> {
  if (await db.selectFrom('data_loads').select('name').where('name', '=', DEMO_OFFERS_2015).executeTakeFirst())
    return false
  const director = await demoPrincipal(db, 'national-director')
  const seniorHmi = await demoPrincipal(db, 'senior-hmi')
  const now = createServices({ db, clock: morning(today), config })
  const histories = await now.register.histories()
  // Each LA's latest SIF inadequate judgement (the one an offer opens on), when published in 2015.
  const chosen = [...histories.entries()]
    .flatMap(([laCode, entry]) => {
      const latest = entry.records
        .filter(
          (record) => record.framework === 'sif' && record.grades['overall'] === 'inadequate' && !record.correctedById,
        )
        .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn))[0]
      return latest && latest.publishedOn.startsWith('2015-')
        ? [{ laCode, judgementId: latest.id, publishedOn: latest.publishedOn }]
        : []
    })
    .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || a.laCode.localeCompare(b.laCode))
    .slice(0, 2)
  for (const [index, la] of chosen.entries())
    await runOffer(db, config, { director, seniorHmi }, la, index === 0 ? 'satisfactory' : 'unsatisfactory')
  await db.insertInto('data_loads').values({ name: DEMO_OFFERS_2015, detail: '2015 improvement offers' }).execute()
  await recordAudit(db, {
    actor: SYSTEM_ACTOR,
    action: 'demo.load',
    recordType: 'data-load',
    recordId: DEMO_OFFERS_2015,
    summary: `Loaded ${chosen.length} demo 2015 improvement offers`,
  })
  return chosen.length > 0
}

async function runOffer(
  db: Kysely<Database>,
  config: Config,
  people: { director: Principal; seniorHmi: Principal },
  la: { laCode: string; judgementId: string; publishedOn: IsoDate },
  judgement: 'satisfactory' | 'unsatisfactory',
) {
  const { director, seniorHmi } = people
  const published = la.publishedOn
  const offers = createServices({ db, clock: morning(published), config }).offer2015
  const offerId = await offers.open(director, la.laCode, la.judgementId, DEMO_CONTEXT)
  const version = async () => (await offers.record(offerId)).offer.version
  const step = async (key: string, doneOn: IsoDate, note = '') =>
    offers.recordStep(seniorHmi, offerId, { step: key, doneOn, note, version: await version() }, DEMO_CONTEXT)

  await step('invitation', published)
  const seminar = addWorkingDays(published, 30)
  await offers.reply(
    director,
    offerId,
    {
      reply: 'accepted',
      repliedOn: addWorkingDays(published, 5),
      seminarOn: seminar,
      persuasion: '',
      version: await version(),
    },
    DEMO_CONTEXT,
  )
  await step('seminar.agenda', addWorkingDays(seminar, -5))
  await offers.recordSeminar(
    seniorHmi,
    offerId,
    {
      heldOn: seminar,
      priorities: PRIORITIES.join('\n'),
      attendees: ATTENDEES.join('\n'),
      recordSentOn: addWorkingDays(seminar, 2),
      version: await version(),
    },
    DEMO_CONTEXT,
  )
  await step('seminar.evidence-notebook', addWorkingDays(seminar, 5))
  const received = addWorkingDays(published, 68)
  await step('plan.received', received)
  const letter = async (which: 'D' | 'E' | 'F', sentOn: IsoDate, differences = '') =>
    offers.planLetter(
      seniorHmi,
      offerId,
      { letter: which, sentOn, differences, version: await version() },
      DEMO_CONTEXT,
    )
  let accepted = addWorkingDays(received, 10)
  if (judgement === 'satisfactory') await letter('D', accepted)
  else {
    await letter('E', accepted, 'The plan does not address the quality of child protection plans')
    accepted = addWorkingDays(accepted, 15)
    await letter('F', accepted)
  }
  const dates = offer2015(published, { seminar, planAccepted: accepted })
  const firstVisit = addWorkingDays(accepted, 15)
  for (let visit = 1; visit <= 12; visit += 1)
    await step(
      `visit.${visit}`,
      workingDayOnOrAfter(offer2015VisitDue(firstVisit, visit)),
      'Priorities from the plan; twelve cases looked at; findings agreed with the senior HMI',
    )
  const reviewed: [string, IsoDate][] = dates.boardReviews.map((review) => [
    `review.${review.review}`,
    workingDayOnOrAfter(review.about),
  ])
  for (const [key, on] of reviewed)
    await step(key, on, 'The board has a clear grip on the plan.\nManagement oversight of casework is improving.')
  const confirmed = workingDayOnOrAfter(addDays(dates.progressInspection.frameworkConfirmedBy, -7))
  await step('pi.framework-confirmed', confirmed)
  await step('pi.framework-response', addWorkingDays(confirmed, 18))
  await step('pi.framework-final', addWorkingDays(confirmed, 36))
  const onsite = onsiteMonday(dates.progressInspection.about)
  await offers.progressInspection(seniorHmi, offerId, { onsite, version: await version() }, DEMO_CONTEXT)
  // The cases are seen on site; the services run on the first day on site, so the concern's response is due then.
  const onSite = createServices({ db, clock: morning(onsite), config }).offer2015
  await demoProgressSample(onSite, seniorHmi, offerId, la.laCode, judgement === 'satisfactory', onsite)
  await onSite.progressInspection(seniorHmi, offerId, { onsite, judgement, version: await version() }, DEMO_CONTEXT)
  const timeline = progressInspection2015Timeline(onsite)
  if (!timeline.ok) return
  let publishedLetter = onsite
  for (const milestone of timeline.timeline.milestones) {
    if (milestone.key === 'statement-of-action.due') continue
    await step(
      `pi.${milestone.key}`,
      milestone.date,
      milestone.key === 'report.published' ? PROGRESS_FINDINGS[judgement] : '',
    )
    if (milestone.key === 'report.published') publishedLetter = milestone.date
  }
  // 000#38, #42: the 6-, 9- and 12-month review letters and the progress letter on /published (ADR 0028).
  const publishOn = (on: IsoDate, key: string) =>
    createServices({ db, clock: morning(on), config }).offer2015.publish(seniorHmi, offerId, key, DEMO_CONTEXT)
  for (const [key, on] of reviewed.slice(1)) await publishOn(on, key)
  await publishOn(publishedLetter, 'pi.report.published')
  await step('pi.statement-of-action.due', addWorkingDays(publishedLetter, 68))
  await step('follow-up-seminar', addWorkingDays(publishedLetter, 25))
  await step('final-letter', addWorkingDays(publishedLetter, 80))
}
