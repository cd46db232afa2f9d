/**
 * Scanning sheets on a second thread. For a large workbook the pipeline is CPU-bound: a worker
 * inflates and scans the sheet XML while the main thread validates the rows already scanned, so
 * the two overlap (issue 5: "consider doing inflate on one core and validation on the other with
 * a worker thread"). The worker writes rows straight into batches of typed arrays which are
 * transferred, not copied, and read in place on this side; it waits when the main thread is more
 * than a few batches behind, so memory stays bounded whatever the file's size.
 *
 * One worker is started on first use and kept (unreferenced, so it never keeps a process alive)
 * for later files, as a server would keep it. It is this same module started again
 * (`import.meta.url`), so it works from the esbuild bundle the CLI runs and, through tsx, from
 * the TypeScript sources.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { AnnexAFileError, stoppedError, type AnnexAFileErrorCode } from './errors.js'
import { RowBuffer, SheetScanner, type ScannerOptions } from './sheet-scanner.js'
import { ZipArchive, type ZipEntry, type ZipLimits } from './zip.js'

/** Cells per batch before it is sent (a batch may run over by one chunk's rows). */
const BATCH_CELLS = 65_536
const MAX_OUTSTANDING = 3

interface RowBatch {
  readonly rows: number
  /** rowNumber, start, count — three per row. */
  readonly meta: Int32Array<ArrayBuffer>
  readonly cols: Int32Array<ArrayBuffer>
  readonly kinds: Uint8Array<ArrayBuffer>
  readonly nums: Float64Array<ArrayBuffer>
  readonly styles: Int32Array<ArrayBuffer>
  readonly formulas: Uint8Array<ArrayBuffer>
  /** Texts of text and error cells, at their cell index. */
  readonly texts: string[]
  readonly compressedBytes: number
}

interface ScanRequest {
  readonly type: 'scan'
  readonly id: number
  readonly path: string
  readonly entry: ZipEntry
  readonly zip: ZipLimits
  readonly scanner: ScannerOptions
}
type ToWorker = ScanRequest | { type: 'credit'; id: number } | { type: 'stop'; id: number }
type FromWorker =
  | ({ type: 'rows'; id: number } & RowBatch)
  | { type: 'done'; id: number; mergeRefs: string[]; cutCells: number; compressedBytes: number }
  | { type: 'error'; id: number; code?: AnnexAFileErrorCode; problem?: string; message: string }

let shared: SheetScanWorker | undefined

/** A worker thread that scans sheet parts, one at a time, on request. */
export class SheetScanWorker {
  private nextId = 1
  private readonly handlers = new Map<number, (message: FromWorker) => void>()
  private failure: Error | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private running = 0

  private constructor(private readonly worker: Worker) {
    worker.unref()
    worker.on('message', (message: FromWorker) => this.handlers.get(message.id)?.(message))
    worker.on('error', (error) => this.fail(error))
    worker.on('exit', () => this.fail(new Error('The Annex A scan worker stopped.')))
  }

  private fail(error: Error): void {
    this.failure ??= error
    if (shared === this) shared = undefined
    for (const handler of this.handlers.values()) handler({ type: 'error', id: 0, message: error.message })
  }

  /** The shared worker, started on first use; undefined where threads are not available. */
  static shared(): SheetScanWorker | undefined {
    if (shared && !shared.failure) return shared
    try {
      const url = new URL(import.meta.url)
      const setup = { annexAScanWorker: true }
      if (!url.pathname.endsWith('.ts')) shared = new SheetScanWorker(new Worker(url, { workerData: setup }))
      else {
        // From the TypeScript sources (tests, benchmarks) the worker registers tsx, then loads this file.
        const tsx = pathToFileURL(
          createRequire(import.meta.url)
            .resolve('tsx/esm/api')
            .replace(/\.cjs$/, '.mjs'),
        ).href
        const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}) })`
        shared = new SheetScanWorker(new Worker(boot, { eval: true, workerData: setup }))
      }
      return shared
    } catch {
      return undefined
    }
  }

  /** Stop the shared worker (tests). */
  static async stopShared(): Promise<void> {
    const worker = shared
    shared = undefined
    await worker?.worker.terminate()
  }

  /** Scan one sheet part of the workbook at `path`, calling `onRow` for each row on this thread; `onRow` may return false to stop. */
  scan(
    request: { path: string; entry: ZipEntry; zip: ZipLimits; scanner: ScannerOptions },
    onRow: (row: RowBuffer) => boolean | void,
    options: { onCompressed?: (bytes: number) => void; signal?: AbortSignal } = {},
  ): Promise<{ mergeRefs: string[]; cutCells: number }> {
    // Referenced while it works (so the process waits for it), unreferenced when idle (so it never keeps a process alive).
    if (this.running++ === 0) this.worker.ref()
    const run = this.queue.then(() => this.run(request, onRow, options))
    const settled = run.then(
      () => this.idle(),
      () => this.idle(),
    )
    this.queue = settled
    return run
  }

  private idle(): void {
    if (--this.running === 0) this.worker.unref()
  }

  private run(
    request: { path: string; entry: ZipEntry; zip: ZipLimits; scanner: ScannerOptions },
    onRow: (row: RowBuffer) => boolean | void,
    options: { onCompressed?: (bytes: number) => void; signal?: AbortSignal },
  ): Promise<{ mergeRefs: string[]; cutCells: number }> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    const row = new RowBuffer()
    let stopped = false
    return new Promise((resolve, reject) => {
      const finish = (error?: Error, result?: { mergeRefs: string[]; cutCells: number }) => {
        this.handlers.delete(id)
        options.signal?.removeEventListener('abort', abort)
        if (error) reject(error)
        else resolve(result!)
      }
      const stop = () => {
        stopped = true
        this.worker.postMessage({ type: 'stop', id } satisfies ToWorker)
      }
      const abort = () => {
        stop()
        finish(stoppedError(options.signal!))
      }
      options.signal?.addEventListener('abort', abort)
      this.handlers.set(id, (message) => {
        if (message.type === 'error') {
          finish(
            message.code
              ? new AnnexAFileError(message.code, message.problem ?? message.message)
              : new Error(message.message),
          )
          return
        }
        options.onCompressed?.(message.compressedBytes)
        if (message.type === 'done') {
          finish(undefined, { mergeRefs: message.mergeRefs, cutCells: message.cutCells })
          return
        }
        if (!stopped) {
          try {
            if (!replay(message, row, onRow)) stop()
          } catch (error) {
            stop()
            finish(error as Error)
            return
          }
        }
        this.worker.postMessage({ type: 'credit', id } satisfies ToWorker)
      })
      this.worker.postMessage({ type: 'scan', id, ...request } satisfies ToWorker)
    })
  }
}

/** Feed one batch's rows through `onRow`, pointing `row` at the batch's arrays (no copying). */
function replay(batch: RowBatch, row: RowBuffer, onRow: (row: RowBuffer) => boolean | void): boolean {
  row.cols = batch.cols
  row.kinds = batch.kinds
  row.nums = batch.nums
  row.styles = batch.styles
  row.formulas = batch.formulas
  row.texts = batch.texts
  const meta = batch.meta
  for (let r = 0; r < batch.rows; r++) {
    row.rowNumber = meta[r * 3]!
    row.start = meta[r * 3 + 1]!
    row.count = meta[r * 3 + 2]!
    if (onRow(row) === false) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// The worker side.

function freshRows(row: RowBuffer): void {
  const size = BATCH_CELLS * 2
  row.cols = new Int32Array(size)
  row.kinds = new Uint8Array(size)
  row.nums = new Float64Array(size)
  row.styles = new Int32Array(size)
  row.formulas = new Uint8Array(size)
  row.texts = []
  row.start = 0
  row.count = 0
}

function runWorker(): void {
  const port = parentPort!
  const credits = new Map<number, () => void>()
  const stops = new Set<number>()
  let outstanding = 0

  const scan = async (request: ScanRequest) => {
    const { id } = request
    const zip = await ZipArchive.open(request.path, request.zip)
    try {
      const row = new RowBuffer()
      freshRows(row)
      let meta = new Int32Array(3 * 8192)
      let rows = 0
      let compressed = 0
      const send = async () => {
        const message: FromWorker = {
          type: 'rows',
          id,
          rows,
          meta,
          cols: row.cols,
          kinds: row.kinds,
          nums: row.nums,
          styles: row.styles,
          formulas: row.formulas,
          texts: row.texts,
          compressedBytes: compressed,
        }
        port.postMessage(message, [
          meta.buffer,
          row.cols.buffer,
          row.kinds.buffer,
          row.nums.buffer,
          row.styles.buffer,
          row.formulas.buffer,
        ])
        outstanding++
        freshRows(row)
        meta = new Int32Array(3 * 8192)
        rows = 0
        compressed = 0
        if (outstanding >= MAX_OUTSTANDING) await new Promise<void>((resolve) => credits.set(id, resolve))
      }
      const scanner = new SheetScanner(
        (r) => {
          if (stops.has(id)) return false
          if ((rows + 1) * 3 > meta.length) {
            const grown = new Int32Array(meta.length * 2)
            grown.set(meta)
            meta = grown
          }
          meta[rows * 3] = r.rowNumber
          meta[rows * 3 + 1] = r.start
          meta[rows * 3 + 2] = r.count
          rows++
          r.start += r.count
        },
        request.scanner,
        row,
      )
      await zip.read(
        request.entry,
        (chunk) => {
          const more = scanner.push(chunk) && !stops.has(id)
          return row.start >= BATCH_CELLS ? send().then(() => more && !stops.has(id)) : more
        },
        { onCompressed: (bytes) => (compressed += bytes) },
      )
      if (!stops.has(id)) {
        scanner.end()
        if (rows > 0) await send()
      }
      port.postMessage({
        type: 'done',
        id,
        mergeRefs: scanner.mergeRefs,
        cutCells: scanner.cutCells,
        compressedBytes: compressed,
      } satisfies FromWorker)
    } finally {
      stops.delete(id)
      outstanding = 0
      await zip.close()
    }
  }

  port.on('message', (message: ToWorker) => {
    if (message.type === 'credit') {
      outstanding = Math.max(0, outstanding - 1)
      const resolve = credits.get(message.id)
      if (resolve && outstanding < MAX_OUTSTANDING) {
        credits.delete(message.id)
        resolve()
      }
    } else if (message.type === 'stop') {
      stops.add(message.id)
      credits.get(message.id)?.()
      credits.delete(message.id)
    } else {
      scan(message).catch((error: unknown) => {
        const failure: FromWorker =
          error instanceof AnnexAFileError
            ? { type: 'error', id: message.id, code: error.code, problem: error.problem, message: error.message }
            : { type: 'error', id: message.id, message: (error as Error).message }
        port.postMessage(failure)
      })
    }
  })
}

if (!isMainThread && (workerData as { annexAScanWorker?: boolean } | undefined)?.annexAScanWorker) runWorker()
