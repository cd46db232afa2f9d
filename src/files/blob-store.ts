import { once } from 'node:events'
import { createHash, randomBytes, type Hash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * Files addressed by the SHA-256 of their content (ARCHITECTURE: src/files), on this machine's
 * disk (`createBlobStore`, beside the embedded database) or in the database itself
 * (database-blob-store.ts, so several instances share them; ADR 0020). A file is streamed in
 * while it is hashed and counted, and only put under its hash when it is complete, so a crash
 * mid-upload leaves no half file under a real name and the same content stored twice takes the
 * space once.
 */
export interface StoredFile {
  readonly hash: string
  readonly size: number
}

/** Bytes of a file's start shown to `inspect`. */
const HEAD_BYTES = 4096

export interface LocalCopy {
  readonly path: string
  release(): Promise<void>
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError'
  constructor(readonly limit: number) {
    super(`The file is larger than ${Math.round(limit / 1_048_576)} MB`)
  }
}

export interface BlobStore {
  /**
   * Store a stream; throws FileTooLargeError (and stores nothing) beyond `maxBytes`. `inspect`
   * sees the first 4 KiB (or the whole file, if smaller) as soon as they arrive and may throw to
   * refuse the file there and then, without reading the rest.
   */
  put(source: Readable, options?: { maxBytes?: number; inspect?: (head: Buffer) => void }): Promise<StoredFile>
  /**
   * Remove what interrupted uploads and checks left in the temporary folder (at start): files
   * not written to since `before` (another instance's upload in progress is left alone).
   */
  cleanTemporary(before: Date): Promise<number>
  /**
   * A stored file as a file on this machine, for readers that need a path (the workbook reader):
   * the file itself on disk, or a temporary copy streamed out of the database. Release it when
   * done (the copy is removed; the disk file is left alone).
   */
  localCopy(hash: string): Promise<LocalCopy>
  open(hash: string): Readable
  exists(hash: string): Promise<boolean>
  remove(hash: string): Promise<void>
  /** A fresh temporary path inside the store (same disk, so rename is atomic). */
  temporaryPath(suffix?: string): Promise<string>
  /** Move a finished temporary file into the store. */
  adopt(temporary: string): Promise<StoredFile>
}

/** What `metered` has counted so far: the running SHA-256 and the bytes. */
export interface Meter {
  readonly hash: Hash
  size: number
}

/**
 * Pass chunks through, hashing and counting them into `meter`: throws FileTooLargeError past
 * `maxBytes`, and shows `inspect` the first 4 KiB once they have arrived (shared by both stores).
 */
export async function* metered(
  chunks: AsyncIterable<Buffer>,
  options: { maxBytes?: number; inspect?: (head: Buffer) => void },
  meter: Meter,
): AsyncGenerator<Buffer> {
  const limit = options.maxBytes ?? Number.POSITIVE_INFINITY
  const inspect = options.inspect
  let head: Buffer[] | undefined = inspect ? [] : undefined
  for await (const chunk of chunks) {
    meter.size += chunk.length
    if (meter.size > limit) throw new FileTooLargeError(limit)
    if (head) {
      head.push(chunk)
      if (meter.size >= HEAD_BYTES) {
        inspect!(Buffer.concat(head).subarray(0, HEAD_BYTES))
        head = undefined
      }
    }
    meter.hash.update(chunk)
    yield chunk
  }
  if (head && meter.size > 0) inspect!(Buffer.concat(head))
}

/**
 * Remove files in `tmpDir` not written to since `before` (another instance's upload or check in
 * progress is left alone); returns how many.
 */
export async function cleanTemporaryFolder(tmpDir: string, before: Date): Promise<number> {
  let removed = 0
  for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
    const path = join(tmpDir, name)
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => Infinity,
    )
    if (modified >= before.getTime()) continue
    await rm(path, { force: true, recursive: true })
    removed++
  }
  return removed
}

/** A fresh temporary path in `tmpDir` (made if need be). */
export async function temporaryPathIn(tmpDir: string, suffix = ''): Promise<string> {
  await mkdir(tmpDir, { recursive: true })
  return join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}${suffix}`)
}

export function createBlobStore(root: string): BlobStore {
  const tmpDir = join(root, 'tmp')
  const pathOf = (hash: string) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('Not a content hash')
    return join(root, hash.slice(0, 2), hash)
  }

  const temporaryPath = (suffix = '') => temporaryPathIn(tmpDir, suffix)

  async function hashFile(path: string): Promise<StoredFile> {
    const hash = createHash('sha256')
    let size = 0
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer)
      size += (chunk as Buffer).length
    }
    return { hash: hash.digest('hex'), size }
  }

  async function moveIntoPlace(temporary: string, stored: StoredFile): Promise<StoredFile> {
    const target = pathOf(stored.hash)
    await mkdir(join(root, stored.hash.slice(0, 2)), { recursive: true })
    await rename(temporary, target)
    return stored
  }

  return {
    localCopy: async (hash) => ({ path: pathOf(hash), release: async () => undefined }),
    temporaryPath,
    async put(source, options = {}) {
      // The upload may fail before the pipeline below is attached (a client gone while the
      // temporary file is being made): catch that error here rather than let it crash the process.
      let earlyError: unknown
      const onEarlyError = (error: unknown) => {
        earlyError ??= error
      }
      source.on('error', onEarlyError)
      const temporary = await temporaryPath()
      source.off('error', onEarlyError)
      if (earlyError) throw earlyError
      const meter = { hash: createHash('sha256'), size: 0 }
      const sink = createWriteStream(temporary)
      try {
        await pipeline(source, (chunks: AsyncIterable<Buffer>) => metered(chunks, options, meter), sink)
        return await moveIntoPlace(temporary, { hash: meter.hash.digest('hex'), size: meter.size })
      } catch (error) {
        // The file may still be opening when the pipeline fails (a refusal on the first chunk):
        // wait for it to close, or removing it first would leave it behind once it opens.
        if (!sink.closed) await once(sink, 'close').catch(() => undefined)
        await rm(temporary, { force: true })
        throw error
      }
    },
    cleanTemporary: (before) => cleanTemporaryFolder(tmpDir, before),
    async adopt(temporary) {
      return moveIntoPlace(temporary, await hashFile(temporary))
    },
    open: (hash) => createReadStream(pathOf(hash)),
    async exists(hash) {
      try {
        await stat(pathOf(hash))
        return true
      } catch {
        return false
      }
    },
    async remove(hash) {
      await rm(pathOf(hash), { force: true })
    },
  }
}
