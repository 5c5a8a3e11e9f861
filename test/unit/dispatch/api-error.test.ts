import { ApiError, isApiError } from '../../../src/dispatch/api-error';
import { errors } from '../../../src/dispatch/errors';

describe('ApiError', () => {
  it('carries the exception name, the message and the REST status', () => {
    const error = errors.objectNotFound(42);

    expect(error).toBeInstanceOf(Error);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({
      exception: 'SoftLayer_Exception_ObjectNotFound',
      message: "Unable to find object with id of '42'.",
      restStatus: 404,
    });
  });

  it('skips the stack trace without taking it from other errors', () => {
    const before = Error.stackTraceLimit;
    const answer = new ApiError('SoftLayer_Exception_Public', 'x', 500);

    expect(answer.stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('unexpected').stack).toMatch(/\n\s+at /);
  });
});
