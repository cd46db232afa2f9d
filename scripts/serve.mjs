// `npm start`: the server (src/server.ts) run from its bundle (scripts/bundle.mjs, ADR 0034), so
// a second start loads one file instead of compiling every module through tsx on each start.
// Stack traces still name the TypeScript files: the bundle carries its source map, and
// `npm start` runs node with --enable-source-maps.
import { pathToFileURL } from 'node:url'
import { bundled } from './bundle.mjs'

// `npm run build` (`--build`) only brings the bundle up to date: for a machine image whose
// node_modules is read-only when it runs.
const entry = await bundled('ilacs-server', 'src/server.ts')
if (!process.argv.includes('--build')) {
  const { start } = await import(pathToFileURL(entry).href)
  await start()
}
