import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { dataPath } from '../../src/paths';
import { latestResetKey, startTestApp } from '../support/test-app';

const FIXTURE_USERS = (
  JSON.parse(readFileSync(dataPath('fixtures', 'default.json'), 'utf8')) as { users: unknown[] }
).users.length;
import { callRest, expectFault, expectValue } from '../support/transports';

const USER = 'SoftLayer_User_Customer';

describe('the control API under /_slemu/', () => {
  let app: FastifyInstance;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });

  const json = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const response = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };
  const login = (username: string, password: string) =>
    callRest(app, { service: USER, method: 'getPortalLoginToken', args: [username, password] });
  const initiate = (username: string) =>
    callRest(app, { service: USER, method: 'initiatePortalPasswordChange', args: [username] });

  it('lists the users with their plain secrets', async () => {
    const { status, body } = await json('GET', '/_slemu/users/SL1001');

    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: 7001,
      password: 'Sandbox#1001',
      passwordChanged: false,
      apiKey: '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
      securityAnswers: [
        { questionId: 1, answer: 'Rex', question: 'What was the name of your first pet?' },
      ],
    });
    expect((await json('GET', '/_slemu/users')).body.users).toHaveLength(FIXTURE_USERS);
    expect((await json('GET', '/_slemu/users/7002')).body.username).toBe('alice');
    expect((await json('GET', '/_slemu/users/bob')).body).toMatchObject({
      secondFactor: { type: 'totp', secret: 'JBSWY3DPEHPK3PXP' },
    });
    expect((await json('GET', '/_slemu/users/nobody')).status).toBe(404);
  });

  it('creates a user who can log in and reset, and deletes them', async () => {
    const created = await json('POST', '/_slemu/users', {
      username: 'zoe',
      email: 'zoe@example.com',
      password: 'Zoe#Start42',
      apiKey: 'z0e',
      parentId: 7001,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 7023,
      accountId: 1001,
      username: 'zoe',
      password: 'Zoe#Start42',
    });
    expect(expectValue(await login('zoe', 'Zoe#Start42'))).toMatchObject({ userId: 7023 });
    expect(expectValue(await initiate('zoe'))).toBe(true);
    expect(latestResetKey(app, 'zoe@example.com')).toBeTruthy();

    expect(
      (await json('POST', '/_slemu/users', { username: 'ZOE', email: 'x@example.com' })).status,
    ).toBe(409);
    expect((await json('POST', '/_slemu/users', { username: 'carol' })).status).toBe(400);

    expect((await json('DELETE', '/_slemu/users/zoe')).status).toBe(200);
    expectFault(await login('zoe', 'Zoe#Start42'), 'SoftLayer_Exception_Public');
    expect((await json('DELETE', '/_slemu/users/zoe')).status).toBe(404);
  });

  it('refuses to delete a user who is the parent of others', async () => {
    expect((await json('DELETE', '/_slemu/users/SL1001')).status).toBe(409);
  });

  it('reports a password changed by a reset as no longer known', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    const process = await callRest(app, {
      service: USER,
      method: 'processPasswordSetRequest',
      id: 7002,
      args: [{ key, password: 'Changed#Pass1' }, {}],
    });
    expect(expectValue(process)).toBe(true);

    expect((await json('GET', '/_slemu/users/alice')).body).toMatchObject({
      password: null,
      passwordChanged: true,
    });
  });

  it('resets to the fixtures: users, passwords, keys and outbox', async () => {
    await initiate('alice');
    const key = latestResetKey(app, 'alice@example.com');
    await json('POST', '/_slemu/users', { username: 'zoe', email: 'zoe@example.com' });
    await json('POST', '/_slemu/faults', {
      service: USER,
      method: 'getObject',
      exception: 'SoftLayer_Exception',
    });

    expect((await json('POST', '/_slemu/reset')).status).toBe(200);

    expect((await json('GET', '/_slemu/users')).body.users).toHaveLength(FIXTURE_USERS);
    expect((await json('GET', '/_slemu/outbox')).body.messages).toEqual([]);
    expect((await json('GET', '/_slemu/faults')).body.faults).toEqual([]);
    expectFault(
      await callRest(app, { service: USER, method: 'getUserIdForPasswordSet', args: [key] }),
      'SoftLayer_Exception_Public',
    );
    // The store's prepared statements still work on the reseeded rows.
    expect(expectValue(await login('alice', 'Alice#Start1'))).toMatchObject({ userId: 7002 });
  });

  it('loads a fixtures file in place of the data', async () => {
    const fixtures = JSON.parse(readFileSync(dataPath('fixtures', 'default.json'), 'utf8')) as {
      users: { id: number; username: string }[];
      brands?: { agentUserIds: number[] }[];
    };
    const brands = fixtures.brands;
    fixtures.users = fixtures.users.filter((user) => user.username === 'SL1001');

    // Brands naming users the file no longer has break the data: refused, nothing changes.
    expect((await json('POST', '/_slemu/fixtures', fixtures)).status).toBe(409);
    expect(expectValue(await login('alice', 'Alice#Start1'))).toMatchObject({ userId: 7002 });
    expect(brands?.length).toBeGreaterThan(0);
    fixtures.brands = [];

    const loaded = await json('POST', '/_slemu/fixtures', fixtures);
    expect(loaded).toEqual({ status: 200, body: { loaded: true, users: 1 } });
    expect(expectValue(await login('SL1001', 'Sandbox#1001'))).toMatchObject({ userId: 7001 });
    expectFault(await login('alice', 'Alice#Start1'), 'SoftLayer_Exception_Public');

    expect((await json('POST', '/_slemu/fixtures', { users: [] })).status).toBe(400);
  });

  it('reads one email, and clears the outbox', async () => {
    await initiate('alice');
    const [message] = (await json('GET', '/_slemu/outbox')).body.messages as { id: number }[];

    const one = await json('GET', `/_slemu/outbox/${message?.id}`);
    expect(one.body).toMatchObject({
      to: 'alice@example.com',
      delivery: { status: 'none', error: null },
    });
    expect((await json('DELETE', '/_slemu/outbox')).body).toEqual({ deleted: 1 });
    expect((await json('GET', `/_slemu/outbox/${message?.id}`)).status).toBe(404);
  });

  it('clears only the emails to one address when asked', async () => {
    await initiate('alice');
    await initiate('SL1002');

    const cleared = await json('DELETE', '/_slemu/outbox?to=ALICE@example.com');
    expect(cleared.body).toEqual({ deleted: 1 });
    const left = (await json('GET', '/_slemu/outbox')).body.messages as { to: string }[];
    expect(left.map((message) => message.to)).toEqual(['sl1002@example.com']);
  });
});
