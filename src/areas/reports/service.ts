import { draftingService } from './drafting.service.js'
import { embargoService } from './embargo.service.js'
import { factualAccuracyService } from './factual-accuracy.service.js'
import { publicationService } from './publication.service.js'
import { readingService } from './reading.service.js'
import { type ReportsDeps, reportRecords } from './records.js'
import { reviewService } from './review.service.js'

export type { ReportsDeps } from './records.js'

/**
 * The reports area's service (issue 11), one module per step composed here: reading the report,
 * drafting and versions, QA and director review, factual accuracy, the final copy under embargo,
 * and the publication job. Grouped by step, so `reports.review.decide(…)` reads as what it does.
 */
export function createReportsService(deps: ReportsDeps) {
  const records = reportRecords(deps)
  const drafting = draftingService(deps, records)
  return {
    target: records.target,
    read: readingService(deps, records),
    drafting,
    review: reviewService(deps, records),
    factualAccuracy: factualAccuracyService(deps, records),
    embargo: embargoService(deps, records, drafting),
    publication: publicationService(deps, records, drafting),
  }
}

export type ReportsService = ReturnType<typeof createReportsService>
