import { describe, expect, it } from 'vitest'
import { oneLine, renderAndRead } from '../fixtures.js'
import { IncompleteDocumentError } from './common.js'
import {
  offerVisitLetter,
  progressInspectionLetter,
  quarterlyReviewLetter,
  seminarRecord,
} from './offer-2015-letters.js'

const basis = {
  localAuthority: { name: 'Birmingham', code: '330' },
  reference: 'OFFER-330',
  status: 'final' as const,
  recipient: { name: 'Sam Patel', role: "Director of Children's Services", address: ['Birmingham City Council'] },
  hmi: 'Lee Hughes',
  copies: ['Senior HMI'],
}

const read = async (model: Parameters<typeof renderAndRead>[0]) => {
  const rendered = await renderAndRead(model)
  return { pdf: oneLine(rendered.pdfPages.join(' ')), docx: oneLine(rendered.docxParagraphs.join(' ')) }
}

describe('the 2015 offer’s letters (000 Annexes C and H/D, 000#34-38)', () => {
  it('records the seminar of Wednesday 15 April 2015 with its attendees and priorities (Annex C)', async () => {
    const { pdf, docx } = await read(
      seminarRecord({
        ...basis,
        heldOn: '2015-04-15',
        recordedOn: '2015-04-17',
        attendees: ['DCS', 'Head of safeguarding'],
        evidence: [],
        discussion: ['The LA disputed the finding on the front door.'],
        priorities: ['Supervision', 'Drift', 'The front door'],
        seniorHmi: 'Jo Clarke',
      }),
    )
    for (const text of [pdf, docx]) {
      expect(text).toContain('seminar held on 15 April 2015')
      expect(text).toContain('Head of safeguarding')
      expect(text).toContain('The LA disputed the finding on the front door.')
      expect(text).toContain('Date of record: 17 April 2015')
    }
  })

  it('writes the third monthly visit of 14 to 15 October 2015, agreed and never published (000#35)', async () => {
    const { pdf } = await read(
      offerVisitLetter({
        ...basis,
        issued: '2015-10-22',
        visit: 3,
        visitDates: { start: '2015-10-14', end: '2015-10-15' },
        seniorHmi: 'Jo Clarke',
        findings: ['Supervision is now monthly in most teams.'],
      }),
    )
    expect(pdf).toContain('third of twelve monthly improvement monitoring visits')
    expect(pdf).toContain('14 to 15 October 2015')
    expect(pdf).toContain('will not be published by Ofsted')
  })

  it('publishes reviews after the first and says so when the offer is at risk (000#37-38)', async () => {
    const input = { ...basis, issued: '2015-12-01', findings: ['Progress has slowed.'], atRisk: false }
    expect((await read(quarterlyReviewLetter({ ...input, review: 1, published: false }))).pdf).toContain(
      'will not be published',
    )
    const second = (await read(quarterlyReviewLetter({ ...input, review: 2, published: true, atRisk: true }))).pdf
    expect(second).toContain('second of four quarterly reviews')
    expect(second).toContain('will be published on the Ofsted website')
    expect(second).toContain('threaten the continuing viability of the improvement offer')
  })

  it('gives the progress judgement and copies the letter to four (Annex H/D)', async () => {
    const { pdf, docx } = await read(
      progressInspectionLetter({
        ...basis,
        issued: '2016-04-08',
        fieldwork: { start: '2016-03-07', end: '2016-03-11' },
        inadequateInspectionOn: '2014-11-10',
        judgement: 'satisfactory',
        areasForImprovement: ['Supervision'],
        evidence: ['Inspectors tracked 30 cases.'],
        findings: ['Most children are now safe.'],
        councilName: 'Birmingham City Council',
      }),
    )
    for (const text of [pdf, docx]) {
      expect(text).toContain('progress inspection of Birmingham on 7 to 11 March 2016')
      expect(text).toContain('which took place in November 2014')
      expect(text).toContain('making satisfactory progress')
      expect(text).toContain(
        "the Secretary of State, the chair of the Local Safeguarding Children Board, the lead member for children's services and the chief executive of Birmingham City Council",
      )
      expect(text).toContain('Inspectors tracked 30 cases.')
    }
  })

  it('refuses a visit letter without findings', () => {
    expect(() =>
      offerVisitLetter({
        ...basis,
        issued: '2015-10-22',
        visit: 1,
        visitDates: { start: '2015-10-14', end: '2015-10-15' },
        seniorHmi: 'Jo Clarke',
        findings: [],
      }),
    ).toThrow(IncompleteDocumentError)
  })
})
