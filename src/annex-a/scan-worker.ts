/**
 * Scanning sheets on a second thread. For a large workbook the pipeline is CPU-bound: this
 * worker inflates and scans the sheet XML while the main thread validates the rows already
 * scanned, so the two overlap (issue 5: "consider doing inflate on one core and validation on
 * the other with a worker thread"). Rows travel in batches of typed arrays that are
 * transferred, not copied, and the worker waits when the main thread is more than a few
 * batches behind, so memory stays bounded whatever the file's size.
 *
 * The worker is this same module started again (`import.meta.url`), so it works from the
 * TypeScript sources (through tsx) and from the esbuild bundle the CLI runs.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'
import { AnnexAFileError, type AnnexAFileErrorCode } from './errors.js'
import { CELL_ERROR, CELL_TEXT, RowBuffer, SheetScanner, type ScannerOptions } from './sheet-scanner.js'
import { ZipArchive, type ZipEntry, type ZipLimits } from './zip.js'

const BATCH_CELLS = 32_768
const MAX_OUTSTANDING = 4

interface RowBatch {
  readonly rows: number
  /** rowNumber, cell count — two per row. */
  readonly meta: Int32Array
  readonly cols: Int32Array
  readonly kinds: Uint8Array
  readonly nums: Float64Array
  readonly styles: Int32Array
  readonly formulas: Uint8Array
  /** Texts of text and error cells, in cell order. */
  readonly texts: string[]
  readonly compressedBytes: number
}

type ToWorker = { type: 'scan'; id: number; entry: ZipEntry } | { type: 'credit'; id: number } | { type: 'stop'; id: number }
type FromWorker =
  | ({ type: 'rows'; id: number } & RowBatch)
  | { type: 'done'; id: number; mergeRefs: string[]; cutCells: number; compressedBytes: number }
  | { type: 'error'; id: number; code?: AnnexAFileErrorCode; problem?: string; message: string }

interface WorkerSetup {
  readonly annexAScanWorker: true
  readonly path: string
  readonly zip: ZipLimits
  readonly scanner: ScannerOptions
}

/** A worker thread that scans the sheets of one workbook, one at a time, on request. */
export class SheetScanWorker {
  private nextId = 1
  private readonly handlers = new Map<number, (message: FromWorker) => void>()
  private failure: Error | undefined

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => this.handlers.get(message.id)?.(message))
    worker.on('error', (error) => {
      this.failure = error
      for (const handler of this.handlers.values()) handler({ type: 'error', id: 0, message: error.message })
    })
  }

  /** Start a worker for the workbook at `path`, or undefined where threads are not available. */
  static start(path: string, zip: ZipLimits, scanner: ScannerOptions): SheetScanWorker | undefined {
    try {
      const url = new URL(import.meta.url)
      const setup: WorkerSetup = { annexAScanWorker: true, path, zip, scanner }
      if (!url.pathname.endsWith('.ts')) return new SheetScanWorker(new Worker(url, { workerData: setup }))
      // From the TypeScript sources (tests, benchmarks) the worker registers tsx, then loads this file.
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
      const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}) })`
      return new SheetScanWorker(new Worker(boot, { eval: true, workerData: setup }))
    } catch {
      return undefined
    }
  }

  /** Scan one sheet part, calling `onRow` for each row on this thread; `onRow` may return false to stop. */
  scan(entry: ZipEntry, onRow: (row: RowBuffer) => boolean | void, options: { onCompressed?: (bytes: number) => void; signal?: AbortSignal } = {}): Promise<{ mergeRefs: string[]; cutCells: number }> {
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
      const abort = () => {
        this.worker.postMessage({ type: 'stop', id } satisfies ToWorker)
        finish(new AnnexAFileError('ABORTED', 'The check was cancelled.'))
      }
      options.signal?.addEventListener('abort', abort)
      this.handlers.set(id, (message) => {
        if (message.type === 'error') {
          finish(message.code ? new AnnexAFileError(message.code, message.problem ?? message.message) : new Error(message.message))
          return
        }
        if (message.type === 'done') {
          options.onCompressed?.(message.compressedBytes)
          finish(undefined, { mergeRefs: message.mergeRefs, cutCells: message.cutCells })
          return
        }
        options.onCompressed?.(message.compressedBytes)
        if (!stopped) {
          try {
            if (replay(message, row, onRow) === false) {
              stopped = true
              this.worker.postMessage({ type: 'stop', id } satisfies ToWorker)
            }
          } catch (error) {
            stopped = true
            this.worker.postMessage({ type: 'stop', id } satisfies ToWorker)
            finish(error as Error)
            return
          }
        }
        this.worker.postMessage({ type: 'credit', id } satisfies ToWorker)
      })
      this.worker.postMessage({ type: 'scan', id, entry } satisfies ToWorker)
    })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}

/** Feed one batch's rows through `onRow`, reusing `row`. */
function replay(batch: RowBatch, row: RowBuffer, onRow: (row: RowBuffer) => boolean | void): boolean {
  const { meta, cols, kinds, nums, styles, formulas, texts } = batch
  let cell = 0
  let text = 0
  for (let r = 0; r < batch.rows; r++) {
    const count = meta[r * 2 + 1]!
    while (row.cols.length < count) row.grow()
    row.rowNumber = meta[r * 2]!
    row.count = count
    for (let i = 0; i < count; i++, cell++) {
      const kind = kinds[cell]!
      row.cols[i] = cols[cell]!
      row.kinds[i] = kind
      row.nums[i] = nums[cell]!
      row.styles[i] = styles[cell]!
      row.formulas[i] = formulas[cell]!
      if (kind === CELL_TEXT || kind === CELL_ERROR) row.texts[i] = texts[text++]!
    }
    if (onRow(row) === false) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// The worker side.

class BatchBuilder {
  rows = 0
  cells = 0
  meta = new Int32Array(8192)
  cols = new Int32Array(BATCH_CELLS + 16_384)
  kinds = new Uint8Array(BATCH_CELLS + 16_384)
  nums = new Float64Array(BATCH_CELLS + 16_384)
  styles = new Int32Array(BATCH_CELLS + 16_384)
  formulas = new Uint8Array(BATCH_CELLS + 16_384)
  texts: string[] = []

  add(row: RowBuffer): void {
    if ((this.rows + 1) * 2 > this.meta.length) this.meta = grow(this.meta, this.meta.length * 2)
    if (this.cells + row.count > this.cols.length) {
      const size = (this.cells + row.count) * 2
      this.cols = grow(this.cols, size)
      this.kinds = grow(this.kinds, size)
      this.nums = grow(this.nums, size)
      this.styles = grow(this.styles, size)
      this.formulas = grow(this.formulas, size)
    }
    this.meta[this.rows * 2] = row.rowNumber
    this.meta[this.rows * 2 + 1] = row.count
    const at = this.cells
    for (let i = 0; i < row.count; i++) {
      const kind = row.kinds[i]!
      this.cols[at + i] = row.cols[i]!
      this.kinds[at + i] = kind
      this.nums[at + i] = row.nums[i]!
      this.styles[at + i] = row.styles[i]!
      this.formulas[at + i] = row.formulas[i]!
      if (kind === CELL_TEXT || kind === CELL_ERROR) this.texts.push(row.texts[i]!)
    }
    this.cells += row.count
    this.rows++
  }

  full(): boolean {
    return this.cells >= BATCH_CELLS || this.rows * 2 >= this.meta.length - 2
  }
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(from: T, size: number): T {
  const to = new (from.constructor as new (n: number) => T)(size)
  to.set(from)
  return to
}

function runWorker(setup: WorkerSetup): void {
  const port = parentPort!
  let archive: Promise<ZipArchive> | undefined
  const credits = new Map<number, () => void>()
  const stops = new Set<number>()
  let outstanding = 0

  const scan = async (id: number, entry: ZipEntry) => {
    archive ??= ZipArchive.open(setup.path, setup.zip)
    const zip = await archive
    let batch = new BatchBuilder()
    let compressed = 0
    const send = async () => {
      const b = batch
      batch = new BatchBuilder()
      const message: FromWorker = {
        type: 'rows',
        id,
        rows: b.rows,
        meta: b.meta,
        cols: b.cols,
        kinds: b.kinds,
        nums: b.nums,
        styles: b.styles,
        formulas: b.formulas,
        texts: b.texts,
        compressedBytes: compressed,
      }
      compressed = 0
      outstanding++
      port.postMessage(message, [b.meta.buffer, b.cols.buffer, b.kinds.buffer, b.nums.buffer, b.styles.buffer, b.formulas.buffer])
      if (outstanding >= MAX_OUTSTANDING) await new Promise<void>((resolve) => credits.set(id, resolve))
    }
    const scanner = new SheetScanner((row) => {
      if (stops.has(id)) return false
      batch.add(row)
    }, setup.scanner)
    await zip.read(
      entry,
      (chunk) => {
        const more = scanner.push(chunk) && !stops.has(id)
        return batch.full() ? send().then(() => more && !stops.has(id)) : more
      },
      { onCompressed: (bytes) => (compressed += bytes) },
    )
    if (!stops.has(id)) scanner.end()
    if (batch.rows > 0 && !stops.has(id)) await send()
    port.postMessage({ type: 'done', id, mergeRefs: scanner.mergeRefs, cutCells: scanner.cutCells, compressedBytes: compressed } satisfies FromWorker)
    stops.delete(id)
  }

  port.on('message', (message: ToWorker) => {
    if (message.type === 'credit') {
      outstanding--
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
      scan(message.id, message.entry).catch((error: unknown) => {
        const failure: FromWorker =
          error instanceof AnnexAFileError ? { type: 'error', id: message.id, code: error.code, problem: error.problem, message: error.message } : { type: 'error', id: message.id, message: (error as Error).message }
        port.postMessage(failure)
      })
    }
  })
}

if (!isMainThread && (workerData as Partial<WorkerSetup> | undefined)?.annexAScanWorker) runWorker(workerData as WorkerSetup)
