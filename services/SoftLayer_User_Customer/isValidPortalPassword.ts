import type { CallContext } from '../../src/dispatch/call';
import { verifyPassword } from '../../src/security/password-hash';
import { requireVisibleUser } from './user-visibility';

// Whether the string is the portal password of the user the call is addressed to, for users
// the caller may see. A wrong guess here does not count towards the lockout: the caller is
// already authenticated. SLDN: SoftLayer_User_Customer/isValidPortalPassword.
export async function isValidPortalPassword(
  ctx: CallContext,
  password: string | undefined,
): Promise<boolean> {
  const user = requireVisibleUser(ctx);
  if (password === undefined || user.passwordHash === null) return false;
  return verifyPassword(password, user.passwordHash);
}
