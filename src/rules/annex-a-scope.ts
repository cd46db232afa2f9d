/**
 * What Annex A an activity asks the LA for (S4, 002#242 table): standard and short inspections
 * ask for all of it; a focused visit asks "only the information relevant to the practice
 * inspectors evaluate at a particular visit" (002#242), that is the visit's topics (002#106).
 *
 * Decision (the seeds name no lists or documents per topic; the lead inspector may ask for more,
 * 002#244): every focused visit asks for the audits list (002#257) and for the documents on what
 * every visit evaluates (002#107: performance management, management oversight, supervision,
 * quality assurance and workforce development), which are 1.01, 1.03 and 1.05–1.09; each topic
 * adds the lists and documents of its part of the service, as below. Monitoring visits are
 * asked for all of it (the 002#242 table limits only focused visits).
 */
import { type FOCUSED_VISIT_TOPICS } from './inspection-arrangements.js'
import type { ActivityType } from './types.js'

export type FocusedVisitTopic = (typeof FOCUSED_VISIT_TOPICS.topics)[number]

export interface AnnexAScope {
  /** True when the activity asks for all of Annex A. */
  readonly all: boolean
  /** Child-level lists asked for, 1–11 in order. */
  readonly lists: readonly number[]
  /** Document items asked for ('1.01' … '3.11', '3.04 (CAMHS)'), in order. */
  readonly documents: readonly string[]
  /** Why, in plain words, for the LA. */
  readonly reason: string
}

const ALL_LISTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]

/** 002#107: what every focused visit evaluates, as documents. */
const EVERY_FOCUSED_VISIT_DOCUMENTS = ['1.01', '1.03', '1.05', '1.06', '1.07', '1.08', '1.09'] as const

/** 002#106: the lists and documents each focused-visit topic adds (decision above). */
const FOCUSED_VISIT_ANNEX_A: Record<FocusedVisitTopic, { lists: number[]; documents: string[] }> = {
  'The front door': { lists: [1, 2, 3, 4, 5], documents: ['1.02', '1.10', '2.01'] },
  'Children in need and those subject to a child protection plan': {
    lists: [3, 4, 5, 6, 7],
    documents: ['1.02', '1.10', '2.01', '3.11'],
  },
  'Protection of vulnerable adolescents (contextual safeguarding)': {
    lists: [1, 3, 4, 5, 6, 7, 8],
    documents: ['2.02', '2.05'],
  },
  'Children in care': {
    lists: [8],
    documents: ['3.01', '3.02', '3.04 (CAMHS)', '3.05', '3.06', '3.07', '3.08', '3.09'],
  },
  'Permanency planning and achieving permanence': { lists: [8, 10, 11], documents: ['3.03', '3.04', '3.11'] },
  'Care leavers': { lists: [9], documents: ['3.07', '3.10'] },
}

/** Document items in Annex A's order ('3.04' before '3.04 (CAMHS)'). */
function byItem(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

/** The Annex A an activity of `type` on `topics` asks for; `allDocuments` is every item. */
export function annexAScope(
  type: ActivityType,
  topics: readonly string[],
  allDocuments: readonly string[],
): AnnexAScope {
  const known = topics.filter((topic): topic is FocusedVisitTopic => topic in FOCUSED_VISIT_ANNEX_A)
  if (type !== 'focused-visit' || known.length === 0)
    return { all: true, lists: ALL_LISTS, documents: allDocuments, reason: 'The inspection asks for all of Annex A.' }
  const lists = new Set<number>()
  const documents = new Set<string>(EVERY_FOCUSED_VISIT_DOCUMENTS)
  for (const topic of known) {
    for (const list of FOCUSED_VISIT_ANNEX_A[topic].lists) lists.add(list)
    for (const item of FOCUSED_VISIT_ANNEX_A[topic].documents) documents.add(item)
  }
  return {
    all: false,
    lists: [...lists].sort((a, b) => a - b),
    documents: allDocuments.filter((item) => documents.has(item)).sort(byItem),
    reason: `A focused visit asks only for the information about its topic${known.length === 1 ? '' : 's'} (${known.join('; ')}) and about leadership, which every visit looks at.`,
  }
}
