/**
 * The administrator's upload of Ofsted's published outcomes (issue 14): upload a file, see what
 * importing it would do (the same dry run as `ilacs register import --dry-run`), then confirm.
 * GOV.UK's upload pattern, without JavaScript: the file is kept between the dry run and the
 * confirmation, so what is confirmed is exactly what was shown.
 */
import { basename, extname } from 'node:path'
import type { Readable } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { ValidationError } from '../../../errors.js'
import type { BlobStore } from '../../../files/blob-store.js'
import { field } from '../../../web/forms.js'
import { route, type RouteSpec, type SignedInRequest } from '../../../web/routing.js'
import { readUpload } from '../../../web/uploads.js'
import { registerPaths } from '../paths.js'
import type { RegisterService } from '../service.js'
import type { ImportResult } from './import.service.js'

/** What Ofsted publishes its outcomes as (the reader finds each table by its headers). */
export const OUTCOMES_FILE_TYPES = ['.ods', '.xlsx', '.csv'] as const
const importQuery = z.object({
  upload: field.optionalText(),
  name: field.optionalText(),
  imported: field.optionalText(),
})
const confirmFields = z.object({
  upload: field.required('Upload the file again'),
  name: field.required('Upload the file again'),
})
const importedHref = (upload: { hash: string; fileName: string }, imported = false) =>
  `${registerPaths.importOutcomes.build({})}?upload=${upload.hash}&name=${encodeURIComponent(upload.fileName)}${imported ? '&imported=yes' : ''}`

type ImportRequest = SignedInRequest<unknown, z.output<typeof importQuery>>

/**
 * Where an upload waits for its confirmation: the file store (ADR 0020: in PostgreSQL when several
 * instances share it, so the dry run and the confirmation may reach different instances), named
 * by its content hash, with the file's own name beside it in the address.
 */
function pendingUploads(blobs: BlobStore, register: RegisterService) {
  return {
    async save(stream: Readable): Promise<string> {
      return (await blobs.put(stream)).hash
    },
    async find(
      hash: string | undefined,
      name: string | undefined,
    ): Promise<{ hash: string; fileName: string } | undefined> {
      if (!hash || !/^[0-9a-f]{64}$/.test(hash) || !name || !isOutcomesFile(name)) return undefined
      const fileName = basename(name)
      // An upload the retention job cleared (never confirmed) is gone, even if another holds the same file.
      const kept = (await register.importUploadKept(hash, fileName)) && (await blobs.exists(hash))
      return kept ? { hash, fileName } : undefined
    },
    /** Run `use` on a copy of the upload on this instance's disk, released afterwards. */
    async withFile<T>(hash: string, use: (path: string) => Promise<T>): Promise<T> {
      const copy = await blobs.localCopy(hash)
      try {
        return await use(copy.path)
      } finally {
        await copy.release()
      }
    },
  }
}

const isOutcomesFile = (name: string) =>
  (OUTCOMES_FILE_TYPES as readonly string[]).includes(extname(name).toLowerCase())

/** The dry run as the page shows it: counts, each change in words, conflicts and unread rows. */
function resultView(result: ImportResult) {
  return {
    counts: [
      { key: { text: 'Records to add' }, value: { text: String(result.created) } },
      { key: { text: 'Records to complete or change' }, value: { text: String(result.updated) } },
      { key: { text: 'Already in the register' }, value: { text: String(result.unchanged) } },
      { key: { text: 'Conflicts to settle' }, value: { text: String(result.conflicts.length) } },
      { key: { text: 'Rows not read' }, value: { text: String(result.unread.length) } },
      { key: { text: 'Rows that say otherwise' }, value: { text: String(result.disagreements.length) } },
    ],
    changes: result.changes,
    conflicts: result.conflicts.map((c) => [
      { text: c.sheet },
      { text: String(c.row), format: 'numeric' },
      { text: c.laCode },
      { text: c.reason },
    ]),
    // Where Ofsted's files disagree: what the register keeps and what the row says (ADR 0030).
    disagreements: result.disagreements.map((d) => [
      { text: d.sheet },
      { text: String(d.row), format: 'numeric' },
      { text: d.laCode },
      { text: d.field },
      { text: d.kept },
      { text: d.fileSays },
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
  blobs,
}: {
  register: RegisterService
  blobs: BlobStore
}): RouteSpec[] {
  const pending = pendingUploads(blobs, register)
  const actor = (request: SignedInRequest) => ({ id: request.principal.id, email: request.principal.email })

  async function page(request: ImportRequest, reply: FastifyReply, shownErrors: Record<string, string> = {}) {
    let errors = shownErrors
    const upload = Object.keys(errors).length ? undefined : await pending.find(request.query.upload, request.query.name)
    let dryRun: ImportResult | undefined
    if (upload) {
      try {
        dryRun = await pending.withFile(upload.hash, (path) =>
          register.importOutcomes(actor(request), path, upload.fileName, { dryRun: true, requestId: request.id }),
        )
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
      uploadId: dryRun ? upload?.hash : undefined,
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
    let saved: { hash: string; fileName: string } | undefined
    try {
      await readUpload(request, 'file', async (_fields, file) => {
        if (!isOutcomesFile(file.fileName)) {
          file.stream.resume()
          throw new ValidationError({ file: 'The file must be an .ods, .xlsx or .csv file, as Ofsted publishes them' })
        }
        saved = { hash: await pending.save(file.stream), fileName: basename(file.fileName) }
      })
      if (saved) await register.recordImportUpload(actor(request), saved.hash, saved.fileName)
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      reply.code(400)
      return page(request, reply, { ...error.fieldErrors })
    }
    if (!saved) {
      reply.code(400)
      return page(request, reply, { file: 'Choose Ofsted’s outcomes file (.ods, .xlsx or .csv)' })
    }
    return reply.redirect(importedHref(saved), 303)
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
        const found = body.success ? await pending.find(body.data.upload, body.data.name) : undefined
        if (!body.success || !found) {
          reply.code(400)
          return page({ ...request, query: {} } as ImportRequest, reply, {
            file: 'The file to import was not found: upload it again',
          })
        }
        await pending.withFile(found.hash, (path) =>
          register.importOutcomes(actor(request), path, found.fileName, { requestId: request.id }),
        )
        await register.confirmImportUpload(found.hash, found.fileName)
        return reply.redirect(importedHref(found, true), 303)
      },
    }),
  ]
}
