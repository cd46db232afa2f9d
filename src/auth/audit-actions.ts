/**
 * Every action the audit log records (issue 3: every change, and every read of child-level
 * data), with the words the audit page shows for it. `recordAudit` takes only these, so the
 * audit search lists every action the service can write, and a typo is a type error rather than
 * an entry nobody finds. The log is append-only: an action no longer written stays in old
 * entries, so never rename one; retire it by removing it here (the page then shows it raw).
 */
export const AUDIT_ACTIONS = [
  // Signing in and accounts
  'sign-in',
  'sign-in.failed',
  'sign-in.locked',
  'sign-in.lockout',
  'sign-out',
  'user.create',
  'user.disable',
  'user.enable',
  'user.unlock',
  'user.reset-password',
  'user.link-oidc',
  'api-token.create',
  'api-token.revoke',
  'demo.load',
  // The register
  'judgement.record',
  'judgement.correct',
  // Activities
  'activity.plan',
  'activity.change-date',
  'activity.team-add',
  'activity.team-remove',
  'activity.contact',
  'activity.notice',
  'activity.status',
  'activity.replan',
  // Programme
  'programme.commit',
  'programme.configure',
  'leave.add',
  'leave.remove',
  // Annex A and the case sample
  'annex-a.upload',
  'annex-a.read-findings',
  'annex-a.read-report',
  'annex-a.read-profile',
  'annex-a.read-children',
  'annex-a.document-upload',
  'annex-a.document-read',
  'case-sample.add',
  'case-sample.remove',
  'case-sample.request-audits',
  'case-sample.read-requested',
  // Fieldwork records
  'evidence.read',
  'evidence.write',
  'evidence.qa-note',
  'evidence.qa-resolve',
  'evidence.keep-in-touch',
  'rfi.raise',
  'rfi.agree',
  'rfi.decline',
  'rfi.answer',
  'rfi.decide',
  'rfi.read',
  'concern.raise',
  'concern.escalate',
  'concern.respond',
  'concern.conclude',
  'concern.read',
  // Judgements, findings and feedback
  'judgements.record',
  'judgements.confirm',
  'judgements.finding-add',
  'judgements.finding-remove',
  'judgements.findings-confirm',
  'judgements.feedback',
] as const

/** One of `AUDIT_ACTIONS`. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What each action means, for the audit page (UK English, sentence case). */
export const AUDIT_ACTION_LABELS: Readonly<Record<AuditAction, string>> = {
  'sign-in': 'Signed in',
  'sign-in.failed': 'Sign-in refused',
  'sign-in.locked': 'Sign-in refused: asked to wait after wrong passwords',
  'sign-in.lockout': 'Sign-in slowed down after wrong passwords',
  'sign-out': 'Signed out',
  'user.create': 'Account created',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
  'user.unlock': 'Sign-in wait cleared',
  'user.reset-password': 'Password reset',
  'user.link-oidc': 'Account linked to single sign-on',
  'api-token.create': 'API token created',
  'api-token.revoke': 'API token revoked',
  'demo.load': 'Demo data loaded',
  'judgement.record': 'Judgement recorded in the register',
  'judgement.correct': 'Judgement corrected in the register',
  'activity.plan': 'Activity planned',
  'activity.change-date': 'Activity date changed',
  'activity.team-add': 'Team member added',
  'activity.team-remove': 'Team member removed',
  'activity.contact': 'LA contact set',
  'activity.notice': 'Notice call recorded',
  'activity.status': 'Activity status changed',
  'activity.replan': 'Activity re-planned',
  'programme.commit': 'Activity planned in the programme planner',
  'programme.configure': 'Programme settings changed',
  'leave.add': 'Inspector leave added',
  'leave.remove': 'Inspector leave removed',
  'annex-a.upload': 'Annex A return uploaded',
  'annex-a.read-findings': 'Annex A findings read',
  'annex-a.read-report': 'Annex A marked-up workbook read',
  'annex-a.read-profile': 'Annex A profile read',
  'annex-a.read-children': 'Annex A children read',
  'annex-a.document-upload': 'Annex A document uploaded',
  'annex-a.document-read': 'Annex A document read',
  'case-sample.add': 'Case added to the sample',
  'case-sample.remove': 'Case removed from the sample',
  'case-sample.request-audits': 'Audited cases requested',
  'case-sample.read-requested': 'Child IDs of the audited cases requested read',
  'evidence.read': 'Evidence record read',
  'evidence.write': 'Evidence recorded',
  'evidence.qa-note': 'QA note added',
  'evidence.qa-resolve': 'QA note resolved',
  'evidence.keep-in-touch': 'Keep-in-touch meeting recorded',
  'rfi.raise': 'Request for further information raised',
  'rfi.agree': 'Request for further information agreed',
  'rfi.decline': 'Request for further information declined',
  'rfi.answer': 'Request for further information answered',
  'rfi.decide': 'Response to a request for further information decided',
  'rfi.read': 'Requests for further information read',
  'concern.raise': 'Case of concern raised',
  'concern.escalate': 'Case of concern referred to the LA',
  'concern.respond': 'Case of concern responded to',
  'concern.conclude': 'Case of concern concluded',
  'concern.read': 'Cases of concern read',
  'judgements.record': 'Inspection judgement recorded',
  'judgements.confirm': 'Inspection judgements confirmed',
  'judgements.finding-add': 'Focused-visit finding added',
  'judgements.finding-remove': 'Focused-visit finding removed',
  'judgements.findings-confirm': 'Focused-visit findings confirmed',
  'judgements.feedback': 'Feedback meeting recorded',
}

/** True when `value` is an action the service writes now. */
export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value)
}

/** The label of an action as stored in the log: its words, or the stored text for a retired action. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action] : action
}
