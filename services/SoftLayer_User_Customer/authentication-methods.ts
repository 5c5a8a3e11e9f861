import type { Store, UserRecord } from '../../db/store';

// The integer codes of PasswordSet.authenticationMethods are undocumented; these are slemu's
// (decisions.md), listed in the README.
export const AUTHENTICATION_METHOD = {
  securityQuestion: 1,
  verisign: 2,
  totp: 3,
  phoneFactor: 4,
} as const;

/** What the user must prove, in the order processPasswordSetRequest asks for it. */
export function authenticationMethodsFor(store: Store, user: UserRecord): number[] {
  const methods: number[] = [];
  if (store.securityAnswersOf(user.id).length > 0)
    methods.push(AUTHENTICATION_METHOD.securityQuestion);

  const secondFactor = store.secondFactors.find(user.id);
  if (secondFactor) methods.push(secondFactor.method);
  return methods;
}
