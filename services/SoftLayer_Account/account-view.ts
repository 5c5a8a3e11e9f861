import type { AccountRecord } from '../../db/account-queries';

/** An account as the SoftLayer_Account datatype: the local properties slemu keeps. */
export function toAccount(account: AccountRecord): Record<string, unknown> {
  return { companyName: account.companyName, email: account.email, id: account.id };
}
