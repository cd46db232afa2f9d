import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { generateAnnexA, type GenerateOptions } from '../../annex-a/index.js'
import type { Services } from '../../areas/index.js'
import { principalFor } from '../../auth/users.js'
import type { Database } from '../../db/tables.js'

const workbooks = new Map<string, Promise<Buffer>>()

/**
 * A generated Annex A workbook as bytes (a fixture, not a record): the same options give the
 * same file, made once per test process.
 */
export function annexAWorkbook(options: Omit<GenerateOptions, 'out' | 'onProgress'>): Promise<Buffer> {
  const key = JSON.stringify(options)
  let workbook = workbooks.get(key)
  if (!workbook) {
    workbook = (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'annex-a-fixture-'))
      try {
        const out = join(dir, 'annex-a.xlsx')
        await generateAnnexA({ ...options, out })
        return await readFile(out)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    })()
    workbooks.set(key, workbook)
  }
  return workbook
}

/**
 * An Annex A return an account has sent for the activity, checked by the background processor
 * before this resolves, through the real service. Resolves to the return's id.
 */
export async function checkedReturn(
  db: Kysely<Database>,
  services: Pick<Services, 'annexA' | 'processor'>,
  options: { activityId: string; uploaderId: string; fileName?: string; content: Buffer },
): Promise<string> {
  const uploader = await principalFor(db, options.uploaderId)
  if (!uploader) throw new Error(`No account ${options.uploaderId}`)
  const { id } = await services.annexA.receive(
    uploader,
    options.activityId,
    { fileName: options.fileName ?? 'Annex A.xlsx', stream: Readable.from([options.content]) },
    { requestId: 'test' },
  )
  await services.processor.drain()
  return id
}
