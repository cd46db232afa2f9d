import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCsv, type CsvEncoding } from './csv.js'

const dir = mkdtempSync(join(tmpdir(), 'annex-a-csv-'))

async function read(
  name: string,
  bytes: Buffer,
): Promise<{ encoding: CsvEncoding; delimiter: string; rows: [number, string[]][] }> {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const rows: [number, string[]][] = []
  const result = await readCsv(path, (row) => {
    const cells: string[] = []
    for (let i = 0; i < row.count; i++) cells[row.cols[i]!] = row.texts[i]!
    rows.push([row.rowNumber, Array.from(cells, (c) => c ?? '')])
  })
  return { ...result, rows }
}

const TEXT = 'Child Unique ID,Allocated Worker\nA1,Zoë Brontë\n'

describe('readCsv', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['UTF-16 LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])],
    ['UTF-16 BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()])],
    ['UTF-16 LE', Buffer.from(TEXT, 'utf16le')],
    ['Windows-1252', Buffer.from(TEXT, 'latin1')],
  ] as const)('reads %s and says so', async (encoding, bytes) => {
    const result = await read(`enc-${encoding}.csv`, bytes)
    expect(result.encoding).toBe(encoding)
    expect(result.rows).toEqual([
      [1, ['Child Unique ID', 'Allocated Worker']],
      [2, ['A1', 'Zoë Brontë']],
    ])
  })

  it('reads Windows-1252 curly quotes and the pound sign', async () => {
    const result = await read('cp1252.csv', Buffer.from([0x93, 0x41, 0x94, 0x2c, 0xa3, 0x35, 0x0a]))
    expect(result.rows).toEqual([[1, ['“A”', '£5']]])
  })

  it('keeps quoted delimiters, doubled quotes and line breaks, and counts rows as Excel shows them', async () => {
    const result = await read(
      'quoted.csv',
      Buffer.from('a,b\r\n"x, y","He said ""no""\r\nthen left"\r\n\r\nlast,row\r\n'),
    )
    expect(result.rows).toEqual([
      [1, ['a', 'b']],
      [2, ['x, y', 'He said "no"\r\nthen left']],
      [4, ['last', 'row']],
    ])
  })

  it('finds semicolon and tab delimiters, and Excel’s sep= line', async () => {
    expect((await read('semi.csv', Buffer.from('a;b;c\n1;2;3\n'))).rows[1]).toEqual([2, ['1', '2', '3']])
    expect((await read('tab.csv', Buffer.from('a\tb\n1\t2\n'))).delimiter).toBe('\t')
    const sep = await read('sep.csv', Buffer.from('sep=;\na;b\n1;2\n'))
    expect(sep.delimiter).toBe(';')
    expect(sep.rows[0]).toEqual([1, ['a', 'b']])
  })

  it('reads a file larger than one chunk with CRLF line ends intact', async () => {
    const lines = ['id,value', ...Array.from({ length: 60_000 }, (_, i) => `C${i},"v ${i}"`)]
    const result = await read('big.csv', Buffer.from(`${lines.join('\r\n')}\r\n`))
    expect(result.rows).toHaveLength(60_001)
    expect(result.rows.every(([n, cells], i) => n === i + 1 && cells.length === 2 && !cells[1]!.includes('\r'))).toBe(
      true,
    )
    expect(result.rows[60_000]).toEqual([60_001, ['C59999', 'v 59999']])
  })

  it('says where a quote is never closed', async () => {
    await expect(read('open.csv', Buffer.from('a,b\n1,"never closed\n2,3\n'))).rejects.toThrow(
      /quoted value starting near row 2 never ends/,
    )
  })
})
