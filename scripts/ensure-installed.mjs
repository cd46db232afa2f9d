// `npm start` runs this first (prestart). It uses only Node's built-ins, because on a fresh
// clone nothing else is installed yet: when node_modules is missing, or package-lock.json has
// changed since the last install, it runs `npm ci` and records the lock file's hash.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const marker = join(root, 'node_modules', '.ilacs-installed')

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`This service needs Node.js 20.19 or later; this is ${process.versions.node}.`)
  process.exit(1)
}

const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex')
const installed = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : ''

if (!existsSync(join(root, 'node_modules')) || installed !== lockHash) {
  console.log(
    installed
      ? 'package-lock.json has changed: reinstalling dependencies (npm ci)…'
      : 'Installing dependencies (npm ci)…',
  )
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error('npm ci failed; see the messages above.')
    process.exit(result.status ?? 1)
  }
  writeFileSync(marker, `${lockHash}\n`)
}
