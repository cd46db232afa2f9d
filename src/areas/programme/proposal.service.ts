import { createHash } from 'node:crypto'
import { recordAudit } from '../../auth/audit.js'
import { canOn, type Principal } from '../../auth/policy.js'
import { NotFoundError, ValidationError } from '../../errors.js'
import type { IsoDate } from '../../rules/calendar/dates.js'
import { monitoringVisitFacts, suggestedMonitoringVisit } from '../../rules/monitoring-planning.js'
import { hasVariant, type PlannableType, TYPE_LABELS } from '../activities/index.js'
import type { RequestContext } from '../deps.js'
import { proposalChecks } from './proposal-checks.js'
import type { ProgrammeDeps, ProgrammeRecords } from './records.js'
import type { CheckedProposal, Proposal, ProposalCheck } from './types.js'

/** A proposal as the director makes it: an activity of an LA, with its inspectors if chosen. */
export interface ProposalInput {
  readonly laCode: string
  readonly type: PlannableType
  /** Focused visits only: Wednesday and Thursday on site instead of Tuesday and Wednesday (002 fn20). */
  readonly variant: 'wed-thu' | null
  readonly onsiteStart: IsoDate
  /** Focused visits only: the topics of 002#106. */
  readonly topics: readonly string[]
  /** Monitoring visits only: the focus agreed with the LA (001#8, #39; 002#117, #139). */
  readonly focus?: string
  readonly leadUserId: string | undefined
  readonly teamUserIds: readonly string[]
}

/** The director's confirmation of the warnings they were shown (their fingerprint). */
export interface Confirmation {
  readonly confirmed: boolean
  readonly fingerprint: string
}

/**
 * A proposal the planner will not commit: its checks found errors, or its warnings were not
 * confirmed as shown. It carries the checked proposal so the page can show the checks again.
 */
export class ProposalRefusedError extends ValidationError {
  override name = 'ProposalRefusedError'
  constructor(
    readonly checked: CheckedProposal,
    fieldErrors: Readonly<Record<string, string>> = {},
  ) {
    super(fieldErrors)
  }
}

/** A digest of the warnings (rule and message), stable for the same warnings in the same order. */
export function warningsFingerprint(warnings: readonly ProposalCheck[]): string {
  return createHash('sha256')
    .update(JSON.stringify(warnings.map((check) => [check.rule, check.message])))
    .digest('hex')
    .slice(0, 16)
}

/** Proposing an activity: checking it against every rule, then committing it (issue 6). */
export function proposalService({ db, clock, activities }: ProgrammeDeps, records: ProgrammeRecords) {
  /** The proposal with the outcome of every check, against the programme as it is now. */
  async function check(principal: Principal, input: ProposalInput): Promise<CheckedProposal> {
    const errors: Record<string, string> = {}
    const la = await records.proposableLa(principal, input.laCode)
    if (!la) errors.laCode = 'Select the local authority'
    if (input.onsiteStart < clock.today()) errors.onsiteStart = 'The first day on site must be today or in the future'
    const people = new Map((await records.inspectors()).map((person) => [person.id, person]))
    const lead = input.leadUserId ? people.get(input.leadUserId) : undefined
    if (input.leadUserId && !lead) errors.leadUserId = 'Select an inspector from the list'
    const team = input.teamUserIds.map((id) => people.get(id))
    if (team.some((person) => !person)) errors.teamUserIds = 'Select inspectors from the list'
    else if (lead && input.teamUserIds.includes(lead.id))
      errors.teamUserIds = `${lead.displayName} is the lead inspector; do not select them as a team inspector too`
    const focus = input.focus?.trim() ?? ''
    if (input.type === 'monitoring-visit' && !focus)
      errors.focus = 'Enter the focus of the monitoring visit agreed with the local authority (001#8, #39)'
    if (Object.keys(errors).length > 0 || !la) throw new ValidationError(errors)
    const [pathwayByLa, programme, leave, limit] = await Promise.all([
      records.pathways(principal),
      records.booked(principal),
      records.leave(),
      records.weeklyLimit(),
    ])
    const pathway = pathwayByLa.get(la.laCode)
    const monitoring =
      input.type === 'monitoring-visit' && pathway?.pathway === 3
        ? { ...monitoringVisitFacts(pathway, programme, la.laCode, input.onsiteStart), focus }
        : undefined
    const proposal: Proposal = {
      laCode: la.laCode,
      laName: la.name,
      type: input.type,
      variant: hasVariant(input.type) ? input.variant : null,
      onsiteStart: input.onsiteStart,
      inspectors: [
        ...(lead ? [{ userId: lead.id, name: lead.displayName, lead: true }] : []),
        ...team.map((person) => ({ userId: person!.id, name: person!.displayName, lead: false })),
      ],
      ...(monitoring ? { monitoring } : {}),
    }
    const suggestion =
      input.type === 'monitoring-visit' && pathway?.pathway === 3
        ? suggestedMonitoringVisit(pathway, programme, la.laCode, proposal.variant === 'wed-thu' ? 3 : 2)
        : undefined
    const { fieldwork, checks } = proposalChecks(proposal, {
      pathway,
      activities: programme,
      leave,
      weeklyLimit: limit,
    })
    const warnings = checks.filter((item) => item.severity === 'warning')
    return {
      proposal,
      topics: input.type === 'focused-visit' ? input.topics : [],
      ...(suggestion ? { suggestion } : {}),
      fieldwork,
      checks,
      errors: checks.filter((item) => item.severity === 'error'),
      warnings,
      fingerprint: warningsFingerprint(warnings),
    }
  }

  return {
    check,

    /**
     * M4: when the next monitoring visit of an LA judged inadequate is suggested (a quarter after
     * the previous one, or within four weeks of the action plan deadline for the first), or
     * undefined for an LA that is not monitored.
     */
    async suggestMonitoringVisit(principal: Principal, laCode: string, variant: 'wed-thu' | null) {
      const la = await records.proposableLa(principal, laCode)
      if (!la) return undefined
      const [pathways, programme] = await Promise.all([records.pathways(principal), records.booked(principal)])
      const pathway = pathways.get(la.laCode)
      if (pathway?.pathway !== 3) return undefined
      return {
        ...suggestedMonitoringVisit(pathway, programme, la.laCode, variant === 'wed-thu' ? 3 : 2),
        laName: la.name,
      }
    },

    /** LAs the principal may propose activities for, for the form. */
    async proposableLas(principal: Principal) {
      return (await activities.localAuthorities()).filter((la) => canOn(principal, 'programme.propose', la))
    },

    /** Throws NotFoundError when the principal may not propose for this LA (for pre-filled forms). */
    async assertProposable(principal: Principal, laCode: string): Promise<void> {
      if (!(await records.proposableLa(principal, laCode))) throw new NotFoundError()
    },

    /**
     * Commit a proposal (issue 6): the checks run again on the programme as it is now; errors
     * refuse it; warnings must have been confirmed as shown (same fingerprint). The activity is
     * planned through the activities service, its inspectors added to the team, and the
     * confirmed warnings audited. Returns the new activity's id; throws ProposalRefusedError.
     */
    async commit(
      principal: Principal,
      input: ProposalInput,
      confirmation: Confirmation,
      context: RequestContext,
    ): Promise<string> {
      const checked = await check(principal, input)
      if (checked.errors.length > 0) throw new ProposalRefusedError(checked)
      if (checked.warnings.length > 0 && confirmation.fingerprint !== checked.fingerprint)
        throw new ProposalRefusedError(checked, {
          confirm: 'The rule checks have changed since you checked this proposal: read them again and confirm',
        })
      if (checked.warnings.length > 0 && !confirmation.confirmed)
        throw new ProposalRefusedError(checked, { confirm: 'Confirm you have read the warnings to plan this activity' })
      const { proposal } = checked
      const activityId = await activities.plan(
        principal,
        {
          laCode: proposal.laCode,
          type: proposal.type,
          variant: proposal.variant,
          onsiteStart: proposal.onsiteStart,
          topics: checked.topics,
          monitoring: proposal.monitoring
            ? {
                handbook: proposal.monitoring.handbook,
                visitNumber: proposal.monitoring.visitNumber,
                secondSet: proposal.monitoring.secondSet,
                focus: proposal.monitoring.focus,
              }
            : null,
        },
        context,
      )
      for (const inspector of proposal.inspectors) {
        await activities.addTeamMember(
          principal,
          activityId,
          { userId: inspector.userId, teamRole: inspector.lead ? 'lead-inspector' : 'team-inspector', days: [] },
          context,
        )
      }
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          actor: principal,
          action: 'programme.commit',
          recordType: 'activity',
          recordId: activityId,
          laCode: proposal.laCode,
          summary: `Planned a ${TYPE_LABELS[proposal.type].toLowerCase()} of ${proposal.laName} from ${proposal.onsiteStart} in the programme planner, ${checked.warnings.length} ${checked.warnings.length === 1 ? 'warning' : 'warnings'} confirmed`,
          changes: {
            warningsConfirmed: checked.warnings.map(({ rule, citation, message }) => ({ rule, citation, message })),
            inspectors: proposal.inspectors.map(({ userId, lead }) => ({ userId, lead })),
          },
          requestId: context.requestId,
        })
      })
      return activityId
    },
  }
}
