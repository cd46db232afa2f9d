/** The rulebook area as other areas see it (ADR 0007): its paths. */
export { rulebookPaths } from './paths.js'
