/**
 * The Annex A code lists (SPEC §2): every value a category column may hold, with the letter
 * prefix the 2019 template puts in front ("a) WBRI"), the code, its label and Ofsted's
 * analysis group. 002#248: "please use descriptors and codes in line with the DfE common
 * basic data set and DfE definitions".
 *
 * Matching (code-match.ts) is on the code token, then the label, then the explicit
 * `synonyms` below, never on a loose regex (SPEC §3.2 lists the regexes that misfire).
 */

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

function lettered(rows: readonly (readonly [string, string, string, string, ...string[]])[]): Code[] {
  return rows.map(([prefix, code, label, group, ...alsoLabels]) => ({ prefix, code, label, group, alsoLabels }))
}

function labels(rows: readonly (readonly [string, string, string?])[]): Code[] {
  return rows.map(([prefix, label, group]) => ({ prefix, code: label, label, group: group ?? label }))
}

const YES_NO_SYNONYMS = { y: 'Yes', n: 'No', true: 'Yes', false: 'No' }

export const CODE_SETS: Readonly<Record<CodeSetName, CodeSet>> = {
  GENDER: {
    name: 'GENDER',
    describe: 'gender',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Male'],
      ['b', 'Female'],
      ['c', 'Not stated/recorded', 'Not stated'],
      ['d', 'Neither'],
    ]),
    // SPEC §2: M/F seen in data; D2I maps source sex U → c), I → d).
    synonyms: {
      m: 'Male',
      f: 'Female',
      u: 'Not stated/recorded',
      unknown: 'Not stated/recorded',
      'not stated': 'Not stated/recorded',
      'not recorded': 'Not stated/recorded',
      'not known': 'Not stated/recorded',
      i: 'Neither',
      indeterminate: 'Neither',
    },
  },
  // List 11's guidance orders the adopter genders differently (SPEC §2): match on the label.
  GENDER_ADOPTER: {
    name: 'GENDER_ADOPTER',
    describe: 'gender',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Male'],
      ['b', 'Female'],
      ['c', 'Neither'],
      ['d', 'Not stated/recorded', 'Not stated'],
    ]),
    synonyms: {
      m: 'Male',
      f: 'Female',
      u: 'Not stated/recorded',
      unknown: 'Not stated/recorded',
      'not stated': 'Not stated/recorded',
      'not recorded': 'Not stated/recorded',
      i: 'Neither',
      indeterminate: 'Neither',
    },
  },
  ETHNICITY: {
    name: 'ETHNICITY',
    describe: 'ethnicity (DfE 4-letter code)',
    codeIsLabel: false,
    codes: lettered([
      ['a', 'WBRI', 'White British', 'White', 'White - British'],
      ['b', 'WIRI', 'White Irish', 'White', 'White - Irish'],
      ['c', 'WIRT', 'Traveller of Irish heritage', 'White'],
      ['d', 'WOTH', 'Any other White background', 'White'],
      ['e', 'WROM', 'Gypsy/Roma', 'White'],
      ['f', 'MWBC', 'White and Black Caribbean', 'Mixed'],
      ['g', 'MWBA', 'White and Black African', 'Mixed'],
      ['h', 'MWAS', 'White and Asian', 'Mixed'],
      ['i', 'MOTH', 'Any other Mixed background', 'Mixed'],
      ['j', 'AIND', 'Indian', 'Asian'],
      ['k', 'APKN', 'Pakistani', 'Asian'],
      ['l', 'ABAN', 'Bangladeshi', 'Asian'],
      ['m', 'AOTH', 'Any other Asian background', 'Asian'],
      ['n', 'BCRB', 'Caribbean', 'Black'],
      ['o', 'BAFR', 'African', 'Black'],
      ['p', 'BOTH', 'Any other Black background', 'Black'],
      ['q', 'CHNE', 'Chinese', 'Chinese'],
      ['r', 'OOTH', 'Any other ethnic group', 'Other'],
      // The template gives REFU and NOBT both the letter s); D2I emits t) NOBT (SPEC §2).
      ['s', 'REFU', 'Refused', 'Refused'],
      ['t', 'NOBT', 'Information not yet obtained', 'Unknown'],
    ]),
    synonyms: {},
  },
  SOURCE: {
    name: 'SOURCE',
    describe: 'source (CIN census referral source code, for example 6 for police)',
    codeIsLabel: false,
    // The label after the colon is not unique (six "Health services"): the code is the key.
    codes: lettered([
      ['a', '1A', 'Individual', 'Individual', 'Individual - family member, relative or carer'],
      ['b', '1B', 'Individual', 'Individual', 'Individual - acquaintance'],
      ['c', '1C', 'Individual', 'Individual', 'Individual - self'],
      ['d', '1D', 'Individual', 'Individual', 'Individual - other'],
      ['e', '2A', 'Schools', 'Schools'],
      ['f', '2B', 'Education services', 'Education services'],
      ['g', '3A', 'Health services', 'Health services', 'Health services - GP'],
      ['h', '3B', 'Health services', 'Health services', 'Health services - health visitor'],
      ['i', '3C', 'Health services', 'Health services', 'Health services - school nurse'],
      ['j', '3D', 'Health services', 'Health services', 'Health services - other primary health services'],
      ['k', '3E', 'Health services', 'Health services', 'Health services - A&E'],
      ['l', '3F', 'Health services', 'Health services', 'Health services - other'],
      ['m', '4', 'Housing', 'Housing'],
      ['n', '5A', 'LA services', 'LA services', 'LA services - social care'],
      ['o', '5B', 'LA services', 'LA services', 'LA services - other internal'],
      ['p', '5C', 'LA services', 'LA services', 'LA services - external'],
      // Later template versions only (SPEC §2, letter uncertain).
      ['p1', '5D', 'LA services', 'LA services', 'LA services - early help'],
      ['q', '6', 'Police', 'Police'],
      ['r', '7', 'Other legal agency', 'Other legal agency'],
      ['s', '8', 'Other', 'Other'],
      ['t', '9', 'Anonymous', 'Anonymous'],
      ['u', '10', 'Unknown', 'Unknown'],
    ]),
    synonyms: {},
  },
  YN: {
    name: 'YN',
    describe: 'Yes or No',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Yes'],
      ['b', 'No'],
    ]),
    synonyms: YES_NO_SYNONYMS,
  },
  YNU: {
    name: 'YNU',
    describe: 'Yes, No or Unknown',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Yes'],
      ['b', 'No'],
      ['c', 'Unknown'],
    ]),
    // "Not known" is Unknown: liia-tools' "starts with N" rule wrongly read it as No (SPEC §3.2).
    synonyms: { ...YES_NO_SYNONYMS, u: 'Unknown', 'not known': 'Unknown', 'not recorded': 'Unknown' },
  },
  NEED: {
    name: 'NEED',
    describe: 'category of need (N0 to N9)',
    codeIsLabel: false,
    codes: [
      { code: 'N1', label: 'Abuse or neglect', group: 'Abuse or neglect' },
      { code: 'N2', label: "Child's disability", group: "Child's disability", alsoLabels: ['Child disability'] },
      {
        code: 'N3',
        label: 'Parental disability or illness',
        group: 'Parental disability or illness',
        alsoLabels: ['Parental illness or disability'],
      },
      { code: 'N4', label: 'Family in acute stress', group: 'Family in acute stress' },
      { code: 'N5', label: 'Family dysfunction', group: 'Family dysfunction' },
      { code: 'N6', label: 'Socially unacceptable behaviour', group: 'Socially unacceptable behaviour' },
      { code: 'N7', label: 'Low income', group: 'Low income' },
      { code: 'N8', label: 'Absent parenting', group: 'Absent parenting' },
      { code: 'N9', label: 'Cases other than children in need', group: 'Cases other than children in need' },
      { code: 'N0', label: 'Not stated', group: 'Not stated' },
    ],
    synonyms: {},
  },
  CLOSURE: {
    name: 'CLOSURE',
    describe: 'reason for closure (RC1 to RC9)',
    codeIsLabel: false,
    codes: [
      { code: 'RC1', label: 'Adopted', group: 'Adopted' },
      { code: 'RC2', label: 'Died', group: 'Died' },
      { code: 'RC3', label: 'Child arrangements order', group: 'Child arrangements order' },
      { code: 'RC4', label: 'Special guardianship order', group: 'Special guardianship order' },
      { code: 'RC5', label: 'Transferred to services of another local authority', group: 'Transferred to another LA' },
      { code: 'RC6', label: 'Transferred to adult social care services', group: 'Transferred to adult social care' },
      {
        code: 'RC7',
        label: 'Services ceased for any other reason, including child no longer in need',
        group: 'Services ceased',
      },
      {
        code: 'RC8',
        label: 'Case closed after assessment, no further action',
        group: 'Closed after assessment, no further action',
      },
      {
        code: 'RC9',
        label: 'Case closed after assessment, referred to early help',
        group: 'Closed after assessment, early help',
      },
    ],
    synonyms: {},
  },
  CASESTATUS: {
    name: 'CASESTATUS',
    describe: 'case status',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Looked after child'],
      ['b', 'Child Protection plan'],
      ['c', 'Child in need plan'],
      ['d', 'Open assessment'],
      ['e', 'Closed episode'],
    ]),
    synonyms: {
      cla: 'Looked after child',
      'looked after': 'Looked after child',
      'child looked after': 'Looked after child',
      cp: 'Child Protection plan',
      'cp plan': 'Child Protection plan',
      cin: 'Child in need plan',
      'cin plan': 'Child in need plan',
      closed: 'Closed episode',
    },
  },
  ABUSE: {
    name: 'ABUSE',
    describe: 'category of abuse',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Neglect'],
      ['b', 'Physical abuse'],
      ['c', 'Sexual abuse'],
      ['d', 'Emotional abuse'],
      ['e', 'Multiple/not recommended', 'Multiple'],
    ]),
    // The CIN census codes (SPEC §2).
    synonyms: {
      neg: 'Neglect',
      phy: 'Physical abuse',
      physical: 'Physical abuse',
      sab: 'Sexual abuse',
      sexual: 'Sexual abuse',
      emo: 'Emotional abuse',
      emotional: 'Emotional abuse',
      mul: 'Multiple/not recommended',
      multiple: 'Multiple/not recommended',
    },
  },
  LEGAL: {
    name: 'LEGAL',
    describe: 'legal status (SSDA903 code, for example C2)',
    codeIsLabel: false,
    codes: [
      { code: 'C1', label: 'ICO', group: 'Interim care orders', alsoLabels: ['Interim care order'] },
      { code: 'C2', label: 'FCO', group: 'Full care orders', alsoLabels: ['Full care order'] },
      { code: 'D1', label: 'Freeing order', group: 'Freed for adoption' },
      { code: 'E1', label: 'Placement order', group: 'Placement order granted' },
      { code: 'V2', label: 'Single period under S20', group: 'Accommodated under S20' },
      { code: 'L1', label: 'Police protection LA accommodation', group: 'Detained on CP grounds' },
      { code: 'L2', label: 'EPO', group: 'Detained on CP grounds', alsoLabels: ['Emergency protection order'] },
      { code: 'L3', label: 'Child assessment order LA accommodation', group: 'Detained on CP grounds' },
      { code: 'J1', label: 'Remanded to LA or youth detention', group: 'Youth justice' },
      { code: 'J2', label: 'LA accommodation under PACE', group: 'Youth justice' },
      { code: 'J3', label: 'Youth rehabilitation order', group: 'Youth justice' },
      { code: 'V3', label: 'Short term breaks, episodes recorded', group: 'Short breaks' },
      { code: 'V4', label: 'Short term breaks, agreements recorded', group: 'Short breaks' },
    ],
    synonyms: {},
  },
  PERMANENCE: {
    name: 'PERMANENCE',
    describe: 'permanence plan',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Return to family'],
      ['b', 'Adoption'],
      ['c', 'SGO/CAO'],
      ['d', 'Supported living in the community'],
      ['e', 'Long-term residential placement'],
      ['f', 'Long-term fostering'],
      ['g', 'other', 'Other'],
    ]),
    synonyms: {},
  },
  CEASED: {
    name: 'CEASED',
    describe: 'reason ceased to be looked after (SSDA903 code, for example E4A)',
    codeIsLabel: false,
    codes: lettered([
      ['a', 'E11', 'Adopted - application unopposed', 'Adopted'],
      ['b', 'E12', 'Adopted - consent dispensed', 'Adopted'],
      ['c', 'E2', 'Died', 'Died'],
      ['d', 'E3', 'Care taken by another LA', 'Care taken by another LA'],
      ['e', 'E4A', 'Returned home to live with parents or relatives - part of planning', 'Returned home'],
      ['f', 'E4B', 'Returned home to live with parents or relatives - not part of planning', 'Returned home'],
      [
        'g',
        'E13',
        'Parents, relatives or other with no parental responsibility',
        'Left care to live with non-PR adult',
      ],
      ['h', 'E41', 'Residence order granted', 'Residence order'],
      ['i', 'E45', 'Special Guardianship Orders - former carer relative/friend', 'SGO'],
      ['j', 'E46', 'Special Guardianship Orders - former carer other', 'SGO'],
      ['k', 'E47', 'Special Guardianship Orders - relative/friend', 'SGO'],
      ['l', 'E48', 'Special Guardianship Orders - other', 'SGO'],
      ['m', 'E5', 'Moved into independent living - supported', 'Independent living'],
      ['n', 'E6', 'Moved into independent living - no support', 'Independent living'],
      ['o', 'E7', 'Transferred to residential care funded by adult social services', 'Adult residential care'],
      ['p', 'E9', 'Sentenced to custody', 'Custody'],
      ['q', 'E14', 'Accommodation on remand ended', 'Remand ended'],
      ['r', 'E15', 'Age assessment determined child was 18 or over', 'Age assessment 18+'],
      ['s', 'E16', 'Child moved abroad', 'Moved abroad'],
      ['t', 'E8', 'Care ceased for any other reason', 'Other'],
      ['u', 'X1', 'CodeError', 'Code error'],
      ['v', 'E17', 'Aged 18+ and remained with current carers', 'Remained with carers'],
    ]),
    // liia-tools folds the legacy 903 codes E43 → E46 and E44 → E48 (SPEC §2).
    synonyms: { e43: 'E46', e44: 'E48' },
  },
  PLACETYPE: {
    name: 'PLACETYPE',
    describe: 'placement type (SSDA903 code, for example U6)',
    codeIsLabel: false,
    codes: lettered([
      ['a', 'U1', 'Foster placement - relatives - long term', 'Foster placement'],
      ['b', 'U2', 'Foster placement - relative - FFA', 'Foster placement'],
      ['c', 'U3', 'Foster placement - relative - not FFA', 'Foster placement'],
      ['d', 'U4', 'Foster placement - long term', 'Foster placement'],
      ['e', 'U5', 'Foster placement - FFA', 'Foster placement'],
      ['f', 'U6', 'Foster placement - not FFA', 'Foster placement'],
      ['g', 'A3', 'Placed for adoption - consent - current foster', 'Placed for adoption'],
      ['h', 'A4', 'Placed for adoption - consent - not foster', 'Placed for adoption'],
      ['i', 'A5', 'Placed for adoption - order - foster', 'Placed for adoption'],
      // FAQ: an earlier template wrongly omitted "not" here; both labels are accepted.
      ['j', 'A6', 'Placed for adoption - order - not foster', 'Placed for adoption'],
      ['k', 'P1', 'Placed with parents', 'Placed with parents'],
      ['l', 'P2', 'Independent living', 'Independent living'],
      ['m', 'P3', 'Residential employment', 'Residential employment'],
      ['n', 'H5', 'Residential accommodation', 'Residential accommodation'],
      ['o', 'K1', "Secure Children's Homes", "Secure children's homes"],
      ['p', 'K2', "Children's Homes", "Children's homes"],
      ['q', 'R1', 'Residential Care Home', 'Residential care home'],
      ['r', 'R2', 'NHS/Health Trust', 'NHS/Health Trust'],
      ['s', 'R3', 'Family Centre or Mother and Baby Unit', 'Family centre or mother and baby unit'],
      ['t', 'R5', 'Young Offender Institution', 'Young offender institution'],
      ['u', 'S1', 'Residential school', 'Residential school'],
      ['v', 'Z1', 'Other placements', 'Other'],
      ['w', 'T0', 'Temporary placement', 'Temporary'],
      ['x', 'T1', 'Temporary placement - hospital', 'Temporary'],
      ['y', 'T2', 'Temporary placement - holiday', 'Temporary'],
      ['z', 'T3', 'Temporary placement - carer holiday', 'Temporary'],
      ['zz', 'T4', 'Temporary placement - seven days or less', 'Temporary'],
    ]),
    synonyms: {},
  },
  PROVIDER: {
    name: 'PROVIDER',
    describe: 'placement provider (PR0 to PR5)',
    codeIsLabel: false,
    codes: lettered([
      ['a', 'PR0', 'Parents/Parental responsibility', 'Other'],
      ['b', 'PR1', 'Own provision', 'Own LA'],
      ['c', 'PR2', 'Other LA provision', 'Other'],
      ['d', 'PR3', 'Other public provision', 'Other'],
      ['e', 'PR4', 'Private provision', 'Private'],
      ['f', 'PR5', 'Voluntary/third sector', 'Other'],
    ]),
    synonyms: {},
  },
  INOUT: {
    name: 'INOUT',
    describe: 'placement location (In or Out)',
    codeIsLabel: true,
    codes: labels([
      ['a', 'In'],
      ['b', 'Out'],
    ]),
    synonyms: { inside: 'In', outside: 'Out', 'in area': 'In', 'out of area': 'Out' },
  },
  ELIG: {
    name: 'ELIG',
    describe: 'eligibility category',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Relevant child'],
      ['b', 'Former relevant child'],
      ['c', 'Qualifying care leaver'],
      ['d', 'Eligible child'],
    ]),
    synonyms: {
      relevant: 'Relevant child',
      'former relevant': 'Former relevant child',
      qualifying: 'Qualifying care leaver',
      eligible: 'Eligible child',
    },
  },
  INTOUCH: {
    name: 'INTOUCH',
    describe: 'whether the LA is in touch (SSDA903 code)',
    codeIsLabel: true,
    codes: [
      { prefix: 'a', code: 'Yes', label: 'Yes', group: 'In touch' },
      { prefix: 'b', code: 'No', label: 'No', group: 'Not in touch' },
      { prefix: 'c', code: 'Died', label: 'Died', group: 'Died' },
      {
        prefix: 'd',
        code: 'Refu',
        label: 'Refu',
        group: 'Refuses contact',
        alsoLabels: ['Refused', 'Young person refuses contact'],
      },
      {
        prefix: 'e',
        code: 'NREQ',
        label: 'NREQ',
        group: 'No longer requires services',
        alsoLabels: ['No longer requires services'],
      },
      { prefix: 'f', code: 'Rhom', label: 'Rhom', group: 'Returned home', alsoLabels: ['Returned home'] },
    ],
    synonyms: YES_NO_SYNONYMS,
  },
  ACCOM: {
    name: 'ACCOM',
    describe: 'type of accommodation (SSDA903 letter code)',
    codeIsLabel: false,
    codes: [
      { code: 'B', label: 'Parents/relatives', group: 'Parents or relatives' },
      { code: 'C', label: 'Community home / residential care', group: 'Residential care' },
      {
        code: 'D',
        label: 'Semi-independent, transitional accommodation and self-contained accommodation',
        group: 'Semi-independent',
      },
      { code: 'E', label: 'Supported lodgings', group: 'Supported lodgings' },
      { code: 'G', label: 'Abroad', group: 'Abroad' },
      { code: 'H', label: 'Deported', group: 'Deported' },
      { code: 'K', label: 'Ordinary lodgings, without formal support', group: 'Ordinary lodgings' },
      { code: 'R', label: 'Residence not known', group: 'Not known' },
      { code: 'S', label: 'No fixed abode / homeless', group: 'No fixed abode' },
      { code: 'T', label: 'Foyers and similar supported accommodation', group: 'Foyers' },
      { code: 'U', label: 'Independent living', group: 'Independent living' },
      { code: 'V', label: 'Emergency accommodation', group: 'Emergency accommodation' },
      { code: 'W', label: 'Bed and breakfast', group: 'Bed and breakfast' },
      { code: 'X', label: 'In custody', group: 'Custody' },
      { code: 'Y', label: 'Other accommodation', group: 'Other' },
      { code: 'Z', label: 'With former foster carers', group: 'With former foster carers' },
    ],
    synonyms: {},
  },
  SUIT: {
    name: 'SUIT',
    describe: 'suitability of accommodation (Suitable or Unsuitable)',
    codeIsLabel: true,
    codes: labels([
      ['a', 'Suitable'],
      ['b', 'Unsuitable'],
    ]),
    synonyms: { '1': 'Suitable', '2': 'Unsuitable', 'not suitable': 'Unsuitable' },
  },
  ACTIVITY: {
    name: 'ACTIVITY',
    describe: 'activity status (SSDA903 code, for example F2)',
    codeIsLabel: false,
    codes: [
      { code: 'F1', label: 'Full time in higher education', group: 'EET' },
      { code: 'P1', label: 'Part time in higher education', group: 'EET' },
      { code: 'F2', label: 'Full time in education other than higher', group: 'EET' },
      { code: 'P2', label: 'Part time in education other than higher', group: 'EET' },
      { code: 'F3', label: 'Full time in training or employment', group: 'EET' },
      { code: 'P3', label: 'Part time in training or employment', group: 'EET' },
      { code: 'F4', label: 'Full time apprenticeship', group: 'EET' },
      { code: 'P4', label: 'Part time apprenticeship', group: 'EET' },
      { code: 'F5', label: 'Full time training or employment, not apprenticeship', group: 'EET' },
      { code: 'P5', label: 'Part time training or employment, not apprenticeship', group: 'EET' },
      { code: 'G4', label: 'NEET - illness or disability', group: 'NEET' },
      { code: 'G5', label: 'NEET - other', group: 'NEET' },
      { code: 'G6', label: 'NEET - pregnancy or parenting', group: 'NEET' },
    ],
    synonyms: {},
  },
  RD: {
    name: 'RD',
    describe: 'reason no longer placed for adoption (RD1 to RD4)',
    codeIsLabel: false,
    codes: [
      { code: 'RD1', label: "The child's needs changed subsequent to the decision", group: "Child's needs changed" },
      { code: 'RD2', label: 'The Court did not make a placement order', group: 'No placement order' },
      { code: 'RD3', label: 'Prospective adopters could not be found', group: 'No adopters found' },
      { code: 'RD4', label: 'Any other reason', group: 'Other' },
    ],
    synonyms: {},
  },
  LEAVE: {
    name: 'LEAVE',
    describe: 'reason for leaving the adoption process (1, 2 or 3)',
    codeIsLabel: false,
    codes: [
      { code: '1', label: 'Adopter withdrew from process', group: 'Withdrew' },
      { code: '2', label: 'Process put on hold', group: 'On hold' },
      { code: '3', label: 'Application refused', group: 'Refused' },
    ],
    synonyms: {},
  },
}

/** The form the template asks for: "a) WBRI", "q) 6: Police", "N1 - Abuse or neglect". */
export function preferredForm(set: CodeSet, code: Code): string {
  const prefix = code.prefix ? `${code.prefix}) ` : ''
  if (set.codeIsLabel) return `${prefix}${code.label}`
  if (set.name === 'ETHNICITY') return `${prefix}${code.code}`
  if (['NEED', 'CLOSURE', 'RD', 'LEAVE'].includes(set.name)) return `${code.code} - ${code.label}`
  return `${prefix}${code.code}: ${code.label}`
}
