import { describe, expect, it } from 'vitest'
import { page } from '../../test-support/agent.js'
import { judgementsTestbed } from '../../test-support/judgements-testbed.js'

/** A focused visit's findings (S7): no grades, the grounds of a priority action, and their confirmation. */
const bed = judgementsTestbed()
const { signIn, onSite, statusTo, versionOf } = bed

describe('focused visits (002#104-110)', () => {
  it('records findings without grades, and only the two grounds of 002#109 for a priority action', async () => {
    // A focused visit is on site on a Tuesday (002#103).
    const id = await onSite('focused-visit', '2027-01-12')
    const agent = await signIn(bed.users().lead)
    const url = `/activities/${id}/findings`
    const findings = page(await agent.get(url))
    expect(findings.heading).toBe('Focused visit findings')
    expect(findings.$('input[name="grade"]')).toHaveLength(0)
    expect(findings.$('input[name="ground"]')).toHaveLength(2)
    // The judgements pages send a focused visit to its findings.
    expect((await agent.get(`/activities/${id}/judgements`)).headers.location).toBe(url)

    const noGround = await agent.post(url, {
      kind: 'priority-action',
      text: 'Children in care wait too long for permanence decisions.',
      ground: '',
      version: await versionOf(agent, url),
    })
    expect(noGround.statusCode).toBe(400)
    expect(page(noGround).errorSummary[0]!.text).toBe(
      'Select why this is an area for priority action: only the two grounds of 002#109 apply',
    )
    const invented = await agent.post(url, {
      kind: 'priority-action',
      text: 'Poor office morale',
      ground: 'low-morale',
      version: await versionOf(agent, url),
    })
    expect(invented.statusCode).toBe(400)

    expect(
      (
        await agent.post(url, {
          kind: 'strength',
          text: 'Social workers know their children well.',
          version: await versionOf(agent, url),
        })
      ).statusCode,
    ).toBe(303)
    expect(
      (
        await agent.post(url, {
          kind: 'area-for-improvement',
          text: 'Supervision is not always recorded.',
          version: await versionOf(agent, url),
        })
      ).statusCode,
    ).toBe(303)
    expect(
      (
        await agent.post(url, {
          kind: 'priority-action',
          text: 'Children in care wait too long for permanence decisions.',
          ground: 'permanence-delay',
          version: await versionOf(agent, url),
        })
      ).statusCode,
    ).toBe(303)
    const shown = page(await agent.get(url))
    expect(shown.$('#priority-action + ol').text()).toContain(
      'unnecessary delay in identifying permanent solutions for children in care',
    )
    const stored = await bed
      .t()
      .db.selectFrom('focused_visit_findings')
      .select(['kind', 'ground'])
      .where('activity_id', '=', id)
      .orderBy('recorded_at')
      .execute()
    expect(stored).toEqual([
      { kind: 'strength', ground: null },
      { kind: 'area-for-improvement', ground: null },
      { kind: 'priority-action', ground: 'permanence-delay' },
    ])
  })

  it('refuses "judgements agreed" until the findings are confirmed, then allows it', async () => {
    const id = await onSite('focused-visit', '2027-01-19')
    await bed.findingsRecorded(id, [
      { kind: 'strength', text: 'Social workers know their children well.', ground: null },
      { kind: 'area-for-improvement', text: 'Supervision is not always recorded.', ground: null },
      {
        kind: 'priority-action',
        text: 'Children in care wait too long for permanence decisions.',
        ground: 'permanence-delay',
      },
    ])
    const agent = await signIn(bed.users().lead)
    const refused = await statusTo(agent, id, 'judgements-agreed')
    expect(page(refused).errorSummary[0]!.text).toBe('Record and confirm the focused visit findings first')
    // Saying there are none while one is recorded is refused.
    const url = `/activities/${id}/findings`
    const contradiction = await agent.post(`${url}/confirm`, {
      noPriorityActions: 'yes',
      version: await versionOf(agent, url),
    })
    expect(contradiction.statusCode).toBe(400)
    expect((await agent.post(`${url}/confirm`, { version: await versionOf(agent, url) })).statusCode).toBe(303)
    expect((await statusTo(agent, id, 'judgements-agreed')).statusCode).toBe(303)
  })

  it('needs the team’s answer on priority actions when there are none (002#195)', async () => {
    const other = await onSite('focused-visit', '2027-02-02')
    const agent = await signIn(bed.users().lead)
    const url = `/activities/${other}/findings`
    await agent.post(url, { kind: 'strength', text: 'Strong front door.', version: await versionOf(agent, url) })
    const unanswered = await agent.post(`${url}/confirm`, { version: await versionOf(agent, url) })
    expect(page(unanswered).errorSummary.map((error) => error.text)).toEqual([
      'Confirm that the team agreed there are no areas for priority action, or record them',
    ])
    expect(
      (await agent.post(`${url}/confirm`, { noPriorityActions: 'yes', version: await versionOf(agent, url) }))
        .statusCode,
    ).toBe(303)
    // Removing a finding withdraws the confirmation.
    const findingId = page(await agent.get(url))
      .$('input[name="findingId"]')
      .first()
      .attr('value')!
    expect((await agent.post(`${url}/remove`, { findingId, version: await versionOf(agent, url) })).statusCode).toBe(
      303,
    )
    expect(
      page(await agent.get(url))
        .$('#confirmation')
        .text(),
    ).toContain('Not confirmed')
  })
})
