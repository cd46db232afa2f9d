import { describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, auditActionLabel } from './audit-actions.js'

describe('audit actions', () => {
  it('are unique, dotted lower-case names, each with its own label', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length)
    // An area's name may carry a year (`offer-2015.open`), never a capital or a space.
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z][a-z0-9-]*(\.[a-z-]+)?$/)
    const labels = AUDIT_ACTIONS.map((action) => AUDIT_ACTION_LABELS[action])
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('label an action the log holds from an older version by its stored text', () => {
    expect(auditActionLabel('activity.status')).toBe('Activity status changed')
    expect(auditActionLabel('retired.action')).toBe('retired.action')
  })
})
