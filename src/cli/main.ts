import { Command, CommanderError } from 'commander'
import { registerAnnexACommands } from './annex-a-commands.js'
import { registerRegisterCommands } from './register-commands.js'
import { UsageError, takeExitCode } from './io.js'
import { registerRulesCommands } from './rules-commands.js'

/** Build the command tree. Each area adds its commands here. */
export function buildProgram(): Command {
  const program = new Command('ilacs')
    .description("Inspection of local authority children's services: dates, rules and Annex A")
    .exitOverride()
    .showHelpAfterError(false)
  registerRulesCommands(program)
  registerAnnexACommands(program)
  registerRegisterCommands(program)
  return program
}

/**
 * The `ilacs` command line: the same operations as the web service, for scripts and checks.
 * Returns the process exit code: 0 success, 1 a finding (e.g. Annex A errors), 2 bad arguments.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return takeExitCode()
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return 0
      // Commander has already written its one-line message to stderr.
      return 2
    }
    if (error instanceof UsageError) {
      process.stderr.write(`ilacs: ${error.message}\n`)
      return 2
    }
    throw error
  }
}
