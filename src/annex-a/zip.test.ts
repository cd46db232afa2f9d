import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { AnnexAFileError } from './errors.js'
import { ZipArchive } from './zip.js'
import { ZipWriter } from './zip-writer.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-zip-'))

async function readText(archive: ZipArchive, name: string): Promise<string> {
  return (await archive.readWhole(archive.entries.get(name)!)).toString('utf8')
}

describe('ZipWriter and ZipArchive', () => {
  it('round-trips parts written in pieces, readable by another zip library too', async () => {
    const path = join(dir, 'round.zip')
    const writer = new ZipWriter(path)
    const sheet = writer.entry('xl/worksheets/sheet1.xml')
    for (let i = 0; i < 20_000; i++) await sheet.write(`<row r="${i}"/>`)
    await sheet.end()
    await writer.file('xl/sharedStrings.xml', 'Café ‘quoted’')
    writer.finish()

    const archive = await ZipArchive.open(path)
    expect([...archive.entries.keys()]).toEqual(['xl/worksheets/sheet1.xml', 'xl/sharedstrings.xml'])
    expect(await readText(archive, 'xl/sharedstrings.xml')).toBe('Café ‘quoted’')
    const rows = await readText(archive, 'xl/worksheets/sheet1.xml')
    expect(rows.startsWith('<row r="0"/>')).toBe(true)
    expect(rows.endsWith('<row r="19999"/>')).toBe(true)
    await archive.close()
    const other = unzipSync(readFileSync(path))
    expect(new TextDecoder().decode(other['xl/sharedStrings.xml'])).toBe('Café ‘quoted’')
  })

  it('stops early when the reader has seen enough', async () => {
    const path = join(dir, 'early.zip')
    writeFileSync(path, zipSync({ 'a.xml': new Uint8Array(5_000_000).fill(65) }))
    const archive = await ZipArchive.open(path)
    let seen = 0
    await archive.read(archive.entries.get('a.xml')!, (chunk) => {
      seen += chunk.length
      return false
    })
    expect(seen).toBeLessThan(5_000_000)
    await archive.close()
  })

  it('refuses a zip bomb as soon as the part passes the ratio limit', async () => {
    const path = join(dir, 'bomb.zip')
    writeFileSync(path, zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50_000_000) }, { level: 9 }))
    const archive = await ZipArchive.open(path, {
      maxUncompressedBytes: 1e12,
      maxRatio: 100,
      ratioGraceBytes: 1_000_000,
      maxEntries: 10,
    })
    let seen = 0
    const error = await archive
      .read(archive.entries.get('xl/worksheets/sheet1.xml')!, (chunk) => void (seen += chunk.length))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AnnexAFileError)
    expect((error as AnnexAFileError).code).toBe('ZIP_BOMB')
    expect(seen).toBeLessThan(5_000_000)
    await archive.close()
  })

  it('checks the ratio as the part inflates: a bomb padded with random bytes to a low whole-part ratio is refused early', async () => {
    // 200 MiB of spaces (a few hundred KiB deflated) then 2 MiB of random bytes (stored): the
    // whole part's ratio is about 90, under the limit of 200, but its first 200 MiB come from a
    // few hundred KiB.
    const path = join(dir, 'padded-bomb.zip')
    const writer = new ZipWriter(path, 9)
    const sheet = writer.entry('xl/worksheets/sheet1.xml')
    const spaces = Buffer.alloc(1024 * 1024, 0x20)
    for (let i = 0; i < 200; i++) await sheet.write(spaces)
    await sheet.write(randomBytes(2 * 1024 * 1024))
    await sheet.end()
    writer.finish()
    const archive = await ZipArchive.open(path)
    const entry = archive.entries.get('xl/worksheets/sheet1.xml')!
    expect(entry.uncompressedSize / entry.compressedSize).toBeLessThan(200)
    let seen = 0
    const error = await archive.read(entry, (chunk) => void (seen += chunk.length)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'ZIP_BOMB' })
    // Refused just past the 32 MiB grace, not after inflating the 200 MiB.
    expect(seen).toBeLessThan(40 * 1024 * 1024)
    await archive.close()
  })

  it('refuses a part that unpacks to more than its declared size', async () => {
    const path = join(dir, 'liar.zip')
    const bytes = zipSync({ 'a.xml': new Uint8Array(100_000).fill(66) })
    // Lower the declared size in the central directory to 1,000 bytes.
    const buffer = Buffer.from(bytes)
    const cd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    buffer.writeUInt32LE(1000, cd + 24)
    writeFileSync(path, buffer)
    const archive = await ZipArchive.open(path)
    await expect(archive.read(archive.entries.get('a.xml')!, () => undefined)).rejects.toMatchObject({
      code: 'ZIP_BOMB',
    })
    await archive.close()
  })

  it('says a cut-short file is damaged', async () => {
    const path = join(dir, 'cut.zip')
    const whole = zipSync({ 'a.xml': new Uint8Array(100_000).map((_, i) => (i * 7919) % 251) })
    writeFileSync(path, whole.subarray(0, whole.length - 30))
    await expect(ZipArchive.open(path)).rejects.toMatchObject({ code: 'CORRUPT_ZIP' })
  })

  it('says damaged compressed data is damaged', async () => {
    const path = join(dir, 'garbled.zip')
    const buffer = Buffer.from(zipSync({ 'a.xml': new Uint8Array(100_000).map((_, i) => (i * 7919) % 251) }))
    for (let i = 100; i < 400; i++) buffer[i] = 0xff
    writeFileSync(path, buffer)
    const archive = await ZipArchive.open(path)
    await expect(archive.read(archive.entries.get('a.xml')!, () => undefined)).rejects.toMatchObject({
      code: 'CORRUPT_ZIP',
    })
    await archive.close()
  })
})
