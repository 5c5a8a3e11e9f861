import type { CallContext } from '../../src/dispatch/call';
import { usersOfAccount } from './relations';

// Every portal user of the caller's account, ordered by id; the dispatcher filters, orders,
// counts and pages the list. SLDN: SoftLayer_Account/getUsers.
export function getUsers(ctx: CallContext) {
  return usersOfAccount(ctx, ctx.caller?.accountId as number);
}
