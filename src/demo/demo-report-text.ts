/**
 * Invented text for the demo reports and letters (issue 11), section by section, in the register
 * of Ofsted's published reports: short, evaluative, about what children experience. Nobody is
 * named (002#191), so there is nothing for the name check to confirm.
 */
import type { Grade } from '../areas/register/index.js'

const OPENING: Readonly<Record<Grade, string>> = {
  outstanding: 'Children in {la} receive consistently strong help, care and protection.',
  good: 'Most children in {la} receive effective help and protection at the right time.',
  'requires-improvement': 'Children in {la} do not yet receive consistently good help and protection.',
  inadequate: 'Serious weaknesses leave some children in {la} at risk of harm.',
}

/** The text of each section of an inspection report, by key, for an LA judged `grade` throughout. */
function reportText(key: string, la: string, grade: Grade): string {
  const texts: Record<string, string> = {
    'summary-experiences': `${OPENING[grade]} Social workers know their children well and visit them often.\n\nWhen concerns about a child first arise, decisions at the front door are timely and proportionate, although the quality of written plans still varies between teams.`,
    'summary-leaders':
      'Senior leaders have an accurate understanding of the quality of front-line practice. Regular audits, in which practitioners take part, tell them where practice is strong and where it is not.\n\nElected members and partners are well informed and challenge leaders constructively.',
    'summary-support':
      'Leaders have invested in a stable, permanent workforce, and caseloads are manageable in most teams. Newly qualified social workers are well supported.\n\nSupervision is regular, but it does not always record the reasons for decisions or set clear actions.',
    'summary-change':
      'Since the last inspection, leaders have strengthened the response to children who go missing from home and care, and more children now live in stable homes close to their families and schools.',
    'help-and-protection':
      'Children and families receive early help that is well coordinated across partner agencies. Step-up and step-down arrangements work well, so children receive the right level of help.\n\nStrategy meetings are timely and well attended. Child protection enquiries are thorough, and most children’s plans are specific about what needs to change.',
    'children-in-care':
      'Children come into care when they need to, and most live in stable, loving homes that meet their needs. Their views are sought and inform their plans.\n\nThe virtual school supports children’s education well, although too many older children wait for an initial health assessment.',
    'care-leavers':
      'Care leavers have trusting relationships with their personal advisers, who keep in touch with them regularly and help them to plan for their futures.\n\nSuitable accommodation is available for most care leavers, and more are now in education, employment or training.',
    leaders:
      'Leaders have a clear vision for children’s services, shared by staff and partners. They use performance information well to understand and improve practice.\n\nThe corporate parenting board listens to children in care and care leavers and acts on what they say.',
    'areas-for-improvement':
      'The quality of written plans, so that they say what needs to change, by when and who will do it.\nThe recording of management oversight and supervision.\nThe timeliness of initial health assessments for children in care.',
    'summary-for-children': `We visited ${la} to find out how well children and young people are helped, protected and looked after.\n\nWe found that most of you have social workers who know you well and listen to you. We have asked the council to make sure your plans are clear and that you see a doctor quickly when you come into care.`,
  }
  if (key === 'delegation') return '' // no third party with delegated functions (002#213)
  return (
    texts[key] ??
    'Inspectors found practice in this area to be consistent with the overall judgement. Managers know where it is strong and where it needs to improve.'
  )
}

/** The text of each section of a focused-visit letter, by key. */
function letterText(key: string): string {
  const texts: Record<string, string> = {
    focus: 'the local authority’s arrangements for children in care',
    findings:
      'Children in care are seen regularly by social workers who know them well, and their plans are reviewed on time by independent reviewing officers who know them too.\n\nManagers’ oversight of children’s plans is not yet consistent: some plans drift without a clear record of why decisions were made.',
    'areas-for-improvement':
      'The consistency and recording of management oversight of children’s plans.\nThe timeliness of initial health assessments.',
    'areas-for-priority-action': '',
  }
  return texts[key] ?? ''
}

/** What a report's or letter's section says, for the demo. */
export function demoSectionText(
  kind: 'inspection-report' | 'focused-visit-letter',
  key: string,
  la: string,
  grade: Grade,
): string {
  return kind === 'inspection-report' ? reportText(key, la, grade) : letterText(key)
}

/** What the QA manager says on a demo draft (002#214), by section; `''` is the whole report. */
export const DEMO_QA_COMMENTS: ReadonlyArray<{ section: string; comment: string }> = [
  {
    section: 'summary-experiences',
    comment: 'Say which teams’ plans vary, or how many, so the LA can act on it.',
  },
  {
    section: 'children-in-care',
    comment: 'The health assessment point needs the extent: how many children wait, and for how long (002#211).',
  },
  { section: '', comment: 'A clear draft. Tighten the first page: it reads long against the ten-page limit.' },
]

/** What the LA's DCS asks to correct in a demo draft (002#215-216). */
export const DEMO_LA_COMMENTS: ReadonlyArray<{ anchor: string; correction: string; evidence: string }> = [
  {
    anchor: 'summary-support:1',
    correction: 'Caseloads are manageable in all teams since the new assessment team started in September.',
    evidence: 'Caseload report of 30 September: average 16 children a social worker, none above 20.',
  },
  {
    anchor: 'children-in-care:2',
    correction: 'Say that initial health assessments are now completed within 20 working days for most children.',
    evidence: 'Health partnership performance report, quarter 2: 78% within 20 working days.',
  },
]
