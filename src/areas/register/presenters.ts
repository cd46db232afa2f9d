import { formatDate } from '../../rules/calendar/dates.js'
import {
  dateFieldFrom,
  dateFieldOf,
  dateInputItems,
  type FieldErrors,
  type FormValues,
  valueOf,
} from '../../web/forms.js'
import {
  ACTIVITY_TYPE_LABELS,
  FRAMEWORK_INFO,
  FRAMEWORKS,
  type Framework,
  GRADE_LABELS,
  GRADES,
  type Grade,
} from './frameworks.js'
import type { PathwayStatus } from '../../rules/pathways.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { correctionChain, gradeRows } from './history.js'
import { registerPaths } from './paths.js'
import type { JudgementRecord, LocalAuthority, RegisterEntry, Standing } from './types.js'
import { VISIT_TYPE_LABELS, type VisitRecord } from './visits.js'

const GRADE_TAG: Readonly<Record<Grade, string>> = {
  outstanding: 'govuk-tag--green',
  good: 'govuk-tag--turquoise',
  'requires-improvement': 'govuk-tag--yellow',
  inadequate: 'govuk-tag--red',
}

/** A grade as a GOV.UK tag's HTML (the label is fixed text, so this is safe). */
export function gradeTag(grade: Grade | undefined): string {
  if (!grade) return '<span class="govuk-hint">Not graded</span>'
  return `<strong class="govuk-tag ${GRADE_TAG[grade]}">${GRADE_LABELS[grade]}</strong>`
}

function standingHtml(standing: Standing | undefined): string {
  if (!standing) return '<span class="govuk-hint">No judgement recorded</span>'
  const tag = gradeTag(standing.grade)
  return standing.derived ? `${tag} <span class="govuk-body-s">(lowest area grade; no overall grade given)</span>` : tag
}

const NEXT_TYPE: Readonly<Record<string, string>> = {
  'short-inspection': 'Short inspection',
  'standard-inspection': 'Standard inspection',
  'sif-inspection': 'Re-inspection (single inspection framework)',
  'post-monitoring-inspection': 'Post-monitoring inspection',
}

function dueHtml(pathway: PathwayStatus | undefined): string {
  if (!pathway) return '<span class="govuk-hint">–</span>'
  const overdue = pathway.overdue.length > 0 ? ' <strong class="govuk-tag govuk-tag--red">Overdue</strong>' : ''
  return `${formatDate(pathway.next.from)} to ${formatDate(pathway.next.to)} ${ruleLink(pathway.next.rule, pathway.next.citation)}${overdue}`
}

export function registerRows(entries: readonly RegisterEntry[]): Array<Array<Record<string, unknown>>> {
  // Four columns, each stacking what belongs together, so the table fits a desktop without
  // scrolling (issue 10): the code under the name, the publication date under the grade, the
  // pathway over its due window.
  return entries.map(({ la, standing, pathway }) => [
    {
      html: `<a class="govuk-link" href="${registerPaths.show.build({ laCode: la.laCode })}">${escapeHtml(la.name)}</a><br><span class="govuk-body-s">Code ${escapeHtml(la.laCode)}</span>`,
    },
    { text: la.regionName },
    {
      html: `${standingHtml(standing)}${standing ? `<br><span class="govuk-body-s">Published ${formatDate(standing.record.publishedOn)}</span>` : ''}`,
    },
    {
      html: pathway
        ? `<span class="govuk-body-s">Pathway ${pathway.pathway}</span><br>${dueHtml(pathway)}`
        : dueHtml(pathway),
    },
  ])
}

/** The LA's pathway, next judgement inspection and focused visits, each with its rule. */
export function pathwayRows(pathway: PathwayStatus | undefined): Array<Record<string, unknown>> {
  if (!pathway)
    return [
      { key: { text: 'Pathway' }, value: { text: 'No graded judgement is recorded, so no pathway applies yet.' } },
    ]
  const focused = pathway.focusedVisits
  const conflict = (focused as { conflict?: { max: number; message: string; rule: string; citation: string } }).conflict
  return [
    { key: { text: 'Pathway' }, value: { html: `Pathway ${pathway.pathway} ${ruleLink(`P${pathway.pathway}`)}` } },
    {
      key: { text: 'Next judgement inspection' },
      value: {
        html: `${escapeHtml(NEXT_TYPE[pathway.next.type] ?? pathway.next.type)}, due ${formatDate(pathway.next.from)} to ${formatDate(pathway.next.to)} ${ruleLink(pathway.next.rule, pathway.next.citation)}${pathway.next.alternatives.map((alternative) => `<br><span class="govuk-body-s">Or ${escapeHtml(NEXT_TYPE[alternative.type] ?? alternative.type)}: ${escapeHtml(alternative.when)} ${ruleLink(alternative.rule, alternative.citation)}</span>`).join('')}`,
      },
    },
    {
      key: { text: 'Focused visits' },
      value: {
        html: `${focused.used} used of ${focused.max} allowed before the next judgement inspection ${ruleLink(focused.rule, focused.citation)}${conflict ? `<br><span class="govuk-body-s">${escapeHtml(conflict.message)} ${ruleLink(conflict.rule, conflict.citation)}</span>` : ''}`,
      },
    },
    {
      key: { text: 'Overdue' },
      value: {
        html:
          pathway.overdue.length === 0
            ? 'Nothing overdue'
            : pathway.overdue
                .map(
                  (item) =>
                    `<strong class="govuk-tag govuk-tag--red">Overdue</strong> ${escapeHtml(item.what)}, due by ${formatDate(item.due)} ${ruleLink(item.rule, item.citation)}`,
                )
                .join('<br>'),
      },
    },
    ...pathway.flags.map((flag) => ({
      key: { text: 'Check' },
      value: { html: `${escapeHtml(flag.message)} ${ruleLink(flag.rule, flag.citation)}` },
    })),
  ]
}

export function laSummaryRows(la: LocalAuthority, standing: Standing | undefined): Array<Record<string, unknown>> {
  return [
    { key: { text: 'LA code (DfE)' }, value: { text: la.laCode } },
    {
      key: { text: 'ONS code' },
      value: { text: la.previousGssCodes ? `${la.gssCode} (previously ${la.previousGssCodes})` : la.gssCode },
    },
    { key: { text: 'Region' }, value: { text: la.regionName } },
    {
      key: { text: 'Type' },
      value: { text: capitalise(la.laType) + (la.londonSubregion ? ` (${la.londonSubregion})` : '') },
    },
    { key: { text: 'Latest grade' }, value: { html: standingHtml(standing) } },
  ]
}

export interface HistoryItem {
  readonly id: string
  readonly kind: 'judgement' | 'visit'
  readonly heading: string
  readonly current: boolean
  readonly summaryRows: Array<Record<string, unknown>>
  readonly gradeRows: Array<Record<string, unknown>>
  readonly versions: Array<{ recordedAt: Date; reason: string | null; current: boolean }>
  readonly correctHref: string | undefined
  /** The date the list is ordered by: publication, or for a visit without one, its first day. */
  readonly sortDate: string
}

/** Where a record the service published came from, as links (the publication, the activity). */
export type SourceLinks = (source: {
  readonly activityId: string
  readonly publicationId: string | null
  readonly published: boolean
}) => Array<{ text: string; href: string }>

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  manual: 'Recorded by hand',
  demo: 'Demo data',
  import: 'Imported from Ofsted’s published outcomes',
  service: 'Published through this service',
}

function sourceRow(
  record: { source: string; activityId: string | null; publicationId: string | null; sourceDetail?: string | null },
  published: boolean,
  links: SourceLinks | undefined,
): Record<string, unknown> {
  const label = escapeHtml(SOURCE_LABELS[record.source] ?? record.source)
  const detail = record.sourceDetail ? ` <span class="govuk-body-s">(${escapeHtml(record.sourceDetail)})</span>` : ''
  const linked =
    record.activityId && links
      ? links({ activityId: record.activityId, publicationId: record.publicationId, published })
          .map((link) => `<br><a class="govuk-link" href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>`)
          .join('')
      : ''
  return { key: { text: 'Source' }, value: { html: `${label}${detail}${linked}` } }
}

/**
 * The LA's history, newest first: the current version of each judgement and each visit
 * (focused, monitoring, JTAI), with where it came from.
 */
export function historyItems(
  la: LocalAuthority,
  records: readonly JudgementRecord[],
  visits: readonly VisitRecord[] = [],
  links?: SourceLinks,
): HistoryItem[] {
  const judgements: HistoryItem[] = records
    .filter((record) => record.correctedById === null)
    .map((record) => {
      const chain = correctionChain(records, record.id)
      return {
        id: record.id,
        kind: 'judgement' as const,
        heading: `${ACTIVITY_TYPE_LABELS[record.activityType]}, published ${formatDate(record.publishedOn)}`,
        current: true,
        summaryRows: [
          { key: { text: 'Framework' }, value: { text: FRAMEWORK_INFO[record.framework].label } },
          {
            key: { text: 'Inspection dates' },
            value: { text: `${formatDate(record.inspectionStart)} to ${formatDate(record.inspectionEnd)}` },
          },
          { key: { text: 'Published' }, value: { text: formatDate(record.publishedOn) } },
          sourceRow(record, true, links),
        ],
        gradeRows: gradeRows(record).map((row) => ({ key: { text: row.label }, value: { html: gradeTag(row.grade) } })),
        versions: chain.map((version) => ({
          recordedAt: version.recordedAt,
          reason: version.correctionReason,
          current: version.id === record.id,
        })),
        correctHref: registerPaths.correctJudgement.build({ laCode: la.laCode, recordId: record.id }),
        sortDate: record.publishedOn,
      }
    })
  const visitItems: HistoryItem[] = visits.map((visit) => ({
    id: visit.id,
    kind: 'visit' as const,
    heading: `${VISIT_TYPE_LABELS[visit.visitType]}, ${visit.publishedOn ? `published ${formatDate(visit.publishedOn)}` : `from ${formatDate(visit.start)}`}`,
    current: true,
    summaryRows: [
      {
        key: { text: 'Visit dates' },
        value: {
          text: visit.end
            ? `${formatDate(visit.start)} to ${formatDate(visit.end)}`
            : `From ${formatDate(visit.start)}`,
        },
      },
      ...(visit.theme ? [{ key: { text: 'Theme' }, value: { text: visit.theme } }] : []),
      {
        key: { text: 'Letter published' },
        value: {
          text: visit.publishedOn
            ? formatDate(visit.publishedOn)
            : visit.visitType === 'monitoring-visit' && visit.source === 'service'
              ? 'Not published: the first monitoring letter of a set is not (001#41)'
              : 'Not known',
        },
      },
      sourceRow(visit, visit.publishedOn !== null, links),
    ],
    gradeRows: [],
    versions: [],
    correctHref: undefined,
    sortDate: visit.publishedOn ?? visit.end ?? visit.start,
  }))
  return [...judgements, ...visitItems].sort((a, b) => (a.sortDate < b.sortDate ? 1 : a.sortDate > b.sortDate ? -1 : 0))
}

/** A new judgement's form: the type of inspection is chosen already when the framework has only one. */
export function emptyJudgementValues(framework: Framework): FormValues {
  const types = FRAMEWORK_INFO[framework].activityTypes
  return { activityType: types.length === 1 ? types[0] : '' }
}

/** A correction's form, filled in from the record it corrects ("Not graded" where an area was not). */
export function storedJudgementValues(record: JudgementRecord): FormValues {
  return {
    activityType: record.activityType,
    inspectionStart: dateFieldFrom(record.inspectionStart),
    inspectionEnd: dateFieldFrom(record.inspectionEnd),
    publishedOn: dateFieldFrom(record.publishedOn),
    ...Object.fromEntries(
      FRAMEWORK_INFO[record.framework].areas.map((area) => [
        `grade-${area.key}`,
        record.grades[area.key] ?? 'not-graded',
      ]),
    ),
    correctionReason: '',
  }
}

export function frameworkItems(selected: string | undefined): Array<Record<string, unknown>> {
  return FRAMEWORKS.map((framework) => ({
    value: framework,
    text: FRAMEWORK_INFO[framework].label,
    hint: {
      text: FRAMEWORK_INFO[framework].hasOverall
        ? `${FRAMEWORK_INFO[framework].areas.length} judgements including overall effectiveness`
        : 'Area judgements only; no overall effectiveness grade',
    },
    checked: framework === selected,
  }))
}

/** Everything the judgement form needs, errors included, shaped for the GOV.UK macros. */
export function judgementFormView(framework: Framework, values: FormValues, errors: FieldErrors) {
  const info = FRAMEWORK_INFO[framework]
  const message = (field: string) => (errors[field] ? { text: errors[field] } : undefined)
  return {
    frameworkLabel: info.label,
    framework,
    activityTypeItems: info.activityTypes.map((type) => ({
      value: type,
      text: ACTIVITY_TYPE_LABELS[type],
      checked: valueOf(values, 'activityType') === type,
    })),
    activityTypeError: message('activityType'),
    frameworkError: message('framework'),
    dates: (['inspectionStart', 'inspectionEnd', 'publishedOn'] as const).map((name) => ({
      name,
      legend: {
        inspectionStart: 'First day of the inspection',
        inspectionEnd: 'Last day of the inspection',
        publishedOn: 'Date the report was published',
      }[name],
      items: dateInputItems(name, dateFieldOf(values, name), Boolean(errors[name])),
      error: message(name),
    })),
    areas: info.areas.map((area) => {
      const chosen = valueOf(values, `grade-${area.key}`)
      return {
        name: `grade-${area.key}`,
        label: area.label,
        required: area.required,
        error: message(`grade-${area.key}`),
        items: [
          ...GRADES.map((grade) => ({ value: grade, text: GRADE_LABELS[grade], checked: chosen === grade })),
          ...(area.required
            ? []
            : [{ divider: 'or' }, { value: 'not-graded', text: 'Not graded', checked: chosen === 'not-graded' }]),
        ],
      }
    }),
    correctionReason: valueOf(values, 'correctionReason'),
    correctionReasonError: message('correctionReason'),
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
