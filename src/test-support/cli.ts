/**
 * Running the real `ilacs` command (`node bin/ilacs.js`) in tests, as a user or a script would,
 * with the checks every command's output must pass: one JSON value with --json, and usage
 * errors as exit 2 with one `ilacs: ` line on stderr.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Run `ilacs` with `args` from the project root. */
export function ilacs(...args: string[]): Run {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'ilacs.js'), ...args], { cwd: root, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Run with --json, expect success and exactly one JSON value on stdout. */
export function json(...args: string[]): unknown {
  const run = ilacs(...args, '--json')
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(run.stdout.trim().split('\n')).toHaveLength(1)
  return JSON.parse(run.stdout)
}

/** Expect a usage error: exit 2, nothing on stdout, one line on stderr starting `ilacs: `. */
export function usageError(...args: string[]): string {
  const run = ilacs(...args)
  expect(run.status).toBe(2)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^ilacs: /)
  return lines[0]!
}

/** A folder of the calling test file's own for input files. */
export function workFolder(): string {
  return mkdtempSync(join(tmpdir(), 'ilacs-rules-cli-'))
}

/** Write `entries` as a judgement history file `name` in `folder`; returns its path. */
export function historyFile(folder: string, name: string, entries: unknown): string {
  const path = join(folder, name)
  writeFileSync(path, JSON.stringify(entries))
  return path
}

export type Milestones = {
  milestones: { key: string; label: string; date: string; rule: string; citation: string }[]
}

/** A timeline's milestones as key → date (the first of each key). */
export function dates(value: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  for (const item of (value as Milestones).milestones) result[item.key] ??= item.date
  return result
}

/** Build the CLI bundle (the first call builds it) before the tests call the command. */
export function buildCliFirst(): void {
  expect(ilacs('--help').status).toBe(0)
}
