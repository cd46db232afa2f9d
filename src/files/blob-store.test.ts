import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createBlobStore, FileTooLargeError } from './blob-store.js'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the blob store', () => {
  it('stores content under its SHA-256, once however often it is stored', async () => {
    dir = await mkdtemp(join(tmpdir(), 'blobs-'))
    const store = createBlobStore(dir)
    const first = await store.put(Readable.from([Buffer.from('List 1: Contacts')]))
    const second = await store.put(Readable.from([Buffer.from('List 1: Contacts')]))
    expect(first).toEqual(second)
    expect(first.hash).toBe(createHash('sha256').update('List 1: Contacts').digest('hex'))
    const copy = await store.localCopy(first.hash)
    expect(await readFile(copy.path, 'utf8')).toBe('List 1: Contacts')
    expect(first.size).toBe(16)
  })

  it('refuses a file over the limit and leaves nothing behind, not even a temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'blobs-'))
    const store = createBlobStore(dir)
    const big = Readable.from(
      (function* () {
        for (let i = 0; i < 10; i++) yield Buffer.alloc(1024, 65)
      })(),
    )
    await expect(store.put(big, { maxBytes: 4096 })).rejects.toBeInstanceOf(FileTooLargeError)
    expect(await readdir(join(dir, 'tmp'))).toEqual([])
    expect((await readdir(dir)).filter((name) => name !== 'tmp')).toEqual([])
  })

  it('leaves no file when the upload stream breaks part way', async () => {
    dir = await mkdtemp(join(tmpdir(), 'blobs-'))
    const store = createBlobStore(dir)
    const broken = new Readable({ read() {} })
    broken.push(Buffer.from('half a workbook'))
    setImmediate(() => broken.destroy(new Error('connection reset')))
    await expect(store.put(broken)).rejects.toThrow('connection reset')
    expect(await readdir(join(dir, 'tmp'))).toEqual([])
  })
})
