import { hashPassword, verifyPassword } from '../../../src/security/password-hash';
import {
  hashSecret,
  newPortalToken,
  newResetKey,
  secretMatchesHash,
} from '../../../src/security/secret-token';

// Compare through crypto.timingSafeEqual, whatever the input: spy on it to prove both checks do.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});
const { timingSafeEqual } = jest.requireMock<{ timingSafeEqual: jest.Mock }>('node:crypto');

describe('reset keys and portal tokens', () => {
  it('carry 256 random bits each, never repeating', () => {
    const keys = Array.from({ length: 1000 }, newResetKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys.slice(0, 10)) expect(Buffer.from(key, 'base64url')).toHaveLength(32);

    const token = newPortalToken();
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are stored as a SHA-256 that does not contain them', () => {
    const key = newResetKey();
    expect(hashSecret(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(key)).not.toContain(key);
  });

  it('compare in constant time, even when wrong', () => {
    const key = newResetKey();
    timingSafeEqual.mockClear();

    expect(secretMatchesHash(key, hashSecret(key))).toBe(true);
    expect(secretMatchesHash(`${key}x`, hashSecret(key))).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(2);
  });
});

describe('password hashes', () => {
  it('are salted scrypt, different for the same password, and verified in constant time', async () => {
    const [first, second] = await Promise.all([
      hashPassword('Same#Pass1'),
      hashPassword('Same#Pass1'),
    ]);
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('Same#Pass1');

    timingSafeEqual.mockClear();
    expect(await verifyPassword('Same#Pass1', first)).toBe(true);
    expect(await verifyPassword('Same#Pass2', first)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(2);
  });
});
