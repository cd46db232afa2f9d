/**
 * Shared plumbing for `ilacs` commands: JSON output, usage errors and exit codes.
 * Contract (issue 4): with `--json`, exactly one JSON value on stdout and nothing else;
 * a bad argument is a one-line message on stderr naming the argument and the rule, exit 2.
 */

/** A bad argument. The message names the argument and, where one applies, the rule. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Print one JSON value on stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`)
}

let exitCode = 0

/** The exit code the last action asked for (0 when it returned nothing). */
export function takeExitCode(): number {
  const code = exitCode
  exitCode = 0
  return code
}

/**
 * Wrap a command action so it may return its exit code (e.g. 1 when Annex A has errors).
 * Commander ignores action return values, so the code is kept here for `main` to return.
 */
export function action<A extends unknown[]>(
  run: (...args: A) => Promise<number | void> | number | void,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const code = await run(...args)
    exitCode = typeof code === 'number' ? code : 0
  }
}
