import type { UserRecord } from '../../db/store';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { isMasterUser } from '../../src/user-status';
import { admitResetRequest } from './attempt-limits';
import { requireVisibleUser } from './user-visibility';
import { startPasswordReset } from './reset-request';

// A brand agent with the "Add Customer Accounts" permission starts a reset for the master user
// of a customer account its brand owns; the email goes to that master user. The init id is the
// agent acting, so it must be a user the caller may see.
// SLDN (2020): SoftLayer_User_Customer/initiatePortalPasswordChangeByBrandAgent.
export function initiatePortalPasswordChangeByBrandAgent(
  ctx: CallContext,
  username: string | undefined,
): boolean {
  const agent = requireVisibleUser(ctx);
  if (!username?.trim()) throw errors.invalidValue('Username');

  const brand = ctx.store.brands.findBrandOwnedBy(agent.accountId);
  if (!brand) throw errors.notBrandMasterAccount();
  if (!ctx.store.brands.isBrandAgent(agent.id)) throw errors.noResetPermissionForAnotherUser();

  admitResetRequest(ctx, username.trim());
  const target = ctx.store.findUserByUsername(username.trim());
  if (!target) throw errors.usernameDoesNotExist();
  if (!isBrandCustomerMaster(ctx, target, brand.id)) throw errors.noResetPermissionForThisUser();

  startPasswordReset(ctx, target);
  return true;
}

function isBrandCustomerMaster(ctx: CallContext, user: UserRecord, brandId: number): boolean {
  return isMasterUser(user) && ctx.store.brands.brandOfCustomerAccount(user.accountId) === brandId;
}
