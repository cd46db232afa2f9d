import { Readable } from 'node:stream'
import type { PeopleDirectory } from '../../auth/people.js'
import type { PolicyTarget } from '../../auth/policy.js'
import { checkPageLimit, REPORT_FRAMEWORKS, renderPdf, type ReportFramework } from '../../documents/index.js'
import { ConflictError, NotFoundError } from '../../errors.js'
import type { BlobStore } from '../../files/blob-store.js'
import { monitoringLetterMilestones } from '../../rules/timelines/monitoring-visit.js'
import { publicationMilestones } from '../../rules/timelines/publication.js'
import type { Milestone } from '../../rules/types.js'
import type { ActivitiesService, ActivityDetails } from '../activities/index.js'
import type { ServiceDeps } from '../deps.js'
import type { EvidenceService } from '../evidence/index.js'
import type { JudgementsService } from '../judgements/index.js'
import type { PublicationsService } from '../publications/index.js'
import { pathwayGrade, type RegisterService } from '../register/index.js'
import type { DocumentFacts, VersionDocuments } from './document.js'
import { findReport } from './repository.js'
import type { AgreedOutcome } from './sections.js'
import type { Report } from './types.js'
import { LA_VISIBLE_STEPS, publicationKindOf, type ReportKind } from './workflow.js'

/** What the reports area is built from. */
export interface ReportsDeps extends ServiceDeps {
  readonly activities: ActivitiesService
  readonly judgements: JudgementsService
  readonly evidence: EvidenceService
  readonly people: PeopleDirectory
  readonly blobs: BlobStore
  /** The register: when a monitoring visit's LA was judged inadequate, for its letter (001#39). */
  readonly register: Pick<RegisterService, 'show' | 'deliveryOn'>
  /** The publications area: the publication job publishes through it (issue 11). */
  readonly publications: Pick<PublicationsService, 'publish'>
  /** The monitoring area: a monitoring visit's programme items and the progress recorded at it (issue 12). */
  readonly visitProgress?: (
    activityId: string,
    laCode: string,
    onsiteStart: string,
  ) => Promise<DocumentFacts['itemProgress']>
}

export type { ActivityDetails }

/** The reads every part of the reports area shares: the report, its policy target, its facts and milestones. */
export function reportRecords({ db, activities, judgements, evidence, blobs, register, visitProgress }: ReportsDeps) {
  /** The last day of the latest inadequate inspection published before the visit (its publication day if unknown). */
  async function judgedInadequateOn(laCode: string, before: string): Promise<string | undefined> {
    const { records } = await register.show(laCode)
    const inadequate = records
      .filter((record) => record.correctedById === null && record.publishedOn <= before)
      .filter((record) => pathwayGrade(record.framework, record.grades)?.grade === 'inadequate')
      .sort((a, b) => a.publishedOn.localeCompare(b.publishedOn))
      .at(-1)
    return inadequate ? (inadequate.inspectionEnd ?? inadequate.publishedOn) : undefined
  }

  /** The activity's judgements or findings as agreed, for filling sections and the judgement table. */
  async function agreedOutcome(
    details: ActivityDetails,
  ): Promise<AgreedOutcome & { framework: ReportFramework | null }> {
    const { activity } = details
    if (activity.type === 'focused-visit' || activity.type === 'monitoring-visit') {
      const page = await judgements.findingsPage(activity.id)
      return {
        framework: null,
        areas: [],
        judgements: [],
        findings: page.kind === 'findings' ? page.findings.map(({ kind, text }) => ({ kind, text })) : [],
        topics: activity.topics,
      }
    }
    const page = await judgements.judgementsPage(activity.id)
    if (page.kind !== 'judgements') return { framework: null, areas: [], judgements: [], findings: [], topics: [] }
    const framework = (REPORT_FRAMEWORKS as readonly string[]).includes(page.framework)
      ? (page.framework as ReportFramework)
      : null
    return {
      framework,
      areas: page.areas.map((area) => ({ key: area.key, label: area.label })),
      judgements: page.judgements.map(({ area, grade, rationale }) => ({ area, grade, rationale })),
      findings: [],
      topics: activity.topics,
    }
  }

  return {
    agreedOutcome,

    /** The activity's report, or undefined before it is started. */
    find: (activityId: string) => findReport(db, activityId),

    /** The activity's report; a missing one is a user-visible refusal, not a missing page. */
    async load(activityId: string): Promise<Report> {
      const report = await findReport(db, activityId)
      if (!report) throw new ConflictError('Start the report first')
      return report
    },

    /**
     * The policy target of the activity's report: the activity's own with who gathers evidence and
     * who is its QA manager; the LA may see it only from the factual accuracy step (002#215).
     */
    async target(activityId: string): Promise<PolicyTarget | null> {
      const base = await evidence.target(activityId)
      if (!base) return null
      const report = await findReport(db, activityId)
      return { ...base, laVisible: base.laVisible !== false && !!report && LA_VISIBLE_STEPS.includes(report.step) }
    },

    /**
     * The 002#216 milestones of the report, from the last day of fieldwork; a monitoring visit's
     * letter follows the timeline of its arrangements (E7: 002#216 or 001#42, issue 12).
     */
    milestones(kind: ReportKind, details: ActivityDetails): Milestone[] {
      const { monitoring, onsiteStart } = details.activity
      if (kind === 'monitoring-visit-letter' && monitoring)
        return monitoringLetterMilestones(monitoring.handbook, onsiteStart, lastFieldworkDay(details))
      return publicationMilestones(publicationKindOf(kind), lastFieldworkDay(details))
    },

    /** What the documents say besides their sections. */
    async facts(
      details: ActivityDetails,
      kind: ReportKind,
      status: DocumentFacts['status'],
      issued: string,
      embargoUntil?: string,
    ): Promise<DocumentFacts> {
      const { activity, team, contacts } = details
      const outcome = await agreedOutcome(details)
      const lead = team.find((member) => member.teamRole === 'lead-inspector')
      const others = team.filter((member) => member.teamRole !== 'lead-inspector' && member.teamRole !== 'qa-manager')
      return {
        kind,
        inspection:
          activity.type === 'standard-inspection'
            ? 'standard'
            : activity.type === 'short-inspection'
              ? 'short'
              : activity.type === 'post-monitoring-inspection'
                ? 'post-monitoring'
                : null,
        monitoring: activity.monitoring,
        ...(activity.type === 'monitoring-visit'
          ? {
              judgedInadequateOn: await judgedInadequateOn(activity.laCode, activity.onsiteStart),
              itemProgress: await visitProgress?.(activity.id, activity.laCode, activity.onsiteStart),
            }
          : {}),
        delegatedTo: (await register.deliveryOn(activity.laCode, activity.onsiteStart)).map((body) => body.name),
        framework: outcome.framework,
        areas: outcome.areas,
        localAuthority: { name: activity.laName, code: activity.laCode },
        reference: activity.reference,
        fieldwork: { start: activity.onsiteStart, end: lastFieldworkDay(details) },
        leadInspector: lead?.displayName ?? 'The lead inspector',
        otherInspectors: others.map((member) => member.displayName),
        grades: Object.fromEntries(outcome.judgements.map((judgement) => [judgement.area, judgement.grade])),
        dcsName: contacts.find((contact) => contact.contactRole === 'dcs')?.name ?? 'Director of Children’s Services',
        issued,
        status,
        ...(embargoUntil ? { embargoUntil } : {}),
      }
    },

    /** Render the report's PDF, count its pages against its limit (002#212) and store it. */
    async render(details: ActivityDetails, documents: VersionDocuments) {
      const pdf = await renderPdf(documents.report)
      const check = await checkPageLimit(details.activity.type, pdf)
      const stored = await blobs.put(Readable.from([Buffer.from(pdf)]))
      return { pdf, pages: check.pages, pageLimit: check.maxPages ?? null, pdfHash: stored.hash }
    },

    /** The stored PDF of a version. */
    async storedPdf(hash: string): Promise<Uint8Array> {
      const chunks: Buffer[] = []
      for await (const chunk of blobs.open(hash)) chunks.push(chunk as Buffer)
      return new Uint8Array(Buffer.concat(chunks))
    },

    /** The activity, or a 404 when it does not exist. */
    async details(activityId: string): Promise<ActivityDetails> {
      const found = await activities.find(activityId)
      if (!found) throw new NotFoundError()
      return activities.details(activityId)
    },
  }
}

export type ReportRecords = ReturnType<typeof reportRecords>

/** The last day of fieldwork: the day 002#216 counts from ("inspectors complete fieldwork"). */
export function lastFieldworkDay(details: Pick<ActivityDetails, 'milestones' | 'activity'>): string {
  return details.milestones.find((m) => m.key === 'onsite.end')?.date ?? details.activity.onsiteStart
}
