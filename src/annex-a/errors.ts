/**
 * Files that cannot be read at all. Everything readable becomes findings instead; this error
 * means nothing was read, so the web layer keeps the last good upload (issue 5: "a failed
 * upload never replaces the last good one").
 */

export type AnnexAFileErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_FOUND'
  | 'NOT_A_SPREADSHEET'
  | 'LEGACY_XLS'
  | 'ENCRYPTED'
  | 'CORRUPT_ZIP'
  | 'NOT_A_WORKBOOK'
  | 'ZIP_BOMB'
  | 'TOO_LARGE'
  | 'BAD_XML'
  | 'ABORTED'
  | 'TIME_LIMIT'

const WHAT_TO_DO: Record<AnnexAFileErrorCode, string> = {
  EMPTY_FILE: 'Check you chose the right file, then upload the Annex A workbook again.',
  NOT_FOUND: 'Check the file name and try again.',
  NOT_A_SPREADSHEET:
    'Open the Annex A return in Excel, choose File > Save As > Excel Workbook (*.xlsx), and upload that file.',
  LEGACY_XLS: 'Open it in Excel, choose File > Save As > Excel Workbook (*.xlsx), and upload the .xlsx file.',
  ENCRYPTED:
    'Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, then clear the password), save, and upload it again. Send the data through the secure upload instead of a password.',
  CORRUPT_ZIP:
    'The file may have been cut short while copying or downloading. Open it in Excel to check it opens, save it again as .xlsx, and upload it again.',
  NOT_A_WORKBOOK: 'Save the Annex A return from Excel as an Excel Workbook (*.xlsx) and upload that file.',
  ZIP_BOMB:
    'The file unpacks to far more data than an Annex A return holds. Save the lists again from Excel into a new workbook and upload that.',
  TOO_LARGE:
    'Split the return (for example one workbook per list, or .csv files per list) or remove sheets that are not Annex A lists, then upload again.',
  BAD_XML: 'Open the file in Excel; if Excel offers to repair it, accept, save it as .xlsx, and upload it again.',
  ABORTED: 'The check was stopped before it finished. Upload the file again.',
  TIME_LIMIT:
    'Check the file holds only the Annex A lists (no very long cells, no rows far below the data), or split it into one workbook or CSV file per list, then upload again.',
}

/** A file the Annex A reader cannot read, with a message for the person who uploaded it. */
export class AnnexAFileError extends Error {
  override name = 'AnnexAFileError'
  /** Stable code for the web layer and tests. */
  readonly code: AnnexAFileErrorCode
  /** What is wrong, in the uploader's terms (no child-level data). */
  readonly problem: string
  /** What to do about it. */
  readonly whatToDo: string

  constructor(code: AnnexAFileErrorCode, problem: string, options?: { cause?: unknown }) {
    super(`${problem} ${WHAT_TO_DO[code]}`, options)
    this.code = code
    this.problem = problem
    this.whatToDo = WHAT_TO_DO[code]
  }

  /** The whole message for a page or the CLI: what is wrong, then what to do. */
  get userMessage(): string {
    return this.message
  }
}

/**
 * The error for a check stopped by its signal: the time limit of a return (a signal from
 * `AbortSignal.timeout`, issue 10) or a cancellation.
 */
export function stoppedError(signal: AbortSignal): AnnexAFileError {
  const reason: unknown = signal.reason
  if (reason instanceof Error && reason.name === 'TimeoutError')
    return new AnnexAFileError('TIME_LIMIT', 'Checking the file took longer than a return may take.')
  return new AnnexAFileError('ABORTED', 'The check was cancelled.')
}
