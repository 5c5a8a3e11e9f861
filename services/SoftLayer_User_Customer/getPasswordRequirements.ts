import type { CallContext } from '../../src/dispatch/call';
import { passwordRequirements } from '../../src/security/password-policy';

// The password rules as a PasswordSet container with only the requirement fields. slemu applies
// the same rules to VPN passwords, so isVpn does not change the answer (README).
// SLDN: SoftLayer_User_Customer/getPasswordRequirements.
export function getPasswordRequirements(ctx: CallContext, _isVpn: boolean | undefined) {
  return passwordRequirements(ctx.config.passwordPolicy);
}
