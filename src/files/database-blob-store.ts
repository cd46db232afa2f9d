import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/tables.js'
import {
  type BlobStore,
  cleanTemporaryFolder,
  type Meter,
  metered,
  type StoredFile,
  temporaryPathIn,
} from './blob-store.js'

/**
 * Bytes per stored chunk: an upload is written a chunk at a time and read back a chunk at a time,
 * so a 100 MB workbook never sits whole in memory (issue 16), and each row stays well under
 * PostgreSQL's limits.
 */
export const CHUNK_BYTES = 1024 * 1024

/** Chunks of an upload still arriving are kept under a key of this form, never under a hash. */
const TEMPORARY_KEY = /^tmp-[0-9a-f]{24}$/

function checkedHash(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('Not a content hash')
  return hash
}

/** `pg` returns bytea as a Buffer, PGlite as a Uint8Array: a Buffer either way, without a copy. */
function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
}

/** Like a missing file on disk, so callers handle both stores alike. */
function notFound(hash: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`No stored file ${hash}`), { code: 'ENOENT' })
}

/**
 * Files in the database (file_blobs, file_blob_chunks), so every instance on one PostgreSQL reads
 * what any of them stored (issue 16). Same contract as the disk store. `scratchDir` is this
 * machine's folder for temporary files (generated workbooks before they are stored, copies for
 * readers that need a path); nothing in it outlives the work that made it.
 */
export function createDatabaseBlobStore(db: Kysely<Database>, scratchDir: string): BlobStore {
  const temporaryPath = (suffix = '') => temporaryPathIn(scratchDir, suffix)

  /** Store `chunks` (metered as they pass) under a temporary key, then under their hash in one transaction. */
  async function store(chunks: AsyncIterable<Buffer>, meter: Meter): Promise<StoredFile> {
    const key = `tmp-${randomBytes(12).toString('hex')}`
    let seq = 0
    let pending: Buffer[] = []
    let pendingBytes = 0
    const flush = async () => {
      const data = Buffer.concat(pending, pendingBytes)
      pending = []
      pendingBytes = 0
      await db.insertInto('file_blob_chunks').values({ blob_key: key, seq: seq++, data }).execute()
    }
    try {
      for await (const chunk of chunks) {
        let rest = chunk
        while (pendingBytes + rest.length >= CHUNK_BYTES) {
          const take = CHUNK_BYTES - pendingBytes
          pending.push(rest.subarray(0, take))
          pendingBytes += take
          rest = rest.subarray(take)
          await flush()
        }
        if (rest.length > 0) {
          pending.push(rest)
          pendingBytes += rest.length
        }
      }
      if (pendingBytes > 0) await flush()
      const stored = { hash: meter.hash.digest('hex'), size: meter.size }
      await db.transaction().execute(async (trx) => {
        // Two uploads of the same content at once: the second waits here on the first's row,
        // finds it, and drops its own chunks.
        const inserted = await trx
          .insertInto('file_blobs')
          .values({ hash: stored.hash, size: stored.size })
          .onConflict((oc) => oc.column('hash').doNothing())
          .returning('hash')
          .executeTakeFirst()
        if (inserted)
          await trx.updateTable('file_blob_chunks').set({ blob_key: stored.hash }).where('blob_key', '=', key).execute()
        else await trx.deleteFrom('file_blob_chunks').where('blob_key', '=', key).execute()
      })
      return stored
    } catch (error) {
      await db
        .deleteFrom('file_blob_chunks')
        .where('blob_key', '=', key)
        .execute()
        .catch(() => undefined)
      throw error
    }
  }

  async function* chunksOf(hash: string): AsyncGenerator<Buffer> {
    const found = await db.selectFrom('file_blobs').select('hash').where('hash', '=', hash).executeTakeFirst()
    if (!found) throw notFound(hash)
    // One chunk per query: memory stays at one chunk whatever the file's size.
    for (let seq = 0; ; seq++) {
      const row = await db
        .selectFrom('file_blob_chunks')
        .select('data')
        .where('blob_key', '=', hash)
        .where('seq', '=', seq)
        .executeTakeFirst()
      if (!row) return
      yield asBuffer(row.data)
    }
  }

  const open = (hash: string): Readable => Readable.from(chunksOf(checkedHash(hash)), { objectMode: false })

  return {
    temporaryPath,
    put(source, options = {}) {
      const meter = { hash: createHash('sha256'), size: 0 }
      return store(metered(source as AsyncIterable<Buffer>, options, meter), meter)
    },
    async adopt(temporary) {
      const meter = { hash: createHash('sha256'), size: 0 }
      try {
        return await store(metered(createReadStream(temporary), {}, meter), meter)
      } finally {
        await rm(temporary, { force: true })
      }
    },
    open,
    async localCopy(hash) {
      const path = await temporaryPath()
      try {
        await pipeline(open(hash), createWriteStream(path))
      } catch (error) {
        await rm(path, { force: true })
        throw error
      }
      return { path, release: () => rm(path, { force: true }) }
    },
    async exists(hash) {
      const found = await db
        .selectFrom('file_blobs')
        .select('hash')
        .where('hash', '=', checkedHash(hash))
        .executeTakeFirst()
      return found !== undefined
    },
    async remove(hash) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('file_blobs').where('hash', '=', checkedHash(hash)).execute()
        await trx.deleteFrom('file_blob_chunks').where('blob_key', '=', hash).execute()
      })
    },
    async cleanTemporary(before) {
      const local = await cleanTemporaryFolder(scratchDir, before)
      // Uploads that stopped arriving (their instance killed, the client gone) before `before`.
      const stale = await db
        .selectFrom('file_blob_chunks')
        .select('blob_key')
        .where('blob_key', 'like', 'tmp-%')
        .groupBy('blob_key')
        .having(sql<Date>`max(written_at)`, '<', before)
        .execute()
      const keys = stale.map((row) => row.blob_key).filter((key) => TEMPORARY_KEY.test(key))
      if (keys.length > 0) await db.deleteFrom('file_blob_chunks').where('blob_key', 'in', keys).execute()
      return local + keys.length
    },
  }
}
