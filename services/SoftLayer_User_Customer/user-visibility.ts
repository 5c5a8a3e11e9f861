import type { UserRecord } from '../../db/store';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';

/**
 * The user the call is addressed to, if the caller may see it: only users of the caller's own
 * account. Any other id is "not found", as the real API does not reveal other accounts' users.
 */
export function requireVisibleUser(ctx: CallContext): UserRecord {
  const id = ctx.initId as number;
  const user = ctx.store.findUserById(id);
  if (!user || user.accountId !== ctx.caller?.accountId) throw errors.objectNotFound(id);
  return user;
}
