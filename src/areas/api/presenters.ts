import type { z } from 'zod'
import type { Activity as ActivityRecord, StoredMilestone, TeamMember } from '../activities/index.js'
import type { AnnexAReturn as ReturnRecord } from '../annex-a-returns/index.js'
import type { JudgementRecord, RegisterEntry } from '../register/index.js'
import type { Activity, AnnexAReturn, Judgement, LocalAuthority } from './schemas.js'

/** The API's JSON shapes (schemas.ts) from the areas' records: only what the API promises. */

export function toLocalAuthority(entry: RegisterEntry): z.infer<typeof LocalAuthority> {
  const { la, standing, pathway } = entry
  return {
    laCode: la.laCode,
    gssCode: la.gssCode,
    name: la.name,
    region: { code: la.regionCode, name: la.regionName },
    type: la.laType,
    latestGrade: standing
      ? { grade: standing.grade, derived: standing.derived, publishedOn: standing.record.publishedOn }
      : null,
    pathway: pathway
      ? {
          pathway: pathway.pathway,
          next: {
            type: pathway.next.type,
            from: pathway.next.from,
            to: pathway.next.to,
            rule: pathway.next.rule,
            citation: pathway.next.citation,
          },
          focusedVisits: {
            max: pathway.focusedVisits.max,
            used: pathway.focusedVisits.used,
            remaining: pathway.focusedVisits.remaining,
          },
          overdue: pathway.overdue.map((item) => ({
            what: item.what,
            due: item.due,
            rule: item.rule,
            citation: item.citation,
          })),
        }
      : null,
  }
}

export function toJudgement(record: JudgementRecord): z.infer<typeof Judgement> {
  return {
    id: record.id,
    framework: record.framework,
    activityType: record.activityType,
    inspectionStart: record.inspectionStart,
    inspectionEnd: record.inspectionEnd,
    publishedOn: record.publishedOn,
    grades: { ...record.grades },
    correctsId: record.correctsId,
    correctionReason: record.correctionReason,
    current: record.correctedById === null,
  }
}

export function toActivity(
  activity: ActivityRecord,
  milestones: readonly StoredMilestone[],
  team: readonly TeamMember[],
): z.infer<typeof Activity> {
  return {
    id: activity.id,
    reference: activity.reference,
    laCode: activity.laCode,
    laName: activity.laName,
    type: activity.type,
    variant: activity.variant,
    onsiteStart: activity.onsiteStart,
    status: activity.status,
    topics: [...activity.topics],
    milestones: milestones.map((m) => ({
      key: m.key,
      label: m.label,
      date: m.date,
      until: m.until,
      time: m.time,
      rule: m.rule,
      citation: m.citation,
    })),
    team: team.map((member) => ({
      userId: member.userId,
      name: member.displayName,
      teamRole: member.teamRole,
      days: [...member.days],
    })),
  }
}

export function toReturn(record: ReturnRecord): z.infer<typeof AnnexAReturn> {
  return {
    id: record.id,
    version: record.version,
    fileName: record.fileName,
    status: record.status,
    asOf: record.asOf,
    uploadedAt: record.uploadedAt.toISOString(),
    errorCount: record.errorCount,
    warningCount: record.warningCount,
    rows: record.rows,
    errorMessage: record.errorMessage,
  }
}
