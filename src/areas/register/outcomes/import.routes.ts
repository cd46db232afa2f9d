/**
 * The administrator's upload of Ofsted's published outcomes (issue 14): upload a file, see what
 * importing it would do (the same dry run as `ilacs register import --dry-run`), then confirm.
 * GOV.UK's upload pattern, without JavaScript: the file is kept between the dry run and the
 * confirmation, so what is confirmed is exactly what was shown.
 */
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { ValidationError } from '../../../errors.js'
import { field } from '../../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../../web/routing.js'
import { readUpload } from '../../../web/uploads.js'
import { registerPaths } from '../paths.js'
import type { RegisterService } from '../service.js'
import type { ImportResult } from './import.service.js'

/** What Ofsted publishes its outcomes as (the reader finds each table by its headers). */
export const OUTCOMES_FILE_TYPES = ['.ods', '.xlsx', '.csv'] as const
/** Uploads not confirmed within a day are removed when the next one arrives. */
const KEEP_MS = 24 * 60 * 60 * 1000

const importQuery = z.object({ upload: field.optionalText(), imported: field.optionalText() })
const confirmFields = z.object({ upload: field.required('Upload the file again') })

type ImportRequest = SignedInRequest<unknown, z.output<typeof importQuery>>

/** Where uploads wait for their confirmation, each in a folder named by a random id. */
function pendingUploads(dir: string) {
  const isId = (id: string) => /^[0-9a-f-]{36}$/.test(id)
  return {
    async save(fileName: string, stream: NodeJS.ReadableStream): Promise<string> {
      await this.clearOld()
      const id = randomUUID()
      await mkdir(join(dir, id), { recursive: true })
      await pipeline(stream, createWriteStream(join(dir, id, basename(fileName))))
      return id
    },
    async find(id: string | undefined): Promise<{ path: string; fileName: string } | undefined> {
      if (!id || !isId(id)) return undefined
      const names = await readdir(join(dir, id)).catch(() => [])
      const fileName = names[0]
      return fileName ? { path: join(dir, id, fileName), fileName } : undefined
    },
    async clearOld(): Promise<void> {
      for (const id of await readdir(dir).catch(() => [])) {
        const info = await stat(join(dir, id)).catch(() => undefined)
        if (info && Date.now() - info.mtimeMs > KEEP_MS) await rm(join(dir, id), { recursive: true, force: true })
      }
    },
  }
}

/** The dry run as the page shows it: counts, each change in words, conflicts and unread rows. */
function resultView(result: ImportResult) {
  return {
    counts: [
      { key: { text: 'Records to add' }, value: { text: String(result.created) } },
      { key: { text: 'Records to complete' }, value: { text: String(result.updated) } },
      { key: { text: 'Already in the register' }, value: { text: String(result.unchanged) } },
      { key: { text: 'Conflicts to settle' }, value: { text: String(result.conflicts.length) } },
      { key: { text: 'Rows not read' }, value: { text: String(result.unread.length) } },
    ],
    changes: result.changes,
    conflicts: result.conflicts.map((c) => [
      { text: c.sheet },
      { text: String(c.row), format: 'numeric' },
      { text: c.laCode },
      { text: c.reason },
    ]),
    unread: result.unread.map((u) => [
      { text: u.sheet },
      { text: String(u.row), format: 'numeric' },
      { text: u.reason },
    ]),
  }
}

export function outcomesImportRoutes({
  register,
  pendingDir,
}: {
  register: RegisterService
  pendingDir: string
}): RouteSpec[] {
  const pending = pendingUploads(pendingDir)
  const actor = (request: SignedInRequest) => ({ id: request.principal.id, email: request.principal.email })

  async function page(request: ImportRequest, reply: FastifyReply, shownErrors: Record<string, string> = {}) {
    let errors = shownErrors
    const upload = Object.keys(errors).length ? undefined : await pending.find(request.query.upload)
    let dryRun: ImportResult | undefined
    if (upload) {
      try {
        dryRun = await register.importOutcomes(actor(request), upload.path, upload.fileName, {
          dryRun: true,
          requestId: request.id,
        })
      } catch (error) {
        // A file that is not a spreadsheet the reader can open: say so, and ask for another.
        const reason = error instanceof Error ? error.message : 'it could not be read'
        errors = { file: `${upload.fileName} could not be read: ${reason}` }
        reply.code(400)
      }
    }
    return reply.view('register/import.njk', {
      pageTitle: 'Import Ofsted’s published outcomes',
      action: registerPaths.importOutcomes.build({}),
      confirmAction: registerPaths.confirmImport.build({}),
      uploadId: dryRun ? request.query.upload : undefined,
      fileName: upload?.fileName,
      imported: Boolean(upload && request.query.imported),
      latest: await register.latestOutcomesFile(),
      result: dryRun ? resultView(dryRun) : undefined,
      nothingToDo: dryRun ? dryRun.created + dryRun.updated === 0 : false,
      errors,
      errorList: Object.entries(errors).map(([name, text]) => ({ text, href: `#${name}` })),
    })
  }

  async function upload(request: ImportRequest, reply: FastifyReply) {
    let id: string | undefined
    try {
      await readUpload(request, 'file', async (_fields, file) => {
        const type = extname(file.fileName).toLowerCase()
        if (!(OUTCOMES_FILE_TYPES as readonly string[]).includes(type)) {
          file.stream.resume()
          throw new ValidationError({ file: 'The file must be an .ods, .xlsx or .csv file, as Ofsted publishes them' })
        }
        id = await pending.save(file.fileName, file.stream)
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return page(request, reply, { ...error.fieldErrors })
    }
    if (!id) {
      reply.code(400)
      return page(request, reply, { file: 'Choose Ofsted’s outcomes file (.ods, .xlsx or .csv)' })
    }
    return reply.redirect(`${registerPaths.importOutcomes.build({})}?upload=${id}`, 303)
  }

  return [
    route({
      method: 'GET',
      url: registerPaths.importOutcomes.pattern,
      permission: 'register.import',
      query: importQuery,
      handler: (request: ImportRequest, reply) => page(request, reply),
    }),
    route({
      method: 'POST',
      url: registerPaths.importOutcomes.pattern,
      permission: 'register.import',
      handler: upload,
    }),
    route({
      method: 'POST',
      url: registerPaths.confirmImport.pattern,
      permission: 'register.import',
      handler: async (request: SignedInRequest, reply) => {
        const body = confirmFields.safeParse(request.body ?? {})
        const found = body.success ? await pending.find(body.data.upload) : undefined
        if (!body.success || !found) {
          reply.code(400)
          return page({ ...request, query: {} } as ImportRequest, reply, {
            file: 'The file to import was not found: upload it again',
          })
        }
        await register.importOutcomes(actor(request), found.path, found.fileName, { requestId: request.id })
        return reply.redirect(`${registerPaths.importOutcomes.build({})}?upload=${body.data.upload}&imported=yes`, 303)
      },
    }),
  ]
}
