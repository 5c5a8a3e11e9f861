import type { FastifyInstance } from 'fastify';
import { startTestApp } from '../support/test-app';
import { expectFault, expectValue, transports, type TestCall } from '../support/transports';

const SL1001 = {
  username: 'SL1001',
  apiKey: '0cd92e71f0d5c79c904250227cdfee0b87986979bd1d810ee056a392c4d1f899',
};

const alice = (mask: TestCall['mask']): TestCall => ({
  service: 'SoftLayer_User_Customer',
  method: 'getObject',
  id: 7002,
  auth: SL1001,
  ...(mask === undefined ? {} : { mask }),
});

const ALICE_STATUS = { id: 1001, keyName: 'ACTIVE', name: 'Active' };

describe.each(transports)('object masks over %s', (wire, call) => {
  let app: FastifyInstance;
  let aliceDefaults: Record<string, unknown>;

  beforeAll(async () => {
    app = await startTestApp();
    aliceDefaults = expectValue(await call(app, alice(undefined))) as Record<string, unknown>;
  });
  afterAll(async () => {
    await app.close();
  });

  it('returns local properties only when there is no mask', () => {
    expect(aliceDefaults).toMatchObject({ id: 7002, username: 'alice', parentId: 7001 });
    expect(aliceDefaults).not.toHaveProperty('userStatus');
    expect(aliceDefaults).not.toHaveProperty('parent');
  });

  it('mask[...] naming local properties returns only those', async () => {
    const user = expectValue(await call(app, alice('mask[id,username]')));
    expect(user).toEqual({ id: 7002, username: 'alice' });
  });

  it('mask[] restricts nothing', async () => {
    expect(expectValue(await call(app, alice('mask[]')))).toEqual(aliceDefaults);
  });

  it('naming only relational properties keeps every local one', async () => {
    const user = expectValue(await call(app, alice('mask[userStatus]')));
    expect(user).toEqual({ ...aliceDefaults, userStatus: ALICE_STATUS });
  });

  it('nests: mask[a[b,c]]', async () => {
    const user = expectValue(
      await call(
        app,
        alice('mask[id, parent[id, username, userStatus[keyName]], account[companyName]]'),
      ),
    );
    expect(user).toEqual({
      id: 7002,
      parent: { id: 7001, username: 'SL1001', userStatus: { keyName: 'ACTIVE' } },
      account: { companyName: 'Sandbox Widgets Inc.' },
    });
  });

  it('reads the dotted legacy form', async () => {
    const user = expectValue(await call(app, alice('mask.parent.username,mask.userStatus.name')));
    expect(user).toEqual({
      ...aliceDefaults,
      parent: { username: 'SL1001' },
      userStatus: { name: 'Active' },
    });
  });

  it('reads the semicolon legacy form and a bare property', async () => {
    const legacy = expectValue(await call(app, alice('userStatus;parent.id')));
    expect(legacy).toEqual({ ...aliceDefaults, userStatus: ALICE_STATUS, parent: { id: 7001 } });
    expect(expectValue(await call(app, alice('email')))).toEqual({ email: 'alice@example.com' });
  });

  it('reads mask(Type)[...] and [...]', async () => {
    const typed = expectValue(await call(app, alice('mask(SoftLayer_User_Customer)[id,email]')));
    expect(typed).toEqual({ id: 7002, email: 'alice@example.com' });
    expect(expectValue(await call(app, alice('[id]')))).toEqual({ id: 7002 });
  });

  it('reads filteredMask[...]', async () => {
    const user = expectValue(await call(app, alice('filteredMask[id,userStatus[id]]')));
    expect(user).toEqual({ id: 7002, userStatus: { id: 1001 } });
  });

  it('fills count properties and relational lists', async () => {
    const master = expectValue(
      await call(app, {
        ...alice(
          'mask[id,childUserCount,childUsers[id,username],securityAnswers[questionId,question[question]]]',
        ),
        id: 7001,
      }),
    ) as Record<string, unknown>;
    const children = master.childUsers as { id: number; username: string }[];
    expect(children).toContainEqual({ id: 7002, username: 'alice' });
    expect(master.childUserCount).toBe(children.length);
    expect(master.securityAnswers).toEqual([
      { questionId: 1, question: { question: 'What was the name of your first pet?' } },
    ]);
  });

  it('answers a relation slemu does not model with an empty list', async () => {
    const user = expectValue(await call(app, alice('mask[id,hardware,hardwareCount]')));
    expect(user).toEqual({ id: 7002, hardware: [], hardwareCount: 0 });
  });

  it('refuses a property the type lacks with the real error', async () => {
    const outcome = await call(app, alice('mask[id,userData]'));
    expectFault(outcome, 'SoftLayer_Exception_WebService_ObjectMask');
    expect(outcome.message).toBe("Property 'userData' not valid for 'SoftLayer_User_Customer'.");
    if (wire === 'rest') expect(outcome.status).toBe(500);
  });

  it('checks nested properties against their own type', async () => {
    const outcome = await call(app, alice('mask[userStatus[colour]]'));
    expectFault(outcome, 'SoftLayer_Exception_WebService_ObjectMask');
    expect(outcome.message).toBe(
      "Property 'colour' not valid for 'SoftLayer_User_Customer_Status'.",
    );
  });

  it('refuses a mask it cannot parse', async () => {
    const outcome = await call(app, alice('mask[id,parent[username]'));
    expectFault(outcome, 'SoftLayer_Exception_WebService_BadRequest');
    expect(outcome.message).toMatch(/^Unable to parse object mask: /);
    if (wire === 'rest') expect(outcome.status).toBe(400);
  });

  it('masks the account and its users', async () => {
    const account = expectValue(
      await call(app, {
        service: 'SoftLayer_Account',
        method: 'getObject',
        auth: SL1001,
        mask: 'mask[id,companyName,masterUser[username],users[username]]',
      }),
    ) as Record<string, unknown>;
    expect(account).toMatchObject({
      id: 1001,
      companyName: 'Sandbox Widgets Inc.',
      masterUser: { username: 'SL1001' },
    });
    expect(account.users).toEqual(
      expect.arrayContaining([{ username: 'SL1001' }, { username: 'alice' }]),
    );
    expect(Object.keys(account).sort()).toEqual(['companyName', 'id', 'masterUser', 'users']);
  });

  if (wire !== 'rest') {
    it('reads the legacy struct under <Service>ObjectMask', async () => {
      const user = expectValue(
        await call(app, alice({ id: null, username: [], userStatus: { keyName: null } })),
      );
      expect(user).toEqual({ id: 7002, username: 'alice', userStatus: { keyName: 'ACTIVE' } });
    });
  }
});
