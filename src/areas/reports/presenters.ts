import { formatDate } from '../../rules/calendar/dates.js'
import { PMSIF_REPORT, REPORT_KIND, REPORT_RULES } from '../../rules/reports.js'
import type { ActivityType } from '../../rules/types.js'
import { monitoringLetterHtml, monitoringVisitLabel } from '../activities/index.js'
import type { StepTimeliness } from '../../rules/timelines/publication.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { changed, diffWords } from './diff.js'
import { reportPaths } from './paths.js'
import type { MilestoneProgress } from './progress.js'
import { paragraphsOf, type SectionDefinition, type Sections } from './sections.js'
import type { FaComment, ReportVersion, ReviewComment, StepRecord } from './types.js'
import { STEP_LABELS, STEP_TAGS, type ReportStep } from './workflow.js'

/** Shaping the report's records for its pages (STYLE.md: presenters, not templates, decide what shows). */

const TIMELINESS: Readonly<Record<StepTimeliness, string>> = {
  'on-time': '<strong class="govuk-tag govuk-tag--green">On time</strong>',
  late: '<strong class="govuk-tag govuk-tag--red">Late</strong>',
  overdue: '<strong class="govuk-tag govuk-tag--red">Overdue</strong>',
  due: '<strong class="govuk-tag govuk-tag--grey">Not yet due</strong>',
}

/** The step as a tag; a first monitoring letter's workflow ends sent to the LA, not published (E8, 001#41). */
export function stepTag(step: ReportStep, unpublishedLetter = false): string {
  if (step === 'published' && unpublishedLetter)
    return `<strong class="govuk-tag ${STEP_TAGS[step]}">Sent to the LA, not published</strong> ${ruleLink('E8', '001#41')}`
  return `<strong class="govuk-tag ${STEP_TAGS[step]}">${STEP_LABELS[step]}</strong>`
}

/**
 * What the report page says about a monitoring letter's arrangements: which timeline it follows
 * and why (E7: 002#216 or 001#42, by the framework the LA was judged under, 002#22 fn4), and
 * whether it is published (E8). Undefined for other documents.
 */
export function letterArrangements(monitoring: {
  handbook: 'ilacs' | '2017'
  visitNumber: number
  secondSet: boolean
}) {
  const timeline =
    monitoring.handbook === '2017'
      ? `The 2017 handbook’s day 1–23 timeline: the LA was judged inadequate under the single inspection framework and is monitored under it ${ruleLink('E7', '001#42; 002#22 fn4')}`
      : `The ILACS letter timeline for visits ${ruleLink('E7', '002#216')}`
  return [
    {
      key: { text: 'Visit' },
      value: { text: `Monitoring ${monitoringVisitLabel(monitoring).toLowerCase()}` },
    },
    { key: { text: 'Timeline' }, value: { html: timeline } },
    {
      key: { text: 'Publication' },
      value: { html: monitoringLetterHtml(monitoring) },
    },
  ]
}

/** The 002#216 steps as table rows: what, the statutory date, the actual date, and whether it was on time. */
export function progressRows(progress: readonly MilestoneProgress[]) {
  return progress.map((step) => [
    { html: `${escapeHtml(step.label)} ${ruleLink(step.rule, step.citation)}` },
    {
      text:
        formatDate(step.statutory) +
        (step.deadline !== step.statutory
          ? ` (due ${formatDate(step.deadline)}, from the day the draft was sent)`
          : ''),
      classes: 'app-nowrap',
    },
    {
      text: step.skipped ? 'No comments sent' : step.actual ? formatDate(step.actual) : 'Not yet',
      classes: 'app-nowrap',
    },
    { html: step.skipped ? '' : TIMELINESS[step.timeliness] },
  ])
}

/** The sections as a summary list: each one's first words, what it rests on, and its change link. */
export function sectionRows(
  definitions: readonly SectionDefinition[],
  sections: Sections,
  comments: readonly ReviewComment[],
  links: { activityId: string; canEdit: boolean },
) {
  return definitions.map((definition) => {
    const section = sections[definition.key]
    const text = section?.text ?? ''
    const rests = [
      section?.judgements.length
        ? `${section.judgements.length} judgement${section.judgements.length === 1 ? '' : 's'}`
        : '',
      section?.evidenceIds.length
        ? `${section.evidenceIds.length} evidence entr${section.evidenceIds.length === 1 ? 'y' : 'ies'}`
        : '',
    ].filter(Boolean)
    const reviewCount = comments.filter((comment) => comment.section === definition.key).length
    const words = text.length > 180 ? `${text.slice(0, 180).trimEnd()}…` : text
    return {
      key: { text: definition.label },
      value: {
        html: [
          text
            ? `<p class="govuk-body">${escapeHtml(words)}</p>`
            : `<p class="govuk-body"><strong class="govuk-tag govuk-tag--grey">${definition.optional ? 'Optional, empty' : 'Not written'}</strong></p>`,
          rests.length > 0 ? `<p class="govuk-body-s">Rests on ${rests.join(' and ')}</p>` : '',
          reviewCount > 0
            ? `<p class="govuk-body-s">${reviewCount} review comment${reviewCount === 1 ? '' : 's'}</p>`
            : '',
        ].join(''),
      },
      actions: {
        items: [
          {
            href: reportPaths.section.build({ activityId: links.activityId, section: definition.key }),
            text: links.canEdit ? 'Change' : 'View',
            visuallyHiddenText: definition.label.toLowerCase(),
          },
        ],
      },
    }
  })
}

/** The versions as table rows, each with its files. */
export function versionRows(
  versions: readonly ReportVersion[],
  activityId: string,
  nameOf: (id: string | null) => string,
) {
  return [...versions].reverse().map((version) => {
    const file = (name: 'report.pdf' | 'report.docx') =>
      reportPaths.file.build({ activityId, versionNumber: String(version.number), file: name })
    const over = version.pageLimit !== null && version.pages > version.pageLimit
    return [
      { text: String(version.number) },
      { text: version.status === 'draft' ? 'Draft' : version.status === 'embargoed' ? 'Embargoed' : 'Published' },
      { text: `${version.note ?? ''} — ${nameOf(version.createdBy)}` },
      {
        html: `${version.pages}${version.pageLimit ? ` of ${version.pageLimit}` : ''}${over ? ' <strong class="govuk-tag govuk-tag--red">Too long</strong>' : ''}`,
      },
      {
        html: `<a class="govuk-link" href="${file('report.pdf')}">PDF<span class="govuk-visually-hidden"> of version ${version.number}</span></a> <a class="govuk-link" href="${file('report.docx')}">Word<span class="govuk-visually-hidden"> copy of version ${version.number}</span></a>`,
      },
    ]
  })
}

const EVENT_WORDS: Readonly<Record<StepRecord['event'], string>> = {
  started: 'Started',
  submitted: 'Submitted for QA',
  returned: 'Returned to the lead inspector',
  approved: 'Approved',
  referred: 'Referred to the national director',
  'sent-for-factual-accuracy': 'Sent to the local authority for factual accuracy',
  'comments-submitted': 'Factual accuracy comments submitted',
  'final-sent': 'Final copy sent under embargo',
  published: 'Published',
  'dfe-notified': 'DfE told of an inadequate judgement',
  'late-flagged': 'Flagged late',
}

/** The history, newest first. */
export function historyItems(steps: readonly StepRecord[], nameOf: (id: string | null) => string) {
  return [...steps].reverse().map((step) => ({
    at: step.occurredAt,
    text: `${EVENT_WORDS[step.event]}${step.event === 'late-flagged' ? '' : ` by ${nameOf(step.actorId)}`}${step.note ? ` (${step.note})` : ''}${step.statutoryDate ? `; statutory date ${formatDate(step.statutoryDate)}` : ''}`,
  }))
}

/** Each section's paragraphs, numbered as the LA comments on them (002#215). */
export function numberedSections(definitions: readonly SectionDefinition[], sections: Sections) {
  return definitions.map((definition, index) => ({
    key: definition.key,
    number: index + 1,
    label: definition.label,
    paragraphs: paragraphsOf(sections[definition.key]?.text ?? '', definition.shape).map((text, at) => ({
      number: `${index + 1}.${at + 1}`,
      anchor: `${definition.key}:${at + 1}`,
      text,
    })),
  }))
}

/** The paragraph choices of the LA's comment form. */
export function paragraphItems(definitions: readonly SectionDefinition[], sections: Sections, chosen: string) {
  return numberedSections(definitions, sections).flatMap((section) =>
    section.paragraphs.map((paragraph) => ({
      value: paragraph.anchor,
      text: `${paragraph.number} ${section.label}: ${paragraph.text.slice(0, 60)}${paragraph.text.length > 60 ? '…' : ''}`,
      selected: paragraph.anchor === chosen,
    })),
  )
}

/** Where a factual accuracy comment is: "2.1 Findings". */
export function commentPlace(
  definitions: readonly SectionDefinition[],
  comment: Pick<FaComment, 'section' | 'paragraph'>,
) {
  const index = definitions.findIndex((definition) => definition.key === comment.section)
  return `${index + 1}.${comment.paragraph} ${definitions[index]?.label ?? comment.section}`
}

/** The two versions' sections side by side as one text with what was removed and added marked. */
export function comparedSections(definitions: readonly SectionDefinition[], before: Sections, after: Sections) {
  return definitions.map((definition) => {
    const parts = diffWords(before[definition.key]?.text ?? '', after[definition.key]?.text ?? '')
    return {
      label: definition.label,
      changed: changed(parts),
      html: parts
        .map((part) => {
          const text = escapeHtml(part.text).replace(/\n/g, '<br>')
          if (part.type === 'added') return `<ins class="app-diff-added">${text}</ins>`
          if (part.type === 'removed') return `<del class="app-diff-removed">${text}</del>`
          return text
        })
        .join(''),
    }
  })
}

const WHEN = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' })

/**
 * Who the final copy went to (002#216, #224), each with what became of their email in the
 * outbox: sent, waiting, or failing with its last error.
 */
export function recipientRows(
  recipients: readonly { group: string; name: string; email: string }[],
  emails: readonly { recipient: string; sentAt: Date | null; attempts: number; lastError: string | null }[],
) {
  return recipients.map((recipient) => {
    const email = emails.findLast((candidate) => candidate.recipient.toLowerCase() === recipient.email.toLowerCase())
    const status = !email
      ? 'Not sent'
      : email.sentAt
        ? `Sent ${WHEN.format(email.sentAt)}`
        : email.lastError
          ? `Not sent yet: ${email.lastError} (${email.attempts} attempts)`
          : 'Waiting to be sent'
    return [{ text: recipient.group }, { text: recipient.name }, { text: recipient.email }, { text: status }]
  })
}

/**
 * What the report page says a report or letter of `type` is (E6, the 002#202 table), the rules it
 * is checked against (002#206-213; for the 2015 post-monitoring inspection, its sections, 001#64).
 */
export function reportGuidance(type: ActivityType) {
  const kind = type in REPORT_KIND ? REPORT_KIND[type as keyof typeof REPORT_KIND] : undefined
  const checked = type === 'standard-inspection' || type === 'short-inspection' || type === 'focused-visit'
  return {
    kind,
    rules: checked ? REPORT_RULES.map((rule) => `${rule.text} (${rule.citation})`) : [],
    sections: type === 'post-monitoring-inspection' ? PMSIF_REPORT.sections : [],
  }
}
