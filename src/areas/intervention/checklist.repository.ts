import type { ChecklistKey, RiskDegree } from '../../rules/intervention-checklists.js'
import type { Db } from './repository.js'
import type { ChecklistAnswer } from './types.js'

/** The SQL of the LA's checklists (004, G6): answers are only ever added, the latest of an item stands. */

/** Every answer of an LA's checklists, oldest first. */
export async function checklistAnswersOf(db: Db, laCode: string): Promise<ChecklistAnswer[]> {
  const rows = await db
    .selectFrom('intervention_checklist_answers')
    .selectAll()
    .where('la_code', '=', laCode)
    .orderBy('answered_on')
    .orderBy('recorded_at')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    list: row.list,
    item: row.item,
    degree: row.degree,
    answer: row.answer,
    answeredOn: row.answered_on,
    answeredById: row.recorded_by,
    recordedAt: new Date(row.recorded_at),
  }))
}

export async function insertChecklistAnswer(
  trx: Db,
  values: {
    laCode: string
    list: ChecklistKey
    item: number
    degree: RiskDegree | null
    answer: string
    answeredOn: string
    recordedBy: string
  },
): Promise<string> {
  const { id } = await trx
    .insertInto('intervention_checklist_answers')
    .values({
      la_code: values.laCode,
      list: values.list,
      item: values.item,
      degree: values.degree,
      answer: values.answer,
      answered_on: values.answeredOn,
      recorded_by: values.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
