import {
  DFE_STAFF,
  EVERYONE,
  FIELDWORK_POLICY,
  LA_STAFF,
  MONITORING_POLICY,
  OFFER_2015_POLICY,
  OFSTED_READ,
} from './policy-groups.js'
import { ROLE_INFO, type Role } from './roles.js'

/**
 * The one authorisation policy: role × action × scope (issue 3). Every route names the action
 * it performs; the route guard asks this table, and list queries ask `laScope` for the filter
 * to apply. A role with no grant for an action gets 403 on its own LA's records; a role whose
 * grant (or whose account, see `reachesLa`) does not reach the LA in question gets 404, so an
 * LA user cannot learn that another LA's page exists.
 */
export type Scope =
  /** Every LA. */
  | 'all'
  /** LAs in the account's region (regional directors). */
  | 'region'
  /** The account's own LA (LA staff). */
  | 'own-la'
  /** The LAs the account is assigned to (DfE staff, commissioners). */
  | 'assigned-las'
  /** An action that concerns no LA (e.g. reading the rulebook). */
  | 'global'
  /** Members of the activity's team (any team role); for a 2015 offer, its named inspectors. */
  | 'activity-team'
  /** The activity's lead inspector. */
  | 'activity-lead'
  /** Members of the activity's team whose team role gathers evidence (002#53: not shadowing inspectors). */
  | 'activity-evidence'
  /** The activity's QA manager (team role `qa-manager`, 002#186, #190). */
  | 'activity-qa'

export interface Principal {
  readonly id: string
  readonly email: string
  readonly displayName: string
  readonly role: Role
  readonly regionCode: string | null
  readonly laCode: string | null
  readonly laCodes: readonly string[]
}

/** What a permission is checked against: the LA a record belongs to, and its activity's team. */
export interface PolicyTarget {
  readonly laCode: string
  readonly regionCode: string
  /** For a record of an activity: the accounts on its team, and its lead inspector(s). */
  readonly teamUserIds?: readonly string[]
  readonly leadUserIds?: readonly string[]
  /** Team members who gather evidence, and the QA manager(s), for the fieldwork records. */
  readonly evidenceUserIds?: readonly string[]
  readonly qaUserIds?: readonly string[]
  /**
   * False while the LA must not know of the record: an inspection is unannounced until the
   * notice call (002#73), so LA accounts cannot see a planned activity before it.
   */
  readonly laVisible?: boolean
}

export const POLICY = {
  'home.view': { description: 'See the home page and what needs you today', grants: EVERYONE },
  'rules.view': { description: 'Read the rulebook', grants: EVERYONE },
  'register.view': {
    description: 'See an LA in the register: its judgement history, pathway and due window',
    grants: { ...OFSTED_READ, ...LA_STAFF, ...DFE_STAFF, administrator: 'all' },
  },
  'judgement.record': {
    description: 'Record or correct a published judgement in the register',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  // A body that runs the LA's children's services under delegated functions (002#227-237): the
  // regional director keeps the LA's record for Ofsted (as its judgements), the DfE case lead of an
  // LA in intervention records what the Secretary of State directed (002#231, 004); all who see the
  // LA in the register see it.
  'delivery.manage': {
    description:
      'Record the trust or other body that runs an LA’s children’s services under delegated functions, and when it stops (the regional director; the DfE case lead of the LA)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'dfe-case-lead': 'assigned-las' },
  },
  'activity.view': {
    description: 'See an inspection or visit: its timeline, team and status (LA staff once notice is given)',
    grants: { ...OFSTED_READ, ...LA_STAFF },
  },
  'activity.plan': {
    description: 'Plan an inspection or visit, change its on-site date, defer or cancel it',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  'activity.manage': {
    description: 'Run an activity: its team, LA contacts, notice call and status',
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'inspection-support': 'all',
      'senior-hmi': 'activity-team',
      hmi: 'activity-lead',
    },
  },
  ...FIELDWORK_POLICY,
  'annex-a.upload': {
    description: 'Upload the Annex A lists and documents for the LA’s own inspection, once notice is given',
    grants: { ...LA_STAFF },
  },
  'annex-a.read': {
    description:
      'Read Annex A returns (child-level data): findings, marked-up workbooks, documents — the uploading LA and the activity’s team only; every read is audited',
    grants: {
      ...LA_STAFF,
      'senior-hmi': 'activity-team',
      hmi: 'activity-team',
      'qa-manager': 'activity-team',
      'regional-director': 'activity-team',
      'national-director': 'activity-team',
    },
  },
  'annex-a.profile': {
    description:
      'See the Annex A profile and the children on the lists, and build the case sample — the activity’s team only; every read is audited',
    grants: {
      'senior-hmi': 'activity-team',
      hmi: 'activity-team',
      'qa-manager': 'activity-team',
      'regional-director': 'activity-team',
      'national-director': 'activity-team',
    },
  },
  'case-sample.manage': {
    description: 'Choose the children whose cases inspectors evaluate, and ask for audited cases (002#150-153, #258)',
    grants: { 'senior-hmi': 'activity-team', hmi: 'activity-team' },
  },
  'judgements.view': {
    description:
      "See an inspection's judgements or a focused visit's findings before publication, with their checks and the feedback meeting",
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'qa-manager': 'all',
      'senior-hmi': 'activity-team',
      hmi: 'activity-team',
    },
  },
  'judgements.record': {
    description:
      'Record judgements or focused-visit findings, confirm them after the checks, and record the feedback meeting',
    grants: { hmi: 'activity-lead', 'senior-hmi': 'activity-team' },
  },
  'judgements.view-feedback': {
    description:
      'See the feedback meeting and the provisional judgements given there (the LA’s DCS only once feedback is on record, 002#197)',
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'qa-manager': 'all',
      'senior-hmi': 'activity-team',
      hmi: 'activity-team',
      'la-dcs': 'own-la',
    },
  },
  // Reports and letters (issue 11). Drafts are Ofsted's until the factual accuracy step: the LA's
  // DCS and link person see the draft sent to them and the final copy under embargo, never the
  // drafts before it, the review comments or the links to evidence (002#215-216); nothing here is
  // public (the publications area publishes).
  'report.view': {
    description:
      'See a report or letter before publication: its versions, comparisons, review and factual accuracy comments (the team, QA managers, directors, inspection support)',
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'qa-manager': 'all',
      'inspection-support': 'all',
      'senior-hmi': 'activity-team',
      hmi: 'activity-team',
    },
  },
  'report.write': {
    description: 'Start the report or letter and write its sections (the inspectors of the activity, 002#203)',
    grants: { hmi: 'activity-evidence', 'senior-hmi': 'activity-evidence' },
  },
  'report.lead': {
    description:
      'Submit the report for QA, send it to the LA for factual accuracy, answer the LA’s comments and send the final copy under embargo (the lead inspector, 002#203, #215-216)',
    grants: { hmi: 'activity-lead', 'senior-hmi': 'activity-lead' },
  },
  'report.review': {
    description:
      'Review the report section by section and return or approve it: the activity’s QA manager, then for inspections the regional director, who may refer it to the national director (002#214)',
    grants: { 'qa-manager': 'activity-qa', 'regional-director': 'region', 'national-director': 'all' },
  },
  'report.qa': {
    description: 'Decide a factual accuracy dispute (the activity’s QA manager, 002#222)',
    grants: { 'qa-manager': 'activity-qa' },
  },
  'report.la-view': {
    description:
      'See the draft sent for factual accuracy and the final copy under embargo (the LA’s DCS and link person, from the factual accuracy step, 002#215-216)',
    grants: { 'la-dcs': 'own-la', 'la-link': 'own-la' },
  },
  'report.la-comment': {
    description:
      'Comment on the draft’s factual accuracy with the correction and evidence, submit once, and dispute an answer (the LA’s DCS and link person, 002#215, #222)',
    grants: { 'la-dcs': 'own-la', 'la-link': 'own-la' },
  },
  // Senior HMI deploy the inspectors who carry the programme and inspection support arrange its
  // logistics (notices, travel, publication), so both read the plan and capacity; only
  // directors propose (002#15: regions decide, the national director agrees the programme).
  'programme.view': {
    description: 'See the national programme: due windows, planned activities, rule checks and inspector capacity',
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'senior-hmi': 'all',
      'inspection-support': 'all',
    },
  },
  'programme.propose': {
    description: 'Propose an inspection or visit in the programme planner, see its rule checks and commit it',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  'programme.configure': {
    description: "Set the planner's inspector capacity limit (on-site activities per week)",
    grants: { 'national-director': 'global' },
  },
  'leave.manage': {
    description: "Record and remove inspectors' leave (dates only)",
    grants: { 'national-director': 'global', 'regional-director': 'global', 'inspection-support': 'global' },
  },
  // The DfE's intervention record (004): its DfE staff work on their assigned LAs, the LA's DCS
  // reads their own LA's record, Ofsted's directors read it and record the triggers they own.
  'intervention.view': {
    description:
      "See an LA's intervention record and its triggers: notices and directions, board, reports and lifecycle (the DCS: their own LA only)",
    grants: { ...DFE_STAFF, 'la-dcs': 'own-la', 'national-director': 'all', 'regional-director': 'region' },
  },
  'intervention.manage': {
    description:
      'Open an intervention record, record its steps, notices and directions, board and reporting schedule (the DfE case lead)',
    grants: { 'dfe-case-lead': 'assigned-las' },
  },
  'intervention.report': {
    description: "Record the improvement board's meetings with their minutes, and reports received (DfE staff)",
    grants: { ...DFE_STAFF },
  },
  'intervention.trigger': {
    description:
      'Record that an LA differs over its action plan (001#22); a refusal of the monitoring programme is recorded on the programme (monitoring.decline)',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  'intervention.checklist': {
    description:
      'Answer the LA’s checklists: the signatures of risk, the questions for the lead member and the reflective questions (004; the DCS: their own LA only)',
    grants: { ...DFE_STAFF, 'la-dcs': 'own-la' },
  },
  // The LA's self-evaluation and the annual engagement meeting (002#27-48): never published.
  'engagement.view': {
    description:
      "See an LA's self-evaluations and annual engagement meetings (the LA's DCS and link person: their own)",
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'senior-hmi': 'all',
      hmi: 'all',
      'la-dcs': 'own-la',
      'la-link': 'own-la',
    },
  },
  'engagement.share': {
    description: 'Share the LA’s self-evaluation and updated action plan with Ofsted (002#27, #220)',
    grants: { 'la-dcs': 'own-la', 'la-link': 'own-la' },
  },
  'engagement.manage': {
    description: 'Arrange the annual engagement meeting, record it and send the letter to the DCS (002#43-48)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'senior-hmi': 'all' },
  },
  'engagement.agenda': {
    description: 'Agree the engagement meeting’s agenda (the regional senior HMI and the DCS, 002#47)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'senior-hmi': 'all', 'la-dcs': 'own-la' },
  },
  ...MONITORING_POLICY,
  ...OFFER_2015_POLICY,
  'reminders.manage': { description: 'See and stop the reminders you get by email', grants: EVERYONE },
  'audit.search': { description: 'Search the audit log', grants: { administrator: 'global' } },
  'users.manage': { description: 'Create and disable accounts', grants: { administrator: 'global' } },
  'register.import': {
    description: 'Import Ofsted’s published outcomes files into the register (issue 14)',
    grants: { administrator: 'global' },
  },
} as const satisfies Record<string, { description: string; grants: Partial<Record<Role, Scope>> }>

export type Action = keyof typeof POLICY

/** The scope `role` holds for `action`, or undefined when it holds none. */
export function scopeFor(role: Role, action: Action): Scope | undefined {
  const grants: Partial<Record<Role, Scope>> = POLICY[action].grants
  return grants[role]
}

/** May the principal perform `action` at all (on some LA, or globally)? */
export function can(principal: Principal, action: Action): boolean {
  return scopeFor(principal.role, action) !== undefined
}

/** May the principal perform `action` on a record of the target LA? */
export function canOn(principal: Principal, action: Action, target: PolicyTarget): boolean {
  const scope = scopeFor(principal.role, action)
  switch (scope) {
    case 'all':
    case 'global':
      return true
    case 'region':
      return principal.regionCode !== null && principal.regionCode === target.regionCode
    case 'own-la':
      return principal.laCode !== null && principal.laCode === target.laCode && target.laVisible !== false
    case 'assigned-las':
      return principal.laCodes.includes(target.laCode)
    case 'activity-team':
      return target.teamUserIds?.includes(principal.id) ?? false
    case 'activity-lead':
      return target.leadUserIds?.includes(principal.id) ?? false
    case 'activity-evidence':
      return target.evidenceUserIds?.includes(principal.id) ?? false
    case 'activity-qa':
      return target.qaUserIds?.includes(principal.id) ?? false
    case undefined:
      return false
  }
}

/**
 * Does the account's own scope reach the target's LA at all, whatever the action? LA staff
 * reach their own LA (once the LA may know of the record), DfE staff and commissioners their
 * assigned LAs; Ofsted staff and administrators every LA. The route guard answers 404 rather
 * than 403 when it does not, so a refusal never tells an LA that another LA's record exists.
 */
export function reachesLa(principal: Principal, target: PolicyTarget): boolean {
  switch (ROLE_INFO[principal.role].scopedTo) {
    case 'la':
      return principal.laCode === target.laCode && target.laVisible !== false
    case 'las':
      return principal.laCodes.includes(target.laCode)
    case 'region':
    case 'none':
      return true
  }
}

/** The set of LAs a list query may show the principal for `action`. */
export type LaFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'region'; readonly regionCode: string }
  | { readonly kind: 'las'; readonly laCodes: readonly string[] }
  | { readonly kind: 'team'; readonly userId: string }
  | { readonly kind: 'none' }

export function laFilter(principal: Principal, action: Action): LaFilter {
  const scope = scopeFor(principal.role, action)
  switch (scope) {
    case 'all':
    case 'global':
      return { kind: 'all' }
    case 'region':
      return principal.regionCode ? { kind: 'region', regionCode: principal.regionCode } : { kind: 'none' }
    case 'own-la':
      return principal.laCode ? { kind: 'las', laCodes: [principal.laCode] } : { kind: 'none' }
    case 'assigned-las':
      return { kind: 'las', laCodes: principal.laCodes }
    case 'activity-team':
    case 'activity-lead':
    case 'activity-evidence':
    case 'activity-qa':
      // Team scopes reach records one activity at a time; lists filter by team membership.
      return { kind: 'team', userId: principal.id }
    case undefined:
      return { kind: 'none' }
  }
}
