import type { FastifyBaseLogger } from 'fastify';
import { isApiError, type ApiError } from '../dispatch/api-error';
import { errors } from '../dispatch/errors';

/**
 * Every failure as an ApiError. An unexpected exception becomes the generic internal error on
 * the wire; its stack goes to the log only.
 */
export function asApiError(error: unknown, log: FastifyBaseLogger): ApiError {
  if (isApiError(error)) return error;

  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 413) return errors.bodyTooLarge();
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return errors.badRequest((error as Error).message);
  }

  log.error({ err: error }, 'unexpected error while answering a call');
  return errors.internal();
}
