import { recordAudit } from '../../auth/audit.js'
import type { Principal } from '../../auth/policy.js'
import { ValidationError } from '../../errors.js'
import { formatLongDate } from '../../rules/calendar/dates.js'
import {
  CHECKLISTS,
  type ChecklistKey,
  type ChecklistStanding,
  checklistStanding,
  RISK_DEGREES,
  type RiskDegree,
} from '../../rules/intervention-checklists.js'
import type { RequestContext } from '../deps.js'
import { checklistAnswersOf, insertChecklistAnswer } from './checklist.repository.js'
import type { InterventionDeps, InterventionRecords } from './records.js'
import type { ChecklistAnswer } from './types.js'

/** One item of a checklist with its latest answer and the earlier ones, each with who gave it. */
export interface ChecklistItem {
  readonly index: number
  readonly text: string
  readonly latest: (ChecklistAnswer & { answeredBy: string }) | undefined
  readonly earlier: ReadonlyArray<ChecklistAnswer & { answeredBy: string }>
}

export interface Checklist {
  readonly key: ChecklistKey
  readonly standing: ChecklistStanding
  readonly items: readonly ChecklistItem[]
}

/**
 * The LA's checklists (issue 13; 004, G6): the signatures of risk, the questions for the lead
 * member and the reflective questions, answered by the LA's DCS and the DfE, every answer kept
 * with who gave it and when, and audited.
 */
export function checklistService(deps: InterventionDeps, records: InterventionRecords) {
  const { db, clock, people } = deps
  return {
    /** The three checklists of an LA, each item with its answers. */
    async checklistsOf(laCode: string): Promise<Checklist[]> {
      const answers = await checklistAnswersOf(db, laCode)
      const names = await people.byIds(answers.map((answer) => answer.answeredById))
      const named = answers.map((answer) => ({
        ...answer,
        answeredBy: names.get(answer.answeredById)?.displayName ?? 'Unknown',
      }))
      return (Object.keys(CHECKLISTS) as ChecklistKey[]).map((key) => {
        const mine = named.filter((answer) => answer.list === key)
        return {
          key,
          standing: checklistStanding(key, mine),
          items: CHECKLISTS[key].items.map((text, index) => {
            const ofItem = mine.filter((answer) => answer.item === index)
            return { index, text, latest: ofItem.at(-1), earlier: ofItem.slice(0, -1).reverse() }
          }),
        }
      })
    },

    /** Answer one item (again): the signatures of risk need how far each is seen. */
    async answerChecklist(
      principal: Principal,
      laCode: string,
      input: { list: ChecklistKey; item: number; degree: RiskDegree | undefined; answer: string; answeredOn?: string },
      context: RequestContext,
    ): Promise<string> {
      await records.guard(principal, 'intervention.checklist', laCode)
      const checklist = CHECKLISTS[input.list]
      const text = checklist.items[input.item]
      if (text === undefined) throw new ValidationError({ item: 'Choose an item of the checklist' })
      const isRisk = input.list === 'signatures-of-risk'
      if (isRisk && !input.degree) throw new ValidationError({ degree: 'Select how far this signature is seen' })
      if (!isRisk && !input.answer) throw new ValidationError({ answer: 'Enter your answer' })
      const answeredOn = input.answeredOn ?? clock.today()
      if (answeredOn > clock.today()) throw new ValidationError({ answeredOn: 'The date must be today or in the past' })
      const degree = isRisk ? (input.degree ?? null) : null
      return db.transaction().execute(async (trx) => {
        const id = await insertChecklistAnswer(trx, {
          laCode,
          list: input.list,
          item: input.item,
          degree,
          answer: input.answer,
          answeredOn,
          recordedBy: principal.id,
        })
        await recordAudit(trx, {
          actor: principal,
          action: 'intervention.checklist-answer',
          recordType: 'intervention-checklist-answer',
          recordId: id,
          laCode,
          summary: `${checklist.title}, item ${input.item + 1}${degree ? ` (${RISK_DEGREES[degree]})` : ''}: answered ${formatLongDate(answeredOn)}`,
          changes: { ...input, answeredOn },
          requestId: context.requestId,
        })
        return id
      })
    },
  }
}
