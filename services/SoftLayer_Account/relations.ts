import { accountQueries } from '../../db/account-queries';
import type { CallContext } from '../../src/dispatch/call';
import type { RelationLoader } from '../../src/object-graph/relations';
import { toUserCustomer } from '../SoftLayer_User_Customer/user-view';

export function usersOfAccount(ctx: CallContext, accountId: number) {
  return accountQueries(ctx.store).usersOfAccount(accountId).map(toUserCustomer);
}

// Relational properties of SoftLayer_Account that masks and filters can reach.
export const SoftLayer_Account: Record<string, RelationLoader> = {
  users: (ctx, account) => usersOfAccount(ctx, account.id as number),

  masterUser: (ctx, account) => {
    const master = accountQueries(ctx.store).masterUserOf(account.id as number);
    return master && toUserCustomer(master);
  },
};
