/**
 * A random-access zip reader for .xlsx files on disk. It reads the central directory at the
 * end of the file, so parts can be inflated in any order (shared strings first, even when the
 * zip stores them after the sheets) and none is ever held whole in memory: each part streams
 * through Node's native zlib (which inflates on the libuv thread pool, beside the JavaScript
 * that scans the XML).
 *
 * Zip bombs: each part's output is counted as it arrives and inflation stops as soon as the
 * total passes `maxUncompressedBytes`, a part passes its declared size, or a part's output
 * passes `maxRatio` × the compressed bytes inflated so far (after `ratioGraceBytes`, so a small
 * part of repetitive XML, such as a 1,000,000-character cell, is not mistaken for a bomb). The
 * ratio is checked as data inflates, not against the whole part: a bomb padded with
 * incompressible bytes to bring its whole-part ratio under the limit is still refused after the
 * grace size (issue 10: a 13 MB bomb ran for 150 s against the whole-part ratio).
 */
import { createReadStream } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { crc32, createInflateRaw } from 'node:zlib'
import { AnnexAFileError, stoppedError } from './errors.js'

export interface ZipLimits {
  /** Total bytes all inflated parts may produce. */
  readonly maxUncompressedBytes: number
  /** Largest ratio of inflated bytes to compressed bytes consumed so far, in one part, checked once it passes the grace size. */
  readonly maxRatio: number
  readonly ratioGraceBytes: number
  readonly maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUncompressedBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioGraceBytes: 32 * 1024 ** 2,
  maxEntries: 10_000,
}

export interface ZipEntry {
  readonly name: string
  readonly method: number
  readonly flags: number
  readonly crc: number
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly localHeaderOffset: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const CHUNK = 256 * 1024
/**
 * Compressed bytes read from the file at a time. Each time the inflater runs out of input, the
 * next piece reaches it only when the main thread is free, and the main thread then waits for
 * zlib: 1 MiB pieces (about 8 MiB of XML each) make those waits a quarter as many as 256 KiB did
 * (measured: bare read and pipeline a few per cent faster on the 250,000-row benchmark).
 */
const READ_CHUNK = 1024 * 1024

function corrupt(detail: string): AnnexAFileError {
  return new AnnexAFileError('CORRUPT_ZIP', `The file is damaged: ${detail}.`)
}

export class ZipArchive {
  private produced = 0

  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly limits: ZipLimits,
  ) {}

  /** Open `path` and read its central directory. Throws `AnnexAFileError` when it is not a readable zip. */
  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipArchive> {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      const entries = await readCentralDirectory(handle, size, limits)
      return new ZipArchive(path, handle, size, entries, limits)
    } catch (error) {
      await handle.close()
      throw error
    }
  }

  async close(): Promise<void> {
    await this.handle.close()
  }

  /** Total bytes inflated so far, across all parts. */
  get uncompressedBytesRead(): number {
    return this.produced
  }

  /**
   * Stream part `entry` through `onChunk`. `onChunk` may return `false` to stop early (for
   * peeking at a sheet's header rows), or a promise to make the reading wait. `onCompressed` reports compressed bytes read, for progress.
   */
  async read(
    entry: ZipEntry,
    onChunk: (chunk: Buffer) => boolean | void | Promise<boolean | void>,
    options: {
      onCompressed?: (bytes: number) => void
      signal?: AbortSignal
      readChunk?: number
      /** Bytes of inflated XML handed to `onChunk` at a time (default 256 KiB). */
      inflateChunk?: number
    } = {},
  ): Promise<void> {
    if (entry.flags & 1)
      throw new AnnexAFileError('ENCRYPTED', 'The workbook is protected with a password, so it cannot be read.')
    if (entry.method !== 0 && entry.method !== 8)
      throw corrupt(`part ${entry.name} uses compression method ${entry.method}, which Excel does not write`)
    if (entry.uncompressedSize > this.limits.maxUncompressedBytes) throw bomb(entry)
    const start = await this.dataStart(entry)
    if (entry.compressedSize === 0) return
    const source = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: options.readChunk ?? READ_CHUNK,
    })
    const inflater = entry.method === 8 ? createInflateRaw({ chunkSize: options.inflateChunk ?? CHUNK }) : undefined
    const stream = inflater ? source.pipe(inflater) : source
    source.on('error', (error) => inflater?.destroy(error))
    if (options.onCompressed) {
      const report = options.onCompressed
      source.on('data', (chunk) => report(chunk.length))
    }
    const limits = this.limits
    let out = 0
    let crc = 0
    let stopped = false
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (options.signal?.aborted) throw stoppedError(options.signal)
        out += chunk.length
        this.produced += chunk.length
        // zlib's bytesWritten: the compressed bytes it has consumed to produce `out` so far.
        const consumed = inflater ? Math.max(1, inflater.bytesWritten) : out
        if (
          this.produced > limits.maxUncompressedBytes ||
          out > entry.uncompressedSize ||
          (out > limits.ratioGraceBytes && out > consumed * limits.maxRatio)
        ) {
          throw bomb(entry)
        }
        // A checksum catches damage inside stored (uncompressed) blocks, which zlib cannot see.
        crc = crc32(chunk, crc)
        let more = onChunk(chunk)
        // A consumer that waits (the scan worker, when the main thread is behind) returns a promise.
        if (more instanceof Promise) more = await more
        if (more === false) {
          stopped = true
          break
        }
      }
      if (!stopped && (out !== entry.uncompressedSize || crc >>> 0 !== entry.crc))
        throw corrupt(`part ${entry.name} does not match its checksum`)
    } catch (error) {
      if (error instanceof AnnexAFileError) throw error
      throw corrupt(`part ${entry.name} cannot be unpacked (${(error as Error).message})`)
    } finally {
      source.destroy()
      inflater?.destroy()
    }
  }

  /** Inflate a small part (workbook.xml, styles, rels) whole, refusing parts over `maxBytes`. */
  async readWhole(entry: ZipEntry, maxBytes = 64 * 1024 ** 2): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes)
      throw new AnnexAFileError(
        'TOO_LARGE',
        `The workbook part ${entry.name} is ${entry.uncompressedSize.toLocaleString('en-GB')} bytes, more than an Annex A workbook needs.`,
      )
    const chunks: Buffer[] = []
    await this.read(entry, (chunk) => void chunks.push(chunk))
    return Buffer.concat(chunks)
  }

  private async dataStart(entry: ZipEntry): Promise<number> {
    const header = Buffer.alloc(30)
    const { bytesRead } = await this.handle.read(header, 0, 30, entry.localHeaderOffset)
    if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL) throw corrupt(`part ${entry.name} is missing`)
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    if (start + entry.compressedSize > this.size) throw corrupt(`part ${entry.name} is cut short`)
    return start
  }
}

function bomb(entry: ZipEntry): AnnexAFileError {
  return new AnnexAFileError(
    'ZIP_BOMB',
    `The file unpacks to more data than allowed (stopped while unpacking ${entry.name}).`,
  )
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await handle.read(buffer, 0, length, position)
  return buffer.subarray(0, bytesRead)
}

async function readCentralDirectory(
  handle: FileHandle,
  size: number,
  limits: ZipLimits,
): Promise<Map<string, ZipEntry>> {
  // The end-of-central-directory record is in the last 22 bytes plus up to 64 KiB of comment.
  const tailLength = Math.min(size, 22 + 0xffff)
  const tail = await readAt(handle, size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw corrupt('the end of the zip is missing, so the file was probably cut short')
  let count = tail.readUInt16LE(eocd + 10)
  let cdSize = tail.readUInt32LE(eocd + 12)
  let cdOffset = tail.readUInt32LE(eocd + 16)
  if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
    const locatorAt = eocd - 20
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR) throw corrupt('its zip64 directory is missing')
    const zip64At = Number(tail.readBigUInt64LE(locatorAt + 8))
    const zip64 = await readAt(handle, zip64At, 56)
    if (zip64.length < 56 || zip64.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt('its zip64 directory is damaged')
    count = Number(zip64.readBigUInt64LE(32))
    cdSize = Number(zip64.readBigUInt64LE(40))
    cdOffset = Number(zip64.readBigUInt64LE(48))
  }
  if (count > limits.maxEntries)
    throw new AnnexAFileError(
      'TOO_LARGE',
      `The file holds ${count.toLocaleString('en-GB')} parts, far more than a workbook has.`,
    )
  if (cdOffset + cdSize > size || cdSize > 64 * 1024 ** 2)
    throw corrupt('its table of contents points outside the file')
  const cd = await readAt(handle, cdOffset, cdSize)
  const entries = new Map<string, ZipEntry>()
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw corrupt('its table of contents is damaged')
    const flags = cd.readUInt16LE(p + 8)
    const method = cd.readUInt16LE(p + 10)
    const crc = cd.readUInt32LE(p + 16)
    let compressedSize = cd.readUInt32LE(p + 20)
    let uncompressedSize = cd.readUInt32LE(p + 24)
    const nameLength = cd.readUInt16LE(p + 28)
    const extraLength = cd.readUInt16LE(p + 30)
    const commentLength = cd.readUInt16LE(p + 32)
    let localHeaderOffset = cd.readUInt32LE(p + 42)
    const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength)
    // Zip64 extra field (id 1): the 64-bit sizes and offset, in that order, for fields set to 0xffffffff.
    let e = p + 46 + nameLength
    const extraEnd = e + extraLength
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e)
      const length = cd.readUInt16LE(e + 2)
      if (id === 1) {
        let q = e + 4
        // Zip64: each field that overflowed its 32 bits is in the extra field, in this order.
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = Number(cd.readBigUInt64LE(q))
          q += 8
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(cd.readBigUInt64LE(q))
          q += 8
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(cd.readBigUInt64LE(q))
      }
      e += 4 + length
    }
    // Part names are matched case-insensitively without a leading slash, as Excel does.
    entries.set(name.replace(/^\/+/, '').toLowerCase(), {
      name,
      method,
      flags,
      crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    })
    p = extraEnd + commentLength
  }
  return entries
}
