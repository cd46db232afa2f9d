import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { AnnexAFileError } from './errors.js'
import { processAnnexA } from './process.js'
import { sniffFile } from './sniff.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-sniff-'))

/**
 * A minimal OLE compound file (the container of .xls, .doc and password-protected .xlsx):
 * header, one FAT sector, one directory sector holding the named streams.
 */
function compoundFile(streams: string[]): Buffer {
  const sector = 512
  const file = Buffer.alloc(sector * 3)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0)
  file.writeUInt16LE(0x3e, 24) // minor version
  file.writeUInt16LE(3, 26) // major version 3: 512-byte sectors
  file.writeUInt16LE(0xfffe, 28) // byte order
  file.writeUInt16LE(9, 30) // sector shift
  file.writeUInt16LE(6, 32) // mini sector shift
  file.writeUInt32LE(1, 44) // FAT sectors
  file.writeUInt32LE(1, 48) // first directory sector
  file.writeUInt32LE(4096, 56) // mini stream cutoff
  file.writeInt32LE(-2, 60) // no mini FAT
  file.writeInt32LE(-2, 68) // no DIFAT sectors
  for (let i = 0; i < 109; i++) file.writeInt32LE(i === 0 ? 0 : -1, 76 + i * 4)
  const fat = sector
  file.writeInt32LE(-3, fat) // sector 0 is the FAT
  file.writeInt32LE(-2, fat + 4) // sector 1 is the directory, one sector long
  for (let i = 2; i < 128; i++) file.writeInt32LE(-1, fat + i * 4)
  const names = ['Root Entry', ...streams]
  names.forEach((name, i) => {
    const at = sector * 2 + i * 128
    const encoded = Buffer.from(`${name}\0`, 'utf16le')
    encoded.copy(file, at)
    file.writeUInt16LE(encoded.length, at + 64)
    file[at + 66] = i === 0 ? 5 : 2 // root storage, then streams
    file.writeInt32LE(-1, at + 68)
    file.writeInt32LE(i + 1 < names.length ? i + 1 : -1, at + 72)
    file.writeInt32LE(-1, at + 76)
  })
  return file
}

async function refusal(name: string, content: Buffer | string, fileName = name): Promise<AnnexAFileError> {
  const path = join(dir, name)
  writeFileSync(path, content)
  const error = await processAnnexA({ path, fileName }, { asOf: '2026-03-16' }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AnnexAFileError)
  return error as AnnexAFileError
}

describe('files that are not readable Annex A returns', () => {
  it('says a password-protected workbook must have its password removed', async () => {
    const error = await refusal('locked.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']))
    expect(error.code).toBe('ENCRYPTED')
    expect(error.userMessage).toContain('protected with a password')
    expect(error.userMessage).toContain('remove the password')
  })

  it('says a legacy .xls must be saved as .xlsx', async () => {
    const error = await refusal('old.xls', compoundFile(['Workbook', 'SummaryInformation']))
    expect(error.code).toBe('LEGACY_XLS')
    expect(error.userMessage).toContain('Excel 97-2003 format (.xls)')
    expect(error.userMessage).toContain('Save As > Excel Workbook (*.xlsx)')
  })

  it('says an old Word document is not a workbook', async () => {
    expect((await refusal('letter.xls', compoundFile(['WordDocument', '1Table']))).code).toBe('NOT_A_SPREADSHEET')
  })

  it('says an empty file is empty', async () => {
    const error = await refusal('empty.xlsx', '')
    expect(error.code).toBe('EMPTY_FILE')
    expect(error.userMessage).toBe(
      'The file empty.xlsx is empty (0 bytes). Check you chose the right file, then upload the Annex A workbook again.',
    )
  })

  it('says a CSV renamed .xlsx is text, and how to upload it', async () => {
    const error = await refusal('renamed.xlsx', 'Child Unique ID,Gender\nA1,a) Male\n')
    expect(error.code).toBe('NOT_A_SPREADSHEET')
    expect(error.userMessage).toContain('rename it to end in .csv')
  })

  it('says a web page saved as .xls is not a workbook', async () => {
    expect((await refusal('page.xls', '<html><table><tr><td>1</td></tr></table></html>')).userMessage).toContain(
      'web page or XML file',
    )
  })

  it('says a binary file with a spreadsheet name is not a workbook', async () => {
    expect(
      (
        await refusal(
          'photo.xlsx',
          Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 0x80, 0x81]),
        )
      ).code,
    ).toBe('NOT_A_SPREADSHEET')
  })

  it('says a Word .docx is not a workbook', async () => {
    const error = await refusal(
      'letter.xlsx',
      Buffer.from(
        zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
      ),
    )
    expect(error.code).toBe('NOT_A_WORKBOOK')
    expect(error.userMessage).toContain('Word document')
  })

  it('says a cut-short workbook is damaged', async () => {
    const whole = Buffer.from(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'.repeat(100)) }))
    expect((await refusal('cut.xlsx', whole.subarray(0, whole.length - 40))).code).toBe('CORRUPT_ZIP')
  })

  it('says a missing file cannot be found', async () => {
    const error = await processAnnexA(
      { path: join(dir, 'nope.xlsx'), fileName: 'nope.xlsx' },
      { asOf: '2026-03-16' },
    ).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('sniffFile', () => {
  it('takes zips as workbooks and text .csv files as CSV, whatever else they are called', async () => {
    const zip = join(dir, 'book.bin')
    writeFileSync(zip, zipSync({ a: strToU8('x') }))
    expect((await sniffFile(zip, 'book.bin')).kind).toBe('xlsx')
    const csv = join(dir, 'list.csv')
    writeFileSync(csv, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')]))
    expect((await sniffFile(csv, 'list.csv')).kind).toBe('csv')
  })
})
