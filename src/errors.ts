/**
 * The errors services throw (STYLE.md §3, ADR 0008). They say what went wrong in the domain's
 * terms; the web layer's single error handler maps them to pages and status codes, and forms show
 * a ValidationError's messages beside their fields. Anything else is a 500 with a reference and
 * no details. Services import these, never anything from `src/web/`.
 */
export class AppError extends Error {
  readonly statusCode: number = 500
  override name = 'AppError'
}

export class NotFoundError extends AppError {
  override readonly statusCode = 404
  override name = 'NotFoundError'
  constructor(message = 'Page not found') {
    super(message)
  }
}

export class ForbiddenError extends AppError {
  override readonly statusCode = 403
  override name = 'ForbiddenError'
  constructor(message = 'You do not have permission to do this') {
    super(message)
  }
}

/** Someone else changed the record first; the user must reload and try again. */
export class ConflictError extends AppError {
  override readonly statusCode = 409
  override name = 'ConflictError'
}

/** Form or API input that fails validation: a map of field name → message, GOV.UK wording. */
export class ValidationError extends AppError {
  override readonly statusCode = 400
  override name = 'ValidationError'
  constructor(readonly fieldErrors: Readonly<Record<string, string>>) {
    super(Object.values(fieldErrors).join('; '))
  }
}
