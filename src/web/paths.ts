import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is src/web/paths.ts). */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** GOV.UK Frontend's built files: Nunjucks macros, CSS, JS, fonts and images. */
export const govukFrontendDist = join(projectRoot, 'node_modules', 'govuk-frontend', 'dist')
