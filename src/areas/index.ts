import { createAccountsService } from '../auth/accounts.js'
import { createPeopleDirectory } from '../auth/people.js'
import { join } from 'node:path'
import { createBlobStore, type BlobStore } from '../files/blob-store.js'
import { createDatabaseBlobStore } from '../files/database-blob-store.js'
import { createReminderSettings, type ReminderSource } from '../notify/reminders.js'
import { activityReminders } from './activities/reminders.js'
import { createActivitiesService } from './activities/service.js'
import { annexAReminders } from './annex-a-returns/reminders.js'
import { monitoringReminders } from './monitoring/reminders.js'
import { offer2015Reminders } from './offer-2015/reminders.js'
import { reportReminders } from './reports/reminders.js'
import { createAdminService } from './admin/service.js'
import { createProcessor, type Processor } from './annex-a-returns/processor.js'
import { uploadRetention } from './annex-a-returns/retention.js'
import { createAnnexAReturnsService } from './annex-a-returns/service.js'
import type { ServiceDeps } from './deps.js'
import { caseSampleCases, createEvidenceService } from './evidence/service.js'
import { createEngagementService } from './engagement/service.js'
import { interventionPaths } from './intervention/index.js'
import { createInterventionService } from './intervention/service.js'
import { createJudgementsService } from './judgements/service.js'
import { createMonitoringService } from './monitoring/service.js'
import { createOffer2015Service } from './offer-2015/service.js'
import { createProgrammeService } from './programme/service.js'
import { createPublicationsService } from './publications/service.js'
import { createRegisterService } from './register/service.js'
import { createReportsService } from './reports/service.js'

/** The composition root: every area's service, built from the same dependencies. */
export function createServices(deps: ServiceDeps & { blobs?: BlobStore; processor?: Processor }) {
  const blobs =
    deps.blobs ??
    (deps.config.fileStore === 'database'
      ? createDatabaseBlobStore(deps.db, join(deps.config.dataDir, 'files', 'tmp'))
      : createBlobStore(join(deps.config.dataDir, 'files')))
  const processor = deps.processor ?? createProcessor({ db: deps.db, clock: deps.clock, blobs })
  // The LA record links the directions the intervention area keeps (called only after both exist).
  const register = createRegisterService({
    ...deps,
    directionsOf: async (laCode) =>
      (await intervention.directionsOf(laCode)).map((direction) => ({
        ...direction,
        href: interventionPaths.show.build({ interventionId: direction.interventionId }),
      })),
  })
  const people = createPeopleDirectory(deps.db)
  // "Judgements agreed" waits for the judgements area (lifecycle.ts); it is called only after both exist.
  const activities = createActivitiesService({
    ...deps,
    register,
    people,
    outcomeReadiness: (activity) => judgements.outcomeReadiness(activity),
  })
  const judgements = createJudgementsService({ ...deps, activities, people })
  const annexA = createAnnexAReturnsService({ ...deps, blobs, processor, activities, people })
  const evidence = createEvidenceService({ ...deps, activities, people, knownCases: caseSampleCases(annexA) })
  const publications = createPublicationsService({ ...deps, blobs, register, activities })
  const reports = createReportsService({
    ...deps,
    activities,
    judgements,
    evidence,
    people,
    blobs,
    publications,
    register,
    // A monitoring letter's progress item by item (called only once both exist).
    visitProgress: (activityId, laCode, onsiteStart) => monitoring.visitProgress(activityId, laCode, onsiteStart),
  })
  const monitoring = createMonitoringService({
    ...deps,
    register,
    people,
    blobs,
    reportItems: (activityId) => reports.read.reportItems(activityId),
    monitoringActivities: (principal, laCode) => activities.monitoringOf(principal, laCode),
  })
  const intervention = createInterventionService({ ...deps, register, people, blobs, monitoring })
  const services = {
    register,
    people,
    accounts: createAccountsService(deps.db, () => deps.clock.now(), register),
    admin: createAdminService(deps),
    activities,
    evidence,
    blobs,
    processor,
    annexA,
    /** Raw uploads deleted after publication, unconfirmed register imports, temporary files (started by the server). */
    uploadRetention: uploadRetention({ ...deps, blobs, activities, register }),
    judgements,
    reports,
    intervention,
    engagement: createEngagementService({ ...deps, register, people, blobs }),
    monitoring,
    offer2015: createOffer2015Service({ ...deps, register, people, publications }),
    reminders: createReminderSettings(deps.db),
  }
  return {
    ...services,
    programme: createProgrammeService({ ...deps, register, activities, people }),
    publications,
  }
}

export type Services = ReturnType<typeof createServices>

/**
 * Every area's deadlines for the reminder job (issue 13), each to the person who owes the step:
 * the inspections' and visits' timelines, Annex A, the reports, monitoring, the 2015 offer, the
 * intervention record and the engagement letters. Each source reads its records in batches and
 * the accounts once (the roster), never once per person.
 */
export function reminderSources(services: Services): ReminderSource[] {
  const { activities, annexA, reports, monitoring, offer2015, register, people } = services
  const roster = () => people.roster()
  return [
    (today) => services.intervention.reminders(today),
    () => services.engagement.reminders(),
    activityReminders(activities, roster),
    annexAReminders(annexA, activities, roster),
    reportReminders(reports, activities, roster),
    monitoringReminders(monitoring, register, roster),
    offer2015Reminders(offer2015, register, roster),
  ]
}
