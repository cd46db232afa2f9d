import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32Combine, shiftForLength } from './crc32-combine.js'

describe('joining two CRC-32s', () => {
  it('gives the CRC-32 of the two pieces joined, for any lengths', () => {
    for (const [a, b] of [
      [1, 1],
      [0, 5],
      [7, 0],
      [1000, 36],
      [131_072, 24],
      [3, 200_000],
    ] as const) {
      const first = randomBytes(a)
      const second = randomBytes(b)
      const joined = crc32Combine(crc32(first), crc32(second), shiftForLength(b))
      expect(joined).toBe(crc32(Buffer.concat([first, second])))
    }
  })

  it('knows the check value of "123456789" from its halves', () => {
    // CRC-32's published check value (RFC 1952's CRC): 0xCBF43926.
    expect(crc32Combine(crc32('1234'), crc32('56789'), shiftForLength(5))).toBe(0xcbf43926)
  })
})
