import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseInUseError, lockFolder } from './folder-lock.js'

const folders: string[] = []
function folder(): string {
  const parent = mkdtempSync(join(tmpdir(), 'ilacs-lock-'))
  folders.push(parent)
  return join(parent, 'pglite')
}
afterEach(() => {
  for (const parent of folders.splice(0)) rmSync(parent, { recursive: true, force: true })
})

describe('one process at a time on an embedded database folder', () => {
  it('refuses a second opening while the first holds it, and allows one after it lets go', () => {
    const dir = folder()
    const release = lockFolder(dir)
    expect(readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid))
    expect(() => lockFolder(dir)).toThrow(DatabaseInUseError)
    release()
    expect(existsSync(`${dir}.lock`)).toBe(false)
    lockFolder(dir)()
  })

  it('refuses a folder another running process holds, saying what to do', () => {
    const dir = folder()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(`${dir}.lock`, `${other.pid}\n`)
      expect(() => lockFolder(dir)).toThrow(
        new RegExp(`in use by another process \\(process ${other.pid}\\).*set DATA_DIR to another folder`),
      )
      expect(readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(other.pid))
    } finally {
      other.kill()
    }
  })

  it('takes over a lock left by a process that has ended (a crash)', () => {
    const dir = folder()
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(`${dir}.lock`, `${ended}\n`)
    const release = lockFolder(dir)
    expect(readFileSync(`${dir}.lock`, 'utf8').trim()).toBe(String(process.pid))
    release()
  })
})
