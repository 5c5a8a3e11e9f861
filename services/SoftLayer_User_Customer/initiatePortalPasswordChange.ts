import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { admitResetRequest } from './attempt-limits';
import { startPasswordReset } from './reset-request';

// Step one of the reset journey: email the user a one-time link valid for 24 hours.
// SLDN: SoftLayer_User_Customer/initiatePortalPasswordChange. An unknown username answers true
// and sends nothing, so the method cannot be used to find out which usernames exist; the rate
// limit counts unknown usernames too, for the same reason.
export function initiatePortalPasswordChange(
  ctx: CallContext,
  username: string | undefined,
): boolean {
  if (!username?.trim()) throw errors.invalidValue('Username');
  admitResetRequest(ctx, username.trim());

  const user = ctx.store.findUserByUsername(username.trim());
  if (!user) {
    ctx.log.info('password reset asked for an unknown username; nothing sent');
    return true;
  }
  startPasswordReset(ctx, user);
  return true;
}
