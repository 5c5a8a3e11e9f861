import type { UserRecord } from '../../db/store';
import type { ApiError } from '../../src/dispatch/api-error';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';

const MINUTE_MS = 60_000;

/**
 * The reset-request rate limit: so many admitted per username string in a rolling window,
 * known usernames or not, so the limit reveals nothing about which usernames exist.
 */
export function admitResetRequest(ctx: CallContext, username: string): void {
  const { max, windowMinutes } = ctx.config.resetRequestLimit;
  const now = ctx.clock.now();

  const since = now - windowMinutes * MINUTE_MS;
  if (!ctx.store.attemptLimits.admitResetRequest(username, now, since, max)) {
    ctx.log.info('password reset request refused by the rate limit');
    throw errors.resetRateLimited();
  }
}

/** Refuses with the method's lockout error while the user is locked. */
export function requireNotLocked(
  ctx: CallContext,
  user: UserRecord,
  locked: (minutes: number) => ApiError,
): void {
  const until = ctx.store.attemptLimits.lockedUntil(user.id);
  if (until !== undefined && until > ctx.clock.now()) throw locked(ctx.config.lockout.lockMinutes);
}

/** Counts a failed proof of identity; enough of them in the window lock the user. */
export function recordFailure(ctx: CallContext, user: UserRecord): void {
  const { maxFailures, windowMinutes, lockMinutes } = ctx.config.lockout;
  const now = ctx.clock.now();

  const since = now - windowMinutes * MINUTE_MS;
  const until = now + lockMinutes * MINUTE_MS;
  if (ctx.store.attemptLimits.recordFailure(user.id, now, since, maxFailures, until)) {
    ctx.log.info({ userId: user.id }, 'user locked after too many failed attempts');
  }
}
