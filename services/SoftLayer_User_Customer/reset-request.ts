import type { UserRecord } from '../../db/store';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { hashSecret, newResetKey } from '../../src/security/secret-token';
import { isActive, isMasterUser } from '../../src/user-status';

const HOUR_MS = 3_600_000;

/**
 * Issues a reset key for the user and emails the link, after the rules every initiate shares:
 * the user is active, and a master user who has logged in has security questions to answer.
 */
export function startPasswordReset(ctx: CallContext, user: UserRecord): void {
  if (!isActive(user)) throw errors.requestCannotBeProcessed();

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
}
