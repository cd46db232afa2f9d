import { describe, expect, it } from 'vitest'
import { IncompleteDocumentError } from './common.js'
import { oneLine, renderAndRead } from '../fixtures.js'
import { improvementPlanLetter } from './improvement-plan-letter.js'

const basis = {
  localAuthority: { name: 'Birmingham', code: '330' },
  reference: 'OFFER-330',
  status: 'final' as const,
  recipient: { name: 'Sam Patel', role: "Director of Children's Services", address: ['Birmingham City Council'] },
  regionalDirector: 'Jo Clarke',
  planDated: '2015-06-10',
  seminarOn: '2015-04-15',
  copies: ['SHMI', 'HMI', 'the National Director, Social Care', 'the DfE inspections and interventions team'],
}

describe('improvementPlanLetter (000#30-33, Annexes D to G)', () => {
  it('confirms the plan dated Wednesday 10 June 2015 reflects the inspection (Annex D)', async () => {
    const text = oneLine(
      (await renderAndRead(improvementPlanLetter({ ...basis, letter: 'D', issued: '2015-06-24' }))).pdfPages.join(' '),
    )
    expect(text).toContain('Inspection of Birmingham: improvement plan')
    expect(text).toContain('improvement plan dated 10 June 2015. I can confirm that the plan satisfactorily reflects')
    expect(text).toContain('seminar that took place on 15 April 2015')
  })

  it('sets out the differences (Annex E) and, unresolved, tells the DfE (Annex G)', async () => {
    const differences = ['The plan does not address the quality of child protection plans']
    const e = oneLine(
      (
        await renderAndRead(improvementPlanLetter({ ...basis, letter: 'E', issued: '2015-06-24', differences }))
      ).pdfPages.join(' '),
    )
    expect(e).toContain('does not satisfactorily reflect')
    expect(e).toContain(differences[0])
    const g = oneLine(
      (
        await renderAndRead(
          improvementPlanLetter({ ...basis, letter: 'G', issued: '2015-07-15', letterEOn: '2015-06-24', differences }),
        )
      ).pdfPages.join(' '),
    )
    expect(g).toContain('Further to my letter of 24 June 2015')
    expect(g).toContain("copying this letter to the DfE's inspections and interventions team")
  })

  it('refuses letter F without the letter E it follows', () => {
    expect(() => improvementPlanLetter({ ...basis, letter: 'F', issued: '2015-07-15' })).toThrow(
      IncompleteDocumentError,
    )
  })
})
