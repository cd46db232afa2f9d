/**
 * The project's own lint rules: the boundaries of ARCHITECTURE.md and ADR 0007, checked on
 * every `npm run lint` so they hold without anyone remembering them.
 *
 * - `pure-rules`: `src/rules/` imports nothing from the rest of `src/`.
 * - `area-interface`: an area imports another area only through its `index.ts`.
 * - `no-web-in-domain`: only an area's web layer (routes, forms, presenters, paths, views,
 *   dashboards and task lists) imports `src/web/`; services and repositories never do.
 * - `own-tables`: an area (or `auth`, `notify`) queries only the tables it owns (TABLE_OWNERS).
 */
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TABLE_OWNERS } from './table-owners.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The file's path from the project root, with forward slashes. */
function fromRoot(file) {
  return relative(root, file).split(sep).join('/')
}

/** Where a relative import points, from the project root (`.js` as written; the file is `.ts`). */
function importTarget(file, source) {
  if (!source.startsWith('.')) return undefined
  return fromRoot(resolve(dirname(file), source)).replace(/\.js$/, '.ts')
}

function areaOf(path) {
  return /^src\/areas\/([^/]+)\//.exec(path)?.[1]
}

/** Files that make up an area's web layer: they turn requests into calls and results into pages. */
const WEB_LAYER = /(^|[/.-])(routes|forms|presenters|paths|dashboard|tasks)\.ts$|\.test\.ts$/

function importRule(description, check) {
  return {
    meta: { type: 'problem', docs: { description }, schema: [] },
    create(context) {
      const file = fromRoot(context.filename)
      const visit = (node) => {
        if (!node.source || typeof node.source.value !== 'string') return
        const target = importTarget(context.filename, node.source.value)
        if (!target) return
        const message = check(file, target)
        if (message) context.report({ node: node.source, message })
      }
      return {
        ImportDeclaration: visit,
        ExportNamedDeclaration: visit,
        ExportAllDeclaration: visit,
        ImportExpression: visit,
      }
    },
  }
}

const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'mergeInto',
])

function ownerOf(file) {
  const area = areaOf(file)
  if (area) return area
  return /^src\/(auth|notify|files|jobs)\//.exec(file)?.[1]
}

export default {
  meta: { name: 'ilacs-boundaries' },
  rules: {
    'pure-rules': importRule('src/rules imports nothing from the rest of src', (file, target) =>
      file.startsWith('src/rules/') && target.startsWith('src/') && !target.startsWith('src/rules/')
        ? `The rules core is pure: ${file} may not import ${target} (ARCHITECTURE.md)`
        : undefined,
    ),
    'area-interface': importRule("an area imports another area only through that area's index.ts", (file, target) => {
      const from = areaOf(file)
      const to = areaOf(target)
      if (!from || !to || from === to) return undefined
      return target === `src/areas/${to}/index.ts`
        ? undefined
        : `Import the ${to} area through src/areas/${to}/index.ts, not ${target} (ADR 0007)`
    }),
    'no-web-in-domain': importRule('services and repositories do not import src/web', (file, target) =>
      areaOf(file) && !WEB_LAYER.test(file) && target.startsWith('src/web/')
        ? `${file} is not part of the web layer: return values or throw a domain error (src/errors.ts) instead of importing ${target} (ADR 0007)`
        : undefined,
    ),
    'own-tables': {
      meta: { type: 'problem', docs: { description: 'an area queries only its own tables' }, schema: [] },
      create(context) {
        const file = fromRoot(context.filename)
        const owner = ownerOf(file)
        if (!owner || file.endsWith('.test.ts')) return {}
        return {
          CallExpression(node) {
            const callee = node.callee
            if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return
            if (!QUERY_METHODS.has(callee.property.name)) return
            const first = node.arguments[0]
            if (!first || first.type !== 'Literal' || typeof first.value !== 'string') return
            const table = first.value.split(/\s+/)[0]
            const tableOwner = TABLE_OWNERS[table]
            if (tableOwner === undefined) {
              context.report({ node: first, message: `Table ${table} has no owner in eslint/table-owners.js` })
            } else if (tableOwner !== owner) {
              context.report({
                node: first,
                message: `${table} belongs to ${tableOwner}: ask its service instead of querying it from ${owner} (ADR 0007)`,
              })
            }
          },
        }
      },
    },
  },
}
