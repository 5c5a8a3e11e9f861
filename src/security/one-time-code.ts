import { Secret, TOTP } from 'otpauth';

// RFC 6238 codes as Google Authenticator makes them (SHA-1, 6 digits, 30-second steps), through
// the otpauth library. slemu emulates Verisign credentials the same way with their own seed.

const PERIOD_SECONDS = 30;
const DRIFT_STEPS = 1;

function totpFor(base32Secret: string): TOTP {
  return new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(base32Secret),
  });
}

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or undefined if
 * it matches none. `now` comes from slemu's clock, never from Date.now.
 */
export function matchingStep(base32Secret: string, code: string, now: number): number | undefined {
  const token = code.trim();
  if (!/^\d{6}$/.test(token)) return undefined;

  const delta = totpFor(base32Secret).validate({ token, timestamp: now, window: DRIFT_STEPS });
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The code an authenticator app shows at `now`; the tests and the sandbox use it. */
export function codeAt(base32Secret: string, now: number): string {
  return totpFor(base32Secret).generate({ timestamp: now });
}
