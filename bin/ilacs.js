#!/usr/bin/env node
// The `ilacs` command. It runs a bundle of src/cli/main.ts (scripts/bundle.mjs), so a call costs
// a plain `node` start rather than a TypeScript compile (the rules CLI must answer in < 300 ms).
import { pathToFileURL } from 'node:url'
import { bundled } from '../scripts/bundle.mjs'

// `ilacs … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const entry = await bundled('ilacs-cli', 'src/cli/main.ts')
const { main } = await import(pathToFileURL(entry).href)
process.exitCode = await main(process.argv.slice(2))
