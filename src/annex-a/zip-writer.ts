/**
 * A streaming zip writer for generated workbooks: each part is deflated by Node's native zlib
 * as it is written, so a 1,000,000-row sheet never sits in memory. Parts carry a data
 * descriptor (sizes after the data), as Excel and most zip tools write them.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { crc32, createDeflateRaw } from 'node:zlib'

interface Written {
  name: Buffer
  crc: number
  compressedSize: number
  uncompressedSize: number
  offset: number
}

const FLUSH_AT = 128 * 1024

/** One part being written: `write` text or bytes, then `end`. */
export interface ZipEntryWriter {
  write(chunk: string | Buffer): Promise<void> | void
  end(): Promise<void>
}

export class ZipWriter {
  private readonly fd: number
  private position = 0
  private readonly written: Written[] = []
  private open = false

  constructor(
    path: string,
    private readonly level = 6,
  ) {
    this.fd = openSync(path, 'w')
  }

  private writeBytes(bytes: Buffer): void {
    let done = 0
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done)
    this.position += bytes.length
  }

  /** Start a part. Only one part may be open at a time. */
  entry(name: string): ZipEntryWriter {
    if (this.open) throw new Error('Finish the previous zip entry first')
    this.open = true
    const record = this.startRecord(name)

    const deflate = createDeflateRaw({ level: this.level, chunkSize: 256 * 1024 })
    deflate.on('data', (chunk: Buffer) => {
      record.compressedSize += chunk.length
      this.writeBytes(chunk)
    })
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve)
      deflate.on('error', reject)
    })
    let pending: (string | Buffer)[] = []
    let pendingLength = 0
    const flush = async () => {
      if (pendingLength === 0) return
      const bytes =
        pending.length === 1 && Buffer.isBuffer(pending[0])
          ? pending[0]
          : Buffer.concat(pending.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)))
      pending = []
      pendingLength = 0
      record.crc = crc32(bytes, record.crc)
      record.uncompressedSize += bytes.length
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve))
    }
    return {
      write: (chunk) => {
        pending.push(chunk)
        pendingLength += chunk.length
        if (pendingLength >= FLUSH_AT) return flush()
      },
      end: async () => {
        await flush()
        deflate.end()
        await finished
        this.finishRecord(record)
      },
    }
  }

  /**
   * A part whose deflated bytes are already made (test files far larger unpacked than packed):
   * `deflated` is raw deflate data; `crc` and `uncompressedSize` describe what it unpacks to.
   */
  rawEntry(name: string, deflated: Iterable<Buffer>, crc: number, uncompressedSize: number): void {
    if (this.open) throw new Error('Finish the previous zip entry first')
    const record = this.startRecord(name)
    for (const bytes of deflated) {
      this.writeBytes(bytes)
      record.compressedSize += bytes.length
    }
    record.crc = crc
    record.uncompressedSize = uncompressedSize
    this.finishRecord(record)
  }

  private startRecord(name: string): Written {
    const nameBytes = Buffer.from(name, 'utf8')
    const record: Written = { name: nameBytes, crc: 0, compressedSize: 0, uncompressedSize: 0, offset: this.position }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0808, 6) // data descriptor follows; UTF-8 names
    local.writeUInt16LE(8, 8)
    local.writeUInt16LE(nameBytes.length, 26)
    this.writeBytes(local)
    this.writeBytes(nameBytes)
    return record
  }

  private finishRecord(record: Written): void {
    const descriptor = Buffer.alloc(16)
    descriptor.writeUInt32LE(0x08074b50, 0)
    descriptor.writeUInt32LE(record.crc >>> 0, 4)
    descriptor.writeUInt32LE(record.compressedSize, 8)
    descriptor.writeUInt32LE(record.uncompressedSize, 12)
    this.writeBytes(descriptor)
    if (record.uncompressedSize > 0xfffffffe || this.position > 0xfffffffe)
      throw new Error('Generated workbook is over 4 GiB; zip64 is not supported by this writer')
    this.written.push(record)
    this.open = false
  }

  /** Write a whole small part. */
  async file(name: string, content: string | Buffer): Promise<void> {
    const entry = this.entry(name)
    await entry.write(content)
    await entry.end()
  }

  /** Write the central directory and close the file. */
  finish(): void {
    const start = this.position
    for (const record of this.written) {
      const header = Buffer.alloc(46)
      header.writeUInt32LE(0x02014b50, 0)
      header.writeUInt16LE(20, 4)
      header.writeUInt16LE(20, 6)
      header.writeUInt16LE(0x0808, 8)
      header.writeUInt16LE(8, 10)
      header.writeUInt32LE(record.crc >>> 0, 16)
      header.writeUInt32LE(record.compressedSize, 20)
      header.writeUInt32LE(record.uncompressedSize, 24)
      header.writeUInt16LE(record.name.length, 28)
      header.writeUInt32LE(record.offset, 42)
      this.writeBytes(header)
      this.writeBytes(record.name)
    }
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(this.written.length, 8)
    end.writeUInt16LE(this.written.length, 10)
    end.writeUInt32LE(this.position - start, 12)
    end.writeUInt32LE(start, 16)
    this.writeBytes(end)
    closeSync(this.fd)
  }
}
