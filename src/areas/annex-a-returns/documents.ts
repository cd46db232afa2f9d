/**
 * The information the LA shares to show how it manages its services: documents 1.01–3.11 of
 * Annex A (002#260-262), each numbered so that the LA puts the number at the start of the file
 * name (002#262). Due with the management information (002#242 table, RULES S4).
 *
 * Decision: the published Annex A numbers two documents 3.04 (adoption and fostering panel
 * reports; the CAMHS strategy). Both are kept, as 3.04 and 3.04 (CAMHS), so an LA that follows
 * the published numbering is never wrong; a file prefixed only "3.04" is matched to the first.
 */
export interface AnnexADocumentItem {
  readonly item: string
  readonly section: string
  readonly title: string
}

const LEADERSHIP = 'Impact of leadership on social work practice with children and families'
const HELP = 'Children in need of help and protection, including early help'
const CARE = 'Children in care and care leavers'

export const ANNEX_A_DOCUMENTS: readonly AnnexADocumentItem[] = [
  {
    item: '1.01',
    section: LEADERSHIP,
    title:
      'Organisational structure showing lines of reporting and accountability (including alternative delivery models)',
  },
  {
    item: '1.02',
    section: LEADERSHIP,
    title:
      'Scheme of delegation, case transfer policy (including step-up/down to or from early help) and workflow documents',
  },
  {
    item: '1.03',
    section: LEADERSHIP,
    title:
      'Management information reports used to monitor and improve performance: the latest monthly/quarterly report and the last annual overview',
  },
  {
    item: '1.04',
    section: LEADERSHIP,
    title:
      'Arrangements to gather feedback from children and families, complaints and serious case reviews, and what was done in response',
  },
  {
    item: '1.05',
    section: LEADERSHIP,
    title:
      'The most recent self-evaluation of social work practice, and any peer review or external evaluation in the last 12 months',
  },
  {
    item: '1.06',
    section: LEADERSHIP,
    title:
      'A sample of single and multi-agency practice audits in the last six months, with improvement or action plans',
  },
  {
    item: '1.07',
    section: LEADERSHIP,
    title:
      'Workforce profile for social care staff (qualified social workers, vacancies, agency staff, turnover, sickness, caseloads by team)',
  },
  {
    item: '1.08',
    section: LEADERSHIP,
    title:
      'Workforce development strategy, the core training offer and any evaluation of its impact in the last twelve months',
  },
  { item: '1.09', section: LEADERSHIP, title: 'Social work caseload and supervision policy' },
  {
    item: '1.10',
    section: LEADERSHIP,
    title: 'Thresholds or criteria for services to children at different levels of need',
  },
  { item: '1.11', section: LEADERSHIP, title: 'The annual report by the local safeguarding partners' },
  {
    item: '1.12',
    section: LEADERSHIP,
    title: 'The safeguarding arrangements agreed by the local safeguarding partners',
  },
  {
    item: '1.13',
    section: LEADERSHIP,
    title: 'Minutes of the last 12 months of meetings of the local safeguarding partners',
  },
  {
    item: '2.01',
    section: HELP,
    title:
      'Early help strategy, action plan and management information (early help assessments in the last 12 months; children with a team around the family)',
  },
  {
    item: '2.02',
    section: HELP,
    title:
      'Children missing from home or care and at risk of sexual exploitation: ids and status, strategies, workflows, performance information',
  },
  {
    item: '2.03',
    section: HELP,
    title: 'Children currently privately fostered (child unique ID, date of birth, start of the arrangement)',
  },
  { item: '2.04', section: HELP, title: 'The number of children who are electively home educated' },
  {
    item: '2.05',
    section: HELP,
    title:
      'School-age children not in full-time education (id or UPN, provision, hours a week, exclusion, start of alternative provision)',
  },
  {
    item: '3.01',
    section: CARE,
    title:
      'Strategic plan for children in care, corporate parenting strategy and the last three sets of corporate parenting board minutes',
  },
  { item: '3.02', section: CARE, title: 'The latest sufficiency strategy and any action or commissioning plans' },
  {
    item: '3.03',
    section: CARE,
    title: 'Arrangements for permanence planning, strategy, action plan and management information',
  },
  { item: '3.04', section: CARE, title: 'The most recent adoption and fostering panel reports to the local authority' },
  {
    item: '3.04 (CAMHS)',
    section: CARE,
    title: 'The local CAMHS strategy, action plan and management information (waiting times, length of help, outcomes)',
  },
  { item: '3.05', section: CARE, title: 'The management report of the independent reviewing officer service' },
  { item: '3.06', section: CARE, title: 'The annual report of the headteacher of the virtual school' },
  {
    item: '3.07',
    section: CARE,
    title:
      'Data the virtual school head uses to monitor attainment, progress, attendance, exclusion, employment and training',
  },
  { item: '3.08', section: CARE, title: 'Health of children looked after: health assessments and dental checks' },
  {
    item: '3.09',
    section: CARE,
    title: 'Young people placed under secure accommodation welfare orders (section 25, Children Act 1989)',
  },
  {
    item: '3.10',
    section: CARE,
    title: 'Care leavers strategy, action plan and management information (in-touch figures, pathway plans)',
  },
  { item: '3.11', section: CARE, title: 'Information used to track and manage cases in the public law outline (PLO)' },
]

export function isDocumentItem(value: string): boolean {
  return ANNEX_A_DOCUMENTS.some((entry) => entry.item === value)
}

/**
 * The item a file's name says it is for (002#262: "include the number in the document name as a
 * prefix"), e.g. "1.07 Workforce profile.xlsx" or "1-07_workforce.pdf"; undefined without one.
 */
export function itemFromFileName(fileName: string): string | undefined {
  const match = /^\s*([123])\s*[.\-_ ]\s*(\d{2})(?!\d)/.exec(fileName)
  if (!match) return undefined
  const item = `${match[1]}.${match[2]}`
  if (item === '3.04' && /camhs|mental health/i.test(fileName)) return '3.04 (CAMHS)'
  return isDocumentItem(item) ? item : undefined
}

/** File types accepted as documents: what LAs share (Office, PDF, text, images of scans). */
export const DOCUMENT_EXTENSIONS = [
  '.pdf',
  '.docx',
  '.doc',
  '.xlsx',
  '.xls',
  '.xlsm',
  '.csv',
  '.pptx',
  '.odt',
  '.ods',
  '.txt',
  '.rtf',
  '.png',
  '.jpg',
  '.jpeg',
] as const
