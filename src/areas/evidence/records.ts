import type { AuditAction } from '../../auth/audit-actions.js'
import { recordAudit } from '../../auth/audit.js'
import type { PeopleDirectory } from '../../auth/people.js'
import type { PolicyTarget, Principal } from '../../auth/policy.js'
import { ROLE_INFO } from '../../auth/roles.js'
import { ValidationError } from '../../errors.js'
import { enqueueEmail, type OutboxKind } from '../../notify/outbox.js'
import { type ActivitiesService, EVIDENCE_GATHERING_ROLES, TYPE_LABELS } from '../activities/index.js'
import type { RequestContext, ServiceDeps } from '../deps.js'
import { namesFingerprint } from './fieldwork.js'
import { type PossibleName, possibleNamesIn } from './name-check.js'
import type { KnownCases, NameConfirmation } from './types.js'

/**
 * What the evidence area is built from: activities (their team, status and contacts) from the
 * activities service, people's names from auth's directory, and the case sample from the
 * Annex A area through `knownCases`.
 */
export interface EvidenceDeps extends ServiceDeps {
  readonly activities: ActivitiesService
  readonly people: PeopleDirectory
  readonly knownCases?: KnownCases
}

export type ActivityDetails = Awaited<ReturnType<ActivitiesService['details']>>

/**
 * The text looks as if it names a child, family member or member of staff (002#191). Not saved:
 * the page shows each match and the inspector edits the text or confirms it holds no names.
 */
export class PossibleNamesWarning extends ValidationError {
  override name = 'PossibleNamesWarning'
  constructor(
    readonly matches: ReadonlyArray<PossibleName & { field: string }>,
    readonly fingerprint: string,
  ) {
    super({
      confirmNames:
        'Check the words below: edit them to use initials, a case reference or a job title, or confirm they are not names',
    })
  }
}

/**
 * Refuse to save until every possible name in `fields` has been seen and confirmed (002#191): the
 * count of confirmed words is what a record and its audit keep, never the words. `knownWords` are
 * words that are not names here (the LAs' names). Other areas' free text about a child (the 2015
 * offer's cases of concern) uses it through the area's index.
 */
export function checkPossibleNames(
  fields: Readonly<Record<string, string>>,
  names: NameConfirmation,
  knownWords: readonly string[],
): number {
  const matches = possibleNamesIn(fields, { knownWords })
  if (matches.length === 0) return 0
  const fingerprint = namesFingerprint(matches)
  if (!names.confirmed || names.fingerprint !== fingerprint) throw new PossibleNamesWarning(matches, fingerprint)
  return matches.length
}

/** Known cases from the Annex A area's case sample (its `sample(activityId)`); null while it is empty. */
export function caseSampleCases(annexA: {
  sample(activityId: string): Promise<ReadonlyArray<{ childId: string }>>
}): KnownCases {
  return async (activityId) => {
    const sample = await annexA.sample(activityId)
    return sample.length > 0 ? new Set(sample.map((entry) => entry.childId)) : null
  }
}

const CLOSED = new Set(['cancelled', 'deferred'])

/**
 * What every kind of fieldwork record needs: the policy target, the check for names, an open
 * activity, people's names, the DCS's email and the audit of reads that show case references.
 */
export function evidenceRecords({ db, clock, activities, people }: EvidenceDeps) {
  let placeWords: Promise<string[]> | undefined

  /** Place names the name check treats as not names: every LA's name (002#191 asks only about people). */
  function knownWords(): Promise<string[]> {
    placeWords ??= activities.localAuthorities().then((las) => las.map((la) => la.name))
    return placeWords
  }

  /** `target` for many activities at once, by id (an unknown one is absent): one query a table. */
  async function targets(activityIds: readonly string[]): Promise<Map<string, PolicyTarget>> {
    const [bases, teams] = await Promise.all([activities.targets(activityIds), activities.teamsOf(activityIds)])
    return new Map(
      [...bases].map(([activityId, base]) => {
        const team = teams.get(activityId) ?? []
        return [
          activityId,
          {
            ...base,
            evidenceUserIds: team
              .filter((member) => EVIDENCE_GATHERING_ROLES.includes(member.teamRole))
              .map((member) => member.userId),
            qaUserIds: team.filter((member) => member.teamRole === 'qa-manager').map((member) => member.userId),
          },
        ]
      }),
    )
  }

  return {
    /**
     * The policy target of an activity's fieldwork records: the activity's own (LA, region, team,
     * lead, notice given) plus who on the team gathers evidence (002#53) and who is its QA
     * manager (002#190).
     */
    async target(activityId: string): Promise<PolicyTarget | null> {
      return (await targets([activityId])).get(activityId) ?? null
    },

    targets,

    /** `checkPossibleNames` with every LA's name as not a name (002#191). */
    async guardNames(fields: Readonly<Record<string, string>>, names: NameConfirmation): Promise<number> {
      return checkPossibleNames(fields, names, await knownWords())
    },

    /** The activity's details, refusing a cancelled or deferred one: its records are closed. */
    async openActivity(activityId: string): Promise<ActivityDetails> {
      const details = await activities.details(activityId)
      if (CLOSED.has(details.activity.status))
        throw new ValidationError({
          activity: `The ${TYPE_LABELS[details.activity.type].toLowerCase()} is ${details.activity.status}: its records are closed`,
        })
      return details
    },

    isLa: (principal: Principal) => ROLE_INFO[principal.role].kind === 'la',

    /** Everyone of these ids by name, in one read of the people directory. */
    async namesOf(ids: Iterable<string | null>): Promise<(id: string) => string> {
      const found = await people.byIds(ids)
      return (id) => found.get(id)?.displayName ?? 'Unknown account'
    },

    /**
     * Tell the DCS there is something to read (002#136, #167). Built from details read before the
     * transaction: no other query may run on the connection while it is open.
     */
    async emailDcs(
      trx: Parameters<typeof enqueueEmail>[0],
      details: ActivityDetails,
      email: { kind: OutboxKind; dedupeKey: string; subject: string; lines: readonly string[] },
    ): Promise<void> {
      const dcs = details.contacts.find((contact) => contact.contactRole === 'dcs')
      if (!dcs) return
      // No child-level data in email: the DCS signs in to read the record.
      await enqueueEmail(trx, {
        kind: email.kind,
        recipient: dcs.email,
        subject: email.subject,
        bodyText: [`Dear ${dcs.name},`, '', ...email.lines, '', 'Ofsted'].join('\n'),
        dedupeKey: email.dedupeKey,
        activityId: details.activity.id,
        availableAt: clock.now(),
      })
    },

    /** Audit a read of records that name children by case reference (ARCHITECTURE "Data rules"). */
    async auditCaseRead(
      principal: Principal,
      read: { action: AuditAction; recordType: string; recordId: string; ids: readonly string[] },
      activity: { reference: string; laCode: string },
      context: RequestContext,
    ): Promise<void> {
      if (read.ids.length === 0) return
      const what =
        read.recordType === 'cases-of-concern' || read.recordType === 'case-of-concern'
          ? 'case(s) of concern'
          : 'request(s) naming a case'
      await recordAudit(db, {
        actor: principal,
        action: read.action,
        recordType: read.recordType,
        recordId: read.recordId,
        laCode: activity.laCode,
        summary: `Read ${read.ids.length} ${what} of ${activity.reference}`,
        changes: { ids: read.ids },
        requestId: context.requestId,
      })
    },
  }
}

export type EvidenceRecords = ReturnType<typeof evidenceRecords>
