import { readFileSync } from 'node:fs';
import { hashPassword } from '../src/security/password-hash';
import { hashSecret } from '../src/security/secret-token';
import { normaliseAnswer } from '../src/security/security-answer';
import { SandboxStore } from './sandbox-store';
import {
  seedBrands,
  seedSecondFactor,
  type FixtureBrand,
  type FixtureSecondFactor,
} from './seed-factors-brands';
import type { Store } from './store';

// The sandbox data a fresh database starts with. Secrets are plain in the fixtures file (this is
// a sandbox; the README lists them) and hashed on the way into the store.

export interface FixtureUser {
  id: number;
  accountId: number;
  parentId?: number;
  username: string;
  email: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  status?: string;
  password?: string;
  apiKey?: string;
  hasLoggedIn?: boolean;
  loginQuestionRequired?: boolean;
  securityAnswers?: { questionId: number; answer: string }[];
  secondFactor?: FixtureSecondFactor;
}

export interface Fixtures {
  securityQuestions: { id: number; question: string; displayOrder: number; viewable?: number }[];
  accounts: { id: number; companyName: string; email: string }[];
  users: FixtureUser[];
  brands?: FixtureBrand[];
}

const STATUS_IDS: Record<string, number> = {
  ACTIVE: 1001,
  DISABLED: 1002,
  INACTIVE: 1003,
  CANCEL_PENDING: 1021,
  VPN_ONLY: 1022,
  PENDING: 1024,
};

export function readFixtures(file: string): Fixtures {
  return JSON.parse(readFileSync(file, 'utf8')) as Fixtures;
}

export type PreparedUser = Awaited<ReturnType<typeof hashUserSecrets>>;

export interface PreparedSeed {
  fixtures: Fixtures;
  users: PreparedUser[];
}

export async function seedStore(store: Store, fixtures: Fixtures, now: number): Promise<void> {
  const seed = await prepareSeed(fixtures);
  const sandbox = new SandboxStore(store);
  store.db.transaction(() => insertSeed(store, sandbox, seed, now))();
}

/** Hashes every secret first, so the inserts can run in one synchronous transaction. */
export async function prepareSeed(fixtures: Fixtures): Promise<PreparedSeed> {
  const users = await Promise.all(fixtures.users.map((user) => hashUserSecrets(user)));
  return { fixtures, users };
}

/** Inserts prepared fixtures; the caller owns the transaction. */
export function insertSeed(
  store: Store,
  sandbox: SandboxStore,
  seed: PreparedSeed,
  now: number,
): void {
  for (const question of seed.fixtures.securityQuestions) {
    store.insertSecurityQuestion({ viewable: 1, ...question });
  }
  for (const account of seed.fixtures.accounts) store.insertAccount(account);

  // Parents first, so the parent_id reference always points at an existing row.
  const byDepth = [...seed.users].sort(
    (a, b) => Number(a.user.parentId !== undefined) - Number(b.user.parentId !== undefined),
  );
  for (const prepared of byDepth) insertPreparedUser(store, sandbox, prepared, now);
  seedBrands(store, seed.fixtures.brands ?? []);
}

export function insertPreparedUser(
  store: Store,
  sandbox: SandboxStore,
  { user, passwordHash, answers }: PreparedUser,
  now: number,
): void {
  store.insertUser(toNewUser(user, passwordHash, now));
  for (const answer of answers) store.insertSecurityAnswer({ userId: user.id, ...answer });
  if (user.secondFactor) seedSecondFactor(store, user.id, user.secondFactor, now);
  sandbox.keepSecrets(user.id, {
    password: user.password ?? null,
    passwordHash,
    apiKey: user.apiKey ?? null,
    securityAnswers: user.securityAnswers ?? [],
    secondFactor: user.secondFactor ?? null,
  });
}

export async function hashUserSecrets(user: FixtureUser) {
  // Fixture and control-API secrets are published (README, /_slemu/users): see HashCost.
  const passwordHash =
    user.password === undefined ? null : await hashPassword(user.password, 'published');
  const answers = await Promise.all(
    (user.securityAnswers ?? []).map(async ({ questionId, answer }) => ({
      questionId,
      answerHash: await hashPassword(normaliseAnswer(answer), 'published'),
    })),
  );
  return { user, passwordHash, answers };
}

function toNewUser(user: FixtureUser, passwordHash: string | null, now: number) {
  const status = user.status ?? 'ACTIVE';
  const userStatusId = STATUS_IDS[status];
  if (userStatusId === undefined)
    throw new Error(`fixture user ${user.username}: unknown status ${status}`);

  return {
    id: user.id,
    accountId: user.accountId,
    parentId: user.parentId ?? null,
    username: user.username,
    email: user.email,
    firstName: user.firstName ?? '',
    lastName: user.lastName ?? '',
    companyName: user.companyName ?? '',
    country: 'US',
    userStatusId,
    passwordHash,
    apiKeyHash: user.apiKey === undefined ? null : hashSecret(user.apiKey),
    loginQuestionRequired: user.loginQuestionRequired ? 1 : 0,
    createdAt: now,
    lastLoginAt: user.hasLoggedIn ? now : null,
  };
}
