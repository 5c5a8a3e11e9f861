import { readFileSync } from 'node:fs';
import { hashPassword } from '../src/security/password-hash';
import { hashSecret } from '../src/security/secret-token';
import { normaliseAnswer } from '../src/security/security-answer';
import {
  seedBrands,
  seedSecondFactor,
  type FixtureBrand,
  type FixtureSecondFactor,
} from './seed-factors-brands';
import type { Store } from './store';

// The sandbox data a fresh database starts with. Secrets are plain in the fixtures file (this is
// a sandbox; the README lists them) and hashed on the way into the store.

interface FixtureUser {
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

interface Fixtures {
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

export async function seedStore(store: Store, fixtures: Fixtures, now: number): Promise<void> {
  const users = await Promise.all(fixtures.users.map((user) => hashUserSecrets(user)));

  store.db.transaction(() => {
    for (const question of fixtures.securityQuestions) {
      store.insertSecurityQuestion({ viewable: 1, ...question });
    }
    for (const account of fixtures.accounts) store.insertAccount(account);

    // Parents first, so the parent_id reference always points at an existing row.
    const byDepth = [...users].sort((a, b) => Number(a.user.parentId !== undefined) - Number(b.user.parentId !== undefined));
    for (const { user, passwordHash, answers } of byDepth) {
      store.insertUser(toNewUser(user, passwordHash, now));
      for (const answer of answers) store.insertSecurityAnswer({ userId: user.id, ...answer });
      if (user.secondFactor) seedSecondFactor(store, user.id, user.secondFactor, now);
    }
    seedBrands(store, fixtures.brands ?? []);
  })();
}

async function hashUserSecrets(user: FixtureUser) {
  const passwordHash = user.password === undefined ? null : await hashPassword(user.password);
  const answers = await Promise.all(
    (user.securityAnswers ?? []).map(async ({ questionId, answer }) => ({
      questionId,
      answerHash: await hashPassword(normaliseAnswer(answer)),
    })),
  );
  return { user, passwordHash, answers };
}

function toNewUser(user: FixtureUser, passwordHash: string | null, now: number) {
  const status = user.status ?? 'ACTIVE';
  const userStatusId = STATUS_IDS[status];
  if (userStatusId === undefined) throw new Error(`fixture user ${user.username}: unknown status ${status}`);

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
