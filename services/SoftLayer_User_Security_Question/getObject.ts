import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';

// One viewable security question by id. SLDN: SoftLayer_User_Security_Question (getObject).
export function getObject(ctx: CallContext) {
  const id = ctx.initId as number;
  const question = ctx.store.securityQuestions().find((q) => q.id === id && q.viewable === 1);
  if (!question) throw errors.objectNotFound(id);
  return question;
}
