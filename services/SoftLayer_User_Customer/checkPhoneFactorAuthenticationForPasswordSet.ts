import type { CallContext } from '../../src/dispatch/call';
import type { ExternalBinding, PasswordSet } from './password-set';
import { completePasswordSet } from './password-set-flow';

// Polls the phone call processPasswordSetRequest placed: awaiting until the sandbox's simulated
// phone answers, failed on a denial, and on approval the password is set as processPasswordSet-
// Request would. SLDN documented it until 2021; slemu keeps it (decisions.md).
// SLDN (2021): SoftLayer_User_Customer/checkPhoneFactorAuthenticationForPasswordSet.
export function checkPhoneFactorAuthenticationForPasswordSet(
  ctx: CallContext,
  passwordSet: PasswordSet | undefined,
  authenticationContainer: ExternalBinding | undefined,
): Promise<boolean> {
  return completePasswordSet(ctx, passwordSet, authenticationContainer, 'poll');
}
