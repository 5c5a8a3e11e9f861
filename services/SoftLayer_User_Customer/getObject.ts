import type { CallContext } from '../../src/dispatch/call';
import { toUserCustomer } from './user-view';
import { requireVisibleUser } from './user-visibility';

// The user the call is addressed to, if the caller may see it.
// SLDN: SoftLayer_User_Customer/getObject.
export function getObject(ctx: CallContext) {
  return toUserCustomer(requireVisibleUser(ctx));
}
