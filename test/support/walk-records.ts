import { Readable } from 'node:stream'
import type { Services } from '../../src/areas/index.js'
import { insertJudgement } from '../../src/areas/register/repository.js'
import { principalFor } from '../../src/auth/users.js'
import type { TestApp } from '../../src/test-support/build-test-app.js'
import { sifInadequateJudgement } from '../../src/test-support/factories/offer-2015.js'
import { deliveryBody } from '../../src/test-support/factories/register.js'
import { createUser } from '../../src/test-support/factories/users.js'

/**
 * The DfE's and the LA's records for the authorisation walk (issue 13): in each LA an intervention
 * record with a board meeting and its minutes, a scheduled report with its file and a trigger
 * Ofsted recorded, a self-evaluation with its files and an engagement meeting, a trust running its services, so every route with such an id in its URL is walked on a real record.
 */
export interface WalkRecords {
  readonly interventionId: string
  readonly boardMeetingId: string
  readonly reportId: string
  readonly triggerId: string
  readonly selfEvaluationId: string
  readonly engagementId: string
  readonly programmeId: string
  readonly offerId: string
  readonly deliveryBodyId: string
}

/** The URL parameters that name one of these records: each belongs to an LA. */
export const WALK_RECORD_PARAMS = [
  'interventionId',
  'boardMeetingId',
  'reportId',
  'triggerId',
  'selfEvaluationId',
  'engagementId',
  'programmeId',
  'offerId',
  'deliveryBodyId',
] as const

const context = { requestId: 'walk' }
const file = (name: string) => ({
  fileName: name,
  contentType: 'application/pdf',
  stream: Readable.from([Buffer.from('%PDF')]),
})

export async function walkRecords(
  t: TestApp,
  services: Services,
  laCodes: readonly string[],
): Promise<Map<string, WalkRecords>> {
  const caseLead = (await principalFor(t.db, (await createUser(t.db, 'dfe-case-lead', { laCodes })).id))!
  const director = (await principalFor(t.db, (await createUser(t.db, 'national-director')).id))!
  const records = new Map<string, WalkRecords>()
  for (const laCode of laCodes) {
    const interventionId = await services.intervention.open(
      caseLead,
      laCode,
      { dfeToldOn: '2026-10-01', note: '' },
      context,
    )
    await services.intervention.setBoard(
      caseLead,
      interventionId,
      {
        chairName: 'A Chair',
        chairIndependent: true,
        members: '',
        setUpOn: '2026-10-15',
        adviserKind: null,
        adviserName: null,
        version: undefined,
      },
      context,
    )
    const boardMeetingId = await services.intervention.addMeeting(
      caseLead,
      interventionId,
      { metOn: '2026-11-01', summary: '', minutes: file('minutes.pdf') },
      context,
    )
    const reportId = await services.intervention.scheduleReport(
      caseLead,
      interventionId,
      { title: 'First report', dueFrom: 'adviser', ownerEmail: '', dueOn: '2026-11-02' },
      context,
    )
    await services.intervention.receiveReport(
      caseLead,
      interventionId,
      reportId,
      { receivedOn: '2026-11-02', file: file('report.pdf') },
      context,
    )
    const triggerId = await services.intervention.recordConcern(
      director,
      laCode,
      { kind: 'action-plan-difference', notedOn: '2026-11-03', note: 'Not agreed' },
      context,
    )
    const dcs = (await principalFor(t.db, (await createUser(t.db, 'la-dcs', { laCode })).id))!
    const document = await services.engagement.storeDocument('document', file('self-evaluation.pdf'))
    const selfEvaluationId = await services.engagement.shareSelfEvaluation(
      dcs,
      laCode,
      { whatWeKnow: '', howWeKnow: '', plans: '', document, actionPlan: document },
      context,
    )
    const engagementId = await services.engagement.scheduleMeeting(
      director,
      laCode,
      { meetingOn: '2026-11-10', jointWithEducation: false, ofstedAttendees: '', laAttendees: '' },
      context,
    )
    // A monitoring programme (issue 12) on an inadequate judgement published after the walk's good
    // one, with an item, the visit and its record, the LA's plan (version 1, with its file) and a
    // review, so its letters exist.
    await insertJudgement(t.db, {
      laCode,
      framework: 'ilacs-2023',
      activityType: 'standard-inspection',
      inspectionStart: '2026-07-06',
      inspectionEnd: '2026-07-17',
      publishedOn: '2026-09-14',
      grades: {
        overall: 'inadequate',
        'help-and-protection': 'inadequate',
        'children-in-care': 'requires-improvement',
        leaders: 'inadequate',
      },
      source: 'manual',
      recordedBy: null,
    })
    const programmeId = await services.monitoring.open(
      director,
      laCode,
      { dates: { 'pre-publication': '2026-09-07' } },
      context,
    )
    const itemId = await services.monitoring.addRecommendation(
      director,
      programmeId,
      { kind: 'recommendation', text: 'Improve supervision' },
      context,
    )
    // The action planning visit and its record, so the agenda and the record exist as documents.
    await services.monitoring.arrangeVisit(
      director,
      programmeId,
      { visitOn: '2026-10-14', agendaCirculatedOn: '2026-10-07', version: undefined },
      context,
    )
    await services.monitoring.recordVisit(
      director,
      programmeId,
      { attendees: 'DCS', discussion: 'The evidence', planning: '', recordSentOn: '2026-10-16', version: undefined },
      context,
    )
    const plan = await services.monitoring.storeDocument(file('action-plan.pdf'))
    await services.monitoring.submitPlan(
      dcs,
      programmeId,
      { file: plan, actions: { [itemId]: 'Train managers' } },
      context,
    )
    await services.monitoring.reviewPlan(
      director,
      programmeId,
      { outcome: 'reflects', letterSentOn: t.clock.today(), differences: '', discussedOn: undefined },
      context,
    )
    // A 2015 improvement offer (issue 15) on a SIF inadequate judgement of 2015, before the others.
    const sifId = await sifInadequateJudgement(t.db, laCode, '2015-03-02')
    const offerId = await services.offer2015.open(director, laCode, sifId, context)
    await services.offer2015.planLetter(
      director,
      offerId,
      { letter: 'D', sentOn: '2015-06-20', differences: '', version: undefined },
      context,
    )
    // The first monthly visit, so its letter (a step letter) can be fetched.
    await services.offer2015.recordStep(
      director,
      offerId,
      { step: 'visit.1', doneOn: '2015-07-14', note: 'Supervision is now monthly in most teams.' },
      context,
    )
    // A trust running the LA's children's services (002#227-237).
    const deliveryBodyId = await deliveryBody(t.db, laCode, director.id)
    records.set(laCode, {
      deliveryBodyId,
      interventionId,
      boardMeetingId,
      reportId,
      triggerId,
      selfEvaluationId,
      engagementId,
      programmeId,
      offerId,
    })
  }
  return records
}

/** A route's URL with these records' ids in place of their parameters. */
export function withWalkRecords(url: string, records: WalkRecords | undefined): string {
  if (!records) return url
  return WALK_RECORD_PARAMS.reduce((result, name) => result.replace(`:${name}`, records[name]), url)
}
