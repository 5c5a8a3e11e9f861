import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { hashPassword } from '../../src/security/password-hash';
import { passwordViolations } from '../../src/security/password-policy';
import { recordFailure, requireNotLocked } from './attempt-limits';
import type { ExternalBinding, PasswordSet } from './password-set';
import { requirePasswordSetRequest } from './reset-keys';
import { requireSecondFactor, settleSecondFactor, type PhoneStep } from './second-factor';
import { answerMatches } from './security-answers';

/**
 * The steps shared by processPasswordSetRequest and checkPhoneFactorAuthenticationForPasswordSet:
 * a live key for this user, no lockout, the security answer, an acceptable password, then the
 * second factor. The password is checked before the second factor so a weak password does not
 * spend a one-time code. The key is consumed by the same transaction that stores the password,
 * so two concurrent calls cannot both succeed.
 */
export async function completePasswordSet(
  ctx: CallContext,
  passwordSet: PasswordSet | undefined,
  binding: ExternalBinding | undefined,
  phoneStep: PhoneStep,
): Promise<true> {
  const { key, user } = requirePasswordSetRequest(ctx, passwordSet?.key ?? undefined);
  requireNotLocked(ctx, user, errors.accountLocked);

  if (ctx.store.securityAnswersOf(user.id).length > 0) {
    const answered = passwordSet?.answeredSecurityQuestionId;
    if (!(await answerMatches(ctx.store, user.id, answered, passwordSet?.securityAnswer))) {
      recordFailure(ctx, user);
      throw errors.invalidSecurityAnswer();
    }
  }

  const password = passwordSet?.password;
  if (!password) throw errors.invalidValue('Password');

  const violations = passwordViolations(password, user.username, ctx.config.passwordPolicy);
  if (violations.length > 0) throw errors.passwordPolicy(violations);

  requireSecondFactor(ctx, user, binding, phoneStep);

  const passwordHash = await hashPassword(password);
  if (!ctx.store.completePasswordSet(key.keyHash, user.id, passwordHash, ctx.clock.now())) {
    throw errors.invalidRecoveryKey();
  }
  settleSecondFactor(ctx, user);
  ctx.log.info({ userId: user.id }, 'password set through a reset key');
  return true;
}
