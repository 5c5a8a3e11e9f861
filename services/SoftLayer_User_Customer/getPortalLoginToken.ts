import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { hashPassword, verifyPassword } from '../../src/security/password-hash';
import { hashSecret, newPortalToken } from '../../src/security/secret-token';
import { isActive } from '../../src/user-status';
import { recordFailure, requireNotLocked } from './attempt-limits';
import { answerMatches } from './security-answers';

const HOUR_MS = 3_600_000;

// Portal login: username and password (and a security answer for users who must give one) for
// a token that softlayer-python's authenticate_with_password then sends as PortalLoginToken.
// Wrong passwords and answers count towards the lockout; a locked user is refused even with the
// right password. SLDN: SoftLayer_User_Customer/getPortalLoginToken.
export async function getPortalLoginToken(
  ctx: CallContext,
  username: string | undefined,
  password: string | undefined,
  securityQuestionId: number | undefined,
  securityQuestionAnswer: string | undefined,
) {
  const user = username ? ctx.store.findUserByUsername(username) : undefined;
  if (user) requireNotLocked(ctx, user, errors.loginLocked);

  const passwordMatches =
    user?.passwordHash != null && password !== undefined
      ? await verifyPassword(password, user.passwordHash)
      : // Spend the same hashing time for an unknown user, so timing does not reveal usernames.
        (await hashPassword(password ?? ''), false);
  if (!user || !passwordMatches) {
    if (user) recordFailure(ctx, user);
    throw errors.invalidLogin();
  }

  if (!isActive(user)) throw errors.userNotActive(user.statusName);

  if (user.loginQuestionRequired === 1) {
    if (!(await answerMatches(ctx.store, user.id, securityQuestionId, securityQuestionAnswer))) {
      recordFailure(ctx, user);
      throw errors.invalidLoginAnswer();
    }
  }

  const token = newPortalToken();
  const now = ctx.clock.now();
  const lifetime = ctx.config.portalTokenLifetimeHours * HOUR_MS;
  ctx.store.issuePortalToken(hashSecret(token), user.id, now, now + lifetime);
  ctx.store.recordLogin(user.id, now);
  return { userId: user.id, hash: token };
}
