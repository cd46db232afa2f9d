import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/tables.js'

/** What every area service is built from (the composition root passes it in). */
export interface ServiceDeps {
  readonly db: Kysely<Database>
  readonly clock: Clock
  readonly config: Config
}

/** Who is asking, for services that audit what they do. */
export interface RequestContext {
  readonly requestId: string
}
