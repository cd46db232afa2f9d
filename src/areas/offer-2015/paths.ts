import { path } from '../../web/path-builder.js'

/** Every URL of the 2015 improvement offer area. */
export const offer2015Paths = {
  list: path('/offer-2015'),
  la: path('/offer-2015/las/:laCode'),
  open: path('/offer-2015/las/:laCode/open'),
  offer: path('/offer-2015/offers/:offerId'),
  step: path('/offer-2015/offers/:offerId/steps'),
  reply: path('/offer-2015/offers/:offerId/seminar-reply'),
  seminar: path('/offer-2015/offers/:offerId/seminar'),
  planLetter: path('/offer-2015/offers/:offerId/plan-letter'),
  progress: path('/offer-2015/offers/:offerId/progress-inspection'),
  inspectors: path('/offer-2015/offers/:offerId/inspectors'),
  cases: path('/offer-2015/offers/:offerId/cases'),
  caseChange: path('/offer-2015/offers/:offerId/cases/change'),
  caseRemove: path('/offer-2015/offers/:offerId/cases/remove'),
  shortfall: path('/offer-2015/offers/:offerId/cases/shortfall'),
  concerns: path('/offer-2015/offers/:offerId/concerns'),
  concernResponse: path('/offer-2015/offers/:offerId/concerns/response'),
  publish: path('/offer-2015/offers/:offerId/letters/:step/publish'),
  invitationDocx: path('/offer-2015/offers/:offerId/invitation.docx'),
  invitationPdf: path('/offer-2015/offers/:offerId/invitation.pdf'),
  planLetterDocx: path('/offer-2015/offers/:offerId/plan-letter.docx'),
  planLetterPdf: path('/offer-2015/offers/:offerId/plan-letter.pdf'),
  stepLetterDocx: path('/offer-2015/offers/:offerId/letters/:step/letter.docx'),
  stepLetterPdf: path('/offer-2015/offers/:offerId/letters/:step/letter.pdf'),
}
