import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { hashPassword } from '../../src/security/password-hash';
import { passwordViolations } from '../../src/security/password-policy';
import type { ExternalBinding, PasswordSet } from './password-set';
import { requirePasswordSetRequest } from './reset-keys';
import { answerMatches } from './security-answers';

// Sets the new password for an outstanding reset key, after the user has proved who they are:
// a security answer when they have questions. The key is consumed by the same transaction that
// stores the password, so two concurrent calls cannot both succeed.
// SLDN: SoftLayer_User_Customer/processPasswordSetRequest.
export async function processPasswordSetRequest(
  ctx: CallContext,
  passwordSet: PasswordSet | undefined,
  _authenticationContainer: ExternalBinding | undefined,
): Promise<boolean> {
  const { key, user } = requirePasswordSetRequest(ctx, passwordSet?.key ?? undefined);

  if (ctx.store.securityAnswersOf(user.id).length > 0) {
    const answered = passwordSet?.answeredSecurityQuestionId;
    if (!(await answerMatches(ctx.store, user.id, answered, passwordSet?.securityAnswer))) {
      throw errors.invalidSecurityAnswer();
    }
  }

  const password = passwordSet?.password;
  if (!password) throw errors.invalidValue('Password');

  const violations = passwordViolations(password, user.username, ctx.config.passwordPolicy);
  if (violations.length > 0) throw errors.passwordPolicy(violations);

  const passwordHash = await hashPassword(password);
  if (!ctx.store.completePasswordSet(key.keyHash, user.id, passwordHash, ctx.clock.now())) {
    throw errors.invalidRecoveryKey();
  }
  ctx.log.info({ userId: user.id }, 'password set through a reset key');
  return true;
}
