import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * `npm start` as a person runs it (README): the server from its bundle (scripts/serve.mjs,
 * ADR 0034), on a new embedded database. Everything else tests the server from its TypeScript
 * sources; this is the one place the bundle runs, so it checks what the bundle could get wrong:
 * the project's folder found from node_modules/.cache (templates, GOV.UK Frontend's assets, our
 * own CSS), the database migrated, a second start on the same folder refused, and a clean stop
 * on Ctrl-C. No demo data: that is tested on
 * its own, and would make this test slow.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
let server: ChildProcess | undefined
let dataDir: string | undefined

afterAll(async () => {
  server?.kill('SIGKILL')
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** Resolves with everything written so far once `text` appears, rejects if the process ends first. */
function waitFor(child: ChildProcess, text: string, output: { all: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (output.all.includes(text)) resolve(output.all)
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => reject(new Error(`exited with ${code} before “${text}”:\n${output.all}`)))
    check()
  })
}

describe('npm start', () => {
  it('serves from its bundle on a new embedded database, with its pages and styles, and stops cleanly', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ilacs-start-'))
    const port = await freePort()
    // A person's shell, not the test run's settings (vitest sets NODE_ENV and others).
    const personsShell = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      DEMO_DATA: 'false',
    }
    const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'scripts', 'serve.mjs')], {
      cwd: root,
      env: { ...personsShell, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server = child
    const output = { all: '' }
    child.stdout!.on('data', (chunk: Buffer) => (output.all += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output.all += chunk.toString()))

    const started = await waitFor(child, 'Serving http://localhost:', output)
    expect(started).toMatch(/Migrations: \d+ applied/)
    expect(started).toContain('Local authorities: 153')

    const base = `http://127.0.0.1:${port}`
    const signIn = await fetch(`${base}/sign-in`)
    expect(signIn.status).toBe(200)
    const html = await signIn.text()
    expect(html).toContain('<h1 class="govuk-heading-l">Sign in</h1>')
    for (const href of html.match(/href="\/[^"]+\.css"/g) ?? []) {
      const sheet = await fetch(base + href.slice(6, -1))
      expect(sheet.status, href).toBe(200)
      expect(sheet.headers.get('content-type')).toContain('text/css')
    }
    expect(html.match(/href="\/[^"]+\.css"/g)).toHaveLength(2)
    expect((await fetch(`${base}/health`)).status).toBe(200)

    // A second start on the same folder (another terminal) is refused before it touches the
    // database: two processes writing one embedded database ruin it.
    const second = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs')], {
      cwd: root,
      env: { ...personsShell, PORT: String(await freePort()) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let refusal = ''
    second.stderr!.on('data', (chunk: Buffer) => (refusal += chunk.toString()))
    expect(await new Promise((resolve) => second.once('exit', resolve))).toBe(1)
    expect(refusal).toContain(`The embedded database in ${join(dataDir, 'pglite')} is in use by another process`)
    expect((await fetch(`${base}/sign-in`)).status).toBe(200)

    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    expect(await exit).toBe(0)
    expect(output.all).toContain('shutting down')
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false)
    // 7 s alone; 67 s in CI's first run, where it builds the bundle while the other test files
    // fill both cores.
  }, 240_000)
})
