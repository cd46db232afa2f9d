/** The help area as other areas see it (ADR 0007): the service status and feedback pages. */
export { helpPaths } from './paths.js'
