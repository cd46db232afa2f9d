/**
 * CRC-32 (the gzip checksum) of two pieces joined, from each piece's own CRC and the second's
 * length: zlib's `crc32_combine`, which Node does not offer. A kept page's pieces have their CRCs
 * counted once; a compressed serving joins them with its fresh values' in microseconds, instead
 * of reading all of a 130 KB page again (src/web/page-cache.ts).
 *
 * Polynomials over GF(2) in 32 bits, reflected as gzip's CRC is (bit 31 is x^0).
 */
const POLY = 0xedb88320
const X0 = 0x80000000

/** a(x) * b(x) mod p(x). */
function multiplyModP(a: number, b: number): number {
  let product = 0
  for (let bit = X0; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1
  }
  return product >>> 0
}

/** x^(2^k) mod p(x), k = 0..31. */
const X_TO_TWO_TO_K: number[] = []
for (let k = 0, p = X0 >>> 1; k < 32; k += 1) {
  X_TO_TWO_TO_K.push(p)
  p = multiplyModP(p, p)
}

/** x^(8n) mod p(x): what appending n zero bytes multiplies a CRC by. */
export function shiftForLength(n: number): number {
  let p = X0
  for (let k = 3; n > 0; n = Math.floor(n / 2), k += 1) if (n % 2 === 1) p = multiplyModP(X_TO_TWO_TO_K[k % 32]!, p)
  return p
}

/** The CRC-32 of A then B, from crc(A), crc(B) and `shiftForLength(B's length)`. */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multiplyModP(shiftB, crcA) ^ crcB) >>> 0
}
