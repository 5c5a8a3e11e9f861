import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { hashSecret, newResetKey } from '../../src/security/secret-token';
import { isActive, isMasterUser } from '../../src/user-status';

const HOUR_MS = 3_600_000;

// Step one of the reset journey: email the user a one-time link valid for 24 hours.
// SLDN: SoftLayer_User_Customer/initiatePortalPasswordChange. An unknown username answers true
// and sends nothing, so the method cannot be used to find out which usernames exist.
export async function initiatePortalPasswordChange(
  ctx: CallContext,
  username: string | undefined,
): Promise<boolean> {
  if (!username?.trim()) throw errors.invalidValue('Username');

  const user = ctx.store.findUserByUsername(username.trim());
  if (!user) {
    ctx.log.info('password reset asked for an unknown username; nothing sent');
    return true;
  }
  if (!isActive(user)) throw errors.requestCannotBeProcessed();

  // A master user who has logged in must answer a security question to reset, so needs one.
  const hasQuestions = ctx.store.securityAnswersOf(user.id).length > 0;
  if (isMasterUser(user) && user.lastLoginAt !== null && !hasQuestions) {
    throw errors.securityQuestionsRequired();
  }

  const key = newResetKey();
  const now = ctx.clock.now();
  const validHours = ctx.config.resetKeyLifetimeHours;
  ctx.store.issuePasswordKey({
    keyHash: hashSecret(key),
    userId: user.id,
    createdAt: now,
    expiresAt: now + validHours * HOUR_MS,
  });

  ctx.mailer.send('password-reset', user.email, {
    firstName: user.firstName || user.username,
    username: user.username,
    resetUrl: `${ctx.config.publicUrl}/password/set?key=${encodeURIComponent(key)}`,
    validHours,
  });
  return true;
}
