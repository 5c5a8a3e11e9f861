import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { isActive } from '../../src/user-status';
import { requireLiveKey } from './reset-keys';

// The id of the user a reset key belongs to; the portal calls this when the emailed link opens.
// SLDN: SoftLayer_User_Customer/getUserIdForPasswordSet.
export function getUserIdForPasswordSet(ctx: CallContext, key: string | undefined): number {
  const { user } = requireLiveKey(ctx, key);
  if (!isActive(user)) throw errors.invalidRecoveryKey();
  return user.id;
}
