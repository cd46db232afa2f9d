import { describe, expect, it } from 'vitest'
import { possibleNames, possibleNamesIn } from './name-check.js'

const texts = (value: string, knownWords: string[] = []) =>
  possibleNames(value, { knownWords }).map((item) => item.text)

describe('possibleNames (002#191)', () => {
  it.each([
    ["Jamie's mother said that she felt listened to by the social worker.", ["Jamie's mother"]],
    ['Her brother, Tyler, was not seen alone on any of the three visits.', ['Tyler']],
    ['Mrs Smith, the foster carer, described a stable placement.', ['Mrs Smith']],
    ['The social worker visited Kayden (aged 9) at school and he was seen alone.', ['Kayden']],
    ['Kayden, aged 9, was seen alone at school.', ['Kayden']],
    ['When Kayden told his teacher about the bruise, a strategy meeting was held the same day.', ['Kayden']],
    ['Sarah Jones, team manager, said caseloads had reduced.', ['Sarah Jones']],
    ['Jamie was seen alone on every visit and his views are recorded.', ['Jamie']],
    ["Tyler's social worker has changed three times in six months.", ["Tyler's social worker"]],
    ['The mother (Kelly) attended the core group.', ['Kelly']],
    ['Dr Patel, the designated doctor, attended the strategy meeting.', ['Dr Patel']],
  ])('warns on %j', (text, expected) => {
    expect(texts(text)).toEqual(expected)
  })

  it.each([
    ["JB's mother said that she felt listened to by the social worker."],
    ['J.B. was seen alone; the mother of C104532 attended the child protection conference.'],
    ["Child A's mother and Sibling B were seen together. Mr B did not attend."],
    ['In case 1045327 the social worker visited every ten working days, in line with the plan.'],
    ['The Head of Service and the Principal Social Worker said that audits had improved practice.'],
    ['The Independent Reviewing Officer explained that reviews are held on time.'],
    ['The Virtual School Head told inspectors that personal education plans are of good quality.'],
    ['Children in Maidstone and Ashford are seen promptly by the MASH, and the Early Help Hub in Dover is well used.'],
    ['Oliver House, the children’s home, was visited by the regulatory inspector.'],
    ['On Monday the DCS said that in March managers had reviewed every case open to the Front Door.'],
    [
      'Cafcass told inspectors that the local authority’s court work is timely. Ofsted’s last inspection found the same.',
    ],
    ['Most children in care live in stable placements. Leaders know their services well.'],
    [
      'The Child Protection conference and the Child in Need plan were timely; Looked After Children reviews are held on time.',
    ],
    ['Audits rated Amber in March were re-audited; the Return Home Interview service is rated Green.'],
  ])('does not warn on %j', (text) => {
    expect(texts(text)).toEqual([])
  })

  it('takes place names the service knows as not names', () => {
    expect(texts("Medway's care leavers said their personal advisers stay in touch.")).toEqual([])
    expect(texts('Practice in Swale told a different story.', [])).toEqual(['Swale'])
    expect(texts('Practice in Swale told a different story.', ['Swale'])).toEqual([])
  })

  it('gives a reason that says what to use instead', () => {
    const [first] = possibleNames("Jamie's mother said so")
    expect(first?.reason).toMatch(/initials or a case reference/)
  })

  it('reports each field with its matches', () => {
    const found = possibleNamesIn({ evidenceSummary: 'Tyler was seen alone.', impact: 'Children are safer.' })
    expect(found).toEqual([expect.objectContaining({ field: 'evidenceSummary', text: 'Tyler' })])
  })
})
