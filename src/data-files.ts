import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A file in the repository's `data/` folder (the LA list, Ofsted's outcomes), found by walking up
 * from this module: it runs from src/ (the server, tsx) and from the `ilacs` command's bundle in
 * node_modules/.cache, run from the project's folder. The one way the service finds its data files.
 */
export function dataFile(...parts: string[]): string {
  // The module's own checkout first (the server), then the working directory's (the command's bundle may be shared).
  for (let dir of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    for (let i = 0; i < 8; i++) {
      const candidate = join(dir, 'data', ...parts)
      if (existsSync(candidate)) return candidate
      dir = dirname(dir)
    }
  }
  throw new Error(`data/${parts.join('/')} was not found above ${fileURLToPath(import.meta.url)}`)
}
