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
 * Read a multipart upload: the fields that come before the files, then each file as a stream
 * (never a whole file in memory), one after another. Forms put their fields first for this
 * reason. `fields` holds each field's last value, `values` every value (checkboxes); `handled`
 * is false when no file was chosen. Files past `maxFiles` are drained, unread.
 */
export async function readUpload(
  request: FastifyRequest,
  fileField: string,
  onFile: (fields: Record<string, string>, file: UploadedFile, values: Record<string, string[]>) => Promise<unknown>,
  options: { maxFiles?: number } = {},
): Promise<{ fields: Record<string, string>; values: Record<string, string[]>; handled: boolean; files: number }> {
  const fields: Record<string, string> = {}
  const values: Record<string, string[]> = {}
  const maxFiles = options.maxFiles ?? 1
  let files = 0
  if (!request.isMultipart()) return { fields, values, handled: false, files }
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname === fileField && part.filename && files < maxFiles) {
        files++
        await onFile(fields, { fileName: part.filename, contentType: part.mimetype, stream: part.file }, values)
      } else {
        part.file.resume()
      }
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value.trim()
      ;(values[part.fieldname] ??= []).push(part.value.trim())
    }
  }
  return { fields, values, handled: files > 0, files }
}
