/**
 * The page limit of a report, checked on the rendered PDF (002#212: a standard or short
 * inspection report is no more than 10 pages; 001#65: a post-monitoring inspection report not
 * usually more than 12). Counting the real file is the only count that matches what is published.
 */
import { reportPageLimit } from '../rules/reports.js'
import { refuse, type ActivityType, type Refusal } from '../rules/types.js'
import { pdfPageCount } from './read.js'

/** The page count, and the limit where the activity's report has one. */
export type PageLimitCheck =
  { ok: true; pages: number; maxPages: number | undefined } | (Refusal & { pages: number; maxPages: number })

/**
 * Counts the pages of a rendered report and checks them against its activity's limit. Activities
 * without a limit (letters) pass with their count.
 */
export async function checkPageLimit(type: ActivityType, pdf: Uint8Array): Promise<PageLimitCheck> {
  const pages = await pdfPageCount(pdf)
  const limit = reportPageLimit(type)
  if (limit && pages > limit.maxPages) {
    return {
      ...refuse(
        limit.rule,
        limit.citation,
        `The report is ${pages} pages long; it may be no more than ${limit.maxPages}`,
      ),
      pages,
      maxPages: limit.maxPages,
    }
  }
  return { ok: true, pages, maxPages: limit?.maxPages }
}
