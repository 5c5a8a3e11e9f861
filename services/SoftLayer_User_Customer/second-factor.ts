import type { SecondFactorRecord } from '../../db/second-factors';
import type { UserRecord } from '../../db/store';
import type { CallContext } from '../../src/dispatch/call';
import { errors } from '../../src/dispatch/errors';
import { matchingStep } from '../../src/security/one-time-code';
import { recordFailure } from './attempt-limits';
import { AUTHENTICATION_METHOD } from './authentication-methods';
import type { ExternalBinding } from './password-set';

/**
 * Which call is asking: processPasswordSetRequest places the phone call, and
 * checkPhoneFactorAuthenticationForPasswordSet polls it.
 */
export type PhoneStep = 'place' | 'poll';

/**
 * The second factor of a password set (methods.md §2.5), once the security answer is right.
 * TOTP and Verisign codes come in the External_Binding container's securityCode, whatever
 * complexType says; the phone factor reads the sandbox's simulated phone.
 */
export function requireSecondFactor(
  ctx: CallContext,
  user: UserRecord,
  binding: ExternalBinding | undefined,
  phoneStep: PhoneStep,
): void {
  const factor = ctx.store.secondFactors.find(user.id);
  if (!factor) return;

  if (factor.method === AUTHENTICATION_METHOD.phoneFactor) {
    requirePhoneApproval(ctx, user, phoneStep);
  } else {
    requireSecurityCode(ctx, user, factor, binding?.securityCode ?? undefined);
  }
}

/** After a successful set: the phone's approval was for this request only. */
export function settleSecondFactor(ctx: CallContext, user: UserRecord): void {
  const factor = ctx.store.secondFactors.find(user.id);
  if (factor?.method === AUTHENTICATION_METHOD.phoneFactor) {
    ctx.store.secondFactors.setPhoneAnswer(user.id, 'none', ctx.clock.now());
  }
}

function requireSecurityCode(
  ctx: CallContext,
  user: UserRecord,
  factor: SecondFactorRecord,
  code: string | undefined,
): void {
  if (!code?.trim()) {
    throw factor.method === AUTHENTICATION_METHOD.totp
      ? errors.totpRequired()
      : errors.securityCodeRequired();
  }

  const now = ctx.clock.now();
  const step = factor.secret === null ? undefined : matchingStep(factor.secret, code, now);
  // A code's step is spent once accepted, so the same code cannot be played back.
  if (step === undefined || !ctx.store.secondFactors.useStep(user.id, factor.method, step, now)) {
    recordFailure(ctx, user);
    throw errors.externalAuthenticationFailed();
  }
}

function requirePhoneApproval(ctx: CallContext, user: UserRecord, phoneStep: PhoneStep): void {
  const answer = ctx.store.secondFactors.phoneAnswer(user.id);
  if (answer === 'approve') return;

  if (answer === 'deny') {
    // A denial answers this call only; the next one rings the phone again.
    ctx.store.secondFactors.setPhoneAnswer(user.id, 'none', ctx.clock.now());
    recordFailure(ctx, user);
    throw errors.externalAuthenticationFailed();
  }
  throw phoneStep === 'place' ? errors.phoneRequired() : errors.awaitingResponse();
}
