import type { Role } from './roles.js'
import type { Scope } from './policy.js'

/**
 * The role groups the policy grants to, and the fieldwork records' part of the policy (composed
 * into `POLICY` in policy.ts; kept apart so the policy stays a table that reads at a glance).
 */
export const OFSTED_READ: Partial<Record<Role, Scope>> = {
  'national-director': 'all',
  'regional-director': 'all',
  'senior-hmi': 'all',
  hmi: 'all',
  'qa-manager': 'all',
  'inspection-support': 'all',
}

export const LA_STAFF: Partial<Record<Role, Scope>> = {
  'la-dcs': 'own-la',
  'la-link': 'own-la',
  'la-analyst': 'own-la',
}
export const DFE_STAFF: Partial<Record<Role, Scope>> = {
  'dfe-case-lead': 'assigned-las',
  'dfe-adviser': 'assigned-las',
  commissioner: 'assigned-las',
}
export const EVERYONE: Partial<Record<Role, Scope>> = {
  'national-director': 'global',
  'regional-director': 'global',
  'senior-hmi': 'global',
  hmi: 'global',
  'qa-manager': 'global',
  'inspection-support': 'global',
  'la-dcs': 'global',
  'la-link': 'global',
  'la-analyst': 'global',
  'dfe-case-lead': 'global',
  'dfe-adviser': 'global',
  commissioner: 'global',
  administrator: 'global',
}

// The fieldwork records (evidence area). They name children by case reference, so only the
// activity's own team reads them, whatever the account's role (002#181, ARCHITECTURE "Data
// rules"); directors read them by joining the team, not by default. LA staff see requests and
// escalated cases of concern about their own children, once notice is given (002#73, #136, #167).
export const TEAM_ROLES_OF_OFSTED = [
  'national-director',
  'regional-director',
  'senior-hmi',
  'hmi',
  'qa-manager',
] as const
export const onTeam = (scope: Scope): Partial<Record<Role, Scope>> =>
  Object.fromEntries(TEAM_ROLES_OF_OFSTED.map((role) => [role, scope]))
export const FIELDWORK_POLICY = {
  'evidence.read': {
    description: "Read an activity's evidence record, QA notes and keep-in-touch notes (its team only)",
    grants: onTeam('activity-team'),
  },
  'evidence.write': {
    description:
      'Write evidence entries and keep-in-touch notes, raise requests for information and cases of concern (evidence-gathering team members, 002#53)',
    grants: onTeam('activity-evidence'),
  },
  'evidence.qa': {
    description: 'Add QA manager notes to the evidence record (the activity’s QA manager, 002#190)',
    grants: onTeam('activity-qa'),
  },
  'evidence.lead': {
    description:
      'Resolve QA notes, agree and decide requests for information, escalate cases of concern and record findings (the lead inspector, 002#244, 000 Annex C)',
    grants: onTeam('activity-lead'),
  },
  'rfi.view': {
    description: 'See the record of requests for further information (the team; the LA once notified, 002#167)',
    grants: { ...onTeam('activity-team'), ...LA_STAFF },
  },
  'rfi.answer': { description: 'Answer a request for further information for your LA (002#167)', grants: LA_STAFF },
  'concern.view': {
    description: 'See cases of concern (the team; the DCS and link person once escalated, 002#136)',
    grants: { ...onTeam('activity-team'), 'la-dcs': 'own-la', 'la-link': 'own-la' },
  },
  'concern.respond': {
    description: 'Respond in writing to a case of concern for your LA (000 Annex C)',
    grants: { 'la-dcs': 'own-la', 'la-link': 'own-la' },
  },
} as const satisfies Record<string, { description: string; grants: Partial<Record<Role, Scope>> }>

// The monitoring programme after an inadequate judgement (issue 12; 001, 002#112-139): Ofsted,
// the LA (its own only) and the DfE case lead of the LA see it; the regional director writes the
// letters and records the re-inspection decision (001#9, #21, #54); Ofsted's inspectors keep the
// dates, the items, the visit and progress; the LA submits its action plan (001#19).
export const MONITORING_POLICY = {
  'monitoring.view': {
    description:
      "See an LA's monitoring programme after an inadequate judgement: its steps, dates, action plan and thread (the LA and the DfE case lead: their own)",
    grants: { ...OFSTED_READ, 'la-dcs': 'own-la', 'la-link': 'own-la', 'dfe-case-lead': 'assigned-las' },
  },
  'monitoring.direct': {
    description:
      'Open a monitoring programme, send the action planning visit letter, review the action plan and decide the re-inspection (the regional director, 001#9, #21, #54)',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  'monitoring.manage': {
    description:
      'Keep a monitoring programme: its dates, recommendations, the action planning visit and its record, progress against each item (Ofsted inspectors, 001#14, #18)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'senior-hmi': 'all', hmi: 'all' },
  },
  'monitoring.decline': {
    description:
      'Record that the LA will not agree its monitoring programme (what it said, the persuasion tried), the DfE told, and that it later accepted (the regional director, 002#113, 001#3)',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  'monitoring.lead': {
    description:
      'Name the lead inspector of a monitoring programme, who then gets the reminders of the inspector’s steps (the senior HMI or the regional director, 002#129)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'senior-hmi': 'all' },
  },
  'monitoring.action-plan': {
    description: 'Submit or update the LA’s action plan with its actions against each recommendation (001#19)',
    grants: { 'la-dcs': 'own-la', 'la-link': 'own-la' },
  },
} as const satisfies Record<string, { description: string; grants: Partial<Record<Role, Scope>> }>

// The 2015 improvement offer after a SIF inadequate judgement (issue 15; 000): Ofsted, the LA (its
// own only) and the DfE case lead of the LA see it; the regional director opens it (000#12);
// Ofsted's inspectors record its steps (000#14-54); the LA, or Ofsted for it, records its reply to
// the seminar invitation and when its plan went in (000#14-15, #29).
export const OFFER_2015_POLICY = {
  'offer-2015.view': {
    description:
      "See an LA's 2015 improvement offer: each step with its statutory date, actual date and owner, and its letters (the LA and the DfE case lead: their own)",
    grants: { ...OFSTED_READ, 'la-dcs': 'own-la', 'la-link': 'own-la', 'dfe-case-lead': 'assigned-las' },
  },
  'offer-2015.direct': {
    description: 'Open the 2015 improvement offer for a SIF inadequate judgement (the regional director, 000#12)',
    grants: { 'national-director': 'all', 'regional-director': 'region' },
  },
  'offer-2015.manage': {
    description:
      'Record the steps of a 2015 improvement offer: the seminar, the plan letters, the visits, the reviews and the progress inspection (Ofsted, 000#14-54)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'senior-hmi': 'all', hmi: 'all' },
  },
  // Child-level data (ARCHITECTURE): only the inspectors named for the offer read its child IDs.
  'offer-2015.cases': {
    description:
      'Read and record the progress inspection’s case sample and cases of concern, by child ID (the offer’s named inspectors, 000 Annex H)',
    grants: { 'senior-hmi': 'activity-team', hmi: 'activity-team' },
  },
  'offer-2015.assign': {
    description: 'Name the inspectors of a 2015 improvement offer (the senior HMI or regional director)',
    grants: { 'national-director': 'all', 'regional-director': 'region', 'senior-hmi': 'all' },
  },
  'offer-2015.reply': {
    description:
      'Record the LA’s reply to the seminar invitation and the day its improvement plan was sent (the DCS, or Ofsted for it, 000#14-15, #29)',
    grants: {
      'national-director': 'all',
      'regional-director': 'region',
      'senior-hmi': 'all',
      hmi: 'all',
      'la-dcs': 'own-la',
      'la-link': 'own-la',
    },
  },
} as const satisfies Record<string, { description: string; grants: Partial<Record<Role, Scope>> }>
