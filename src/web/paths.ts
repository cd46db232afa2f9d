import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository root: the nearest folder above this module holding `src/web`. This module runs
 * from src/web (tsx, tests) and from the server's bundle in node_modules/.cache (ADR 0034).
 */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)))

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'src', 'web', 'paths.ts'))) return dir
    if (dirname(dir) === dir) throw new Error(`The project's folder was not found above ${from}`)
  }
}

/** GOV.UK Frontend's built files: Nunjucks macros, CSS, JS, fonts and images. */
export const govukFrontendDist = join(projectRoot, 'node_modules', 'govuk-frontend', 'dist')
