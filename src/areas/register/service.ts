import { type DeliveryDeps, deliveryService } from './delivery.service.js'
import { judgementService } from './judgement.service.js'
import { outcomeService } from './outcome.service.js'
import { importUploads } from './outcomes/import-uploads.js'
import { outcomesImportService } from './outcomes/import.service.js'
import { registerRecords } from './records.js'

/**
 * The register's service: reading the LAs with their histories, standings and pathways, and
 * recording and correcting published judgements, what the service publishes (judgements and
 * visits), and the bodies that run an LA's children's services under delegated functions, composed here.
 */
export function createRegisterService(deps: DeliveryDeps) {
  return {
    ...registerRecords(deps),
    ...judgementService(deps),
    ...outcomeService(deps),
    ...outcomesImportService(deps),
    ...importUploads(deps),
    ...deliveryService(deps),
  }
}

export type RegisterService = ReturnType<typeof createRegisterService>
