import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { toUserCustomer } from './user-view';

// The user the call is addressed to. Only users of the caller's own account can be read; any
// other id is "not found", as the real API does not reveal users of other accounts.
// SLDN: SoftLayer_User_Customer/getObject.
export function getObject(ctx: CallContext) {
  const id = ctx.initId as number;
  const user = ctx.store.findUserById(id);
  if (!user || user.accountId !== ctx.caller?.accountId) throw errors.objectNotFound(id);
  return toUserCustomer(user);
}
