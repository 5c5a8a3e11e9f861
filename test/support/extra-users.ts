import type { FastifyInstance } from 'fastify';
import { accountQueries } from '../../db/account-queries';
import type { UserRecord } from '../../db/store';

// Users added to the in-memory store by list tests, so list behaviour has data whatever the
// default fixtures hold. Expectations are computed from the store, never from fixture counts.

export const OTHER_ACCOUNT = 9901;

const extra = [
  { id: 7901, username: 'mallory.mask', email: 'mallory@example.com', status: 1001 },
  { id: 7902, username: 'Oscar.Filter', email: 'oscar@example.net', status: 1003 },
  { id: 7903, username: 'peggy.paging', email: 'peggy@example.com', status: 1001 },
  { id: 7904, username: 'trent.order', email: 'trent@example.org', status: 1022 },
  { id: 7905, username: 'victor.limit', email: 'victor@example.com', status: 1001 },
];

export function addListUsers(app: FastifyInstance): void {
  const { store } = app.slemu;
  const now = app.slemu.clock.now();
  store.insertAccount({ id: OTHER_ACCOUNT, companyName: 'Elsewhere Ltd.', email: 'x@example.org' });

  for (const user of extra) {
    store.insertUser({
      id: user.id,
      accountId: 1001,
      parentId: 7001,
      username: user.username,
      email: user.email,
      firstName: user.username.split('.')[0] ?? '',
      lastName: 'Tester',
      companyName: '',
      country: 'US',
      userStatusId: user.status,
      passwordHash: null,
      apiKeyHash: null,
      loginQuestionRequired: 0,
      createdAt: now,
      lastLoginAt: null,
    });
  }
  store.insertUser({
    id: 7999,
    accountId: OTHER_ACCOUNT,
    parentId: null,
    username: 'outsider',
    email: 'outsider@example.org',
    firstName: 'Out',
    lastName: 'Sider',
    companyName: 'Elsewhere Ltd.',
    country: 'US',
    userStatusId: 1001,
    passwordHash: null,
    apiKeyHash: null,
    loginQuestionRequired: 0,
    createdAt: now,
    lastLoginAt: null,
  });
}

/** Every user of account 1001, as the store holds them, ordered by id. */
export function accountUsers(app: FastifyInstance): UserRecord[] {
  return accountQueries(app.slemu.store).usersOfAccount(1001);
}
