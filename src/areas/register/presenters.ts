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
import { ACTIVITIES_BY_GRADE, type PathwayStatus } from '../../rules/pathways.js'
import { escapeHtml } from '../../web/html.js'
import { ruleLink } from '../../web/rule-links.js'
import { registerPaths } from './paths.js'
import type { JudgementRecord, LocalAuthority, RegisterEntry, Standing } from './types.js'

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
  return standing.derived
    ? `${tag} <span class="govuk-body-s">(derived from the area grades; no overall grade given)</span>`
    : tag
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

/** The row of the 002#24 table (P7) for each pathway. */
const PATHWAY_GRADE = { 1: 'good-or-outstanding', 2: 'requires-improvement', 3: 'inadequate' } as const

/** The LA's pathway, next judgement inspection, focused visits and range of activity, each with its rule. */
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
      key: { text: 'Range of activity' },
      value: {
        html: `${ACTIVITIES_BY_GRADE[PATHWAY_GRADE[pathway.pathway]].map(escapeHtml).join('<br>')} ${ruleLink('P7', '002#24')}`,
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
