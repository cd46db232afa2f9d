/**
 * Annex A lists 1 to 7 (002#249): contacts, early help, referrals, assessments, section 47
 * enquiries and ICPCs, children in need and child protection.
 */
import type { ListSpec } from '../spec.js'
import { disability, allocatedTeam, allocatedWorker, person, date, code, count } from './columns.js'

export const HELP_AND_PROTECTION_LISTS: readonly ListSpec[] = [
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
]
