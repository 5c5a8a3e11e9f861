import { codeAt, matchingStep } from '../../../src/security/one-time-code';

// RFC 6238 appendix B uses the ASCII seed "12345678901234567890" (base32 below) with SHA-1; its
// 8-digit codes end in the 6-digit codes Google Authenticator shows.
const RFC_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('one-time codes', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('at %i s the code is %s, as RFC 6238 says', (seconds, code) => {
    expect(codeAt(RFC_SEED, seconds * 1000)).toBe(code);
    expect(matchingStep(RFC_SEED, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
  });

  it('allows one step of drift either way and no more', () => {
    const now = 1_234_567_890_000;
    const step = Math.floor(now / 30_000);
    expect(matchingStep(RFC_SEED, codeAt(RFC_SEED, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(RFC_SEED, codeAt(RFC_SEED, now + 30_000), now)).toBe(step + 1);
    expect(matchingStep(RFC_SEED, codeAt(RFC_SEED, now - 60_000), now)).toBeUndefined();
  });

  it('refuses anything that is not six digits', () => {
    expect(matchingStep(RFC_SEED, '28708', 59_000)).toBeUndefined();
    expect(matchingStep(RFC_SEED, 'abcdef', 59_000)).toBeUndefined();
  });
});
