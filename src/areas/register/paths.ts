import { path } from '../../web/path-builder.js'

export const registerPaths = {
  list: path('/register'),
  show: path('/register/:laCode'),
  /** How late inspections and reports are against the framework, nationally (issue 14). */
  drift: path('/register/drift'),
  /** The bodies that run the LA's children's services under delegated functions (002#227-237). */
  newDelivery: path('/register/:laCode/delivery/new'),
  changeDelivery: path('/register/:laCode/delivery/:deliveryBodyId'),
  newJudgement: path('/register/:laCode/judgements/new'),
  correctJudgement: path('/register/:laCode/judgements/:recordId/correct'),
  /** The administrator's upload of Ofsted's outcomes files: upload, the dry run's diff, then confirm (issue 14). */
  importOutcomes: path('/admin/register-import'),
  confirmImport: path('/admin/register-import/confirm'),
}
