import { describe, expect, it } from 'vitest'
import { offer2015, SEMINAR_INVITATION_COPIES } from '../../rules/offer-2015.js'
import { oneLine, renderAndRead } from '../fixtures.js'
import { seminarInvitationLetter } from './seminar-invitation-letter.js'

describe('seminarInvitationLetter (000#12, Annex A)', () => {
  it('gives the 25 to 35 working day window after publication on Monday 2 March 2015, copied as 000#12 says', async () => {
    const { seminar } = offer2015('2015-03-02')
    const letter = seminarInvitationLetter({
      localAuthority: { name: 'Birmingham', code: '330' },
      reference: 'OFFER-330',
      status: 'final',
      recipient: { name: 'Sam Patel', role: "Director of Children's Services", address: ['Birmingham City Council'] },
      issued: '2015-03-02',
      regionalDirector: 'Jo Clarke',
      window: seminar,
      copies: SEMINAR_INVITATION_COPIES,
    })
    const { pdfPages, docxParagraphs } = await renderAndRead(letter)
    const text = oneLine(pdfPages.join(' '))
    expect(text).toContain('Inspection of Birmingham: improvement planning seminar')
    expect(text).toContain('In your case this means between 8 April 2015 and 22 April 2015.')
    expect(text).toContain('approximately six to eight attendees')
    expect(docxParagraphs.at(-1)).toContain('the DfE inspections and interventions team')
    expect(docxParagraphs).toContain('Jo Clarke\nRegional Director, Ofsted')
  })
})
