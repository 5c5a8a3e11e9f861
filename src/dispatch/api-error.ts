/**
 * The one error type of slemu. It carries the SoftLayer exception name that clients see as
 * `faultCode` (XML-RPC) or `code` (REST), and the HTTP status the REST transport answers with.
 * Build instances through the catalog in `errors.ts`, not with `new`, so texts stay consistent.
 */
export class ApiError extends Error {
  constructor(
    readonly exception: string,
    message: string,
    readonly restStatus: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
