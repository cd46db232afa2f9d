/**
 * Helpers shared by the rules commands of `ilacs`: argument checks that fail with a one-line
 * usage error naming the argument and the rule, and output as one JSON value or as text.
 */
import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { isIsoDate, type IsoDate } from '../../rules/calendar/dates.js'
import type { HistoryEntry } from '../../rules/history.js'
import type { Refusal } from '../../rules/types.js'
import { UsageError, printJson } from '../io.js'

/** `value` as a calendar date, or a usage error naming `argument`. */
export function parseDate(argument: string, value: string | undefined, rule = 'C1'): IsoDate {
  if (value === undefined) throw new UsageError(`${argument} is required: a date written YYYY-MM-DD (${rule})`)
  if (!isIsoDate(value))
    throw new UsageError(`${argument} ${value} is not a calendar date written YYYY-MM-DD (${rule})`)
  return value
}

/** `value` as a whole number within ±`limit`, or a usage error naming `argument`. */
export function parseWholeNumber(argument: string, value: string, limit: number, rule: string): number {
  if (!/^[-+]?\d+$/.test(value))
    throw new UsageError(`${argument} ${value} is not a whole number of working days (${rule})`)
  const n = Number(value)
  if (Math.abs(n) > limit)
    throw new UsageError(`${argument} ${value} is more than ${limit} working days either way (${rule})`)
  return n
}

/** `value` if it is one of `choices`, or a usage error naming `argument`. */
export function parseChoice<T extends string>(argument: string, value: string, choices: readonly T[], rule: string): T {
  if (!(choices as readonly string[]).includes(value))
    throw new UsageError(`${argument} ${value} is not one of ${choices.join(', ')} (${rule})`)
  return value as T
}

/** A usage error for a refused input, in the form "ARGUMENT DATE is …; … (RULE, CITATION)". */
export function refusalError(argument: string, refusal: Refusal): UsageError {
  return new UsageError(`${argument} ${refusal.reason} (${refusal.rule}, ${refusal.citation})`)
}

/**
 * Make commander's own errors on `command` (a missing argument, an unknown option) follow the
 * contract: one line on stderr, `ilacs: …`, naming the rule. Returns the command.
 */
export function withRuleErrors(command: Command, rule: string): Command {
  return command.configureOutput({
    outputError: (text, write) =>
      write(
        `ilacs: ${text
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim()} (${rule})\n`,
      ),
  })
}

/** Print `value` as one JSON value, or the text `human` gives. */
export function output(json: boolean | undefined, value: unknown, human: () => string): void {
  if (json) printJson(value)
  else process.stdout.write(`${human()}\n`)
}

/** Today's date in England, for options that default to it. */
export function today(): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
}

/**
 * Read and check a judgement history file: a JSON array of {published, type, overall}. zod is
 * loaded only here, so the other commands do not pay for it at start-up.
 */
export async function readHistory(argument: string, path: string | undefined, rule: string): Promise<HistoryEntry[]> {
  if (!path) throw new UsageError(`${argument} is required: a JSON file of [{"published","type","overall"}] (${rule})`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new UsageError(`${argument} ${path} cannot be read (${rule})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new UsageError(`${argument} ${path} is not JSON (${rule})`)
  }
  const { historySchema } = await import('./history-schema.js')
  const parsed = historySchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const where = issue.path.length
      ? ` at ${issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '')}`
      : ''
    throw new UsageError(`${argument} ${path}${where}: ${issue.message} (${rule})`)
  }
  return parsed.data
}
