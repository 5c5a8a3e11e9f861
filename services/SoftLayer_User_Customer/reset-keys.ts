import type { PasswordKeyRecord, UserRecord } from '../../db/store';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { hashSecret } from '../../src/security/secret-token';
import { isActive } from '../../src/user-status';

export interface PasswordSetRequest {
  key: PasswordKeyRecord;
  user: UserRecord;
}

/**
 * The outstanding request a reset key stands for: unused, not superseded by a newer initiate,
 * unexpired. Keys are looked up by their SHA-256, so the lookup leaks nothing about the key.
 */
export function requireLiveKey(ctx: CallContext, key: string | undefined): PasswordSetRequest {
  const record = key ? ctx.store.findPasswordKey(hashSecret(key)) : undefined;
  const live =
    record !== undefined &&
    record.usedAt === null &&
    record.supersededAt === null &&
    record.expiresAt > ctx.clock.now();
  if (!live) throw errors.invalidRecoveryKey();

  const user = ctx.store.findUserById(record.userId);
  if (!user) throw errors.invalidRecoveryKey();
  return { key: record, user };
}

/**
 * For the instance methods: the key must belong to the user the call is addressed to, and that
 * user must still be active (a status change invalidates the request).
 */
export function requirePasswordSetRequest(
  ctx: CallContext,
  key: string | undefined,
): PasswordSetRequest {
  const request = requireLiveKey(ctx, key);
  if (request.user.id !== ctx.initId) throw errors.invalidRecoveryKey();
  if (!isActive(request.user)) throw errors.requestCannotBeProcessed();
  return request;
}
