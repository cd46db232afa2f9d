// A bundle of one of the service's TypeScript entry points, built by esbuild into
// node_modules/.cache/<name>/main.mjs, so that running it costs a plain `node` start rather than
// compiling hundreds of files through tsx on every run (the `ilacs` command must answer in
// < 300 ms; `npm start` should serve within 3 s on a second start, issue 16, ADR 0034).
// The bundle is rebuilt when any file under src/ is newer than it, so a fresh clone or an edit
// needs no separate build step. Packages stay in node_modules (`packages: 'external'`).
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')

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
// processes starting at once (parallel tests, several instances) never import a half-written bundle.
async function build(source, outDir, entry) {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: { main: source },
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

/**
 * The path of the bundle of `source` (relative to the project's root) kept under `name`, built
 * first when missing or older than any source file.
 */
export async function bundled(name, source) {
  const outDir = join(root, 'node_modules', '.cache', name)
  const entry = join(outDir, 'main.mjs')
  const stale = !existsSync(entry) || statSync(entry).mtimeMs < newestSourceTime(join(root, 'src'))
  if (stale) await build(join(root, source), outDir, entry)
  return entry
}
