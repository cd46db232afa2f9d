/**
 * The seed documents (data/seeds/, Open Government Licence) for tests that check quotes and
 * headings against them. Whitespace is normalised: the seeds are text extracted from PDFs and
 * Word files, with line breaks and spacing that carry no meaning.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'seeds')

/** Collapse every run of whitespace to one space. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const cache = new Map<string, string>()

/** The whitespace-normalised text of seed `number` ('000' … '004'). */
export function seedText(number: string): string {
  let text = cache.get(number)
  if (text === undefined) {
    const file = readdirSync(dir).find((name) => name.startsWith(`${number}_`) && name.endsWith('.txt'))
    if (!file) throw new Error(`No seed ${number} in ${dir}`)
    text = normaliseWhitespace(readFileSync(join(dir, file), 'utf8'))
    cache.set(number, text)
  }
  return text
}
