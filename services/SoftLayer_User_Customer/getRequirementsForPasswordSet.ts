import type { CallContext } from '../../src/dispatch/call';
import { passwordRequirements } from '../../src/security/password-policy';
import { authenticationMethodsFor } from './authentication-methods';
import type { PasswordSet } from './password-set';
import { requirePasswordSetRequest } from './reset-keys';

// What the user must supply to finish the reset: echoes the caller's container and fills in the
// authentication methods, the user's security questions and the password rules.
// SLDN: SoftLayer_User_Customer/getRequirementsForPasswordSet.
export function getRequirementsForPasswordSet(
  ctx: CallContext,
  passwordSet: PasswordSet | undefined,
): PasswordSet {
  const { user } = requirePasswordSetRequest(ctx, passwordSet?.key ?? undefined);

  const securityQuestions = ctx.store.securityAnswersOf(user.id).map((answer, index) => ({
    id: answer.questionId,
    question: answer.question,
    displayOrder: index + 1,
    viewable: 1,
  }));

  return {
    ...passwordSet,
    userId: user.id,
    authenticationMethods: authenticationMethodsFor(ctx.store, user),
    securityQuestions,
    ...passwordRequirements(ctx.config.passwordPolicy),
  };
}
