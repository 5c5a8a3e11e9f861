import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Reset keys and portal tokens: 256 bits from the CSPRNG. Only their SHA-256 is stored, so a
// copy of the database does not hand out live credentials.

export function newResetKey(): string {
  return randomBytes(32).toString('base64url');
}

// softlayer-python and the Go client treat the portal token as an opaque string; the real API's
// looks like 64 hex characters.
export function newPortalToken(): string {
  return randomBytes(32).toString('hex');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatchesHash(secret: string, storedHash: string): boolean {
  const candidate = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
