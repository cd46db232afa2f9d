import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../db/database.js'
import { createTestDatabase, testDatabaseKinds } from '../test-support/test-db.js'
import { FileTooLargeError, type BlobStore } from './blob-store.js'
import { CHUNK_BYTES, createDatabaseBlobStore } from './database-blob-store.js'

/** `count` bytes of a repeating pattern, arriving in 64 KiB pieces as an upload does. */
function upload(count: number): Readable {
  return Readable.from(
    (function* () {
      for (let sent = 0; sent < count; sent += 65_536)
        yield Buffer.alloc(Math.min(65_536, count - sent), `chunk ${sent} `)
    })(),
  )
}

describe.each(testDatabaseKinds())('the database blob store on %s', (kind) => {
  let database: DatabaseHandle
  let scratch: string
  let store: BlobStore
  beforeAll(async () => {
    database = await createTestDatabase(kind)
    scratch = await mkdtemp(join(tmpdir(), 'blob-scratch-'))
    store = createDatabaseBlobStore(database.db, scratch)
  })
  afterAll(async () => {
    await database.close()
    await rm(scratch, { recursive: true, force: true })
  })
  const chunkRows = (key: string) =>
    database.db
      .selectFrom('file_blob_chunks')
      .select(['seq', 'data'])
      .where('blob_key', '=', key)
      .orderBy('seq')
      .execute()

  it('stores a 3.5 MB workbook in 1 MiB chunks under its SHA-256, and streams it back whole', async () => {
    const size = 3.5 * 1024 * 1024
    const expected = await buffer(upload(size))
    const stored = await store.put(upload(size), { maxBytes: 10 * 1024 * 1024 })
    expect(stored).toEqual({ hash: createHash('sha256').update(expected).digest('hex'), size })
    const rows = await chunkRows(stored.hash)
    expect(rows.map((row) => row.data.byteLength)).toEqual([CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES, CHUNK_BYTES / 2])
    expect((await buffer(store.open(stored.hash))).equals(expected)).toBe(true)
    expect(await store.exists(stored.hash)).toBe(true)
  })

  it('stores the same content once, however often it is uploaded, even at the same moment', async () => {
    const [first, second] = await Promise.all([store.put(upload(100_000)), store.put(upload(100_000))])
    expect(first).toEqual(second)
    expect(await chunkRows(first!.hash)).toHaveLength(1)
    const temporary = await database.db
      .selectFrom('file_blob_chunks')
      .select('blob_key')
      .where('blob_key', 'like', 'tmp-%')
      .execute()
    expect(temporary).toEqual([])
  })

  it('refuses a file over the limit and keeps none of its chunks', async () => {
    await expect(store.put(upload(3 * 1024 * 1024), { maxBytes: 2 * 1024 * 1024 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    )
    const left = await database.db
      .selectFrom('file_blob_chunks')
      .select('blob_key')
      .where('blob_key', 'like', 'tmp-%')
      .execute()
    expect(left).toEqual([])
  })

  it('gives a reader that needs a path a copy on this machine, removed when released', async () => {
    const stored = await store.put(Readable.from([Buffer.from('List 1: Contacts')]))
    const copy = await store.localCopy(stored.hash)
    expect(await readFile(copy.path, 'utf8')).toBe('List 1: Contacts')
    await copy.release()
    expect(await readdir(scratch)).toEqual([])
  })

  it('adopts a generated file (the marked-up workbook) and removes the temporary file', async () => {
    const path = await store.temporaryPath('.xlsx')
    await import('node:fs/promises').then((fs) => fs.writeFile(path, 'marked up'))
    const stored = await store.adopt(path)
    expect((await buffer(store.open(stored.hash))).toString()).toBe('marked up')
    expect(await readdir(scratch)).toEqual([])
  })

  it('removes a file, and says a removed file is not there', async () => {
    const stored = await store.put(Readable.from([Buffer.from('to be deleted after publication')]))
    await store.remove(stored.hash)
    expect(await store.exists(stored.hash)).toBe(false)
    expect(await chunkRows(stored.hash)).toEqual([])
    await expect(buffer(store.open(stored.hash))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('clears what an upload cut off part way left, once it has stopped arriving', async () => {
    await database.db
      .insertInto('file_blob_chunks')
      .values({
        blob_key: 'tmp-0123456789abcdef01234567',
        seq: 0,
        data: Buffer.from('half'),
        written_at: new Date('2026-12-01T09:00:00Z'),
      })
      .execute()
    expect(await store.cleanTemporary(new Date('2026-12-01T08:50:00Z'))).toBe(0)
    expect(await store.cleanTemporary(new Date('2026-12-01T09:10:00Z'))).toBe(1)
    expect(await chunkRows('tmp-0123456789abcdef01234567')).toEqual([])
  })
})
