/**
 * The one error type of slemu. It carries the SoftLayer exception name that clients see as
 * `faultCode` (XML-RPC) or `code` (REST), and the HTTP status the REST transport answers with.
 * Build instances through the catalog in `errors.ts`, not with `new`, so texts stay consistent.
 */
export class ApiError extends Error {
  readonly exception: string;
  readonly restStatus: number;

  constructor(exception: string, message: string, restStatus: number) {
    // An ApiError is an answer, not a failure: no log line or client ever shows its stack, and
    // capturing one was an eighth of the CPU of a call refused early.
    const stackFrames = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackFrames;

    this.name = 'ApiError';
    this.exception = exception;
    this.restStatus = restStatus;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
