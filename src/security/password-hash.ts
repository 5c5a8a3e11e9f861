import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

// Passwords and security answers are kept only as salted scrypt hashes, in the self-describing
// form `scrypt$N$r$p$salt$hash` so the cost can change without invalidating stored hashes.

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number },
) => Promise<Buffer>;

const COSTS = {
  standard: { N: 16384, r: 8, p: 1 },
  // For secrets the sandbox publishes anyway (fixtures, users made through the control API):
  // a slow hash protects nothing there, and seeding a new store hashes a few dozen of them.
  published: { N: 1024, r: 8, p: 1 },
};
const KEY_LENGTH = 32;

export type HashCost = keyof typeof COSTS;

export async function hashPassword(password: string, cost: HashCost = 'standard'): Promise<string> {
  const { N, r, p } = COSTS[cost];
  const salt = randomBytes(16);
  const derived = await scryptAsync(password, salt, KEY_LENGTH, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), derived.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;

  const expected = Buffer.from(hash, 'base64');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const derived = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, cost);
  return timingSafeEqual(derived, expected);
}
