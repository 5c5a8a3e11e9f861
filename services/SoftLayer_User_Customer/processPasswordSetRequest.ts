import type { CallContext } from '../../src/dispatch/call';
import type { ExternalBinding, PasswordSet } from './password-set';
import { completePasswordSet } from './password-set-flow';

// Sets the new password for an outstanding reset key, after the user has proved who they are:
// the security answer first, then the second factor (TOTP or Verisign code in the
// External_Binding container; a phone-factor user is called and told to poll).
// SLDN: SoftLayer_User_Customer/processPasswordSetRequest.
export function processPasswordSetRequest(
  ctx: CallContext,
  passwordSet: PasswordSet | undefined,
  authenticationContainer: ExternalBinding | undefined,
): Promise<boolean> {
  return completePasswordSet(ctx, passwordSet, authenticationContainer, 'place');
}
