/**
 * The Annex A child-level lists 1–11 (002#249) as data: columns with their header text and
 * known variants, types, mandatory flags and code sets; each list's look-back window; how
 * many rows a child may have; and the sheet names LAs use. Built from SPEC.md §1 (the Aug
 * 2019 Ofsted template, liia-tools' configs and D2I's 2024 extract); departures are marked
 * "Departs from SPEC".
 */
import type { CodeSetName } from './code-sets.js'
import { normaliseHeader } from './normalise.js'

export type ListNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11

export type ColumnType = 'id' | 'date' | 'int' | 'age' | 'code' | 'text' | 'postcode'

export interface ColumnSpec {
  /** Stable field key used in code, the profile and findings (`field`). */
  readonly key: string
  /** The header as the 2019 template writes it (trailing spaces and curly quotes normalised). */
  readonly header: string
  /** Other headers seen for the same column (liia-tools, later templates, LA exports). */
  readonly aliases?: readonly string[]
  readonly type: ColumnType
  readonly codeSet?: CodeSetName
  /** A blank cell is an error (liia-tools `canbeblank: false`, SPEC §1 "Req"). */
  readonly required: boolean
  /** Smallest whole number allowed (`int` columns). */
  readonly min?: number
  /**
   * The column is not in the 2019 template (a later version or an extension such as 002#253's
   * siblings column): its absence is not reported as a missing column.
   */
  readonly optionalColumn?: boolean
}

/**
 * How far back a list looks (002#249). `months: null` means "at the point of inspection".
 * `templateMonths` is the 2019 template's (longer) window, where it differs: rows between the
 * two are in the template's scope but not 002#249's, so they are summarised as a note rather
 * than flagged row by row.
 */
export interface WindowSpec {
  readonly months: number | null
  readonly templateMonths?: number
  readonly describe: string
}

/**
 * How many rows a child may have in a list.
 * Decision A1 (002#251 vs SPEC §3.4): 002#251 asks for "only one row for each unique child ID
 * where possible" in lists 3 to 10; the 2019 template asks for one row per referral,
 * assessment and s47 enquiry in lists 3–5 (its FAQ has a worked example of a child with two
 * s47s). So a repeated child is a warning in lists 3–5 ("where possible", and the template
 * allows it) and an error in lists 6–10, where both sources say one row per child.
 * List 11 is one row per adopter (error on a repeated adopter identifier).
 */
export type Cardinality = 'repeats' | 'one-per-child-where-possible' | 'one-per-child' | 'one-per-adopter'

export interface ListSpec {
  readonly list: ListNumber
  readonly title: string
  /** What the list holds, in 002#249's words (shortened). */
  readonly scope: string
  readonly window: WindowSpec
  readonly cardinality: Cardinality
  /** Descriptive sheet names LAs and tools use for this list (SPEC §0). */
  readonly sheetNames: readonly string[]
  readonly columns: readonly ColumnSpec[]
}

const childId: ColumnSpec = {
  key: 'childId',
  header: 'Child Unique ID',
  aliases: ['Child ID', 'Child Unique Identifier', 'Unique Child ID', 'Child Unique Reference', 'CHILD_ID'],
  type: 'id',
  required: true,
}
const gender: ColumnSpec = {
  key: 'gender',
  header: 'Gender',
  aliases: ['Sex'],
  type: 'code',
  codeSet: 'GENDER',
  required: true,
}
const ethnicity: ColumnSpec = {
  key: 'ethnicity',
  header: 'Ethnicity',
  aliases: ['Ethnic Origin', 'Ethnic Group'],
  type: 'code',
  codeSet: 'ETHNICITY',
  required: true,
}
const dateOfBirth: ColumnSpec = {
  key: 'dateOfBirth',
  header: 'Date of Birth',
  aliases: ['DOB', 'Birth Date', 'Child Date of Birth'],
  type: 'date',
  required: false,
}
// SPEC §1.0: unborn = -1; the age often arrives fractional (6.138) and is truncated.
const age: ColumnSpec = {
  key: 'age',
  header: 'Age of Child (Years)',
  aliases: ['Age', 'Age of Child', 'Age (Years)', 'Age in Years'],
  type: 'age',
  required: false,
}
const disability: ColumnSpec = {
  key: 'disability',
  header: 'Does the Child have a Disability',
  aliases: ['Disability', 'Does the child have a disability (Y/N)', 'Disabled'],
  type: 'code',
  codeSet: 'YNU',
  required: true,
}
const allocatedTeam: ColumnSpec = {
  key: 'allocatedTeam',
  header: 'Allocated Team',
  aliases: ['Team'],
  type: 'text',
  required: true,
}
const allocatedWorker: ColumnSpec = {
  key: 'allocatedWorker',
  header: 'Allocated Worker',
  aliases: ['Worker', 'Allocated Social Worker'],
  type: 'text',
  required: true,
}

const person = [childId, gender, ethnicity, dateOfBirth, age]

function date(key: string, header: string, required: boolean, aliases?: string[]): ColumnSpec {
  return { key, header, type: 'date', required, ...(aliases ? { aliases } : {}) }
}
function code(key: string, header: string, codeSet: CodeSetName, required: boolean, aliases?: string[]): ColumnSpec {
  return { key, header, type: 'code', codeSet, required, ...(aliases ? { aliases } : {}) }
}
function count(key: string, header: string, min: number, required: boolean, aliases?: string[]): ColumnSpec {
  return { key, header, type: 'int', min, required, ...(aliases ? { aliases } : {}) }
}

export const LISTS: readonly ListSpec[] = [
  {
    list: 1,
    title: 'Contacts',
    scope: 'All those who have been the subject of a contact in the three months before inspection',
    // Departs from SPEC (§1 List 1 and §3.4 say six months, after the 2019 template): 002#249
    // says three months. Rows three to six months old get one summary note, not a row finding.
    window: { months: 3, templateMonths: 6, describe: 'contacts in the three months before the inspection (002#249)' },
    cardinality: 'repeats',
    sheetNames: ['Contacts', 'Contact'],
    columns: [
      ...person,
      date('contactDate', 'Date of Contact', true, ['Contact Date']),
      code('contactSource', 'Contact Source', 'SOURCE', true, ['Source of Contact']),
    ],
  },
  {
    list: 2,
    title: 'Early help',
    scope:
      'All those who have been the subject of an early help assessment or targeted intervention in the six months before inspection',
    window: {
      months: 6,
      describe: 'early help assessments in the six months before the inspection, or still open (002#249)',
    },
    cardinality: 'repeats',
    sheetNames: ['Early Help', 'Early Help Assessments', 'EHA'],
    columns: [
      ...person,
      date('earlyHelpStart', 'Assessment start date', true, ['Early Help Assessment Start Date']),
      date('earlyHelpEnd', 'Assessment completion date', false, ['Early Help Assessment Completion Date']),
      { key: 'earlyHelpOrganisation', header: 'Organisation completing assessment', type: 'text', required: true },
    ],
  },
  {
    list: 3,
    title: 'Referrals',
    scope: 'All those who have been the subject of a referral in the three months before inspection',
    // Departs from SPEC (six months, after the 2019 template): 002#249 says three months.
    window: { months: 3, templateMonths: 6, describe: 'referrals in the three months before the inspection (002#249)' },
    cardinality: 'one-per-child-where-possible',
    sheetNames: ['Referrals', 'Referral'],
    columns: [
      ...person,
      date('referralDate', 'Date of referral', true, ['Referral Date']),
      code('referralSource', 'Referral Source', 'SOURCE', true, ['Source of Referral']),
      // SPEC: the template offers Yes/No, liia-tools 2022 also accepts Unknown.
      code('referralNfa', 'Referral NFA', 'YNU', true, ['Referral NFA?', 'Referral No Further Action']),
      count('referralsLast12Months', 'Number of Referrals in Last 12 Months', 0, true, [
        'Number of referrals in the last 12 months',
      ]),
      allocatedTeam,
      allocatedWorker,
    ],
  },
  {
    list: 4,
    title: 'Assessments',
    scope:
      'All those who have been the subject of a section 17 or section 47 assessment in the six months before inspection',
    window: { months: 6, describe: 'assessments in the six months before the inspection, or still open (002#249)' },
    cardinality: 'one-per-child-where-possible',
    sheetNames: ['Assessments', 'Assessment', 'Social Care Assessments'],
    columns: [
      ...person,
      disability,
      date('assessmentStart', 'Continuous Assessment Start Date', true, ['Assessment Start Date']),
      code('childSeen', 'Child Seen During Continuous Assessment', 'YNU', true, ['Child Seen During Assessment']),
      date('assessmentAuthorised', 'Continuous Assessment Date of Authorisation', false, [
        'Assessment Date of Authorisation',
        'Assessment Authorisation Date',
        'Assessment Completion Date',
      ]),
      // The template has a curly apostrophe and no "?"; liia-tools has "'" and "?" (SPEC §1).
      code('assessmentOutcome', "Was the child assessed as requiring LA children's social care support", 'YNU', false, [
        "Was the child assessed as requiring LA children's social care support?",
        'Was the child assessed as requiring LA childrens social care support',
      ]),
      allocatedTeam,
      allocatedWorker,
    ],
  },
  {
    list: 5,
    title: 'Section 47 enquiries and ICPCs',
    scope: 'All those who have been the subject of a section 47 enquiry in the six months before inspection',
    window: { months: 6, describe: 'section 47 enquiries in the six months before the inspection (002#249)' },
    cardinality: 'one-per-child-where-possible',
    sheetNames: [
      'Sec47 and ICPC',
      'Section 47',
      'Section 47 Enquiries',
      'S47',
      'S47 and ICPC',
      'Section 47 and ICPC',
      'Section 47 enquiries and ICPCs',
    ],
    columns: [
      ...person,
      disability,
      date('s47Start', 'Strategy discussion initiating Section 47 Enquiry Start Date', true, [
        'Section 47 Enquiry Start Date',
        'S47 Start Date',
      ]),
      code('icpcUnnecessary', 'Was an Initial Child Protection Conference deemed unnecessary', 'YN', false),
      date('icpcDate', 'Date of Initial Child Protection Conference', false, ['ICPC Date']),
      code('icpcPlan', 'Did the Initial Child Protection Conference Result in a Child Protection Plan', 'YN', false),
      count('s47Last12Months', 'Number of Section 47 Enquiries in the last 12 months', 0, true),
      count('icpcLast12Months', 'Number of ICPCs in the last 12 months', 0, true),
      allocatedTeam,
      allocatedWorker,
    ],
  },
  {
    list: 6,
    title: 'Children in need',
    scope:
      'All those in receipt of services as a child in need at the point of inspection, and those who ceased in the three months before',
    // Departs from SPEC (§3.4 says closed within six months): 002#249 says three months.
    window: {
      months: 3,
      templateMonths: 6,
      describe: 'children in need at the inspection, or whose episode closed in the three months before it (002#249)',
    },
    cardinality: 'one-per-child',
    sheetNames: ['Children in Need', 'Child in Need', 'CIN'],
    columns: [
      ...person,
      disability,
      date('cinStart', 'CIN Start Date', false, ['Child in Need Start Date']),
      code('primaryNeed', 'Primary Need Code', 'NEED', true, ['Primary Need', 'Category of Need']),
      date('lastSeen', 'Date Child Was Last Seen', false, ['Date Child Last Seen']),
      date('cinClosure', 'CIN Closure Date', false, ['Child in Need Closure Date']),
      code('closureReason', 'Reason for Closure', 'CLOSURE', false, ['Closure Reason', 'CIN Closure Reason']),
      code('caseStatus', 'Case status', 'CASESTATUS', true),
      allocatedTeam,
      allocatedWorker,
    ],
  },
  {
    list: 7,
    title: 'Child protection',
    scope:
      'All those who are the subject of a child protection plan at the point of inspection, and those whose plan ended in the three months before',
    // Departs from SPEC (§3.4 six months): 002#249 says three months.
    window: {
      months: 3,
      templateMonths: 6,
      describe:
        'children on a child protection plan at the inspection, or whose plan ended in the three months before it (002#249)',
    },
    cardinality: 'one-per-child',
    sheetNames: ['Child Protection', 'CP', 'Child Protection Plans', 'CP Plans'],
    columns: [
      ...person,
      disability,
      date('cpStart', 'Child Protection Plan Start Date', true, ['CP Plan Start Date']),
      code('initialCategory', 'Initial Category of Abuse', 'ABUSE', true),
      code('latestCategory', 'Latest Category of Abuse', 'ABUSE', true),
      date('lastStatutoryVisit', 'Date of the Last Statutory Visit', false, ['Date of Last Statutory Visit']),
      code('seenAlone', 'Was the Child Seen Alone', 'YNU', false),
      date('latestReview', 'Date of latest review conference', false, [
        'Date of Latest Review Conference',
        'Latest Review Conference Date',
      ]),
      date('cpEnd', 'Child Protection Plan End Date', false, ['CP Plan End Date']),
      code(
        'epo',
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
        'YN',
        true,
      ),
      count('previousPlans', 'Number of Previous Child Protection Plans', 0, true),
      allocatedTeam,
      allocatedWorker,
    ],
  },
  {
    list: 8,
    title: 'Children in care',
    scope:
      'All those children in care at the point of inspection, and those who ceased to be looked after in the six months before',
    window: {
      months: 6,
      describe:
        'children in care at the inspection, or who ceased to be looked after in the six months before it (002#249)',
    },
    cardinality: 'one-per-child',
    sheetNames: [
      'Children in Care',
      'Child in Care',
      'CLA',
      'Looked After Children',
      'Children Looked After',
      'LAC',
      'CiC',
    ],
    columns: [
      ...person,
      code('uasc', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)', 'YN', true, [
        'UASC',
        'Unaccompanied Asylum Seeking Child',
      ]),
      disability,
      date('laStart', 'Date Started to be Looked After', true),
      code('categoryOfNeed', "Child's Category of Need", 'NEED', true, ['Category of Need']),
      code(
        'secondPeriod',
        'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
        'YN',
        true,
      ),
      date('legalStatusStart', 'Start date of current legal status', true),
      code('legalStatus', "Child's Legal Status", 'LEGAL', true, ['Legal Status']),
      date('latestStatutoryReview', 'Date of Latest Statutory Review', false),
      date('lastSocialWorkVisit', 'Date of Last Social Work Visit', false),
      code('permanencePlan', 'What is the permanence plan for this child', 'PERMANENCE', false, ['Permanence Plan']),
      date('lastIroContact', 'Date of Last IRO Visit / Contact to the Child', false),
      date('lastHealthAssessment', 'Date of Last Health Assessment', false),
      date('lastDentalCheck', 'Date of Last Dental Check', false),
      // SPEC §1: the current placement counts, so at least 1.
      count('placementsLast12Months', 'Number of Placements in the Last 12 months', 1, true),
      date('ceasedDate', 'Date Ceased to be Looked After', false),
      code('ceasedReason', 'Reason Ceased to be Looked After', 'CEASED', false),
      date('placementStart', 'Start Date of Most Recent Placement', true),
      code('placementType', 'Placement Type', 'PLACETYPE', true),
      code('placementProvider', 'Placement Provider', 'PROVIDER', true),
      { key: 'placementPostcode', header: 'Placement postcode', type: 'postcode', required: true },
      { key: 'placementUrn', header: 'URN of Placement', aliases: ['Placement URN'], type: 'id', required: false },
      code('placementLocation', 'Placement Location', 'INOUT', true),
      { key: 'placementLa', header: 'LA of Placement', aliases: ['Placement LA'], type: 'text', required: true },
      count(
        'missingEpisodes',
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
        0,
        true,
        ['Number of Episodes the Child has been Missing from their Placement in the last 12 months'],
      ),
      count(
        'absentEpisodes',
        "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
        0,
        true,
        ['Number of Episodes the Child has been Absent from their Placement in the last 12 months'],
      ),
      code(
        'returnInterviewOffered',
        'Was the child offered a Return Interview after their last missing episode (Y/N)',
        'YNU',
        false,
      ),
      code(
        'returnInterviewAccepted',
        'Did the child accept a Return Interview after their last missing episode (Y/N)',
        'YNU',
        false,
      ),
      allocatedTeam,
      allocatedWorker,
      // 002#253: "it would assist inspectors to have information about the number of brothers
      // and sisters each child has … including an extra column in list 8". The 2019 template
      // has no such column, so it is an optional extension column (Decision A2 in validate).
      {
        key: 'siblings',
        header: 'Number of brothers and sisters',
        aliases: [
          'Number of siblings',
          'Siblings',
          'Number of brothers and sisters in care',
          'Number of siblings in care',
          'No. of siblings',
          'Brothers and sisters',
        ],
        type: 'int',
        min: 0,
        required: false,
        optionalColumn: true,
      },
    ],
  },
  {
    list: 9,
    title: 'Care leavers',
    scope: 'All those care leavers who are receiving leaving care services at the point of inspection',
    window: { months: null, describe: 'care leavers receiving leaving care services at the inspection (002#249)' },
    cardinality: 'one-per-child',
    sheetNames: ['Care Leavers', 'Care Leaver', 'Leaving Care'],
    columns: [
      ...person,
      // Later template versions (liia-tools 2023, D2I 2024; SPEC §0): optional columns.
      {
        ...code(
          'uascOrFormer',
          'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
          'YN',
          false,
        ),
        optionalColumn: true,
      },
      disability,
      allocatedTeam,
      allocatedWorker,
      {
        key: 'personalAdvisor',
        header: 'Allocated Personal Advisor',
        aliases: ['Personal Advisor'],
        type: 'text',
        required: false,
        optionalColumn: true,
      },
      code('eligibility', 'Eligibility Category', 'ELIG', true),
      { ...date('pathwayPlanReview', 'Latest Pathway Plan Review Date', false), optionalColumn: true },
      code('inTouch', 'LA In Touch', 'INTOUCH', true, ['In Touch']),
      { ...date('latestContact', 'Latest Date of Contact', false), optionalColumn: true },
      code('accommodation', 'Type of Accommodation', 'ACCOM', false, ['Accommodation Type']),
      code('accommodationSuitability', 'Suitability of Accommodation', 'SUIT', false, ['Accommodation Suitability']),
      code('activity', 'Activity Status', 'ACTIVITY', false, ['Main Activity']),
    ],
  },
  {
    list: 10,
    title: 'Adoption',
    scope:
      'Children adopted in the 12 months before inspection, those with a decision that they should be placed for adoption, and those whose decision was reversed',
    window: {
      months: 12,
      describe:
        'children adopted in the 12 months before the inspection, waiting for adoption, or whose adoption decision was reversed in that time (002#249)',
    },
    cardinality: 'one-per-child',
    sheetNames: ['Adoption', 'Adoptions', 'Children Adopted'],
    columns: [
      childId,
      { key: 'familyId', header: 'Family identifier', aliases: ['Family ID'], type: 'id', required: false },
      gender,
      ethnicity,
      dateOfBirth,
      age,
      disability,
      date('enteredCare', 'Date the Child Entered Care', true),
      date('adoptionDecision', 'Date of Decision that Child Should be Placed for Adoption', true, [
        'Date of ADM Decision',
      ]),
      date('placementOrder', 'Date of Placement Order', false),
      date('matched', 'Date of Matching Child and Prospective Adopters', false),
      date('placedForAdoption', 'Date Placed for Adoption', false),
      date('adoptionOrder', 'Date of Adoption Order', false),
      date('decisionReversed', 'Date of Decision that Child Should No Longer be Placed for Adoption', false),
      code('reversalReason', 'Reason Why Child No Longer Placed for Adoption', 'RD', false),
      date('ffaPlacement', 'Date the child was placed for fostering in FFA or concurrent planning placement', false),
    ],
  },
  {
    list: 11,
    title: 'Adopters',
    scope: 'Individuals who in the last 12 months have had contact with the adoption agency by making an application',
    window: {
      months: 12,
      describe: 'adopters with contact with the adoption agency in the 12 months before the inspection (002#249)',
    },
    cardinality: 'one-per-adopter',
    sheetNames: ['Adopters', 'Adopter', 'Prospective Adopters'],
    columns: [
      {
        key: 'adopterId',
        header: 'Individual adopter identifier',
        aliases: ['Adopter ID', 'Adopter identifier', 'Individual Adopter ID'],
        type: 'id',
        required: true,
      },
      { key: 'familyId', header: 'Family identifier', aliases: ['Family ID'], type: 'id', required: false },
      { ...gender, codeSet: 'GENDER_ADOPTER' },
      ethnicity,
      code('disability', 'Disability', 'YN', true, ['Does the adopter have a disability']),
      code('fosteringForAdoption', 'Is the (prospective) adopter fostering for adoption', 'YN', true),
      date('enquiryReceived', 'Date enquiry received', true),
      date('stage1Start', 'Date Stage 1 started', false),
      date('stage1End', 'Date Stage 1 ended', false),
      date('stage2Start', 'Date Stage 2 started', false),
      date('stage2End', 'Date Stage 2 ended', false),
      date('applicationSubmitted', 'Date application submitted', false),
      date('applicationApproved', 'Date application approved', false),
      date('adopterMatched', 'Date adopter matched with child(ren)', false),
      date('childrenPlaced', 'Date child/children placed with adopter(s)', false),
      count('numberPlaced', 'No. of children placed', 0, false, ['Number of children placed']),
      date('adoptionOrder', 'Date of Adoption Order', false),
      date('leftProcess', 'Date of leaving adoption process', false),
      code('leavingReason', 'Reason for leaving adoption process', 'LEAVE', false),
    ],
  },
]

/** The spec of list `n`. */
export function listSpec(n: ListNumber): ListSpec {
  const spec = LISTS[n - 1]
  if (!spec || spec.list !== n) throw new Error(`No Annex A list ${n}`)
  return spec
}

/** The column of `spec` with field key `key` (a bug if absent). */
export function columnOf(spec: ListSpec, key: string): ColumnSpec {
  const column = spec.columns.find((c) => c.key === key)
  if (!column) throw new Error(`List ${spec.list} has no column ${key}`)
  return column
}

/**
 * The separate siblings sheet 002#253 allows instead of a list 8 column: each child in list 8
 * with their Child Unique ID and the number of brothers and sisters.
 */
export const SIBLINGS_SHEET_COLUMNS: readonly ColumnSpec[] = [
  childId,
  { ...columnOf(listSpec(8), 'siblings'), required: true, optionalColumn: false },
]

/** Sheets of the Ofsted template that are not lists; they are expected and skipped quietly. */
export const TEMPLATE_SHEETS: readonly string[] = [
  'Front_Sheet',
  'Front Sheet',
  'FAQ_and_changes',
  'FAQ',
  'Guidance',
  'Codes_used',
  'Codes used',
  'Codes',
  'Notes',
  'Contents',
  'Cover',
]

// "List_1", "List 1", "List1", "list-1", "List 1 - Contacts"; the (?!\d) keeps List 1 off List 11.
const LIST_SHEET = /^list\s*[_\-.]?\s*(\d{1,2})(?!\d)/i

function compact(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

const DESCRIPTIVE = new Map<string, ListNumber>(
  LISTS.flatMap((spec) => spec.sheetNames.map((name) => [compact(name), spec.list] as const)),
)

/** The list a sheet name names, if it names one. */
export function listFromSheetName(name: string): ListNumber | undefined {
  const numbered = LIST_SHEET.exec(name.trim())
  if (numbered) {
    const n = Number(numbered[1])
    return n >= 1 && n <= 11 ? (n as ListNumber) : undefined
  }
  return DESCRIPTIVE.get(compact(name))
}

/** True for the template's own non-list sheets (Front_Sheet, Guidance, Codes_used …). */
export function isTemplateSheet(name: string): boolean {
  const key = compact(name)
  return TEMPLATE_SHEETS.some((sheet) => compact(sheet) === key)
}

/** Normalised header → column, for one list's columns (header and every alias). */
export function headerIndex(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const index = new Map<string, ColumnSpec>()
  for (const column of columns) {
    for (const text of [column.header, ...(column.aliases ?? [])]) {
      const key = normaliseHeader(text)
      const existing = index.get(key)
      if (existing && existing !== column)
        throw new Error(`Header ${text} names two columns: ${existing.key} and ${column.key}`)
      index.set(key, column)
    }
  }
  return index
}
