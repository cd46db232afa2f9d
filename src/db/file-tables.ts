import type { ColumnType } from 'kysely'

/** Table types of the state instances share besides records: files (`src/files`) and job leases (`src/jobs`), composed into `Database` in tables.ts. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** A complete stored file, by the SHA-256 of its content; its bytes are in file_blob_chunks. */
export interface FileBlobsTable {
  hash: string
  size: ColumnType<string, number | string, number | string>
  stored_at: GeneratedTimestamp
}

/** One chunk of a file (`blob_key` is its hash, or `tmp-…` while the upload arrives). */
export interface FileBlobChunksTable {
  blob_key: string
  seq: number
  data: ColumnType<Uint8Array, Uint8Array, Uint8Array>
  written_at: GeneratedTimestamp
}

/** Who runs a periodic job now, and until when (src/jobs). */
export interface JobLeasesTable {
  name: string
  holder: string | null
  held_until: ColumnType<Date | null, Date | null | undefined, Date | null>
}

export interface FileTables {
  file_blobs: FileBlobsTable
  file_blob_chunks: FileBlobChunksTable
  job_leases: JobLeasesTable
}
