/**
 * Libraries that only some requests use, loaded on first use rather than at every start (issue
 * 16: a second start within 3 s). Loading ExcelJS, pdfmake, PDF.js and nodemailer took about
 * 0.4 s of each start between them, and a start may write no workbook, PDF or email for hours.
 * Each is loaded once; later calls get the same module.
 */
import type ExcelJS from 'exceljs'
import type nodemailer from 'nodemailer'
import type pdfmake from 'pdfmake'
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs'

/** ExcelJS: the programme, intervention and monitoring exports, and Annex A's marked-up copy. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}

/** pdfmake: reports and letters rendered to PDF. */
export async function loadPdfmake(): Promise<typeof pdfmake> {
  return (await import('pdfmake')).default
}

/** PDF.js: page counts and text of rendered PDFs. */
export async function loadPdfJs(): Promise<typeof PdfJs> {
  return import('pdfjs-dist/legacy/build/pdf.mjs')
}

/** nodemailer: the outbox sent over SMTP. */
export async function loadNodemailer(): Promise<typeof nodemailer> {
  return (await import('nodemailer')).default
}
