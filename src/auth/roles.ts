/**
 * The roles of the people who use the service (issue 3). Each account has one role; the role
 * decides which scope its permissions reach (see policy.ts).
 */
export const ROLES = [
  'national-director',
  'regional-director',
  'senior-hmi',
  'hmi',
  'qa-manager',
  'inspection-support',
  'la-dcs',
  'la-link',
  'la-analyst',
  'dfe-case-lead',
  'dfe-adviser',
  'commissioner',
  'administrator',
] as const

export type Role = (typeof ROLES)[number]

/** Which organisation a role belongs to, and what scopes its account. */
export type RoleKind = 'ofsted' | 'la' | 'dfe' | 'admin'

interface RoleInfo {
  readonly label: string
  readonly kind: RoleKind
  /** What the account is scoped to: a region, one LA, a list of LAs, or nothing. */
  readonly scopedTo: 'region' | 'la' | 'las' | 'none'
  readonly description: string
}

export const ROLE_INFO: Readonly<Record<Role, RoleInfo>> = {
  'national-director': {
    label: 'Ofsted national director',
    kind: 'ofsted',
    scopedTo: 'none',
    description: 'Leads the national programme; records judgements for any LA.',
  },
  'regional-director': {
    label: 'Ofsted regional director',
    kind: 'ofsted',
    scopedTo: 'region',
    description: "Plans the region's programme; records judgements for LAs in the region.",
  },
  'senior-hmi': {
    label: 'Senior HMI',
    kind: 'ofsted',
    scopedTo: 'none',
    description: 'Oversees inspections and quality assurance.',
  },
  hmi: {
    label: "His Majesty's Inspector (HMI)",
    kind: 'ofsted',
    scopedTo: 'none',
    description: 'Leads or joins inspections and visits.',
  },
  'qa-manager': {
    label: 'QA manager',
    kind: 'ofsted',
    scopedTo: 'none',
    description: 'Quality-assures evidence, letters and reports.',
  },
  'inspection-support': {
    label: 'Inspection support',
    kind: 'ofsted',
    scopedTo: 'none',
    description: 'Arranges inspections, notices and publication.',
  },
  'la-dcs': {
    label: "Director of children's services",
    kind: 'la',
    scopedTo: 'la',
    description: "Leads the LA's children's services.",
  },
  'la-link': {
    label: 'LA link person',
    kind: 'la',
    scopedTo: 'la',
    description: "The LA's contact for the inspection.",
  },
  'la-analyst': {
    label: 'LA data analyst',
    kind: 'la',
    scopedTo: 'la',
    description: "Prepares and uploads the LA's Annex A data.",
  },
  'dfe-case-lead': {
    label: 'DfE case lead',
    kind: 'dfe',
    scopedTo: 'las',
    description: "Leads the Department for Education's intervention case for assigned LAs.",
  },
  'dfe-adviser': {
    label: 'DfE adviser',
    kind: 'dfe',
    scopedTo: 'las',
    description: 'Advises assigned LAs under intervention.',
  },
  commissioner: {
    label: "Children's services commissioner",
    kind: 'dfe',
    scopedTo: 'las',
    description: 'Appointed by the Secretary of State to assigned LAs.',
  },
  administrator: {
    label: 'Administrator',
    kind: 'admin',
    scopedTo: 'none',
    description: 'Manages accounts and reads the audit log.',
  },
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
