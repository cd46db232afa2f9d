import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'

/**
 * One process at a time on an embedded database's folder. PGlite takes no lock of its own, and
 * two processes writing one folder ruin it: seen when a second `npm start` ran against a running
 * one's folder (it migrated, then found the port taken and stopped); the next start aborted
 * inside PGlite and the demo database had to be thrown away. The lock is a file beside the
 * folder holding the owner's process id; a lock whose process is gone (a crash, a kill -9) is
 * taken over.
 */
export class DatabaseInUseError extends Error {}

/** Locks this process holds now, by lock file: the same process id in a file not here is stale. */
const held = new Set<string>()

/** Take the lock on `folder` (at `<folder>.lock`), or throw DatabaseInUseError; returns its release. */
export function lockFolder(folder: string): () => void {
  const path = `${folder}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = openSync(path, 'wx')
      writeSync(file, `${process.pid}\n`)
      closeSync(file)
      held.add(path)
      let released = false
      const release = () => {
        if (released) return
        released = true
        held.delete(path)
        process.off('exit', release)
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path)
        } catch {
          // Already gone: nothing to release.
        }
      }
      // A process that ends without closing its database (an uncaught error) still lets go.
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    // No readable owner: another process has just made the file and not yet written its id.
    const owner = ownerOf(path)
    if (owner === undefined || held.has(path) || (owner !== process.pid && isRunning(owner)))
      throw new DatabaseInUseError(
        `The embedded database in ${folder} is in use by another process (process ${owner ?? 'unknown'}), ` +
          'perhaps another `npm start`. Stop that one first, or set DATA_DIR to another folder. ' +
          `If no such process is running, delete ${path} and start again.`,
      )
    unlinkSync(path)
  }
  throw new DatabaseInUseError(`Could not lock the embedded database in ${folder}: ${path} keeps coming back.`)
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** Whether a process with this id exists (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
