import type { FastifyRequest } from 'fastify'
import type { Readable } from 'node:stream'
import '@fastify/multipart'

/** A file part of a multipart upload, as a stream (the Annex A lists and documents, board minutes, reports). */
export interface UploadedFile {
  readonly fileName: string
  readonly contentType: string
  readonly stream: Readable
}

/**
 * Read a multipart upload: the fields that come before the file, then the file as a stream
 * (never the whole file in memory). Forms put their fields first for this reason. `handled`
 * is false when no file was chosen.
 */
export async function readUpload(
  request: FastifyRequest,
  fileField: string,
  onFile: (fields: Record<string, string>, file: UploadedFile) => Promise<unknown>,
): Promise<{ fields: Record<string, string>; handled: boolean }> {
  const fields: Record<string, string> = {}
  let handled = false
  if (!request.isMultipart()) return { fields, handled }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === fileField && part.filename && !handled) {
        handled = true
        await onFile(fields, { fileName: part.filename, contentType: part.mimetype, stream: part.file })
      } else {
        part.file.resume()
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value.trim()
    }
  }
  return { fields, handled }
}

/**
 * Read a multipart upload with several file fields: each chosen file is passed to `onFile` as it
 * arrives (never whole in memory), with the fields read so far; the fields come back at the end.
 */
export async function readUploads(
  request: FastifyRequest,
  fileFields: readonly string[],
  onFile: (field: string, fields: Record<string, string>, file: UploadedFile) => Promise<unknown>,
): Promise<{ fields: Record<string, string> }> {
  const fields: Record<string, string> = {}
  if (!request.isMultipart()) return { fields }
  const seen = new Set<string>()
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (fileFields.includes(part.fieldname) && part.filename && !seen.has(part.fieldname)) {
        seen.add(part.fieldname)
        await onFile(part.fieldname, fields, { fileName: part.filename, contentType: part.mimetype, stream: part.file })
      } else {
        part.file.resume()
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value.trim()
    }
  }
  return { fields }
}
