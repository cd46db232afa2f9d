/**
 * The Annex A code lists (SPEC §2): every value a category column may hold, with the letter
 * prefix the 2019 template puts in front ("a) WBRI"), the code, its label and Ofsted's
 * analysis group. 002#248: "please use descriptors and codes in line with the DfE common
 * basic data set and DfE definitions".
 *
 * Matching (code-match.ts) is on the code token, then the label, then the explicit
 * `synonyms` below, never on a loose regex (SPEC §3.2 lists the regexes that misfire).
 */

import { CARE_CODE_SETS } from './code-sets/care.js'
import { CHILD_AND_HELP_CODE_SETS } from './code-sets/children-and-help.js'

export interface Code {
  /** The key the value is matched on: "WBRI", "1A", "U6", "Yes". */
  readonly code: string
  /** The template's label after the code, or the label itself where there is no code. */
  readonly label: string
  /** The template's letter prefix ("a"), when it has one. */
  readonly prefix?: string
  /** Ofsted's grouping for analysis (Codes_used sheet), used by the profile. */
  readonly group: string
  /** Extra label forms that mean this code (the CIN/903 long descriptions). */
  readonly alsoLabels?: readonly string[]
}

export interface CodeSet {
  readonly name: CodeSetName
  /** What the column asks for, in the analyst's words (used in messages). */
  readonly describe: string
  /** When true the codes are labels ("Male"), so the value has no separate code token. */
  readonly codeIsLabel: boolean
  readonly codes: readonly Code[]
  /** Normalised synonym → code, for forms seen in real returns (SPEC §2 "Seen in data"). */
  readonly synonyms: Readonly<Record<string, string>>
}

export type CodeSetName =
  | 'GENDER'
  | 'GENDER_ADOPTER'
  | 'ETHNICITY'
  | 'SOURCE'
  | 'YN'
  | 'YNU'
  | 'NEED'
  | 'CLOSURE'
  | 'CASESTATUS'
  | 'ABUSE'
  | 'LEGAL'
  | 'PERMANENCE'
  | 'CEASED'
  | 'PLACETYPE'
  | 'PROVIDER'
  | 'INOUT'
  | 'ELIG'
  | 'INTOUCH'
  | 'ACCOM'
  | 'SUIT'
  | 'ACTIVITY'
  | 'RD'
  | 'LEAVE'

/** Every code list, by name. */
export const CODE_SETS: Readonly<Record<CodeSetName, CodeSet>> = { ...CHILD_AND_HELP_CODE_SETS, ...CARE_CODE_SETS }

/** The form the template asks for: "a) WBRI", "q) 6: Police", "N1 - Abuse or neglect". */
export function preferredForm(set: CodeSet, code: Code): string {
  const prefix = code.prefix ? `${code.prefix}) ` : ''
  if (set.codeIsLabel) return `${prefix}${code.label}`
  if (set.name === 'ETHNICITY') return `${prefix}${code.code}`
  if (['NEED', 'CLOSURE', 'RD', 'LEAVE'].includes(set.name)) return `${code.code} - ${code.label}`
  return `${prefix}${code.code}: ${code.label}`
}
