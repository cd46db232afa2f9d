#!/usr/bin/env node
// The `ilacs` command. It runs a bundle of src/cli/main.ts built by esbuild, so a call costs a
// plain `node` start rather than a TypeScript compile (the rules CLI must answer in < 300 ms).
// The bundle is rebuilt when any file under src/ is newer than it, so a fresh clone or an edit
// needs no separate build step.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'node_modules', '.cache', 'ilacs-cli')
const entry = join(outDir, 'main.mjs')

function newestSourceTime(dir) {
  let newest = 0
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name)
    if (item.isDirectory()) newest = Math.max(newest, newestSourceTime(path))
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

// Written to temporary names and renamed into place (chunks first, main.mjs last), so several
// `ilacs` processes starting at once (parallel tests) never import a half-written bundle.
async function build() {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    write: false,
  })
  mkdirSync(outDir, { recursive: true })
  const files = [...result.outputFiles].sort((a, b) => (a.path === entry ? 1 : b.path === entry ? -1 : 0))
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`
    writeFileSync(temporary, file.contents)
    renameSync(temporary, file.path)
  }
}

// `ilacs … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const stale = !existsSync(entry) || statSync(entry).mtimeMs < newestSourceTime(join(root, 'src'))
if (stale) await build()
const { main } = await import(pathToFileURL(entry).href)
process.exitCode = await main(process.argv.slice(2))
