/**
 * The columns several Annex A lists share (the child's identity, disability, allocation) and the
 * helpers that build the others: one object per column, shared by every list that has it.
 */
import type { CodeSetName } from '../code-sets.js'
import type { ColumnSpec } from '../spec.js'

export const childId: ColumnSpec = {
  key: 'childId',
  header: 'Child Unique ID',
  aliases: ['Child ID', 'Child Unique Identifier', 'Unique Child ID', 'Child Unique Reference', 'CHILD_ID'],
  type: 'id',
  required: true,
}
export const gender: ColumnSpec = {
  key: 'gender',
  header: 'Gender',
  aliases: ['Sex'],
  type: 'code',
  codeSet: 'GENDER',
  required: true,
}
export const ethnicity: ColumnSpec = {
  key: 'ethnicity',
  header: 'Ethnicity',
  aliases: ['Ethnic Origin', 'Ethnic Group'],
  type: 'code',
  codeSet: 'ETHNICITY',
  required: true,
}
export const dateOfBirth: ColumnSpec = {
  key: 'dateOfBirth',
  header: 'Date of Birth',
  aliases: ['DOB', 'Birth Date', 'Child Date of Birth'],
  type: 'date',
  required: false,
}
// SPEC §1.0: unborn = -1; the age often arrives fractional (6.138) and is truncated.
export const age: ColumnSpec = {
  key: 'age',
  header: 'Age of Child (Years)',
  aliases: ['Age', 'Age of Child', 'Age (Years)', 'Age in Years'],
  type: 'age',
  required: false,
}
export const disability: ColumnSpec = {
  key: 'disability',
  header: 'Does the Child have a Disability',
  aliases: ['Disability', 'Does the child have a disability (Y/N)', 'Disabled'],
  type: 'code',
  codeSet: 'YNU',
  required: true,
}
export const allocatedTeam: ColumnSpec = {
  key: 'allocatedTeam',
  header: 'Allocated Team',
  aliases: ['Team'],
  type: 'text',
  required: true,
}
export const allocatedWorker: ColumnSpec = {
  key: 'allocatedWorker',
  header: 'Allocated Worker',
  aliases: ['Worker', 'Allocated Social Worker'],
  type: 'text',
  required: true,
}

export const person = [childId, gender, ethnicity, dateOfBirth, age]

export function date(key: string, header: string, required: boolean, aliases?: string[]): ColumnSpec {
  return { key, header, type: 'date', required, ...(aliases ? { aliases } : {}) }
}
export function code(
  key: string,
  header: string,
  codeSet: CodeSetName,
  required: boolean,
  aliases?: string[],
): ColumnSpec {
  return { key, header, type: 'code', codeSet, required, ...(aliases ? { aliases } : {}) }
}
export function count(key: string, header: string, min: number, required: boolean, aliases?: string[]): ColumnSpec {
  return { key, header, type: 'int', min, required, ...(aliases ? { aliases } : {}) }
}
