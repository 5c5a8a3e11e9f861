import { accountQueries } from '../../db/account-queries';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { toAccount } from './account-view';

// The caller's own account: SoftLayer_Account needs no id, the credentials name the account.
// SLDN: SoftLayer_Account/getObject.
export function getObject(ctx: CallContext) {
  const accountId = ctx.caller?.accountId as number;
  const account = accountQueries(ctx.store).findAccount(accountId);
  if (!account) throw errors.objectNotFound(accountId);
  return toAccount(account);
}
