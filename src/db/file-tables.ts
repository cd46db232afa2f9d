import type { ColumnType } from 'kysely'

/** Table types of files kept in the database (`src/files` owns them), composed into `Database` in tables.ts. */
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

export interface FileTables {
  file_blobs: FileBlobsTable
  file_blob_chunks: FileBlobChunksTable
}
