/**
 * Demo fieldwork (demo-activities.ts): evidence, a QA note and keep-in-touch meetings on site
 * (002#173, #182, #190), and a judgement inspection taken through to its feedback meeting
 * (002#96-101, #197), each on its simulated day.
 */
import { createServices } from '../areas/index.js'
import { fixedClock } from '../clock.js'
import type { IsoDate } from '../rules/calendar/dates.js'
import { addWorkingDays } from '../rules/calendar/working-days.js'
import {
  DEMO_CONTEXT,
  NO_NAMES,
  addTeam,
  createDemoAnalyst,
  morning,
  notify,
  uploadAnnexA,
  type DemoCast,
} from './demo-steps.js'

/**
 * Evidence on the first afternoon on site, a QA note on it and the first keep-in-touch
 * meeting (002#173, #182, #190). Returns the QA note's id.
 */
export async function fieldwork(cast: DemoCast, id: string, onsite: IsoDate): Promise<string> {
  const { db, config, hmi, qa } = cast
  const onSite = createServices({ db, clock: fixedClock(`${onsite}T17:00:00Z`), config })
  const entries = [
    {
      headingId: 'help-and-protection.3',
      sourceType: 'case-file' as const,
      statement: 'Strategy discussions are timely and well attended.',
      evidence:
        'In five of six cases sampled, strategy discussions were held on the day of the referral, with police and health present.',
      impact: 'Children at risk of significant harm are protected quickly.',
      caseIds: '',
    },
    {
      headingId: 'children-in-care.1',
      sourceType: 'practitioner' as const,
      statement: 'Social workers know their children well.',
      evidence:
        'Three social workers described the children they work with, their wishes and the plans for them in detail.',
      impact: 'Children build trusting relationships with the adults who help them.',
      caseIds: '',
    },
  ]
  let first = ''
  for (const entry of entries) {
    const entryId = await onSite.evidence.addEntry(
      hmi,
      id,
      {
        headingId: entry.headingId,
        sourceType: entry.sourceType,
        sourceDetail: '',
        collectedOn: onsite,
        collectedTime: '15:30',
        evaluativeStatement: entry.statement,
        evidenceSummary: entry.evidence,
        impact: entry.impact,
        significance: 'none',
        teamAgreed: false,
        caseIds: entry.caseIds,
        names: NO_NAMES,
      },
      DEMO_CONTEXT,
    )
    first ||= entryId
  }
  const noteId = await onSite.evidence.addQaNote(
    qa,
    id,
    { entryId: first, note: 'Say how many cases in all were sampled for this heading.' },
    DEMO_CONTEXT,
  )
  await onSite.evidence.addKitMeeting(
    hmi,
    id,
    {
      meetingOn: onsite,
      attendeeRoles: ['dcs', 'lead-inspector'],
      otherAttendees: '',
      dcsDeclined: false,
      findingsShared: 'Set-up went smoothly; early lines of enquiry on the front door.',
      dcsClear: true,
      noSurprises: true,
      names: NO_NAMES,
    },
    DEMO_CONTEXT,
  )
  return noteId
}

/**
 * A judgement inspection taken through fieldwork as its lead would: notice, Annex A, on site,
 * evidence, every judgement recorded and confirmed on the last day, agreed and given at the
 * feedback meeting (002#96-101, #197); then, if asked, on to report stage.
 */
export async function completeFieldwork(
  cast: DemoCast,
  id: string,
  onsite: IsoDate,
  laName: string,
  stage: 'judgements-agreed' | 'report-stage',
): Promise<void> {
  const { db, config, plan, hmi } = cast
  await addTeam(cast, plan, id, hmi)
  const notified = await notify(cast, id, onsite, {
    name: `Demo Director of Children’s Services, ${laName}`,
    email: `dcs@${laName.toLowerCase().replace(/\W+/g, '-')}.example.gov.uk`,
  })
  const laCode = (await notified.activities.load(id)).laCode
  await uploadAnnexA(cast, notified, id, {
    asOf: addWorkingDays(onsite, -5),
    seed: 30 + (Number(laCode) % 10),
    errorRate: 0,
    uploader: await createDemoAnalyst(db, laCode),
    fileName: `${laName} Annex A.xlsx`,
  })
  const start = createServices({ db, clock: morning(onsite), config })
  await start.activities.changeStatus(
    hmi,
    id,
    { to: 'on-site', note: '', version: (await start.activities.load(id)).version },
    DEMO_CONTEXT,
  )
  const noteId = await fieldwork(cast, id, onsite)
  const lastDay = (await start.activities.details(id)).milestones.find((m) => m.key === 'onsite.end')?.date ?? onsite
  const end = createServices({ db, clock: fixedClock(`${lastDay}T14:00:00Z`), config })
  // A keep-in-touch note on every later fieldwork day, and the QA note answered (002#173, #190).
  for (const { day } of (await end.evidence.keepInTouch(id)).days.filter(({ day }) => day > onsite)) {
    await end.evidence.addKitMeeting(
      hmi,
      id,
      {
        meetingOn: day,
        attendeeRoles: ['dcs', 'lead-inspector'],
        otherAttendees: '',
        dcsDeclined: false,
        findingsShared: 'Progress against the lines of enquiry; no surprises.',
        dcsClear: true,
        noSurprises: true,
        names: NO_NAMES,
      },
      DEMO_CONTEXT,
    )
  }
  await end.evidence.resolveQaNote(
    hmi,
    id,
    noteId,
    { resolution: 'Added: six of the nine cases sampled for this heading.' },
    DEMO_CONTEXT,
  )
  const page = await end.judgements.judgementsPage(id)
  if (page.kind !== 'judgements') throw new Error(`${laName}: not a judgement inspection`)
  for (const area of page.areas) {
    await end.judgements.recordJudgement(
      hmi,
      id,
      area.key,
      {
        grade: 'good',
        rationale: 'Best fit: good. Practice is consistently effective; see the evidence record.',
        evidenceHeadings: [],
        leadersUnderstandFailure: null,
        version: undefined,
      },
      DEMO_CONTEXT,
    )
  }
  const recorded = await end.judgements.judgementsPage(id)
  if (recorded.kind !== 'judgements') throw new Error('unreachable')
  await end.judgements.confirmJudgements(hmi, id, { reason: '', version: recorded.version }, DEMO_CONTEXT)
  await end.activities.changeStatus(
    hmi,
    id,
    {
      to: 'judgements-agreed',
      note: 'Agreed with the senior HMI by telephone',
      version: (await end.activities.load(id)).version,
    },
    DEMO_CONTEXT,
  )
  await end.judgements.recordFeedback(
    hmi,
    id,
    {
      heldOn: lastDay,
      durationMinutes: 50,
      attendees: ['dcs', 'lead-inspector'],
      otherAttendees: '',
      dcsToldBefore: true,
      judgementsGiven: page.areas.map((area) => area.key),
      setOut: ['provisional'],
      notes: '',
    },
    DEMO_CONTEXT,
  )
  if (stage === 'report-stage')
    await end.activities.changeStatus(
      hmi,
      id,
      {
        to: 'report-stage',
        note: 'Draft report with the QA manager',
        version: (await end.activities.load(id)).version,
      },
      DEMO_CONTEXT,
    )
}
