import type { FastifyInstance } from 'fastify';
import type { UserRecord } from '../../db/store';
import { accountUsers, addListUsers } from '../support/extra-users';
import { startTestApp } from '../support/test-app';
import { expectValue, transports, type TestCall } from '../support/transports';

const SL1001 = {
  username: 'SL1001',
  apiKey: '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
};

type Listed = { id: number; username: string };

const getUsers = (extra: Partial<TestCall> = {}): TestCall => ({
  service: 'SoftLayer_Account',
  method: 'getUsers',
  auth: SL1001,
  mask: 'mask[id,username]',
  ...extra,
});

const onUsers = (property: string, leaf: Record<string, unknown>) => ({
  users: { [property]: leaf },
});

describe.each(transports)('lists, filters and limits over %s', (_wire, call) => {
  let app: FastifyInstance;
  let users: UserRecord[];

  const ids = (predicate: (user: UserRecord) => boolean) =>
    users.filter(predicate).map((u) => u.id);

  async function listed(extra: Partial<TestCall>) {
    const outcome = await call(app, getUsers(extra));
    const value = expectValue(outcome) as Listed[];
    if (!outcome.ok) throw new Error('unreachable');
    return {
      ids: value.map((user) => user.id),
      value,
      total: Number(outcome.headers['softlayer-total-items']),
    };
  }

  beforeAll(async () => {
    app = await startTestApp();
    addListUsers(app);
    users = accountUsers(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists every user of the caller account, and only those, with SoftLayer-Total-Items', async () => {
    const result = await listed({});
    expect(result.ids).toEqual(users.map((user) => user.id));
    expect(result.ids).not.toContain(7999);
    expect(result.total).toBe(users.length);
    expect(result.value[0]).toEqual({ id: users[0]?.id, username: users[0]?.username });
  });

  it('returns the caller account', async () => {
    const account = expectValue(
      await call(app, { service: 'SoftLayer_Account', method: 'getObject', auth: SL1001 }),
    );
    expect(account).toEqual({
      id: 1001,
      companyName: 'Sandbox Widgets Inc.',
      email: 'sl1001@example.com',
    });
  });

  it.each([
    [
      'plain equality',
      'username',
      { operation: 'peggy.paging' },
      (u: UserRecord) => u.username === 'peggy.paging',
    ],
    ['a number', 'id', { operation: 7903 }, (u: UserRecord) => u.id === 7903],
    [
      '_= ignoring case',
      'username',
      { operation: '_= oscar.filter' },
      (u: UserRecord) => u.username === 'Oscar.Filter',
    ],
    [
      '*= contains',
      'email',
      { operation: '*= example.com' },
      (u: UserRecord) => u.email.includes('example.com'),
    ],
    [
      '^= begins with',
      'username',
      { operation: '^= pe' },
      (u: UserRecord) => u.username.toLowerCase().startsWith('pe'),
    ],
    [
      '$= ends with',
      'email',
      { operation: '$= .org' },
      (u: UserRecord) => u.email.endsWith('.org'),
    ],
    [
      '!= differs',
      'userStatusId',
      { operation: '!= 1001' },
      (u: UserRecord) => u.userStatusId !== 1001,
    ],
    [
      '!*= lacks',
      'email',
      { operation: '!*= example.com' },
      (u: UserRecord) => !u.email.includes('example.com'),
    ],
    [
      '~ matches',
      'username',
      { operation: '~ ^[a-p].*\\.' },
      (u: UserRecord) => /^[a-p].*\./i.test(u.username),
    ],
    [
      '!~ does not match',
      'username',
      { operation: '!~ \\.' },
      (u: UserRecord) => !u.username.includes('.'),
    ],
    ['> greater', 'id', { operation: '> 7902' }, (u: UserRecord) => u.id > 7902],
    ['>= at least', 'id', { operation: '>= 7902' }, (u: UserRecord) => u.id >= 7902],
    ['< less', 'id', { operation: '< 7902' }, (u: UserRecord) => u.id < 7902],
    ['<= at most', 'id', { operation: '<=7902' }, (u: UserRecord) => u.id <= 7902],
    [
      'in with options data',
      'id',
      { operation: 'in', options: [{ name: 'data', value: [7002, 7904, 123] }] },
      (u: UserRecord) => [7002, 7904].includes(u.id),
    ],
    ['is null', 'parentId', { operation: 'is null' }, (u: UserRecord) => u.parentId === null],
    ['not null', 'parentId', { operation: 'not null' }, (u: UserRecord) => u.parentId !== null],
    [
      'greaterThanDate',
      'createDate',
      { operation: 'greaterThanDate', options: [{ name: 'date', value: ['01/01/2000'] }] },
      () => true,
    ],
    [
      'lessThanDate',
      'createDate',
      { operation: 'lessThanDate', options: [{ name: 'date', value: ['01/01/2000'] }] },
      () => false,
    ],
    // Dates on both sides of the fixtures' creation, so an ignored operation cannot pass.
    [
      'greaterThanDate, a future date',
      'createDate',
      { operation: 'greaterThanDate', options: [{ name: 'date', value: ['01/01/2100'] }] },
      () => false,
    ],
    [
      'lessThanDate, a future date',
      'createDate',
      { operation: 'lessThanDate', options: [{ name: 'date', value: ['01/01/2100'] }] },
      () => true,
    ],
  ])('filters with %s', async (_name, property, leaf, predicate) => {
    const result = await listed({ filter: onUsers(property, leaf) });
    expect(result.ids).toEqual(ids(predicate));
    expect(result.total).toBe(result.ids.length);
  });

  it('filters through a relation', async () => {
    const result = await listed({
      filter: { users: { userStatus: { keyName: { operation: 'VPN_ONLY' } } } },
    });
    expect(result.ids).toEqual(ids((u) => u.statusKeyName === 'VPN_ONLY'));
    expect(result.ids).toContain(7904);
  });

  it('combines conditions on several properties', async () => {
    const filter = {
      users: { userStatusId: { operation: 1001 }, email: { operation: '$= example.com' } },
    };
    const result = await listed({ filter });
    expect(result.ids).toEqual(
      ids((u) => u.userStatusId === 1001 && u.email.endsWith('example.com')),
    );
  });

  it('orders with orderBy, sort and sortOrder', async () => {
    const byName = await listed({
      filter: onUsers('username', {
        operation: 'orderBy',
        options: [{ name: 'sort', value: ['DESC'] }],
      }),
    });
    const names = users
      .map((u) => u.username)
      .sort()
      .reverse();
    expect(byName.value.map((u) => u.username)).toEqual(names);

    const twoKeys = await listed({
      filter: {
        users: {
          id: {
            operation: 'orderBy',
            options: [
              { name: 'sort', value: ['DESC'] },
              { name: 'sortOrder', value: [2] },
            ],
          },
          userStatusId: {
            operation: 'orderBy',
            options: [
              { name: 'sort', value: ['ASC'] },
              { name: 'sortOrder', value: [1] },
            ],
          },
        },
      },
    });
    const expected = [...users].sort((a, b) => a.userStatusId - b.userStatusId || b.id - a.id);
    expect(twoKeys.ids).toEqual(expected.map((u) => u.id));
  });

  it("applies softlayer-python's root-level id orderBy beside the relation", async () => {
    const sortAsc = { operation: 'orderBy', options: [{ name: 'sort', value: ['DESC'] }] };
    const result = await listed({
      filter: { users: { userStatusId: { operation: 1001 } }, id: sortAsc },
    });
    expect(result.ids).toEqual(ids((u) => u.userStatusId === 1001).reverse());
  });

  it('ignores filters it cannot understand, as the real API does', async () => {
    for (const filter of [
      { users: { username: { operation: { nested: true } } } },
      { users: { noSuchProperty: { operation: 'x' } } },
      { users: { id: { operation: 'in' } } },
      { users: 'not an object' },
      { users: { username: { operation: '~ (' } } },
    ]) {
      expect((await listed({ filter })).ids).toEqual(users.map((u) => u.id));
    }
  });

  it('pages with resultLimit and reports the total before paging', async () => {
    const page = await listed({ resultLimit: { offset: 2, limit: 3 } });
    expect(page.ids).toEqual(users.slice(2, 5).map((u) => u.id));
    expect(page.total).toBe(users.length);

    const filtered = await listed({
      filter: onUsers('userStatusId', { operation: 1001 }),
      resultLimit: { offset: 1, limit: 2 },
    });
    const active = ids((u) => u.userStatusId === 1001);
    expect(filtered.ids).toEqual(active.slice(1, 3));
    expect(filtered.total).toBe(active.length);
  });

  it('treats limit 0 as no limit and an offset past the end as an empty page', async () => {
    expect((await listed({ resultLimit: { offset: 3, limit: 0 } })).ids).toEqual(
      users.slice(3).map((u) => u.id),
    );
    const beyond = await listed({ resultLimit: { offset: 500, limit: 2 } });
    expect(beyond.ids).toEqual([]);
    expect(beyond.total).toBe(users.length);
  });

  it('masks relations of each listed user', async () => {
    const result = await call(
      app,
      getUsers({ mask: 'mask[id,userStatus[keyName]]', resultLimit: { offset: 0, limit: 2 } }),
    );
    expect(expectValue(result)).toEqual(
      users.slice(0, 2).map((u) => ({ id: u.id, userStatus: { keyName: u.statusKeyName } })),
    );
  });

  it('filters a relational list inside getObject', async () => {
    const account = expectValue(
      await call(app, {
        service: 'SoftLayer_Account',
        method: 'getObject',
        auth: SL1001,
        mask: 'mask[id,users[id]]',
        filter: onUsers('username', { operation: '^= peggy' }),
      }),
    );
    expect(account).toEqual({ id: 1001, users: [{ id: 7903 }] });
  });
});
