import type { CallContext } from '../../src/dispatch/call';

// Every viewable security question, for anyone: the portal shows them before login.
// SLDN: SoftLayer_User_Security_Question/getAllObjects.
export function getAllObjects(ctx: CallContext) {
  return ctx.store.securityQuestions().filter((question) => question.viewable === 1);
}
